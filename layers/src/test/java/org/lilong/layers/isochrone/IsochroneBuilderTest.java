package org.lilong.layers.isochrone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.lilong.layers.isochrone.MetricSketch.point;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lilong.layers.network.EdgePosition;
import org.lilong.layers.network.ShortestPathTree;
import org.lilong.layers.network.WalkingNetwork;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Isochrones on small networks drawn in metres (see {@link MetricSketch}); buffer 25 m, cell 10 m, so
 * a polygon reaches at most 35 m beyond the street reached within its distance.
 */
class IsochroneBuilderTest {

    private static final double REACH = IsochroneBuilder.DEFAULT_BUFFER_METRES + IsochroneBuilder.DEFAULT_CELL_METRES;

    /** A plus sign: four 400 m arms meeting at (0, 0). */
    private static final String CROSS = "MULTILINESTRING ((-400 0, 0 0), (0 0, 400 0), (0 -400, 0 0), (0 0, 0 400))";

    /** A 200 m square block walked round; nothing crosses it. */
    private static final String RING = "LINESTRING (0 0, 200 0, 200 200, 0 200, 0 0)";

    /** Three by three blocks of 150 m: four streets each way, 450 m long. */
    private static final String GRID = "MULTILINESTRING ((0 0, 150 0, 300 0, 450 0), (0 150, 150 150, 300 150, 450 150),"
            + " (0 300, 150 300, 300 300, 450 300), (0 450, 150 450, 300 450, 450 450),"
            + " (0 0, 0 150, 0 300, 0 450), (150 0, 150 150, 150 300, 150 450),"
            + " (300 0, 300 150, 300 300, 300 450), (450 0, 450 150, 450 300, 450 450))";

    /**
     * A river 40 m wide from y = 0 to y = 40, a street on each bank (y = −5 and y = 45) and one bridge
     * at x = 0. The bank streets are 50 m apart, so without the water mask their 25 m buffers would meet.
     */
    private static final String BANKS = "MULTILINESTRING ((-600 -5, 0 -5, 600 -5), (-600 45, 0 45, 600 45), (0 -5, 0 45))";
    private static final String RIVER = "POLYGON ((-2000 0, 2000 0, 2000 40, -2000 40, -2000 0))";

    private static List<Isochrone> fromNode(WalkingNetwork network, List<Geometry> water, int node, double... distances) {
        ShortestPathTree tree = new ShortestPathTree(network).fromNode(node, distances[distances.length - 1]);
        return new IsochroneBuilder(network, water).build(tree, distances);
    }

