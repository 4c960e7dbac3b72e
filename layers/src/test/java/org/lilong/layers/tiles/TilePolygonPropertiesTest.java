package org.lilong.layers.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.Visibility;
import org.lilong.layers.spatial.GeometryFactories;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Properties over many generated polygons (seeded): whatever the zoom, clipping and simplification
 * do, every polygon in a tile is valid, wound as MVT 2.1 asks, and (for shapes well above a tile
 * unit) within two tile units of its source.
 */
class TilePolygonPropertiesTest {

    private static final int CASES = 600;

    @Test
    void jaggedPolygonsStayValidAndWellWoundAtEveryZoom() {
        Random random = new Random(42);
        for (int i = 0; i < CASES; i++) {
            int z = 8 + random.nextInt(11);
            double radiusMetres = 5 + random.nextDouble() * 3000;
            Polygon polygon = star(random, 121.45 + random.nextDouble() * 0.1, 31.2 + random.nextDouble() * 0.05,
                    radiusMetres, 3 + random.nextInt(300), 0.05, random.nextInt(3) == 0);
            TileAddress tile = someTileOf(random, polygon, z);
            DecodedTile decoded = cut(polygon, tile);
            String context = "case " + i + " z" + z + " tile " + tile;
            int written = decoded.raw().getLayersCount() == 0 ? 0 : decoded.raw().getLayers(0).getFeaturesCount();
            assertThat(decoded.geometries(LayerCatalogue.RESIDENTIAL_AREAS)).as("the reader took every feature: " + context)
                    .hasSize(written);
            for (Geometry geometry : decoded.geometries(LayerCatalogue.RESIDENTIAL_AREAS).values()) {
                assertThat(geometry.isValid()).as(context).isTrue();
            }
            List<Long> areas = decoded.ringDoubleAreas(LayerCatalogue.RESIDENTIAL_AREAS);
            if (!areas.isEmpty()) {
                assertThat(areas.get(0)).as("the first ring is a shell: " + context).isPositive();
            }
            assertThat(areas).as("no ring without area: " + context).doesNotContain(0L);
        }
    }

    @Test
    void roundPolygonsComeBackWithinTwoTileUnits() {
        Random random = new Random(7);
        int compared = 0;
        for (int i = 0; i < CASES; i++) {
            int z = 10 + random.nextInt(9);
            Polygon polygon = star(random, 121.45 + random.nextDouble() * 0.1, 31.2 + random.nextDouble() * 0.05,
                    20 + random.nextDouble() * 2000, 5 + random.nextInt(60), 0.7, false);
            TileAddress tile = someTileOf(random, polygon, z);
            Geometry expected = TileFixtures.expectedInTile(polygon, tile);
            if (expected.isEmpty() || expected.getArea() < 400) {
                continue;
            }
            Geometry decoded = cut(polygon, tile).geometries(LayerCatalogue.RESIDENTIAL_AREAS).get(1L);
            assertThat(decoded).as("case %d drawn", i).isNotNull();
            assertThat(DiscreteHausdorffDistance.distance(decoded, expected, 0.05)).as("case %d z%d tile %s", i, z, tile)
                    .isLessThanOrEqualTo(2.0);
            compared++;
        }
        assertThat(compared).isGreaterThan(CASES / 4);
    }

    private static DecodedTile cut(Polygon polygon, TileAddress tile) {
        Feature feature = new Feature(1, polygon, Map.of("name", "generated"));
        return TileFixtures.cut(LayerCatalogue.RESIDENTIAL_AREAS, List.of(feature), tile, Visibility.PUBLIC);
    }

    /** The tile holding the polygon's centre or one of its vertices, so that some cases cross tile edges. */
    private static TileAddress someTileOf(Random random, Polygon polygon, int z) {
        Coordinate[] ring = polygon.getExteriorRing().getCoordinates();
        Coordinate at = random.nextBoolean() ? polygon.getCentroid().getCoordinate() : ring[random.nextInt(ring.length)];
        return TileFixtures.tileAt(z, at.x, at.y);
    }

    /**
     * A star-shaped polygon round the centre: vertices at increasing angles, each at a random
     * radius between {@code minFraction} × and 1 × the radius; with a smaller star as its hole if asked.
     */
    private static Polygon star(Random random, double lon, double lat, double radiusMetres, int vertices,
            double minFraction, boolean withHole) {
        LinearRing shell = ring(random, lon, lat, radiusMetres, vertices, minFraction);
        if (!withHole) {
            return GeometryFactories.WGS84.createPolygon(shell);
        }
        LinearRing hole = ring(random, lon, lat, radiusMetres * minFraction * 0.5, 3 + random.nextInt(20), 0.5);
        return GeometryFactories.WGS84.createPolygon(shell, new LinearRing[] {hole});
    }

    private static LinearRing ring(Random random, double lon, double lat, double radiusMetres, int vertices, double minFraction) {
        double metresPerDegreeLon = 111_320 * Math.cos(Math.toRadians(lat));
        List<Coordinate> points = new ArrayList<>();
        for (int v = 0; v < vertices; v++) {
            double angle = 2 * Math.PI * v / vertices;
            double r = radiusMetres * (minFraction + (1 - minFraction) * random.nextDouble());
            points.add(new Coordinate(lon + r * Math.cos(angle) / metresPerDegreeLon, lat + r * Math.sin(angle) / 110_950));
        }
        points.add(new Coordinate(points.get(0)));
        return GeometryFactories.WGS84.createLinearRing(points.toArray(Coordinate[]::new));
    }
}
