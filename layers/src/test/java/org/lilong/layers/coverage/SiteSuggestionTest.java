package org.lilong.layers.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lilong.layers.lifecircle.LifeCircleAnalysis;
import org.lilong.layers.lifecircle.OffNetworkException;
import org.lilong.layers.model.Feature;
import org.lilong.layers.network.EdgePosition;
import org.lilong.layers.network.ShortestPathTree;
import org.lilong.layers.network.WalkingNetwork;
import org.lilong.layers.spatial.GeometryFactories;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * Where to build next: the greedy suggestion against an exhaustive search over every choice of k
 * street nodes on small random towns, with each node's reach worked out independently (a search
 * from the node, not from the homes).
 */
class SiteSuggestionTest {

    private static final double ONE_MINUS_ONE_OVER_E = 1 - 1 / Math.E;
    private static final double THRESHOLD = 150;

    /** A town of 7 × 7 junctions, about 29 homes, and two canteens. */
    private static CoverageTown smallTown(long seed) {
        return CoverageTown.random(new Random(seed), 7, 110, 2, "canteen");
    }

    /** For each street node, the uncovered units a canteen there would reach; units by their index in the coverage. */
    private static List<Set<Integer>> reachOfEveryNode(LifeCircleAnalysis lifeCircle, CoverageTown town,
            CategoryCoverage now) {
        WalkingNetwork network = lifeCircle.network();
        List<List<EdgePosition>> gates = new ArrayList<>();
        for (UnitReach reach : now.units()) {
            Feature area = town.areas().stream().filter(a -> a.id() == reach.unit().featureId()).findFirst().orElseThrow();
            List<EdgePosition> unitGates;
            try {
                unitGates = lifeCircle.startAtArea(area).positions();
            } catch (OffNetworkException e) {
                unitGates = List.of();
            }
            gates.add(unitGates);
        }
        ShortestPathTree tree = new ShortestPathTree(network);
        List<Set<Integer>> reach = new ArrayList<>();
        for (int node = 0; node < network.nodeCount(); node++) {
            tree.fromNode(node, THRESHOLD);
            Set<Integer> units = new HashSet<>();
            for (int u = 0; u < gates.size(); u++) {
                if (now.units().get(u).covered()) {
                    continue;
                }
                for (EdgePosition gate : gates.get(u)) {
                    if (tree.distanceMetres(gate) <= THRESHOLD) {
                        units.add(u);
                        break;
                    }
                }
            }
            reach.add(units);
        }
        return reach;
    }

    private static long residentsOf(CategoryCoverage now, Set<Integer> units) {
        return units.stream().mapToLong(u -> now.units().get(u).unit().residents()).sum();
    }

    /** The most residents any k nodes together bring into reach. */
    private static long optimum(List<Set<Integer>> reach, CategoryCoverage now, int k) {
        return best(reach, now, k, 0, new HashSet<>());
    }

    private static long best(List<Set<Integer>> reach, CategoryCoverage now, int left, int from, Set<Integer> covered) {
        long best = residentsOf(now, covered);
        if (left == 0) {
            return best;
        }
        for (int node = from; node < reach.size(); node++) {
            Set<Integer> with = new HashSet<>(covered);
            with.addAll(reach.get(node));
            best = Math.max(best, best(reach, now, left - 1, node + 1, with));
        }
        return best;
    }

    @Test
    void greedySitesReachAtLeastOneMinusOneOverEOfTheExhaustiveOptimum() {
        for (long seed = 1; seed <= 4; seed++) {
            CoverageTown town = smallTown(seed);
            LifeCircleAnalysis lifeCircle = town.lifeCircle();
            CoverageAnalysis analysis = CoverageAnalysis.build(lifeCircle, town.areas(), town.grids());
            CategoryCoverage now = analysis.coverage("canteen", THRESHOLD);
            List<Set<Integer>> reach = reachOfEveryNode(lifeCircle, town, now);
            for (int k = 1; k <= 3; k++) {
                SiteSuggestion suggestion = analysis.suggest("canteen", THRESHOLD, k, null);

                long optimum = optimum(reach, now, k);
                System.out.printf("seed %d, k = %d: greedy %d, optimum %d residents%n", seed, k, suggestion.totalGain(), optimum);
                assertThat(optimum).as("the town has someone to bring into reach").isPositive();
                assertThat((double) suggestion.totalGain()).as("seed %d, k %d", seed, k)
                        .isGreaterThanOrEqualTo(ONE_MINUS_ONE_OVER_E * optimum);
                assertThat(suggestion.totalGain()).isLessThanOrEqualTo(optimum);
            }
        }
    }

    @Test
    void theGainsAddUpToWhatTheSitesTogetherBringIntoReach() {
        for (long seed = 1; seed <= 4; seed++) {
            CoverageAnalysis analysis = smallTown(seed).coverage();

            SiteSuggestion suggestion = analysis.suggest("canteen", THRESHOLD, 3, null);

            List<Point> atTheSites = suggestion.sites().stream()
                    .map(s -> GeometryFactories.WGS84.createPoint(new Coordinate(s.site().lon(), s.site().lat()))).toList();
            WhatIfResult built = analysis.whatIf("canteen", THRESHOLD, new WhatIfProposal(atTheSites, List.of()));
            assertThat(suggestion.totalGain()).as("seed %d", seed).isEqualTo(built.gainResidents());
            assertThat(suggestion.coveredBefore()).isEqualTo(built.before().coveredResidents());
            assertThat(suggestion.coveredAfter()).isEqualTo(built.after().coveredResidents());
            Set<ResidentialUnit> seen = new HashSet<>();
            for (SuggestedSite site : suggestion.sites()) {
                assertThat(site.newlyCovered().stream().mapToLong(ResidentialUnit::residents).sum()).isEqualTo(site.gainResidents());
                for (ResidentialUnit unit : site.newlyCovered()) {
                    assertThat(seen.add(unit)).as("%s is brought into reach once", unit.name()).isTrue();
                }
            }
        }
    }

