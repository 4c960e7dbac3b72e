package org.lilong.layers.lifecircle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lilong.layers.model.Feature;
import org.lilong.layers.network.ShortestPathTree;
import org.lilong.layers.network.WalkingNetwork;
import org.lilong.layers.standard.LifeCircleProfile;
import org.lilong.layers.standard.WalkingSpeed;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

/** Properties of every walk the checklist reports, over random street grids with random facilities. */
class WalkPropertiesTest {

    private static final LifeCircleProfile PROFILE = LifeCircleProfile.defaults();
    private static final WalkingSpeed ADULT = PROFILE.speed("adult").orElseThrow();
    private static final WalkingSpeed ELDERLY = PROFILE.speed("elderly").orElseThrow();
    private static final String[] CATEGORIES = {"canteen", "kindergarten", "market", "health_centre", "bus_stop", "metro_station"};
    private static final int TOWNS = 6;
    private static final int STARTS_PER_TOWN = 25;

    /**
     * A jittered 8 × 8 grid of about 110 m blocks with a sixth of its street pieces missing, some
     * bent, 40 random stations and 4 pocket parks.
     */
    private static Town randomTown(Random random) {
        Town town = new Town();
        int n = 8;
        double[][] x = new double[n][n];
        double[][] y = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[i][j] = i * 110 + random.nextDouble() * 30 - 15;
                y[i][j] = j * 110 + random.nextDouble() * 30 - 15;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i + 1 < n && random.nextInt(6) > 0) {
                    town.street(line(random, x[i][j], y[i][j], x[i + 1][j], y[i + 1][j]));
                }
                if (j + 1 < n && random.nextInt(6) > 0) {
                    town.street(line(random, x[i][j], y[i][j], x[i][j + 1], y[i][j + 1]));
                }
            }
        }
        for (int s = 0; s < 40; s++) {
            town.station(CATEGORIES[random.nextInt(CATEGORIES.length)],
                    "POINT (" + random.nextDouble() * 800 + " " + random.nextDouble() * 800 + ")");
        }
        for (int p = 0; p < 4; p++) {
            double px = random.nextDouble() * 750;
            double py = random.nextDouble() * 750;
            town.pocketPark("POLYGON ((" + px + " " + py + ", " + (px + 30) + " " + py + ", " + (px + 30) + " " + (py + 40)
                    + ", " + px + " " + (py + 40) + ", " + px + " " + py + "))");
        }
        return town;
    }

    /** A straight street, or one bent at a point pushed up to 20 m sideways. */
    private static String line(Random random, double x0, double y0, double x1, double y1) {
        if (random.nextBoolean()) {
            return "LINESTRING (" + x0 + " " + y0 + ", " + x1 + " " + y1 + ")";
        }
        double mx = (x0 + x1) / 2 + random.nextDouble() * 40 - 20;
        double my = (y0 + y1) / 2 + random.nextDouble() * 40 - 20;
        return "LINESTRING (" + x0 + " " + y0 + ", " + mx + " " + my + ", " + x1 + " " + y1 + ")";
    }

    private interface StartCheck {
        void check(LifeCircleAnalysis analysis, WalkStart start);
    }

    private static void forRandomStarts(long seed, StartCheck check) {
        Random random = new Random(seed);
        int checked = 0;
        for (int t = 0; t < TOWNS; t++) {
            LifeCircleAnalysis analysis = randomTown(random).analysis();
            for (int s = 0; s < STARTS_PER_TOWN; s++) {
                Coordinate point = Town.lonLat(random.nextDouble() * 800, random.nextDouble() * 800);
                check.check(analysis, analysis.startAt(point.x, point.y));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(TOWNS * STARTS_PER_TOWN);
    }

    @Test
    void everyRouteRunsFromTheStartToItsFacilityAndIsAsLongAsTheWalk() {
        forRandomStarts(11, (analysis, start) -> {
            for (CategoryResult result : analysis.report(start, ADULT).categories()) {
                ReachedFacility facility = result.nearest();
                if (facility == null) {
                    continue;
                }
                LineString route = facility.route();
                assertThat(route.getCoordinateN(0)).isEqualTo(start.geometry().getCoordinate());
                assertThat(route.getCoordinateN(route.getNumPoints() - 1))
                        .isEqualTo(new Coordinate(facility.lon(), facility.lat()));
                assertThat(Town.geodesicMetres(route)).as("route to %s", facility.name())
                        .isCloseTo(facility.walkMetres(), within(0.5));
            }
        });
    }

    /**
     * Time grows monotonically along every route, and at each street junction it passes the time
     * is the shortest time to that junction: the route follows the search, not some other path.
     */
    @Test
    void alongEveryRouteTheWalkSoFarIsTheShortestWalkToEachJunctionPassed() {
        int[] junctionsChecked = {0};
        forRandomStarts(12, (analysis, start) -> {
            WalkingNetwork network = analysis.network();
            Map<Coordinate, Integer> nodes = new HashMap<>();
            for (int node = 0; node < network.nodeCount(); node++) {
                nodes.put(new Coordinate(network.nodeLon(node), network.nodeLat(node)), node);
            }
            ShortestPathTree tree = new ShortestPathTree(network).fromAll(start.positions(), 5000);
            for (CategoryResult result : analysis.report(start, ADULT).categories()) {
                if (result.nearest() == null) {
                    continue;
                }
                LineString route = result.nearest().route();
                double walked = 0;
                List<Double> times = new ArrayList<>();
                for (int i = 0; i < route.getNumPoints(); i++) {
                    Coordinate c = route.getCoordinateN(i);
                    if (i > 0) {
                        walked += Town.geodesicMetres(route.getFactory().createLineString(
                                new Coordinate[] {route.getCoordinateN(i - 1), c}));
                    }
                    times.add(ADULT.minutesFor(walked));
                    Integer node = nodes.get(c);
                    if (node != null && i > 0) {
                        assertThat(start.accessMetres() + tree.distanceMetres(node)).isCloseTo(walked, within(0.5));
                        junctionsChecked[0]++;
                    }
                }
                assertThat(times).isSorted();
            }
        });
        assertThat(junctionsChecked[0]).isGreaterThan(1000);
    }

    @Test
    void anElderlyWalkerNeverReachesMoreThanAnAdult() {
        forRandomStarts(13, (analysis, start) -> {
            LifeCircleReport adult = analysis.report(start, ADULT);
            LifeCircleReport elderly = analysis.report(start, ELDERLY);
            for (int c = 0; c < adult.categories().size(); c++) {
                CategoryResult a = adult.categories().get(c);
                CategoryResult e = elderly.categories().get(c);
                assertThat(e.within5()).isLessThanOrEqualTo(a.within5());
                assertThat(e.within10()).isLessThanOrEqualTo(a.within10());
                assertThat(e.within15()).isLessThanOrEqualTo(a.within15());
            }
            assertThat(elderly.reachable().size()).isLessThanOrEqualTo(adult.reachable().size());
            assertThat(elderly.passed()).isEqualTo(adult.passed());
        });
    }

    @Test
    void theReachableListIsNearestFirstAndWithinFifteenMinutes() {
        forRandomStarts(14, (analysis, start) -> {
            List<ReachedFacility> reachable = analysis.report(start, ELDERLY).reachable();
            assertThat(reachable).extracting(ReachedFacility::walkMetres).isSorted();
            assertThat(reachable).allSatisfy(f -> assertThat(f.minutes()).isLessThanOrEqualTo(15));
        });
    }

    /** Random compounds, 40–100 m a side, over random towns; those with no street along their edge are skipped. */
    private static void forRandomAreas(long seed, StartCheck check) {
        Random random = new Random(seed);
        int checked = 0;
        for (int t = 0; t < TOWNS; t++) {
            LifeCircleAnalysis analysis = randomTown(random).analysis();
            for (int a = 0; a < STARTS_PER_TOWN; a++) {
                double x = random.nextDouble() * 700;
                double y = random.nextDouble() * 700;
                double w = 40 + random.nextDouble() * 60;
                double h = 40 + random.nextDouble() * 60;
                Feature area = Town.area(a + 1, "POLYGON ((" + x + " " + y + ", " + (x + w) + " " + y + ", " + (x + w) + " " + (y + h)
                        + ", " + x + " " + (y + h) + ", " + x + " " + y + "))");
                try {
                    check.check(analysis, analysis.startAtArea(area));
                    checked++;
                } catch (OffNetworkException e) {
                    // a compound in the middle of a missing block
                }
            }
        }
        assertThat(checked).isGreaterThan(TOWNS * STARTS_PER_TOWN / 2);
    }

    @Test
    void everyRouteFromAnAreaStartsOnAStreetAlongItsEdgeAndIsAsLongAsTheWalk() {
        forRandomAreas(15, (analysis, start) -> {
            List<Coordinate> streetStarts = start.positions().stream()
                    .map(p -> analysis.network().pointAt(p.edge(), p.fraction())).toList();
            for (CategoryResult result : analysis.report(start, ADULT).categories()) {
                ReachedFacility facility = result.nearest();
                if (facility != null) {
                    assertThat(streetStarts).contains(facility.route().getCoordinateN(0));
                    assertThat(Town.geodesicMetres(facility.route())).isCloseTo(facility.walkMetres(), within(0.5));
                }
            }
        });
    }

    /** The walk from an area starts at every street along its edge, so it is never longer than from a corner's street. */
    @Test
    void fromAnAreaNoFacilityIsFartherThanFromTheStreetNearestOneOfItsCorners() {
        forRandomAreas(16, (analysis, area) -> {
            LifeCircleReport fromArea = analysis.report(area, ADULT);
            for (Coordinate corner : area.geometry().getCoordinates()) {
                WalkStart point = analysis.startAt(corner.x, corner.y);
                if (point.accessMetres() > 50) {
                    continue;
                }
                LifeCircleReport fromCorner = analysis.report(point, ADULT);
                for (int c = 0; c < fromArea.categories().size(); c++) {
                    ReachedFacility viaCorner = fromCorner.categories().get(c).nearest();
                    if (viaCorner != null) {
                        // Within a metre: street points less than a metre apart on one edge count once.
                        assertThat(fromArea.categories().get(c).nearest().walkMetres())
                                .isLessThanOrEqualTo(viaCorner.walkMetres() - point.accessMetres() + 1);
                    }
                }
            }
        });
    }
}
