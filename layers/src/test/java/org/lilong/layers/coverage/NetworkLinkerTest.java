package org.lilong.layers.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lilong.layers.network.EdgePosition;
import org.lilong.layers.network.LinkedNetwork;
import org.lilong.layers.network.NetworkLinker;
import org.lilong.layers.network.NewLink;
import org.lilong.layers.network.ShortestPathTree;
import org.lilong.layers.network.VincentyDistance;
import org.lilong.layers.network.WalkingNetwork;
import org.locationtech.jts.geom.Coordinate;

/** Properties of a network with links added, over random street grids (what a what-if walks on). */
class NetworkLinkerTest {

    private static WalkingNetwork randomNetwork(long seed) {
        return CoverageTown.random(new Random(seed), 8, 100, 0, "canteen").lifeCircle().network();
    }

    private static EdgePosition somewhere(Random random, WalkingNetwork network) {
        return new EdgePosition(random.nextInt(network.edgeCount()), 0.05 + 0.9 * random.nextDouble());
    }

    /** A link that wanders 10 km out to the east and back: far longer than any walk it could shorten. */
    private static NewLink detour(long id, WalkingNetwork network, EdgePosition from, EdgePosition to) {
        Coordinate a = network.pointAt(from.edge(), from.fraction());
        Coordinate b = network.pointAt(to.edge(), to.fraction());
        return new NewLink(id, new Coordinate[] {a, new Coordinate(a.x + 0.1, a.y), new Coordinate(b.x + 0.1, b.y), b}, from, to);
    }

    @Test
    void cuttingStreetsForLinksThatShortenNothingChangesNoWalk() {
        for (long seed = 1; seed <= 5; seed++) {
            Random random = new Random(seed);
            WalkingNetwork base = randomNetwork(seed);
            List<NewLink> links = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                links.add(detour(-1 - i, base, somewhere(random, base), somewhere(random, base)));
            }

            LinkedNetwork linked = NetworkLinker.link(base, links);

            assertThat(linked.network().edgeCount()).isEqualTo(base.edgeCount() + 4 + 8);
            ShortestPathTree onBase = new ShortestPathTree(base);
            ShortestPathTree onLinked = new ShortestPathTree(linked.network());
            for (int probe = 0; probe < 30; probe++) {
                EdgePosition from = somewhere(random, base);
                EdgePosition to = probe < 4 ? links.get(probe).startJoin() : somewhere(random, base);
                double expected = onBase.from(from, 5_000).distanceMetres(to);
                double actual = onLinked.from(linked.position(from), 5_000).distanceMetres(linked.position(to));
                assertThat(actual).as("seed %d, probe %d", seed, probe).isCloseTo(expected, within(1e-3));
            }
        }
    }

    @Test
    void aPositionCarriedOverIsTheSamePlace() {
        Random random = new Random(3);
        WalkingNetwork base = randomNetwork(3);
        List<NewLink> links = List.of(detour(-1, base, somewhere(random, base), somewhere(random, base)));
        LinkedNetwork linked = NetworkLinker.link(base, links);

        for (NewLink link : links) {
            for (EdgePosition join : List.of(link.startJoin(), link.endJoin())) {
                for (double fraction : new double[] {0, join.fraction() / 2, join.fraction(), (1 + join.fraction()) / 2, 1}) {
                    EdgePosition onBase = new EdgePosition(join.edge(), fraction);
                    EdgePosition carried = linked.position(onBase);
                    Coordinate was = base.pointAt(onBase.edge(), onBase.fraction());
                    Coordinate is = linked.network().pointAt(carried.edge(), carried.fraction());
                    assertThat(VincentyDistance.metres(was.x, was.y, is.x, is.y)).as("fraction %s", fraction).isLessThan(0.05);
                }
            }
        }
    }

    @Test
    void theLinkRunsFromJoinToJoinThroughItsPoints() {
        Random random = new Random(5);
        WalkingNetwork base = randomNetwork(5);
        NewLink link = detour(-1, base, somewhere(random, base), somewhere(random, base));

        LinkedNetwork linked = NetworkLinker.link(base, List.of(link));

        int edge = linked.linkEdge(0);
        WalkingNetwork network = linked.network();
        assertThat(network.lineId(edge)).isEqualTo(-1);
        Coordinate[] line = link.line();
        double drawn = 0;
        for (int i = 1; i < line.length; i++) {
            drawn += VincentyDistance.metres(line[i - 1].x, line[i - 1].y, line[i].x, line[i].y);
        }
        // The drawn line starts and ends at its joins here, so the link is as long as the line.
        assertThat(network.edgeLengthMetres(edge)).isCloseTo(drawn, within(0.05));
        assertThat(network.edgeVertexCount(edge)).isEqualTo(line.length);
    }

    @Test
    void anUncutEdgeKeepsItsNumberEndsAndLength() {
        Random random = new Random(8);
        WalkingNetwork base = randomNetwork(8);
        NewLink link = detour(-1, base, somewhere(random, base), somewhere(random, base));

        WalkingNetwork network = NetworkLinker.link(base, List.of(link)).network();

        for (int e = 0; e < base.edgeCount(); e++) {
            if (e == link.startJoin().edge() || e == link.endJoin().edge()) {
                continue;
            }
            assertThat(network.edgeFrom(e)).isEqualTo(base.edgeFrom(e));
            assertThat(network.edgeTo(e)).isEqualTo(base.edgeTo(e));
            assertThat(network.edgeLengthMetres(e)).isEqualTo(base.edgeLengthMetres(e));
            assertThat(network.lineId(e)).isEqualTo(base.lineId(e));
        }
    }
}
