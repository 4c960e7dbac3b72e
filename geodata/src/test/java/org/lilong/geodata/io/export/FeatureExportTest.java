package org.lilong.geodata.io.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.model.Visibility;
import org.lilong.layers.store.gpkg.GeoPackageStore;
import org.lilong.layers.model.LayerCatalogue;

/** Writing to files (all or nothing) and to streams; what each format refuses; the CSV and GeoJSON details. */
class FeatureExportTest {

    private static final LayerDefinition PLACES = ExportFixtures.PLACES;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void aFailureHalfwayLeavesTheTargetAsItWasAndNoScratchFiles(ExportFormat format) throws IOException {
        Path target = dir.resolve("places." + format.extension());
        Files.writeString(target, "the previous export");
        Iterable<Feature> failing = () -> new Iterator<>() {
            private final Iterator<Feature> features = ExportFixtures.features(PLACES).iterator();
            private int served;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Feature next() {
                if (served++ == 2) {
                    throw new IllegalStateException("the store went away");
                }
                return features.next();
            }
        };
        assertThatThrownBy(() -> new FeatureExport(format, ExportOptions.DEFAULTS).toFile(PLACES, PLACES.attributes(), failing, target))
                .hasMessageContaining("the store went away");
        assertThat(target).hasContent("the previous export");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(target.getFileName().toString());
        }
    }

    @Test
    void aMissingDirectoryIsNamed() {
        Path target = dir.resolve("no-such-dir").resolve("places.csv");
        assertThatThrownBy(() -> new FeatureExport(ExportFormat.CSV, ExportOptions.DEFAULTS)
                .toFile(PLACES, PLACES.attributes(), ExportFixtures.features(PLACES), target))
                .isInstanceOf(IOException.class).hasMessageContaining("no-such-dir");
    }

    @Test
    void eachFormatRefusesWhatItCannotHold() {
        assertThatThrownBy(() -> new FeatureExport(ExportFormat.GEOJSON, ExportOptions.DEFAULTS.withEncoding(Charset.forName("GBK"))))
                .hasMessageContaining("always UTF-8");
        assertThatThrownBy(() -> new FeatureExport(ExportFormat.GPKG, ExportOptions.DEFAULTS.withEncoding(Charset.forName("GBK"))))
                .hasMessageContaining("always UTF-8");
        assertThatThrownBy(() -> new FeatureExport(ExportFormat.GPKG, ExportOptions.DEFAULTS)
                .toFile(PLACES, PLACES.attributes(), List.of(), dir.resolve("places.sqlite")))
                .hasMessageContaining(".gpkg");
        assertThatThrownBy(() -> new FeatureExport(ExportFormat.SHAPEFILE, ExportOptions.DEFAULTS)
                .toFile(PLACES, PLACES.attributes(), List.of(), dir.resolve("places.dbf")))
                .hasMessageContaining(".shp").hasMessageContaining(".zip");
    }

    @Test
    void csvQuotesOnlyWhatNeedsQuotingAndEndsLinesWithCrLf() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Feature> features = ExportFixtures.features(PLACES);
        new FeatureExport(ExportFormat.CSV, ExportOptions.DEFAULTS).toStream(PLACES,
                PLACES.attributesVisibleTo(Visibility.PUBLIC), features, out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("id,name,description_long,description_longer,residents,area_m2,opened,open_now,wkt\r\n"
                + "1,\"金坛居民区, \"\"东\"\"片\r\n第二行\",Jintan,,3200,2500.5,2021-09-01,true,\"POLYGON ((121.48 31.22, ");
        assertThat(csv).contains("\r\n2,多边形,,,,,,,\"MULTIPOLYGON (((121.5 31.22, ");
        assertThat(csv).contains("\r\n7,三角," + ExportFixtures.LONG_TEXT + ",second long-named field,-5,0.000123,1999-12-31,false,");
        assertThat(csv).doesNotContain("households").endsWith("))\"\r\n");
    }

    @Test
    void geoJsonIsAnRfc7946FeatureCollectionWithEveryAttributeAndRightHandRings() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FeatureExport(ExportFormat.GEOJSON, ExportOptions.DEFAULTS).toStream(PLACES,
                PLACES.attributesVisibleTo(Visibility.PUBLIC), ExportFixtures.features(PLACES), out);
        JsonNode collection = JSON.readTree(out.toByteArray());
        assertThat(collection.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(collection.get("name").asText()).isEqualTo("test-places");
        assertThat(collection.has("crs")).isFalse();
        JsonNode second = collection.at("/features/1");
        assertThat(second.get("id").asLong()).isEqualTo(2);
        assertThat(second.get("properties").has("residents")).as("null values are written as null").isTrue();
        assertThat(second.at("/properties/residents").isNull()).isTrue();
        assertThat(second.get("properties").has("households")).isFalse();
        JsonNode first = collection.at("/features/0");
        assertThat(first.at("/properties/open_now").asBoolean()).isTrue();
        assertThat(first.at("/properties/area_m2").asDouble()).isEqualTo(2500.5);
        // Exterior counter-clockwise (as given), hole clockwise (given counter-clockwise).
        JsonNode hole = first.at("/geometry/coordinates/1");
        assertThat(hole.get(1).get(0).asDouble()).as("the hole runs down the east side first, i.e. clockwise").isEqualTo(121.483);
        assertThat(hole.get(1).get(1).asDouble()).isEqualTo(31.226);
        // The multi-polygon's first part was clockwise: written counter-clockwise.
        JsonNode firstPart = collection.at("/features/1/geometry/coordinates/0/0");
        assertThat(firstPart.get(1).get(0).asDouble()).isEqualTo(121.51);
    }

    @Test
    void aGeoPackageExportIsAStoreOfTheOneLayerWithItsIds() throws IOException {
        Path file = dir.resolve("places.gpkg");
        new FeatureExport(ExportFormat.GPKG, ExportOptions.DEFAULTS).toFile(PLACES, PLACES.attributesVisibleTo(Visibility.PUBLIC),
                ExportFixtures.features(PLACES), file);
        LayerDefinition exported = new LayerDefinition(PLACES.id(), PLACES.titleZh(), PLACES.titleEn(), "", "",
                PLACES.geometryType(), PLACES.attributesVisibleTo(Visibility.PUBLIC), PLACES.temporal(), false);
        try (GeoPackageStore store = GeoPackageStore.open(file, new LayerCatalogue(List.of(exported)))) {
            List<Feature> features = store.readAll(PLACES.id());
            assertThat(features).extracting(Feature::id).containsExactly(1L, 2L, 7L);
            assertThat(features.get(0).get("name")).isEqualTo(ExportFixtures.TRICKY_TEXT);
            assertThat(store.metadata()).containsEntry("export.layer", "test-places")
                    .containsEntry("export.attributes", "name,description_long,description_longer,residents,area_m2,opened,open_now");
        }
    }

    @Test
    void aGeoPackageOfManyFeaturesIsWrittenInChunks() throws IOException {
        List<Feature> many = new ArrayList<>();
        for (int i = 1; i <= GeoPackageSink.CHUNK * 2 + 17; i++) {
            many.add(ExportFixtures.feature(i, "POINT (121.4" + i + " 31.2)", "name", "站点" + i));
        }
        LayerDefinition points = ExportFixtures.POINTS;
        Path file = dir.resolve("many.gpkg");
        FeatureExport.Result result = new FeatureExport(ExportFormat.GPKG, ExportOptions.DEFAULTS)
                .toFile(points, points.attributes(), many, file);
        assertThat(result.features()).isEqualTo(many.size());
        try (GeoPackageStore store = GeoPackageStore.open(file, new LayerCatalogue(List.of(points)))) {
            assertThat(store.readAll(points.id())).hasSize(many.size());
        }
    }

    @Test
    void aShapefileStreamIsAZipNamedAfterTheLayer() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FeatureExport(ExportFormat.SHAPEFILE, ExportOptions.DEFAULTS).toStream(PLACES, PLACES.attributes(),
                ExportFixtures.features(PLACES), out);
        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries.add(entry.getName());
            }
        }
        assertThat(entries).containsExactly("test-places.shp", "test-places.shx", "test-places.dbf", "test-places.prj",
                "test-places.cpg");
    }

    @Test
    void anExistingFileIsReplaced() throws IOException {
        Path target = dir.resolve("places.geojson");
        Files.writeString(target, "old");
        new FeatureExport(ExportFormat.GEOJSON, ExportOptions.DEFAULTS).toFile(PLACES, PLACES.attributes(),
                ExportFixtures.features(PLACES), target);
        assertThat(Files.readString(target)).startsWith("{\"type\":\"FeatureCollection\"");
    }
}
