package org.lilong.layers.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lilong.layers.store.StoreFixtures.CATALOGUE;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.GridLevel;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.model.RenovationStage;
import org.lilong.layers.query.FeatureQuery;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.gpkg.GeoPackageStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The same features, loaded into a GeoPackage and into PostGIS, read back identically (ids,
 * geometries to the last bit, typed values) and answer the same bounding-box queries.
 */
class StoreParityTest {

    private static final long SEED = 20_240_611L;
    private static final int FEATURES_PER_LAYER = 300;
    private static final Envelope AREA = new Envelope(121.40, 121.50, 31.19, 31.26);
    private static final GeometryFactory GEOMETRIES = GeometryFactories.WGS84;

    @TempDir
    Path directory;

    @Test
    void bothStoresReadBackTheSameFeaturesAndAnswerTheSameQueries() {
        Random random = new Random(SEED);
        ChangeSet load = new ChangeSet().putMetadata("dataset.title", "一致性测试");
        for (LayerDefinition layer : CATALOGUE.layers()) {
            for (int i = 0; i < FEATURES_PER_LAYER; i++) {
                // Fresh ids mostly, some explicit far ahead, so both stores' id allocation is compared too.
                long id = random.nextInt(10) == 0 ? 10_000 + i : 0;
                load.insert(layer.id(), new Feature(id, randomGeometry(layer, random), randomProperties(layer, random)));
            }
        }
        PostgisTestDatabase database = PostgisTestDatabase.create();
        try (database;
             Atlas embedded = new Atlas(GeoPackageStore.open(directory.resolve("lilong.gpkg"), CATALOGUE));
             Atlas shared = new Atlas(PostgisStore.open(database.url(), CATALOGUE))) {
            List<Feature> storedEmbedded = embedded.apply(load);
            List<Feature> storedShared = shared.apply(load);

            assertThat(storedShared).isEqualTo(storedEmbedded);
            assertThat(shared.metadata()).isEqualTo(embedded.metadata());
            for (LayerDefinition layer : CATALOGUE.layers()) {
                List<Feature> fromEmbedded = embedded.index(layer.id()).all();
                assertThat(fromEmbedded).hasSize(FEATURES_PER_LAYER);
                assertThat(shared.index(layer.id()).all()).as(layer.id()).isEqualTo(fromEmbedded);
            }
            Random boxes = new Random(SEED + 1);
            for (int q = 0; q < 200; q++) {
                LayerDefinition layer = CATALOGUE.layers().get(boxes.nextInt(CATALOGUE.layers().size()));
                double x = AREA.getMinX() + boxes.nextDouble() * AREA.getWidth();
                double y = AREA.getMinY() + boxes.nextDouble() * AREA.getHeight();
                double size = 0.002 + boxes.nextDouble() * 0.03;
                FeatureQuery query = new FeatureQuery(new Envelope(x, x + size, y, y + size), Map.of(), null, 0, Integer.MAX_VALUE);
                List<Long> expected = embedded.query(layer.id(), query).features().stream().map(Feature::id).toList();
                assertThat(shared.query(layer.id(), query).features()).extracting(Feature::id)
                        .as("box %s on %s", query.bbox(), layer.id())
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    private static Geometry randomGeometry(LayerDefinition layer, Random random) {
        boolean multi = random.nextInt(8) == 0;
        int parts = multi ? 2 + random.nextInt(2) : 1;
        return switch (layer.geometryType()) {
            case POINT -> multi
                    ? GEOMETRIES.createMultiPoint(IntStream.range(0, parts).mapToObj(i -> point(random)).toArray(Point[]::new))
                    : point(random);
            case LINESTRING -> multi
                    ? GEOMETRIES.createMultiLineString(IntStream.range(0, parts).mapToObj(i -> line(random)).toArray(LineString[]::new))
                    : line(random);
            case POLYGON -> multi
                    ? GEOMETRIES.createMultiPolygon(IntStream.range(0, parts).mapToObj(i -> polygon(random)).toArray(Polygon[]::new))
                    : polygon(random);
        };
    }

    private static Coordinate coordinate(Random random) {
        return new Coordinate(AREA.getMinX() + random.nextDouble() * AREA.getWidth(),
                AREA.getMinY() + random.nextDouble() * AREA.getHeight());
    }

    private static Point point(Random random) {
        return GEOMETRIES.createPoint(coordinate(random));
    }

    private static LineString line(Random random) {
        Coordinate start = coordinate(random);
        int vertices = 2 + random.nextInt(5);
        Coordinate[] coordinates = new Coordinate[vertices];
        coordinates[0] = start;
        for (int i = 1; i < vertices; i++) {
            coordinates[i] = new Coordinate(coordinates[i - 1].x + (random.nextDouble() - 0.5) * 0.004,
                    coordinates[i - 1].y + (random.nextDouble() - 0.5) * 0.004);
        }
        return GEOMETRIES.createLineString(coordinates);
    }

    /** A star-shaped ring around a random centre (never self-intersecting). */
    private static Polygon polygon(Random random) {
        Coordinate centre = coordinate(random);
        int vertices = 3 + random.nextInt(8);
        Coordinate[] ring = new Coordinate[vertices + 1];
        for (int i = 0; i < vertices; i++) {
            double angle = 2 * Math.PI * i / vertices;
            double radius = 0.0005 + random.nextDouble() * 0.003;
            ring[i] = new Coordinate(centre.x + radius * Math.cos(angle), centre.y + radius * Math.sin(angle));
        }
        ring[vertices] = ring[0].copy();
        return GEOMETRIES.createPolygon(ring);
    }

    /** Values of every type, some absent, keeping to the model's constraints. */
    private static Map<String, Object> randomProperties(LayerDefinition layer, Random random) {
        Map<String, Object> properties = new LinkedHashMap<>();
        long households = random.nextInt(2000);
        LocalDate start = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(3000));
        for (AttributeDefinition attribute : layer.attributes()) {
            if (random.nextInt(5) == 0) {
                continue;
            }
            String name = attribute.name();
            Object value;
            if (layer.id().equals(LayerCatalogue.GRIDS) && name.equals("level")) {
                value = GridLevel.values()[random.nextInt(GridLevel.values().length)].code();
            } else if (layer.id().equals(LayerCatalogue.RENOVATION_PLOTS) && name.equals("stage")) {
                value = RenovationStage.values()[random.nextInt(RenovationStage.values().length)].code();
            } else if (name.equals("households")) {
                value = households;
            } else if (name.equals("signed_households")) {
                value = (long) random.nextInt((int) households + 1);
            } else if (name.equals("start_date")) {
                value = start;
            } else if (name.equals("finish_date")) {
                value = start.plusDays(random.nextInt(2000));
            } else {
                value = switch (attribute.type()) {
                    case TEXT -> List.of("静安", "弄堂", "Jing'an", "石库门 No. ", "\"quoted\"", "").get(random.nextInt(6)) + random.nextInt(1000);
                    case INTEGER -> (long) random.nextInt(1_000_000);
                    case REAL -> random.nextDouble() * 10_000;
                    case DATE -> LocalDate.of(1990, 1, 1).plusDays(random.nextInt(15_000));
                    case BOOLEAN -> random.nextBoolean();
                };
            }
            properties.put(name, value);
        }
        return properties;
    }
}
