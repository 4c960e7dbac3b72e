package org.lilong.layers.editing;

/** The feature to change does not exist (any more). */
public final class FeatureNotFoundException extends RuntimeException {

    public FeatureNotFoundException(String layerId, long featureId) {
        super("layer '" + layerId + "' has no feature " + featureId);
    }
}
