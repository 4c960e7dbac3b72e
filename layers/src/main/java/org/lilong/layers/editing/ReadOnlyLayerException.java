package org.lilong.layers.editing;

/** The layer is not edited through the API (a base layer, kept by imports). */
public final class ReadOnlyLayerException extends RuntimeException {

    public ReadOnlyLayerException(String layerId) {
        super("layer '" + layerId + "' is read-only here: it is kept by imports (editable: "
                + String.join(", ", new java.util.TreeSet<>(EditableLayers.IDS)) + ")");
    }
}
