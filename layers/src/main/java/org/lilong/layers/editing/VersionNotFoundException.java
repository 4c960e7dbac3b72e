package org.lilong.layers.editing;

/** The history of a feature has no such version (or the version is a deletion, which has no state). */
public final class VersionNotFoundException extends RuntimeException {

    public VersionNotFoundException(String layerId, long featureId, int version) {
        super("feature " + featureId + " of '" + layerId + "' has no version " + version + " with a state");
    }
}
