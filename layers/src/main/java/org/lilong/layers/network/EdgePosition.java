package org.lilong.layers.network;

/**
 * A point on the network: an edge and the fraction of its length from its from-node (0 is the
 * from-node, 1 the to-node). What {@link NearestEdgeSnapper} attaches an origin or a facility to.
 */
public record EdgePosition(int edge, double fraction) {

    public EdgePosition {
        if (edge < 0) {
            throw new IllegalArgumentException("edge " + edge + " is negative");
        }
        if (!(0 <= fraction && fraction <= 1)) {
            throw new IllegalArgumentException("fraction " + fraction + " is not within 0..1");
        }
    }

    /** Metres from the edge's from-node to the point. */
    public double metresFromStart(WalkingNetwork network) {
        return fraction * network.edgeLengthMetres(edge);
    }

    /** Metres from the point to the edge's to-node. */
    public double metresToEnd(WalkingNetwork network) {
        return (1 - fraction) * network.edgeLengthMetres(edge);
    }
}
