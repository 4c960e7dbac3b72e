package org.lilong.geodata.io.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lilong.geodata.io.export.ExportAssertions.ONE_CM_IN_DEGREES;
import static org.lilong.geodata.io.export.ExportAssertions.assertSameShape;
import static org.lilong.geodata.io.export.ExportAssertions.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lilong.geodata.demo.DemoDistrict;
import org.lilong.geodata.demo.DemoDistrictGenerator;
import org.lilong.geodata.io.FeatureSource;
import org.lilong.geodata.io.FeatureSources;
import org.lilong.geodata.io.SourceOptions;
import org.lilong.geodata.io.SourceRecord;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Every format, every fixture layer: export, then read back with GDAL (the independent reader) and
 * with Lilong's own readers, and compare ids, every attribute value and the coordinates (within
 * 1 cm). The demo district's layers go through GDAL too, for volume and real names.
 */
class ExportRoundTripTest {

    private static final DemoDistrict DEMO = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED);

    @TempDir
    Path dir;

    static Stream<Arguments> fixtureLayers() {
        List<Arguments> cases = new ArrayList<>();
        for (ExportFormat format : ExportFormat.values()) {
            for (LayerDefinition layer : ExportFixtures.layers()) {
                cases.add(Arguments.of(format, layer));
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> demoLayers() {
        List<Arguments> cases = new ArrayList<>();
        for (ExportFormat format : ExportFormat.values()) {
            for (LayerDefinition layer : LayerCatalogue.standard().layers()) {
                cases.add(Arguments.of(format, layer));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fixtureLayers")
    void gdalReadsBackEveryFeatureValueAndCoordinate(ExportFormat format, LayerDefinition layer) throws IOException {
        Gdal.require();
        List<Feature> expected = ExportFixtures.features(layer);
        Path file = export(format, layer, expected);
        JsonNode read = Gdal.asGeoJson(file.toString(), gdalOptions(format, layer));
        compareGdal(format, layer, expected, read, true);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("demoLayers")
    void gdalReadsBackTheDemoDistrict(ExportFormat format, LayerDefinition layer) throws IOException {
        Gdal.require();
        List<Feature> expected = DEMO.features(layer.id());
        Path file = export(format, layer, expected);
        JsonNode read = Gdal.asGeoJson(file.toString(), gdalOptions(format, layer));
        compareGdal(format, layer, expected, read, false);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fixtureLayers")
    void lilongsOwnReadersReadBackEveryFeatureValueAndCoordinate(ExportFormat format, LayerDefinition layer) throws IOException {
        List<Feature> expected = ExportFixtures.features(layer);
        Path file = export(format, layer, expected);
        Map<String, String> fields = fieldNames(format, layer);
        List<SourceRecord> records = new ArrayList<>();
        try (FeatureSource source = FeatureSources.open(file, SourceOptions.defaults())) {
            source.forEach(records::add);
            if (format != ExportFormat.CSV) {
                assertThat(source.crsCode()).as("declared CRS").contains("EPSG:4326");
            }
        }
        assertThat(records).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Feature feature = expected.get(i);
            SourceRecord record = records.get(i);
            String what = format + " " + layer.id() + " feature " + feature.id();
            if (fields.containsKey("id")) {
                assertThat(canonicalId(record.values().get(fields.get("id")))).as(what + " id").isEqualTo(feature.id());
            }
            for (AttributeDefinition attribute : layer.attributes()) {
                assertThat(canonical(attribute, record.values().get(fields.get(attribute.name()))))
                        .as(what + " " + attribute.name())
                        .isEqualTo(expectedText(format, attribute, feature));
            }
            assertSameShape(feature.geometry(), record.geometry(), ONE_CM_IN_DEGREES, what);
        }
    }

    private Path export(ExportFormat format, LayerDefinition layer, List<Feature> features) throws IOException {
        Path file = dir.resolve(layer.id() + "." + format.extension());
        FeatureExport.Result result = new FeatureExport(format, ExportOptions.DEFAULTS).toFile(layer, layer.attributes(), features, file);
        assertThat(result.features()).isEqualTo(features.size());
        return file;
    }

    /** Options for ogr2ogr; a GeoPackage is read by its feature table (it also holds lilong_metadata). */
    private static String[] gdalOptions(ExportFormat format, LayerDefinition layer) {
        return switch (format) {
            case CSV -> new String[] {"-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "KEEP_GEOM_COLUMNS=NO"};
            case GEOJSON -> new String[] {"-oo", "DATE_AS_STRING=YES"};
            case GPKG -> new String[] {"-sql", "SELECT * FROM \"" + layer.id().replace('-', '_') + "\""};
            default -> new String[0];
        };
    }

    /** Attribute (and "id") → the field name the format gives it. */
    private static Map<String, String> fieldNames(ExportFormat format, LayerDefinition layer) {
        List<String> names = new ArrayList<>();
        if (format == ExportFormat.CSV || format == ExportFormat.SHAPEFILE) {
            names.add("id");
        }
        layer.attributes().forEach(a -> names.add(a.name()));
        if (format == ExportFormat.SHAPEFILE) {
            return ShapefileFieldNames.assign(names);
        }
        Map<String, String> identity = new java.util.LinkedHashMap<>();
        names.forEach(n -> identity.put(n, n));
        return identity;
    }

    /** What the format can hold of the value: a shapefile cuts text at 254 bytes. */
    private static String expectedText(ExportFormat format, AttributeDefinition attribute, Feature feature) {
        String text = AttributeText.format(feature.get(attribute.name()));
        if (format == ExportFormat.SHAPEFILE && text != null && attribute.type() == org.lilong.layers.model.AttributeType.TEXT) {
            return ExportAssertions.cut(text, StandardCharsets.UTF_8, DbfWriter.TEXT_WIDTH);
        }
        return text;
    }

    private void compareGdal(ExportFormat format, LayerDefinition layer, List<Feature> expected, JsonNode read, boolean everyValue) {
        JsonNode features = read.get("features");
        assertThat(features).as(format + " " + layer.id() + " features").hasSize(expected.size());
        Map<String, String> fields = fieldNames(format, layer);
        GeoJsonReader geometries = new GeoJsonReader();
        for (int i = 0; i < expected.size(); i++) {
            Feature feature = expected.get(i);
            JsonNode actual = features.get(i);
            String what = format + " " + layer.id() + " feature " + feature.id();
            JsonNode properties = actual.get("properties");
            long id = fields.containsKey("id") ? canonicalId(ExportAssertions.value(properties.get(fields.get("id")))) : actual.get("id").asLong();
            assertThat(id).as(what + " id").isEqualTo(feature.id());
            if (everyValue || i < 50) {
                for (AttributeDefinition attribute : layer.attributes()) {
                    String expectedValue = expectedText(format, attribute, feature);
                    if (format == ExportFormat.CSV && expectedValue != null) {
                        expectedValue = expectedValue.replace("\r\n", "\n"); // GDAL's CSV reader ends quoted lines with LF
                    }
                    assertThat(canonical(attribute, ExportAssertions.value(properties.get(fields.get(attribute.name())))))
                            .as(what + " " + attribute.name())
                            .isEqualTo(expectedValue);
                }
                try {
                    Geometry geometry = geometries.read(actual.get("geometry").toString());
                    assertSameShape(feature.geometry(), geometry, ONE_CM_IN_DEGREES, what);
                } catch (org.locationtech.jts.io.ParseException e) {
                    throw new AssertionError(what + ": GDAL wrote a geometry JTS cannot read", e);
                }
            }
        }
    }

    private static long canonicalId(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }
}
