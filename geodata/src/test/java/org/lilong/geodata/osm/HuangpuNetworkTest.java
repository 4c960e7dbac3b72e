package org.lilong.geodata.osm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lilong.layers.network.NearestEdgeSnapper;
import org.lilong.layers.network.ShortestPathTree;
import org.lilong.layers.network.SnapResult;
import org.lilong.layers.network.WalkingNetwork;

/**
 * The walking network of the real central-Huangpu extract (read in place; skipped when absent).
 *
 * <p>Measured: 2,958 nodes and 796 ways read; 693 ways walkable (the 25 trunk and 75 trunk_link
 * ways, the elevated expressways, are not, nor are 3 with access=no); 1,049 routing edges between
 * 678 nodes, 81.9 km in all. The anchors' osm2pgrouting import of the same file, which keeps trunk
 * roads, has 1,175 edges and 782 vertices. The file writes 268 two-way streets as out-and-back ways
 * (nodes a, b, a); each becomes a loop edge at a unless b is shared with another street, which
 * changes no walking distance.
 */
class HuangpuNetworkTest {

    @Test
    void theExtractReadsIntoTheWalkableStreets() {
        OsmStreets streets = HuangpuExtract.streets();

        assertThat(streets.nodesRead()).isEqualTo(2958);
        assertThat(streets.waysRead()).isEqualTo(796);
        assertThat(streets.walkableWays()).isEqualTo(693);
        assertThat(streets.streets()).hasSize(693);
        assertThat(streets.waysMissingNodes()).isZero();
    }

    @Test
    void theNetworkHasAsManyEdgesAsTheAnchorsImportLessTheExpressways() {
        WalkingNetwork network = HuangpuExtract.network();

        assertThat(network.edgeCount()).isBetween(950, 1175);
        assertThat(network.nodeCount()).isBetween(600, 782);
        assertThat(network.totalLengthMetres()).isBetween(60_000.0, 120_000.0);
    }

    /**
     * The extract is a clipped drive network and falls apart at its edges: even with every way,
     * trunk roads included, its nodes form 76 connected parts. Without the expressways the network has
     * 75; the largest holds 529 of the 678 nodes, 847 of the 1,049 edges and 70.4 of the 81.9 km.
     */
    @Test
    void mostOfTheNetworkIsOneConnectedPart() {
        WalkingNetwork network = HuangpuExtract.network();
        int[] largest = HuangpuExtract.largestComponent(network);
        Set<Integer> inLargest = new HashSet<>(HuangpuExtract.boxed(largest));

        double metres = 0;
        for (int e = 0; e < network.edgeCount(); e++) {
            if (inLargest.contains(network.edgeFrom(e))) {
                metres += network.edgeLengthMetres(e);
            }
        }

        assertThat(metres / network.totalLengthMetres()).isGreaterThan(0.8);
        assertThat((double) largest.length / network.nodeCount()).isGreaterThan(0.75);
    }

    @Test
    void everyNodeSnapsOntoTheNetworkWhereItIs() {
        WalkingNetwork network = HuangpuExtract.network();
        NearestEdgeSnapper snapper = new NearestEdgeSnapper(network);

        for (int node = 0; node < network.nodeCount(); node++) {
            SnapResult snap = snapper.snap(network.nodeLon(node), network.nodeLat(node));
            assertThat(snap.distanceMetres()).as("node %d", node).isLessThan(0.01);
        }
    }

    /** A rough in-process figure, not a benchmark: the bound is loose so that a busy machine does not fail it. */
    @Test
    void aThousandMetreSearchTakesWellUnderAMillisecond() {
        WalkingNetwork network = HuangpuExtract.network();
        int[] largest = HuangpuExtract.largestComponent(network);
        ShortestPathTree tree = new ShortestPathTree(network);
        Random random = new Random(42);
        int[] origins = random.ints(50, 0, largest.length).map(i -> largest[i]).toArray();
        for (int round = 0; round < 200; round++) {
            for (int origin : origins) {
                tree.fromNode(origin, 1000);
            }
        }
        long[] nanos = new long[origins.length * 20];
        int[] reached = new int[origins.length];
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < origins.length; i++) {
                long start = System.nanoTime();
                tree.fromNode(origins[i], 1000);
                nanos[round * origins.length + i] = System.nanoTime() - start;
                reached[i] = tree.reachedCount();
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(reached);
        long median = nanos[nanos.length / 2];
        System.out.printf("Huangpu 1000 m search: median %.1f µs, p95 %.1f µs, median %d nodes reached%n",
                median / 1e3, nanos[nanos.length * 95 / 100] / 1e3, reached[reached.length / 2]);

        assertThat(median).isLessThan(1_000_000);
        assertThat(reached[reached.length / 2]).isBetween(50, 400);
    }
}
