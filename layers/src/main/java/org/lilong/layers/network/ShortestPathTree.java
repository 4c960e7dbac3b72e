package org.lilong.layers.network;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One-to-all walking distances on a {@link WalkingNetwork}, bounded by a maximum distance:
 * Dijkstra's algorithm with a primitive binary heap ({@link NodeHeap}).
 *
 * <p>A search starts from a node, from a point on an edge ({@link EdgePosition}: both ends of the
 * edge are seeded with the partial lengths to them), or from several such points at once (each node
 * then gets the distance to the nearest of them, and {@link #origin} says which). It settles every
 * node whose distance is at most the limit, and only those: nodes beyond the limit are never
 * queued, so the work is proportional to the reached part of the network. Origins may carry a
 * start offset (a walk already made before the network, such as a facility's leg from its street).
 *
 * <p>An instance holds the search state for one network (about 40 bytes per node) and is reused:
 * each search overwrites the previous one's result without clearing the arrays (a generation stamp
 * marks which entries are current), so a search allocates nothing beyond a copy of its origins (and
 * their offsets). It is not thread-safe: keep one per thread.
 */
public final class ShortestPathTree {

    /** Up to this many origins, {@link #distanceMetres(EdgePosition)} scans them all for one on the target's edge. */
    private static final int FEW_ORIGINS = 16;

    private final WalkingNetwork network;
    private final double[] distance;
    private final int[] predecessorEdge;
    private final int[] origin;
    /** The generation of the search that last touched each node; entries of other generations are stale. */
    private final int[] stamp;
    private final int[] reached;
    private final NodeHeap heap;
    private int generation;
    private int reachedCount;
    private double maxDistanceMetres;
    private List<EdgePosition> origins = List.of();
    /** Each origin's start offset (all zero unless {@link #fromAll(List, double[], double)} gave some). */
    private double[] originOffsets = new double[0];
    /** Origin indexes sorted by edge, for finding the origins on an edge among many; null for a few origins. */
    private int[] originsByEdge;

    public ShortestPathTree(WalkingNetwork network) {
        this.network = network;
        int nodes = network.nodeCount();
        distance = new double[nodes];
        predecessorEdge = new int[nodes];
        origin = new int[nodes];
        stamp = new int[nodes];
        reached = new int[nodes];
        heap = new NodeHeap(nodes);
    }

    public WalkingNetwork network() {
        return network;
    }

    /** Searches from a node. */
    public ShortestPathTree fromNode(int node, double maxDistanceMetres) {
        if (node < 0 || node >= network.nodeCount()) {
            throw new IllegalArgumentException("node " + node + " is not in the network");
        }
        begin(maxDistanceMetres, List.of());
        seed(node, 0, -1, 0);
        run();
        return this;
    }

    /** Searches from a point on an edge: its from-node starts at the partial length behind the point, its to-node at the one ahead. */
    public ShortestPathTree from(EdgePosition start, double maxDistanceMetres) {
        return fromAll(List.of(start), maxDistanceMetres);
    }

    /**
     * Searches from several points at once: the distance of a node is to the nearest of them, and
     * {@link #origin} gives that one's index in the list. Equivalent to the minimum over one search
     * per point.
     */
    public ShortestPathTree fromAll(List<EdgePosition> starts, double maxDistanceMetres) {
        return fromAll(starts, new double[starts.size()], maxDistanceMetres);
    }

    /**
     * Searches from several points at once, each with a walk already behind it: origin i's ends start
     * at {@code startMetres[i]} plus the partial lengths to them. A facility's own straight leg from
     * its street is such an offset, so that the distance of a node is the whole walk to the nearest
     * facility. Equivalent to the minimum over one search per point, each plus its offset; an origin
     * whose offset exceeds the limit reaches nothing.
     *
     * @throws IllegalArgumentException when the arrays differ in length or an offset is negative or not a number
     */
    public ShortestPathTree fromAll(List<EdgePosition> starts, double[] startMetres, double maxDistanceMetres) {
        if (startMetres.length != starts.size()) {
            throw new IllegalArgumentException(starts.size() + " origins but " + startMetres.length + " start offsets");
        }
        for (double offset : startMetres) {
            if (!(offset >= 0)) {
                throw new IllegalArgumentException("start offset " + offset + " m is not a distance");
            }
        }
        begin(maxDistanceMetres, starts);
        originOffsets = startMetres.clone();
        originsByEdge = starts.size() <= FEW_ORIGINS ? null : sortedByEdge(starts);
        for (int i = 0; i < starts.size(); i++) {
            EdgePosition start = starts.get(i);
            seed(network.edgeFrom[start.edge()], startMetres[i] + start.metresFromStart(network), -1, i);
            seed(network.edgeTo[start.edge()], startMetres[i] + start.metresToEnd(network), -1, i);
        }
        run();
        return this;
    }

    private static int[] sortedByEdge(List<EdgePosition> starts) {
        return IntStream.range(0, starts.size()).boxed()
                .sorted(Comparator.comparingInt(i -> starts.get(i).edge()))
                .mapToInt(Integer::intValue).toArray();
    }

    private void begin(double maxDistanceMetres, List<EdgePosition> starts) {
        if (!(maxDistanceMetres >= 0)) {
            throw new IllegalArgumentException("maximum distance " + maxDistanceMetres + " m is not a distance");
        }
        for (EdgePosition start : starts) {
            if (start.edge() >= network.edgeCount()) {
                throw new IllegalArgumentException("edge " + start.edge() + " is not in the network");
            }
        }
        originOffsets = new double[0];
        originsByEdge = null;
        heap.clear();
        if (++generation == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            generation = 1;
        }
        this.maxDistanceMetres = maxDistanceMetres;
        this.origins = List.copyOf(starts);
        reachedCount = 0;
    }

    /** Offers a node a distance: queued if within the limit and better than what it has. */
    private void seed(int node, double metres, int edge, int originIndex) {
        if (metres > maxDistanceMetres) {
            return;
        }
        if (stamp[node] != generation) {
            stamp[node] = generation;
            distance[node] = metres;
            predecessorEdge[node] = edge;
            origin[node] = originIndex;
            heap.insert(node, metres);
        } else if (metres < distance[node]) {
            // Only a queued node can improve: a settled one's distance is at most the current
            // node's, and lengths are not negative.
            distance[node] = metres;
            predecessorEdge[node] = edge;
            origin[node] = originIndex;
            heap.decrease(node, metres);
        }
    }

    private void run() {
        int[] adjacencyStart = network.adjacencyStart;
        int[] adjacentEdge = network.adjacentEdge;
        int[] adjacentNode = network.adjacentNode;
        float[] edgeLength = network.edgeLength;
        while (!heap.isEmpty()) {
            int node = heap.poll();
            reached[reachedCount++] = node;
            double base = distance[node];
            int originIndex = origin[node];
            for (int entry = adjacencyStart[node], end = adjacencyStart[node + 1]; entry < end; entry++) {
                int edge = adjacentEdge[entry];
                seed(adjacentNode[entry], base + edgeLength[edge], edge, originIndex);
            }
        }
    }

    /** The points on edges the last search started from (empty for a search from a node). */
    public List<EdgePosition> origins() {
        return origins;
    }

    /** The limit of the last search, in metres. */
    public double maxDistanceMetres() {
        return maxDistanceMetres;
    }

    /** How many nodes the last search reached (within the limit). */
    public int reachedCount() {
        return reachedCount;
    }

    /** The i-th node reached, in order of distance (0 ≤ i < {@link #reachedCount()}). */
    public int reachedNode(int i) {
        if (i >= reachedCount) {
            throw new IndexOutOfBoundsException("only " + reachedCount + " nodes were reached");
        }
        return reached[i];
    }

    public boolean isReached(int node) {
        return stamp[node] == generation;
    }

    /** The walking distance to the node, or positive infinity when it lies beyond the limit. */
    public double distanceMetres(int node) {
        return isReached(node) ? distance[node] : Double.POSITIVE_INFINITY;
    }

    /** The edge by which the shortest walk arrives at the node; -1 for a node reached straight from an origin, or not reached. */
    public int predecessorEdge(int node) {
        return isReached(node) ? predecessorEdge[node] : -1;
    }

    /** The index of the origin nearest to the node (0 for a search from one point or node); -1 when not reached. */
    public int origin(int node) {
        return isReached(node) ? origin[node] : -1;
    }

    /**
     * The walking distance to a point on an edge: through either end of its edge, or straight along
     * the edge from an origin on the same edge (plus that origin's start offset); positive infinity
     * when it exceeds the limit.
     */
    public double distanceMetres(EdgePosition target) {
        int edge = target.edge();
        double best = Math.min(distanceMetres(network.edgeFrom[edge]) + target.metresFromStart(network),
                distanceMetres(network.edgeTo[edge]) + target.metresToEnd(network));
        if (originsByEdge == null) {
            for (int i = 0; i < origins.size(); i++) {
                best = Math.min(best, alongEdge(i, target));
            }
        } else {
            for (int k = firstOriginOn(edge); k < originsByEdge.length && origins.get(originsByEdge[k]).edge() == edge; k++) {
                best = Math.min(best, alongEdge(originsByEdge[k], target));
            }
        }
        return best <= maxDistanceMetres ? best : Double.POSITIVE_INFINITY;
    }

    /** The walk from origin i straight along its edge to the target; infinite when they are on different edges. */
    private double alongEdge(int i, EdgePosition target) {
        EdgePosition start = origins.get(i);
        if (start.edge() != target.edge()) {
            return Double.POSITIVE_INFINITY;
        }
        double offset = originOffsets.length == 0 ? 0 : originOffsets[i];
        return offset + Math.abs(start.fraction() - target.fraction()) * network.edgeLengthMetres(target.edge());
    }

    /** The first place in {@link #originsByEdge} whose origin's edge is not below {@code edge}. */
    private int firstOriginOn(int edge) {
        int low = 0;
        int high = originsByEdge.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (origins.get(originsByEdge[middle]).edge() < edge) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * The edges of the shortest walk to a reached node, in walking order, from the node or origin
     * edge it started at (an origin's own partial edge is not included); empty for an origin node.
     *
     * @throws IllegalArgumentException when the node was not reached
     */
    public int[] edgesTo(int node) {
        if (!isReached(node)) {
            throw new IllegalArgumentException("node " + node + " was not reached");
        }
        int count = 0;
        for (int n = node; predecessorEdge[n] >= 0; n = network.otherNode(predecessorEdge[n], n)) {
            count++;
        }
        int[] edges = new int[count];
        for (int n = node; predecessorEdge[n] >= 0; n = network.otherNode(predecessorEdge[n], n)) {
            edges[--count] = predecessorEdge[n];
        }
        return edges;
    }
}
