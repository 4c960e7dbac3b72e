package org.lilong.layers.isochrone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lilong.layers.network.EdgePosition;
import org.lilong.layers.network.ShortestPathTree;
import org.lilong.layers.network.WalkingNetwork;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Rings keep only their corners: a vertex on the straight line through its neighbours (along an axis,
 * a diagonal or any other direction) adds bytes to every answer and nothing to the area. Checked in
 * WGS84 with JTS's exact orientation predicate, which also shows that the map from the lattice to
 * longitude and latitude keeps collinear points exactly collinear (the nesting of
 * {@link IsochroneChecks} relies on it where two isochrones keep different vertices of one boundary).
 */
class IsochroneVerticesTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24})
    void noRingVertexLiesOnTheLineThroughItsNeighbours(long seed) {
        Random random = new Random(seed);
        WalkingNetwork network = IsochronePropertiesTest.perturbedGrid(random, 10, 10);
        List<EdgePosition> origins = List.of(new EdgePosition(random.nextInt(network.edgeCount()), random.nextDouble()));
        double[] distances = {200 + random.nextInt(100), 400 + random.nextInt(100), 700 + random.nextInt(100)};
        ShortestPathTree tree = new ShortestPathTree(network).fromAll(origins, distances[2]);

        List<Isochrone> isochrones = new IsochroneBuilder(network, List.of()).build(tree, distances);

        for (Isochrone iso : isochrones) {
            Geometry area = iso.area();
            for (int p = 0; p < area.getNumGeometries(); p++) {
                Polygon polygon = (Polygon) area.getGeometryN(p);
                assertCornersOnly(polygon.getExteriorRing());
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    assertCornersOnly(polygon.getInteriorRingN(h));
                }
            }
        }
        new IsochroneChecks(network, tree, origins, new IsochroneBuilder(network, List.of())).assertValidAndNested(isochrones);
    }

    private static void assertCornersOnly(LineString ring) {
        Coordinate[] c = ring.getCoordinates();
        int n = c.length - 1; // closed: c[n] repeats c[0]
        for (int k = 0; k < n; k++) {
            Coordinate before = c[(k + n - 1) % n];
            Coordinate after = c[(k + 1) % n];
            assertThat(Orientation.index(before, c[k], after)).as("vertex %s of %s", c[k], ring).isNotEqualTo(Orientation.COLLINEAR);
        }
    }
}
