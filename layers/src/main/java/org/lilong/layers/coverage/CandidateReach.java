package org.lilong.layers.coverage;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.lilong.layers.network.EdgePosition;
import org.lilong.layers.network.ShortestPathTree;
import org.lilong.layers.network.WalkingNetwork;

/**
 * Which units a new facility at each candidate site would bring within reach, as compressed rows
 * for {@link GreedyCovering}: candidate c covers {@code units[start[c] .. start[c+1])}, each once,
 * ascending.
 *
 * <p>Built from the units' side: one bounded search from each unit to be covered (from all its
 * street points at once), collecting the candidates it reaches within the threshold. The searches
 * cost what the units' neighbourhoods cost, not what the candidates' do, so street nodes by the
 * million stay cheap; they are independent and run in parallel, each thread with its own search
 * state.
 *
 * <p>A candidate is either a street node (walk = the node's distance) or a point on a street with
 * a straight leg to the site ({@link #forSites}: walk = distance to the point plus the leg).
 */
final class CandidateReach {

    private CandidateReach() {
    }

    /** Street nodes as candidates: candidate n is node n. */
    static int[][] forNodes(WalkingNetwork network, Supplier<ShortestPathTree> trees, EdgePosition[][] units,
            double thresholdMetres) {
        int[][] reachedBy = IntStream.range(0, units.length).parallel().mapToObj(u -> {
            ShortestPathTree tree = trees.get();
            tree.fromAll(List.of(units[u]), thresholdMetres);
            int[] nodes = new int[tree.reachedCount()];
            for (int i = 0; i < nodes.length; i++) {
                nodes[i] = tree.reachedNode(i);
            }
            return nodes;
        }).toArray(int[][]::new);
        return invert(reachedBy, network.nodeCount());
    }

    /**
     * Sites on streets as candidates.
     *
     * @param sites each candidate's street point
     * @param legMetres each candidate's straight walk from its street point to the site
     */
    static int[][] forSites(WalkingNetwork network, Supplier<ShortestPathTree> trees, EdgePosition[][] units,
            double thresholdMetres, List<EdgePosition> sites, double[] legMetres) {
        int[] byEdge = IntStream.range(0, sites.size()).boxed()
                .sorted((a, b) -> Integer.compare(sites.get(a).edge(), sites.get(b).edge()))
                .mapToInt(Integer::intValue).toArray();
        int[] edgeOf = Arrays.stream(byEdge).map(c -> sites.get(c).edge()).toArray();
        int[][] reachedBy = IntStream.range(0, units.length).parallel().mapToObj(u -> {
            ShortestPathTree tree = trees.get();
            tree.fromAll(List.of(units[u]), thresholdMetres);
            IntBag found = new IntBag();
            // A site is reached through an end of its edge, or along the edge from one of the unit's points.
            for (int i = 0; i < tree.reachedCount(); i++) {
                int node = tree.reachedNode(i);
                for (int a = network.adjacencyStart(node), end = network.adjacencyStart(node + 1); a < end; a++) {
                    collect(network.adjacentEdge(a), tree, sites, legMetres, byEdge, edgeOf, thresholdMetres, found);
                }
            }
            for (EdgePosition own : units[u]) {
                collect(own.edge(), tree, sites, legMetres, byEdge, edgeOf, thresholdMetres, found);
            }
            return found.distinct();
        }).toArray(int[][]::new);
        return invert(reachedBy, sites.size());
    }

    private static void collect(int edge, ShortestPathTree tree, List<EdgePosition> sites, double[] legMetres, int[] byEdge,
            int[] edgeOf, double thresholdMetres, IntBag found) {
        for (int k = firstAtLeast(edgeOf, edge); k < edgeOf.length && edgeOf[k] == edge; k++) {
            int c = byEdge[k];
            if (tree.distanceMetres(sites.get(c)) + legMetres[c] <= thresholdMetres) {
                found.add(c);
            }
        }
    }

    private static int firstAtLeast(int[] sorted, int value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** From "unit u reaches these candidates" to compressed rows of "candidate c covers these units". */
    private static int[][] invert(int[][] reachedBy, int candidates) {
        int[] start = new int[candidates + 1];
        for (int[] reached : reachedBy) {
            for (int c : reached) {
                start[c + 1]++;
            }
        }
        for (int c = 0; c < candidates; c++) {
            start[c + 1] += start[c];
        }
        int[] units = new int[start[candidates]];
        int[] next = Arrays.copyOf(start, candidates);
        for (int u = 0; u < reachedBy.length; u++) {
            for (int c : reachedBy[u]) {
                units[next[c]++] = u;
            }
        }
        return new int[][] {start, units};
    }

    /** A growable int array. */
    private static final class IntBag {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = value;
        }

        /** The values, ascending, each once. */
        int[] distinct() {
            return Arrays.stream(values, 0, size).sorted().distinct().toArray();
        }
    }
}
