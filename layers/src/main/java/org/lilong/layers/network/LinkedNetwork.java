package org.lilong.layers.network;

/**
 * A network with links added ({@link NetworkLinker}), and the way from positions on the network it
 * was made from to positions on this one.
 *
 * <p>Every node and edge of the base network keeps its number: nodes where links join a street
 * come after the base nodes, and an edge cut at such a node keeps its number for its first piece
 * (from its from-node), its other pieces and the links coming after the base edges.
 */
public final class LinkedNetwork {

    private final WalkingNetwork network;
    private final int baseEdgeCount;
    /** For a cut base edge e, cuts[e] holds the fractions of its cuts, ascending; null for an uncut edge. */
    private final double[][] cuts;
    /** For a cut base edge e, pieces[e][j] is the edge of its piece j + 1 (piece 0 is e itself). */
    private final int[][] pieces;
    private final int firstLinkEdge;

    LinkedNetwork(WalkingNetwork network, int baseEdgeCount, double[][] cuts, int[][] pieces, int firstLinkEdge) {
        this.network = network;
        this.baseEdgeCount = baseEdgeCount;
        this.cuts = cuts;
        this.pieces = pieces;
        this.firstLinkEdge = firstLinkEdge;
    }

    public WalkingNetwork network() {
        return network;
    }

    /** The edge of link i (in the order given to the linker). */
    public int linkEdge(int i) {
        int edge = firstLinkEdge + i;
        if (i < 0 || edge >= network.edgeCount()) {
            throw new IndexOutOfBoundsException("no link " + i);
        }
        return edge;
    }

    /**
     * The same street point on this network: unchanged on an edge that was not cut; on a cut edge,
     * the piece it lies on and the fraction along that piece (a point at a cut goes to the piece
     * before it).
     *
     * @throws IllegalArgumentException when the position's edge is not in the base network
     */
    public EdgePosition position(EdgePosition onBase) {
        int edge = onBase.edge();
        if (edge >= baseEdgeCount) {
            throw new IllegalArgumentException("edge " + edge + " is not in the base network");
        }
        double[] at = cuts[edge];
        if (at == null) {
            return onBase;
        }
        double fraction = onBase.fraction();
        int piece = 0;
        while (piece < at.length && fraction > at[piece]) {
            piece++;
        }
        double start = piece == 0 ? 0 : at[piece - 1];
        double end = piece == at.length ? 1 : at[piece];
        double within = end > start ? (fraction - start) / (end - start) : 0;
        return new EdgePosition(piece == 0 ? edge : pieces[edge][piece - 1], Math.max(0, Math.min(1, within)));
    }
}
