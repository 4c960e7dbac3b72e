package org.lilong.geodata.io.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lilong.geodata.io.export.ExportAssertions.ONE_CM_IN_DEGREES;
import static org.lilong.geodata.io.export.ExportAssertions.assertSameShape;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lilong.geodata.crs.CrsRegistry;
import org.lilong.geodata.demo.DemoDistrictGenerator;
import org.lilong.geodata.io.FeatureSource;
import org.lilong.geodata.io.FeatureSources;
import org.lilong.geodata.io.SourceOptions;
import org.lilong.geodata.io.SourceRecord;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * Exports in a projected CRS (EPSG:4549, CGCS2000 / 3-degree Gauss-Kruger CM 120E, which covers
 * Shanghai) agree within 1 m with GDAL's own reprojection of the WGS84 export, say which CRS they
 * are in, and come back to the same WGS84 coordinates within 1 cm through Lilong's readers.
 */
class CrsExportTest {

    private static final OutputCrs CGCS2000_GK_120E = OutputCrs.of(CrsRegistry.resolve("EPSG:4549"));
    private static final LayerDefinition GRIDS = LayerCatalogue.standard().get(LayerCatalogue.GRIDS);
    private static final List<Feature> DEMO_GRIDS = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED)
            .features(LayerCatalogue.GRIDS);

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = {"GEOJSON", "SHAPEFILE", "CSV"})
    void coordinatesAgreeWithGdalsReprojectionWithinOneMetre(ExportFormat format) throws IOException {
        Gdal.require();
        Path wgs84 = dir.resolve("wgs84.geojson");
        new FeatureExport(ExportFormat.GEOJSON, ExportOptions.DEFAULTS).toFile(GRIDS, GRIDS.attributes(), DEMO_GRIDS, wgs84);
        Path projected = dir.resolve("projected." + format.extension());
        new FeatureExport(format, ExportOptions.DEFAULTS.withCrs(CGCS2000_GK_120E))
                .toFile(GRIDS, GRIDS.attributes(), DEMO_GRIDS, projected);

        List<Geometry> gdal = geometries(Gdal.asGeoJson(wgs84.toString(), "-t_srs", "EPSG:4549"));
        String[] options = format == ExportFormat.CSV
                ? new String[] {"-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "KEEP_GEOM_COLUMNS=NO"} : new String[0];
        List<Geometry> ours = geometries(Gdal.asGeoJson(projected.toString(), options));
        assertThat(ours).hasSameSizeAs(gdal).hasSize(DEMO_GRIDS.size());
        double worst = 0;
        for (int i = 0; i < gdal.size(); i++) {
            // Normalised: ring orientation and start point differ between formats (CSV keeps them as stored).
            Coordinate[] expected = gdal.get(i).norm().getCoordinates();
            Coordinate[] actual = ours.get(i).norm().getCoordinates();
            assertThat(actual).hasSameSizeAs(expected);
            for (int c = 0; c < expected.length; c++) {
                worst = Math.max(worst, expected[c].distance(actual[c]));
            }
        }
        assertThat(worst).as("largest distance to GDAL's reprojection, metres").isLessThan(1.0);
        // Easting around 642 km (CM 120E, false easting 500 km), northing around 3458 km: x is the easting.
        assertThat(ours.get(0).getCoordinate().x).isBetween(600_000.0, 700_000.0);
        assertThat(ours.get(0).getCoordinate().y).isBetween(3_400_000.0, 3_500_000.0);
    }

    @Test
    void theFilesSayWhichCrsTheyAreIn() throws IOException {
        Gdal.require();
        Path geojson = dir.resolve("grids.geojson");
        Path shp = dir.resolve("grids.shp");
        ExportOptions options = ExportOptions.DEFAULTS.withCrs(CGCS2000_GK_120E);
        new FeatureExport(ExportFormat.GEOJSON, options).toFile(GRIDS, GRIDS.attributes(), DEMO_GRIDS, geojson);
        new FeatureExport(ExportFormat.SHAPEFILE, options).toFile(GRIDS, GRIDS.attributes(), DEMO_GRIDS, shp);
        assertThat(Files.readString(geojson)).contains("\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4549\"}}");
        for (Path file : List.of(geojson, shp)) {
            assertThat(Gdal.ogrinfo("-ro", "-al", "-so", file.toString())).as(file.toString())
                    .contains("CGCS2000 / 3-degree Gauss-Kruger CM 120E");
        }
        // A WGS84 export carries no crs member: RFC 7946 needs none.
        Path plain = dir.resolve("plain.geojson");
        new FeatureExport(ExportFormat.GEOJSON, ExportOptions.DEFAULTS).toFile(GRIDS, GRIDS.attributes(), DEMO_GRIDS, plain);
        assertThat(Files.readString(plain)).doesNotContain("\"crs\"");
    }

    @ParameterizedTest
    @EnumSource(value = ExportFormat.class, names = {"GEOJSON", "SHAPEFILE"})
    void lilongsReadersBringAProjectedExportBackWithinOneCentimetre(ExportFormat format) throws IOException {
        Path file = dir.resolve("grids." + format.extension());
        new FeatureExport(format, ExportOptions.DEFAULTS.withCrs(CGCS2000_GK_120E)).toFile(GRIDS, GRIDS.attributes(), DEMO_GRIDS, file);
        List<SourceRecord> records = new ArrayList<>();
        try (FeatureSource source = FeatureSources.open(file, SourceOptions.defaults())) {
            assertThat(source.crsCode()).contains("EPSG:4549");
            source.forEach(records::add);
        }
        assertThat(records).hasSameSizeAs(DEMO_GRIDS);
        for (int i = 0; i < records.size(); i++) {
            Geometry back = CrsRegistry.resolve("EPSG:4549").toWgs84(records.get(i).geometry());
            assertSameShape(DEMO_GRIDS.get(i).geometry(), back, ONE_CM_IN_DEGREES, "grid " + DEMO_GRIDS.get(i).id());
        }
    }

    @Test
    void aGeoPackageIsRefusedInAnotherCrs() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new FeatureExport(ExportFormat.GPKG, ExportOptions.DEFAULTS.withCrs(CGCS2000_GK_120E)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EPSG:4326 only").hasMessageContaining("EPSG:4549");
    }

    private static List<Geometry> geometries(JsonNode collection) {
        GeoJsonReader reader = new GeoJsonReader();
        List<Geometry> geometries = new ArrayList<>();
        for (JsonNode feature : collection.get("features")) {
            try {
                geometries.add(reader.read(feature.get("geometry").toString()));
            } catch (ParseException e) {
                throw new AssertionError(e);
            }
        }
        return geometries;
    }
}
