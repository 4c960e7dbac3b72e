package org.lilong.layers.store;

/**
 * A conditional change set found a feature not in the state it expected (someone else changed or
 * deleted it since the client read it); nothing was written.
 */
public final class PreconditionFailedException extends RuntimeException {

    private final String layerId;
    private final long featureId;
    private final String currentEtag;

    public PreconditionFailedException(String layerId, long featureId, String currentEtag) {
        super(currentEtag == null
                ? "feature " + featureId + " of layer '" + layerId + "' no longer exists"
                : "feature " + featureId + " of layer '" + layerId + "' has changed since it was read");
        this.layerId = layerId;
        this.featureId = featureId;
        this.currentEtag = currentEtag;
    }

    public String layerId() {
        return layerId;
    }

    public long featureId() {
        return featureId;
    }

    /** The digest of the feature's current state, or null when it was deleted. */
    public String currentEtag() {
        return currentEtag;
    }
}
