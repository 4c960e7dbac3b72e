package org.lilong.layers.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.GridLevel;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.model.RenovationStage;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Geometries, features and assertions the store tests share. Values keep to the constraints the
 * model implies (grid level and renovation stage codes, counts that are not negative, ...), which
 * the PostGIS store enforces.
 */
public final class StoreFixtures {

    public static final LayerCatalogue CATALOGUE = LayerCatalogue.standard();

    public static final String POLYGON =
            "POLYGON ((121.4451234567891 31.2231, 121.4502 31.2231, 121.4502 31.2276, 121.4451234567891 31.2276, 121.4451234567891 31.2231))";
    public static final String POLYGON_WITH_HOLE = "POLYGON ((121.43 31.21, 121.44 31.21, 121.44 31.22, 121.43 31.22, 121.43 31.21),"
            + " (121.433 31.213, 121.437 31.213, 121.437 31.217, 121.433 31.213))";
    public static final String MULTIPOLYGON = "MULTIPOLYGON (((121.40 31.20, 121.41 31.20, 121.41 31.21, 121.40 31.20)),"
            + " ((121.42 31.20, 121.43 31.20, 121.43 31.21, 121.42 31.20)))";
    public static final String POINT = "POINT (121.44518765432 31.22354321)";
    public static final String MULTIPOINT = "MULTIPOINT ((121.441 31.221), (121.452 31.232))";
    public static final String LINESTRING = "LINESTRING (121.44 31.22, 121.4455 31.2250001, 121.46 31.23)";
    public static final String MULTILINESTRING = "MULTILINESTRING ((121.44 31.22, 121.45 31.22), (121.45 31.23, 121.46 31.24))";

    private StoreFixtures() {
    }

    /** Every attribute set, Chinese text included, on the layer's single-part geometry. */
    public static Feature fullFeature(LayerDefinition layer, long id) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (AttributeDefinition attribute : layer.attributes()) {
            properties.put(attribute.name(), switch (attribute.type()) {
                case TEXT -> coded(layer, attribute, GridLevel.MICRO.code(), RenovationStage.SIGNING.code(),
                        "静安寺街道 · Jing'an \"Temple\" " + attribute.name());
                case INTEGER -> 1_234_567_890_123L;
                case REAL -> 1234.5678;
                case DATE -> LocalDate.of(2023, 5, 17);
                case BOOLEAN -> true;
            });
        }
        return feature(id, switch (layer.geometryType()) {
            case POINT -> POINT;
            case LINESTRING -> LINESTRING;
            case POLYGON -> POLYGON_WITH_HOLE;
        }, properties);
    }

    /** Every other attribute set, to edge values, on the layer's multi-part geometry. */
    public static Feature sparseFeature(LayerDefinition layer, long id) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<AttributeDefinition> attributes = layer.attributes();
        for (int i = 1; i < attributes.size(); i += 2) {
            AttributeDefinition attribute = attributes.get(i);
            properties.put(attribute.name(), switch (attribute.type()) {
                case TEXT -> coded(layer, attribute, GridLevel.BUILDING_GROUP.code(), RenovationStage.DONE.code(), "");
                case INTEGER -> 0L;
                case REAL -> 0.1;
                case DATE -> LocalDate.of(1999, 12, 31);
                case BOOLEAN -> false;
            });
        }
        return feature(id, switch (layer.geometryType()) {
            case POINT -> MULTIPOINT;
            case LINESTRING -> MULTILINESTRING;
            case POLYGON -> MULTIPOLYGON;
        }, properties);
    }

    /** The attributes whose text is a code of the model get one; others get {@code text}. */
    private static String coded(LayerDefinition layer, AttributeDefinition attribute, String level, String stage, String text) {
        if (layer.id().equals(LayerCatalogue.GRIDS) && attribute.name().equals("level")) {
            return level;
        }
        if (layer.id().equals(LayerCatalogue.RENOVATION_PLOTS) && attribute.name().equals("stage")) {
            return stage;
        }
        return text;
    }

    public static Feature feature(long id, String wkt, Map<String, Object> properties) {
        return new Feature(id, geometry(wkt), properties);
    }

    public static Geometry geometry(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }

    public static void assertSameFeatures(List<Feature> actual, List<Feature> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Feature read = actual.get(i);
            Feature written = expected.get(i);
            assertThat(read.id()).isEqualTo(written.id());
            assertThat(read.geometry().equalsExact(written.geometry()))
                    .as("geometry of feature %d: %s", written.id(), read.geometry())
                    .isTrue();
            assertThat(read.properties()).isEqualTo(written.properties());
        }
    }
}
