package org.lilong.layers.lifecircle;

/** A start point (or area) lies farther from every walkable street than the snapping limit. */
public final class OffNetworkException extends RuntimeException {

    private final double distanceMetres;
    private final double limitMetres;

    public OffNetworkException(String message, double distanceMetres, double limitMetres) {
        super(message);
        this.distanceMetres = distanceMetres;
        this.limitMetres = limitMetres;
    }

    /** How far the nearest street is; positive infinity when the network is empty. */
    public double distanceMetres() {
        return distanceMetres;
    }

    public double limitMetres() {
        return limitMetres;
    }
}
