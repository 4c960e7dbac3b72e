package org.lilong.layers.model;

/** A request named a layer the catalogue does not hold. */
public class UnknownLayerException extends RuntimeException {

    private final String layerId;

    public UnknownLayerException(String layerId) {
        super("there is no layer '" + layerId + "'");
        this.layerId = layerId;
    }

    public String layerId() {
        return layerId;
    }
}