    @Test
    void eachArmOfACrossIsReachedAsFarAsTheDistance() {
        WalkingNetwork cross = MetricSketch.network(CROSS);

        Isochrone iso = fromNode(cross, List.of(), MetricSketch.node(cross, 0, 0), 200).get(0);

        for (double[] direction : new double[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
            assertThat(iso.area().covers(point(199 * direction[0], 199 * direction[1]))).isTrue();
            assertThat(iso.area().covers(point((200 + REACH + 1) * direction[0], (200 + REACH + 1) * direction[1])))
                    .isFalse();
        }
        assertThat(iso.reachedStreetMetres()).isCloseTo(800, within(0.1));
        assertThat(iso.area()).isInstanceOf(Polygon.class);
    }

    @Test
    void theAreaHugsTheStreetsWithinTheBufferAndOneCell() {
        WalkingNetwork cross = MetricSketch.network(CROSS);

        Isochrone iso = fromNode(cross, List.of(), MetricSketch.node(cross, 0, 0), 300).get(0);

        assertThat(iso.area().covers(point(150, 10))).as("within buffer − cell·√2").isTrue();
        assertThat(iso.area().covers(point(150, REACH + 1))).isFalse();
        assertThat(iso.area().covers(point(100, 100))).isFalse();
        // Four arms of 2 × 25 m by 300 m, less their overlap, plus rounding to the lattice.
        assertThat(iso.areaSquareMetres()).isBetween(4 * 50 * 300 * 0.85, 4 * 50 * 300 * 1.25);
    }

    @Test
    void aLongEdgeIsReachedPartlyUpToTheDistance() {
        WalkingNetwork line = MetricSketch.network("LINESTRING (0 0, 1000 0)");

        Isochrone iso = fromNode(line, List.of(), MetricSketch.node(line, 0, 0), 400).get(0);

        assertThat(iso.area().covers(point(399, 0))).isTrue();
        assertThat(iso.area().covers(point(400 + REACH + 0.5, 0))).isFalse();
        assertThat(iso.reachedStreetMetres()).isCloseTo(400, within(1e-3));
    }

    @Test
    void anOriginInsideAnEdgeReachesBothWaysAlongIt() {
        WalkingNetwork line = MetricSketch.network("LINESTRING (0 0, 1000 0)");
        ShortestPathTree tree = new ShortestPathTree(line).from(new EdgePosition(0, 0.5), 600);

        Isochrone iso = new IsochroneBuilder(line, List.of()).build(tree, 100).get(0);

        assertThat(iso.area().covers(point(401, 0))).isTrue();
        assertThat(iso.area().covers(point(599, 0))).isTrue();
        assertThat(iso.area().covers(point(400 - REACH - 0.5, 0))).isFalse();
        assertThat(iso.area().covers(point(600 + REACH + 0.5, 0))).isFalse();
        assertThat(iso.reachedStreetMetres()).isCloseTo(200, within(1e-3));
    }

    @Test
    void anOriginOnAnEdgeLongerThanTwiceTheLimitStillReachesAlongIt() {
        WalkingNetwork line = MetricSketch.network("LINESTRING (0 0, 1000 0)");
        // Neither end is within the limit: the search reaches no node at all.
        ShortestPathTree tree = new ShortestPathTree(line).from(new EdgePosition(0, 0.5), 330);

        Isochrone iso = new IsochroneBuilder(line, List.of()).build(tree, 330).get(0);

        assertThat(tree.reachedCount()).isZero();
        assertThat(iso.area().covers(point(500, 0))).isTrue();
        assertThat(iso.area().covers(point(171, 0))).isTrue();
        assertThat(iso.area().covers(point(829, 0))).isTrue();
        assertThat(iso.area().covers(point(170 - REACH - 0.5, 0))).isFalse();
        assertThat(iso.reachedStreetMetres()).isCloseTo(660, within(1e-3));
    }

    @Test
    void theBlockInsideARingStaysAHole() {
        WalkingNetwork ring = MetricSketch.network(RING);

        Isochrone iso = fromNode(ring, List.of(), MetricSketch.node(ring, 0, 0), 1000).get(0);

        assertThat(iso.area()).isInstanceOf(Polygon.class);
        assertThat(((Polygon) iso.area()).getNumInteriorRing()).isEqualTo(1);
        assertThat(iso.area().covers(point(100, 100))).isFalse();
        assertThat(iso.area().covers(point(100, 0))).isTrue();
        // Outer square about 250 m across, hole about 150 m: 250² − 150² = 40,000 m².
        assertThat(iso.areaSquareMetres()).isBetween(36_000.0, 44_000.0);
        assertThat(iso.reachedStreetMetres()).isCloseTo(800, within(0.1));
    }

    @Test
    void everyBlockOfAGridReachedAllRoundIsAHole() {
        WalkingNetwork grid = MetricSketch.network(GRID);

        List<Isochrone> isos = fromNode(grid, List.of(), MetricSketch.node(grid, 0, 0), 200, 2000);

        Polygon all = (Polygon) isos.get(1).area();
        assertThat(all.getNumInteriorRing()).isEqualTo(9);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(all.covers(point(75 + 150 * i, 75 + 150 * j))).isFalse();
            }
        }
        assertThat(isos.get(1).reachedStreetMetres()).isCloseTo(8 * 450, within(0.5));
        // At 200 m only the corner block is walked round on two sides: no hole yet.
        assertThat(((Polygon) isos.get(0).area()).getNumInteriorRing()).isZero();
    }

    @Test
    void twoOriginsOnPartsThatDoNotMeetGiveAMultiPolygon() {
        WalkingNetwork parts = MetricSketch.network("MULTILINESTRING ((0 0, 300 0), (0 500, 300 500))");
        int south = MetricSketch.node(parts, 0, 0);
        int north = MetricSketch.node(parts, 0, 500);
        int southEdge = parts.adjacentEdge(parts.adjacencyStart(south));
        int northEdge = parts.adjacentEdge(parts.adjacencyStart(north));
        ShortestPathTree tree = new ShortestPathTree(parts).fromAll(List.of(
                new EdgePosition(southEdge, 0.5), new EdgePosition(northEdge, 0.5)), 400);

        Isochrone iso = new IsochroneBuilder(parts, List.of()).build(tree, 100).get(0);

        assertThat(iso.area()).isInstanceOf(MultiPolygon.class);
        assertThat(iso.area().getNumGeometries()).isEqualTo(2);
        assertThat(iso.area().covers(point(150, 0))).isTrue();
        assertThat(iso.area().covers(point(150, 500))).isTrue();
        assertThat(iso.area().covers(point(150, 250))).isFalse();
    }

    @Test
    void aSearchThatReachesNothingGivesAnEmptyArea() {
        WalkingNetwork cross = MetricSketch.network(CROSS);
        ShortestPathTree tree = new ShortestPathTree(cross).fromAll(List.of(), 500);

        Isochrone iso = new IsochroneBuilder(cross, List.of()).build(tree, 500).get(0);

        assertThat(iso.area().isEmpty()).isTrue();
        assertThat(iso.areaSquareMetres()).isZero();
        assertThat(iso.reachedStreetMetres()).isZero();
    }

    @Test
    void bankStreetsDoNotJoinAcrossTheRiverExceptAlongTheBridge() {
        WalkingNetwork banks = MetricSketch.network(BANKS);

        Isochrone iso = fromNode(banks, List.of(MetricSketch.lonLat(RIVER)), MetricSketch.node(banks, 0, -5), 1500).get(0);

        assertThat(iso.area().covers(point(-300, -5))).isTrue();
        assertThat(iso.area().covers(point(-300, 45))).isTrue();
        assertThat(iso.area().covers(point(0, 20))).as("along the bridge").isTrue();
        assertThat(iso.area().covers(point(-300, 20))).as("mid-river away from the bridge").isFalse();
        assertThat(iso.area().covers(point(300, 20))).isFalse();
    }

    @Test
    void withoutTheWaterMaskTheSameBanksWouldJoin() {
        WalkingNetwork banks = MetricSketch.network(BANKS);

        Isochrone iso = fromNode(banks, List.of(), MetricSketch.node(banks, 0, -5), 1500).get(0);

        assertThat(iso.area().covers(point(-300, 20))).isTrue();
    }

    @Test
    void theFarBankIsOutsideWhenTheBridgeIsBeyondReach() {
        WalkingNetwork banks = MetricSketch.network(BANKS);

        Isochrone iso = fromNode(banks, List.of(MetricSketch.lonLat(RIVER)), MetricSketch.node(banks, -600, -5), 400).get(0);

        assertThat(iso.area().covers(point(-500, -5))).isTrue();
        assertThat(iso.area().covers(point(-500, 45))).as("50 m away across the water").isFalse();
        assertThat(iso.area().covers(point(-500, 20))).isFalse();
    }

    @Test
    void smallerDistancesLieInsideLargerOnes() {
        WalkingNetwork banks = MetricSketch.network(BANKS);

        List<Isochrone> isos = fromNode(banks, List.of(MetricSketch.lonLat(RIVER)), MetricSketch.node(banks, -300, -5),
                100, 300, 700);

        assertThat(isos).extracting(Isochrone::distanceMetres).containsExactly(100.0, 300.0, 700.0);
        assertThat(isos.get(1).area().covers(isos.get(0).area())).isTrue();
        assertThat(isos.get(2).area().covers(isos.get(1).area())).isTrue();
        assertThat(isos.get(0).areaSquareMetres()).isLessThan(isos.get(1).areaSquareMetres());
    }

    @Test
    void distancesMustBeAscendingPositiveAndWithinTheSearch() {
        WalkingNetwork cross = MetricSketch.network(CROSS);
        ShortestPathTree tree = new ShortestPathTree(cross).fromNode(0, 300);
        IsochroneBuilder builder = new IsochroneBuilder(cross, List.of());

        assertThatThrownBy(() -> builder.build(tree, 200, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.build(tree, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.build(tree, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.build(tree, 301)).hasMessageContaining("limit");
        assertThatThrownBy(() -> builder.build(tree)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSearchOnAnotherNetworkIsRefused() {
        WalkingNetwork cross = MetricSketch.network(CROSS);
        ShortestPathTree other = new ShortestPathTree(MetricSketch.network(CROSS)).fromNode(0, 300);

        assertThatThrownBy(() -> new IsochroneBuilder(cross, List.of()).build(other, 100))
                .hasMessageContaining("another network");
    }

    @Test
    void aBufferSmallerThanTheCellDiagonalIsRefused() {
        WalkingNetwork cross = MetricSketch.network(CROSS);

        assertThatThrownBy(() -> new IsochroneBuilder(cross, List.of(), 14, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
