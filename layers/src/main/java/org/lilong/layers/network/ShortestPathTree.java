package org.lilong.layers.network;

import java.util.Arrays;
import java.util.List;

/**
 * One-to-all walking distances on a {@link WalkingNetwork}, bounded by a maximum distance:
 * Dijkstra's algorithm with a primitive binary heap ({@link NodeHeap}).
 *
 * <p>A search starts from a node, from a point on an edge ({@link EdgePosition}: both ends of the
 * edge are seeded with the partial lengths to them), or from several such points at once (each node
 * then gets the distance to the nearest of them, and {@link #origin} says which). It settles every
 * node whose distance is at most the limit, and only those: nodes beyond the limit are never
 * queued, so the work is proportional to the reached part of the network.
 *
 * <p>An instance holds the search state for one network (about 40 bytes per node) and is reused:
 * each search overwrites the previous one's result without clearing the arrays (a generation stamp
 * marks which entries are current), so a search allocates nothing. It is not thread-safe: keep one
 * per thread.
 */
public final class ShortestPathTree {

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
        begin(maxDistanceMetres, starts);
        for (int i = 0; i < starts.size(); i++) {
            EdgePosition start = starts.get(i);
            seed(network.edgeFrom[start.edge()], start.metresFromStart(network), -1, i);
            seed(network.edgeTo[start.edge()], start.metresToEnd(network), -1, i);
        }
        run();
        return this;
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
     * the edge from an origin on the same edge; positive infinity when it exceeds the limit.
     */
    public double distanceMetres(EdgePosition target) {
        int edge = target.edge();
        double best = Math.min(distanceMetres(network.edgeFrom[edge]) + target.metresFromStart(network),
                distanceMetres(network.edgeTo[edge]) + target.metresToEnd(network));
        for (EdgePosition start : origins) {
            if (start.edge() == edge) {
                best = Math.min(best, Math.abs(start.fraction() - target.fraction()) * network.edgeLengthMetres(edge));
            }
        }
        return best <= maxDistanceMetres ? best : Double.POSITIVE_INFINITY;
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
