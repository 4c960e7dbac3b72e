package org.lilong.layers.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lilong.layers.lifecircle.Facility;
import org.lilong.layers.lifecircle.LifeCircleAnalysis;
import org.lilong.layers.lifecircle.OffNetworkException;
import org.lilong.layers.model.Feature;
import org.lilong.layers.network.EdgePosition;
import org.lilong.layers.network.ShortestPathTree;
import org.lilong.layers.network.WalkingNetwork;

/**
 * The one search per category from all its facilities gives every home the same walk as searching
 * from each facility on its own and taking the least, over random towns.
 */
class MultiSourceWalkTest {

    private static final String[] CATEGORIES = {"canteen", "market", "health_centre"};
    private static final int TOWNS = 5;
    private static final int SAMPLED_UNITS = 30;

    @Test
    void multiSourceWalksEqualTheLeastOfSingleSourceSearches() {
        int compared = 0;
        int coveredSeen = 0;
        for (int t = 0; t < TOWNS; t++) {
            Random random = new Random(500 + t);
            CoverageTown town = CoverageTown.random(random, 9, 120, 24, CATEGORIES);
            LifeCircleAnalysis lifeCircle = town.lifeCircle();
            CoverageAnalysis analysis = CoverageAnalysis.build(lifeCircle, town.areas(), town.grids());
            ShortestPathTree single = new ShortestPathTree(lifeCircle.network());
            for (String category : CATEGORIES) {
                double threshold = 150 + random.nextDouble() * 600;
                CategoryCoverage coverage = analysis.coverage(category, threshold);
                List<Facility> facilities = lifeCircle.facilitiesOf(category);
                for (int s = 0; s < SAMPLED_UNITS; s++) {
                    int u = random.nextInt(coverage.units().size());
                    UnitReach reach = coverage.units().get(u);
                    List<EdgePosition> gates = gates(lifeCircle, town.areas(), reach.unit());
                    double expected = leastOfSingleSearches(single, facilities, gates, threshold);
                    assertThat(reach.covered()).as("town %d, %s, unit %d", t, category, u).isEqualTo(expected <= threshold);
                    if (reach.covered()) {
                        assertThat(reach.walkMetres()).isCloseTo(expected, within(1e-6));
                        coveredSeen++;
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(TOWNS * CATEGORIES.length * SAMPLED_UNITS);
        assertThat(coveredSeen).as("covered units compared").isGreaterThan(compared / 5).isLessThan(compared);
    }

    /** One bounded search per facility, its leg added: the least walk from any facility to any gate. */
    private static double leastOfSingleSearches(ShortestPathTree tree, List<Facility> facilities, List<EdgePosition> gates,
            double threshold) {
        double best = Double.POSITIVE_INFINITY;
        for (Facility facility : facilities) {
            tree.from(facility.position(), threshold);
            for (EdgePosition gate : gates) {
                best = Math.min(best, tree.distanceMetres(gate) + facility.legMetres());
            }
        }
        return best;
    }

    /** The street points along the unit's edge; none for a unit off the network. */
    private static List<EdgePosition> gates(LifeCircleAnalysis lifeCircle, List<Feature> areas, ResidentialUnit unit) {
        Feature area = areas.stream().filter(a -> a.id() == unit.featureId()).findFirst().orElseThrow();
        try {
            return lifeCircle.startAtArea(area).positions();
        } catch (OffNetworkException e) {
            return List.of();
        }
    }

    @Test
    void aSearchWithStartOffsetsEqualsTheLeastOfSingleSearchesPlusTheirOffsets() {
        Random random = new Random(77);
        WalkingNetwork network = CoverageTown.random(random, 10, 100, 0, "canteen").lifeCircle().network();
        ShortestPathTree many = new ShortestPathTree(network);
        ShortestPathTree one = new ShortestPathTree(network);
        for (int round = 0; round < 20; round++) {
            // Past 16 origins the tree looks up same-edge origins by a sorted index; cover both ways.
            int count = round % 2 == 0 ? 1 + random.nextInt(8) : 20 + random.nextInt(40);
            List<EdgePosition> starts = new ArrayList<>();
            double[] offsets = new double[count];
            for (int i = 0; i < count; i++) {
                starts.add(new EdgePosition(random.nextInt(network.edgeCount()), random.nextDouble()));
                offsets[i] = random.nextDouble() * 80;
            }
            double limit = 200 + random.nextDouble() * 400;
            many.fromAll(starts, offsets, limit);
            for (int probe = 0; probe < 40; probe++) {
                EdgePosition target = probe < 5 ? new EdgePosition(starts.get(probe % count).edge(), random.nextDouble())
                        : new EdgePosition(random.nextInt(network.edgeCount()), random.nextDouble());
                double expected = Double.POSITIVE_INFINITY;
                for (int i = 0; i < count; i++) {
                    one.from(starts.get(i), limit);
                    expected = Math.min(expected, offsets[i] + one.distanceMetres(target));
                }
                double actual = many.distanceMetres(target);
                if (expected <= limit) {
                    assertThat(actual).as("round %d, probe %d", round, probe).isCloseTo(expected, within(1e-6));
                } else {
                    assertThat(actual).as("round %d, probe %d", round, probe).isInfinite();
                }
            }
        }
    }
}