    @Test
    void theKSitesAreDistinctStreetNodes() {
        // Seed 3's town has at least three street nodes that each bring someone new into reach.
        CoverageAnalysis analysis = smallTown(3).coverage();
        WalkingNetwork network = analysis.lifeCircle().network();

        SiteSuggestion suggestion = analysis.suggest("canteen", THRESHOLD, 3, null);

        assertThat(suggestion.sites()).hasSize(3);
        assertThat(suggestion.sites()).extracting(s -> s.site().lon() + "," + s.site().lat()).doesNotHaveDuplicates();
        assertThat(suggestion.candidatesConsidered()).isEqualTo(network.nodeCount());
        for (SuggestedSite site : suggestion.sites()) {
            assertThat(site.site().layer()).isNull();
            assertThat(site.site().featureId()).isNull();
            assertThat(isNode(network, site.site())).isTrue();
        }
    }

    @Test
    void fewerThanKSitesComeBackOnlyWhenNoStreetNodeWouldBringAnyoneElseIntoReach() {
        for (long seed = 1; seed <= 4; seed++) {
            CoverageAnalysis analysis = smallTown(seed).coverage();
            WalkingNetwork network = analysis.lifeCircle().network();

            SiteSuggestion suggestion = analysis.suggest("canteen", THRESHOLD, CoverageAnalysis.MAX_SITES, null);

            List<Point> everyNode = new ArrayList<>();
            for (int n = 0; n < network.nodeCount(); n++) {
                everyNode.add(GeometryFactories.WGS84.createPoint(new Coordinate(network.nodeLon(n), network.nodeLat(n))));
            }
            long reachableAtAll = analysis.whatIf("canteen", THRESHOLD, new WhatIfProposal(everyNode, List.of()))
                    .after().coveredResidents();
            System.out.printf("seed %d: %d sites of %d asked for; covered after them %d, with a canteen at every node %d%n",
                    seed, suggestion.sites().size(), CoverageAnalysis.MAX_SITES, suggestion.coveredAfter(), reachableAtAll);
            if (suggestion.sites().size() < CoverageAnalysis.MAX_SITES) {
                assertThat(suggestion.coveredAfter()).as("seed %d", seed).isEqualTo(reachableAtAll);
            }
        }
    }

    private static boolean isNode(WalkingNetwork network, CandidateSite site) {
        for (int n = 0; n < network.nodeCount(); n++) {
            if (network.nodeLon(n) == site.lon() && network.nodeLat(n) == site.lat()) {
                return true;
            }
        }
        return false;
    }

    /**
     * One street, a canteen at its west end, homes 400 and 800 m along; plots beside the street at
     * 420 and 790 m, and one 600 m north of it.
     */
    @Test
    void candidateFeaturesAreWeighedAtTheirInteriorPointsAndThoseFarFromEveryStreetAreNot() {
        CoverageAnalysis analysis = new CoverageTown().street("LINESTRING (0 0, 1000 0)").station("canteen", "POINT (0 -10)")
                .area(500, CoverageTown.square(400, 10, 20))
                .area(900, CoverageTown.square(800, 10, 20))
                .coverage();
        List<Feature> plots = List.of(
                new Feature(7, CoverageTown.geometry(CoverageTown.square(410, -40, 20)), Map.of("name", "west plot")),
                new Feature(8, CoverageTown.geometry(CoverageTown.square(780, -40, 20)), Map.of("name", "east plot")),
                new Feature(9, CoverageTown.geometry(CoverageTown.square(500, 600, 20)), Map.of("name", "far plot")));

        SiteSuggestion suggestion = analysis.suggest("canteen", 300, 1, "renovation-plots", plots);

        assertThat(suggestion.candidatesConsidered()).isEqualTo(2);
        assertThat(suggestion.sites()).hasSize(1);
        CandidateSite site = suggestion.sites().get(0).site();
        assertThat(site.featureId()).isEqualTo(8L);
        assertThat(site.name()).isEqualTo("east plot");
        assertThat(site.layer()).isEqualTo("renovation-plots");
        assertThat(suggestion.sites().get(0).gainResidents()).isEqualTo(900);
        assertThat(suggestion.coveredBefore()).isZero();
    }

    @Test
    void kOutsideOneToTenIsRefused() {
        CoverageAnalysis analysis = smallTown(1).coverage();

        for (int k : new int[] {0, -1, CoverageAnalysis.MAX_SITES + 1}) {
            assertThatThrownBy(() -> analysis.suggest("canteen", THRESHOLD, k, null)).as("k = %d", k)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> analysis.suggest("casino", THRESHOLD, 1, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> analysis.suggest("canteen", 0, 1, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
