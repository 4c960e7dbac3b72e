package org.lilong.layers.network;

/**
 * Where {@link NearestEdgeSnapper} attached a point: the nearest point of the network, and whether it
 * lies within the snapper's limit.
 *
 * @param position the nearest point as an edge and a fraction; null only when the network is empty
 * @param lon longitude of the nearest point (NaN when there is none)
 * @param lat latitude of the nearest point (NaN when there is none)
 * @param distanceMetres from the given point to the nearest point; positive infinity when there is none
 * @param limitMetres the farthest a point may lie from the network to be attached to it
 */
public record SnapResult(EdgePosition position, double lon, double lat, double distanceMetres, double limitMetres) {

    static SnapResult nothing(double limitMetres) {
        return new SnapResult(null, Double.NaN, Double.NaN, Double.POSITIVE_INFINITY, limitMetres);
    }

    /** True when the nearest street is farther than the limit (or there is no street at all): the point cannot be attached. */
    public boolean isTooFar() {
        return position == null || distanceMetres > limitMetres;
    }
}
