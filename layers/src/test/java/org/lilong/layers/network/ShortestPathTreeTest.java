package org.lilong.layers.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class ShortestPathTreeTest {

    private static final double MM = 0.005;

    /**
     * <pre>
     *   a --100-- b --100-- c
     *   |                   |
     *  200                  50
     *   |                   |
     *   d -------300------- e
     * </pre>
     */
    private static NetworkSketch.Built ring() {
        return new NetworkSketch()
                .point("a", 0, 0).point("b", 100, 0).point("c", 200, 0).point("d", 0, -200).point("e", 200, -50)
                .point("d2", 0, -50)
                .street("a", "b").street("b", "c").street("c", "e").street("a", "d2", "d").street("d", "e")
                .build();
    }

    @Test
    void distancesFromANodeFollowTheShortestWalk() {
        NetworkSketch.Built net = ring();

        ShortestPathTree tree = new ShortestPathTree(net.network()).fromNode(net.node("a"), 10_000);

        assertThat(tree.distanceMetres(net.node("a"))).isZero();
        assertThat(tree.distanceMetres(net.node("b"))).isCloseTo(100, within(MM));
        assertThat(tree.distanceMetres(net.node("c"))).isCloseTo(200, within(MM));
        assertThat(tree.distanceMetres(net.node("e"))).isCloseTo(250, within(MM));
        assertThat(tree.distanceMetres(net.node("d"))).isCloseTo(200, within(MM));
        assertThat(tree.reachedCount()).isEqualTo(5);
    }

    @Test
    void aNodeBeyondTheLimitIsNotReachedThoughItsNeighbourIs() {
        NetworkSketch.Built net = ring();

        ShortestPathTree tree = new ShortestPathTree(net.network()).fromNode(net.node("a"), 199);

        assertThat(tree.isReached(net.node("b"))).isTrue();
        assertThat(tree.isReached(net.node("c"))).isFalse();
        assertThat(tree.distanceMetres(net.node("c"))).isInfinite();
        assertThat(tree.predecessorEdge(net.node("c"))).isEqualTo(-1);
        assertThat(tree.origin(net.node("c"))).isEqualTo(-1);
    }

    @Test
    void nodesAreReachedInOrderOfDistance() {
        NetworkSketch.Built net = ring();

        ShortestPathTree tree = new ShortestPathTree(net.network()).fromNode(net.node("b"), 10_000);

        for (int i = 1; i < tree.reachedCount(); i++) {
            assertThat(tree.distanceMetres(tree.reachedNode(i))).isGreaterThanOrEqualTo(tree.distanceMetres(tree.reachedNode(i - 1)));
        }
    }

    @Test
    void anOriginInTheMiddleOfAnEdgeSeedsBothEndsWithThePartialLengths() {
        NetworkSketch.Built net = ring();

        ShortestPathTree tree = new ShortestPathTree(net.network()).from(net.at("a", "b", 0.25), 10_000);

        assertThat(tree.distanceMetres(net.node("a"))).isCloseTo(25, within(MM));
        assertThat(tree.distanceMetres(net.node("b"))).isCloseTo(75, within(MM));
        assertThat(tree.distanceMetres(net.node("c"))).isCloseTo(175, within(MM));
        assertThat(tree.predecessorEdge(net.node("a"))).isEqualTo(-1);
        assertThat(tree.predecessorEdge(net.node("b"))).isEqualTo(-1);
    }

    @Test
    void anEndOfTheOriginsEdgeBeyondTheLimitIsNotReached() {
        NetworkSketch.Built net = ring();

        ShortestPathTree tree = new ShortestPathTree(net.network()).from(net.at("a", "b", 0.25), 50);

        assertThat(tree.isReached(net.node("a"))).isTrue();
        assertThat(tree.isReached(net.node("b"))).isFalse();
    }

    @Test
    void aPointOnTheOriginsOwnEdgeIsReachedStraightAlongIt() {
        NetworkSketch.Built net = ring();

        ShortestPathTree tree = new ShortestPathTree(net.network()).from(net.at("a", "b", 0.4), 30);

        assertThat(tree.distanceMetres(net.at("a", "b", 0.6))).isCloseTo(20, within(MM));
        assertThat(tree.distanceMetres(net.at("a", "b", 0.8))).isInfinite();
    }

    @Test
    void aPointOnAnotherEdgeIsReachedThroughTheNearerEnd() {
        NetworkSketch.Built net = ring();

        ShortestPathTree tree = new ShortestPathTree(net.network()).fromNode(net.node("a"), 10_000);

        // c–e is 50 m; 20 m from e towards c: via c 200 + 30 = 230, via e 250 + 20 = 270.
        assertThat(tree.distanceMetres(net.at("e", "c", 0.4))).isCloseTo(230, within(MM));
    }

    @Test
    void theRouteToANodeIsTheChainOfPredecessorEdges() {
        NetworkSketch.Built net = ring();

        ShortestPathTree tree = new ShortestPathTree(net.network()).fromNode(net.node("a"), 10_000);

        assertThat(tree.edgesTo(net.node("e"))).containsExactly(net.edge("a", "b"), net.edge("b", "c"), net.edge("c", "e"));
        assertThat(tree.edgesTo(net.node("a"))).isEmpty();
    }

    @Test
    void theOriginSaysWhichStartIsNearest() {
        NetworkSketch.Built net = ring();

        ShortestPathTree tree = new ShortestPathTree(net.network())
                .fromAll(List.of(net.at("a", "b", 0), net.at("d", "e", 1)), 10_000);

        assertThat(tree.origin(net.node("b"))).isZero();
        assertThat(tree.origin(net.node("c"))).isEqualTo(1);
        assertThat(tree.distanceMetres(net.node("c"))).isCloseTo(50, within(MM));
    }

    @Test
    void aSecondSearchForgetsTheFirst() {
        NetworkSketch.Built net = ring();
        ShortestPathTree tree = new ShortestPathTree(net.network());

        tree.fromNode(net.node("a"), 10_000);
        tree.fromNode(net.node("c"), 60);

        assertThat(tree.reachedCount()).isEqualTo(2);
        assertThat(tree.isReached(net.node("a"))).isFalse();
        assertThat(tree.distanceMetres(net.node("e"))).isCloseTo(50, within(MM));
    }

    @Test
    void aNegativeLimitIsRefused() {
        NetworkSketch.Built net = ring();

        assertThatThrownBy(() -> new ShortestPathTree(net.network()).fromNode(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void distancesEqualFloydWarshallOnRandomGraphs() {
        Random random = new Random(20240615);
        for (int round = 0; round < 60; round++) {
            WalkingNetwork network = randomNetwork(random);
            double[][] expected = floydWarshall(network);
            ShortestPathTree tree = new ShortestPathTree(network);
            for (int origin = 0; origin < network.nodeCount(); origin++) {
                tree.fromNode(origin, Double.MAX_VALUE);
                for (int node = 0; node < network.nodeCount(); node++) {
                    assertSameDistance(tree.distanceMetres(node), expected[origin][node], "round " + round + ", " + origin + " → " + node);
                }
            }
        }
    }

    @Test
    void aBoundedSearchReachesExactlyTheNodesWithinTheLimit() {
        Random random = new Random(7);
        for (int round = 0; round < 60; round++) {
            WalkingNetwork network = randomNetwork(random);
            double[][] all = floydWarshall(network);
            ShortestPathTree tree = new ShortestPathTree(network);
            int origin = random.nextInt(network.nodeCount());
            double limit = random.nextDouble() * 1500;

            tree.fromNode(origin, limit);

            Set<Integer> expected = new HashSet<>();
            for (int node = 0; node < network.nodeCount(); node++) {
                if (all[origin][node] <= limit) {
                    expected.add(node);
                }
            }
            Set<Integer> reached = new HashSet<>();
            for (int i = 0; i < tree.reachedCount(); i++) {
                reached.add(tree.reachedNode(i));
            }
            assertThat(reached).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void multiSourceDistancesAreTheMinimumOfSingleSourceDistances() {
        Random random = new Random(11);
        for (int round = 0; round < 40; round++) {
            WalkingNetwork network = randomNetwork(random);
            List<EdgePosition> starts = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(4); i++) {
                starts.add(new EdgePosition(random.nextInt(network.edgeCount()), random.nextDouble()));
            }
            double limit = 200 + random.nextDouble() * 1000;
            ShortestPathTree single = new ShortestPathTree(network);
            double[] expected = new double[network.nodeCount()];
            Arrays.fill(expected, Double.POSITIVE_INFINITY);
            for (EdgePosition start : starts) {
                single.from(start, limit);
                for (int node = 0; node < network.nodeCount(); node++) {
                    expected[node] = Math.min(expected[node], single.distanceMetres(node));
                }
            }

            ShortestPathTree multi = new ShortestPathTree(network).fromAll(starts, limit);

            for (int node = 0; node < network.nodeCount(); node++) {
                assertSameDistance(multi.distanceMetres(node), expected[node], "round " + round + " node " + node);
                if (multi.isReached(node)) {
                    single.from(starts.get(multi.origin(node)), limit);
                    assertSameDistance(single.distanceMetres(node), expected[node], "origin of node " + node);
                }
            }
        }
    }

    private static void assertSameDistance(double actual, double expected, String what) {
        if (Double.isInfinite(expected)) {
            assertThat(actual).as(what).isInfinite();
        } else {
            assertThat(actual).as(what).isCloseTo(expected, within(1e-6));
        }
    }

    /** Up to 25 random points in a 1 km square joined by random straight streets (some cross without meeting). */
    static WalkingNetwork randomNetwork(Random random) {
        int points = 3 + random.nextInt(23);
        Coordinate[] at = new Coordinate[points];
        for (int i = 0; i < points; i++) {
            at[i] = NetworkSketch.lonLat(random.nextDouble() * 1000, random.nextDouble() * 1000);
        }
        WalkingNetworkBuilder builder = new WalkingNetworkBuilder();
        int streets = points + random.nextInt(2 * points);
        for (int s = 0; s < streets; s++) {
            int a = random.nextInt(points);
            int b = random.nextInt(points);
            if (a != b) {
                builder.add(s, at[a], at[b]);
            }
        }
        builder.add(streets, at[0], at[1 % points]);
        return builder.build();
    }

    static double[][] floydWarshall(WalkingNetwork network) {
        int n = network.nodeCount();
        double[][] d = new double[n][n];
        for (double[] row : d) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        for (int i = 0; i < n; i++) {
            d[i][i] = 0;
        }
        for (int e = 0; e < network.edgeCount(); e++) {
            int a = network.edgeFrom(e);
            int b = network.edgeTo(e);
            double length = network.edgeLengthMetres(e);
            d[a][b] = Math.min(d[a][b], length);
            d[b][a] = Math.min(d[b][a], length);
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (d[i][k] + d[k][j] < d[i][j]) {
                        d[i][j] = d[i][k] + d[k][j];
                    }
                }
            }
        }
        return d;
    }
}
