package org.lilong.geodata.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lilong.geodata.io.ImportFixtures.assertSameFeatures;
import static org.lilong.geodata.io.ImportFixtures.copy;
import static org.lilong.geodata.io.ImportFixtures.features;
import static org.lilong.geodata.io.ImportFixtures.importFile;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * The same three pocket parks (a polygon with a hole, a multipolygon whose second part has a hole,
 * a polygon with empty attributes) in every format, each made from parks.geojson by GDAL's ogr2ogr,
 * import to the same features: the same attributes and every vertex within 1 cm.
 */
class FormatsImportTest {

    @TempDir
    Path directory;

    private Path geojson;
    private List<Feature> reference;

    @BeforeEach
    void importTheGeoJsonReference() {
        geojson = copy("parks.geojson", directory);
        reference = features(importFile(geojson, LayerCatalogue.POCKET_PARKS));
    }

    @Test
    void theGeoJsonReferenceHoldsWhatTheFileSays() {
        assertThat(reference).hasSize(3);
        Feature garden = reference.get(0);
        assertThat(garden.properties()).containsExactly(
                Map.entry("name", "面筋弄口袋花园"), Map.entry("name_en", "Mianjin Lane Pocket Garden"), Map.entry("area_m2", 512.5),
                Map.entry("facilities", "葡萄架、党群服务站、百米墙绘"), Map.entry("opened", LocalDate.of(2021, 6, 1)));
        assertThat(garden.geometry()).isInstanceOf(Polygon.class);
        assertThat(((Polygon) garden.geometry()).getNumInteriorRing()).isEqualTo(1);
        assertThat(garden.geometry().getSRID()).isEqualTo(4326);
        assertThat(reference.get(1).geometry()).isInstanceOf(MultiPolygon.class);
        assertThat(reference.get(2).properties()).doesNotContainKeys("facilities", "opened");
    }

    @Test
    void aShapefileImportsTheSameFeatures() {
        Path shp = directory.resolve("parks.shp");
        Gdal.ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8", shp.toString(), geojson.toString());

        ImportResult result = importFile(shp, LayerCatalogue.POCKET_PARKS);

        assertSameFeatures(features(result), reference);
        assertThat(result.report().crs()).isEqualTo("EPSG:4326");
        assertThat(result.report().crsAssumed()).isFalse();
    }

    @Test
    void aGeoPackageImportsTheSameFeatures() {
        Path gpkg = directory.resolve("parks.gpkg");
        Gdal.ogr2ogr("-f", "GPKG", "-nln", "parks", gpkg.toString(), geojson.toString());

        assertSameFeatures(features(importFile(gpkg, LayerCatalogue.POCKET_PARKS)), reference);
    }

    @Test
    void aCsvWithAWktColumnImportsTheSameFeatures() {
        Path csv = directory.resolve("parks.csv");
        Gdal.ogr2ogr("-f", "CSV", "-lco", "GEOMETRY=AS_WKT", csv.toString(), geojson.toString());

        ImportResult result = importFile(csv, LayerCatalogue.POCKET_PARKS);

        assertSameFeatures(features(result), reference);
        assertThat(result.report().crsAssumed()).isTrue();
    }

    @Test
    void aShapefileInCgcs2000GaussKrugerImportsTheSameFeaturesThroughItsPrj() {
        Path shp = directory.resolve("parks_4549.shp");
        Gdal.ogr2ogr("-f", "ESRI Shapefile", "-t_srs", "EPSG:4549", "-lco", "ENCODING=UTF-8", shp.toString(), geojson.toString());

        ImportResult result = importFile(shp, LayerCatalogue.POCKET_PARKS);

        assertThat(result.report().crs()).isEqualTo("EPSG:4549");
        assertSameFeatures(features(result), reference);
    }

    @Test
    void aGeoPackageInCgcs2000GaussKrugerImportsTheSameFeaturesThroughItsSrs() {
        Path gpkg = directory.resolve("parks_4549.gpkg");
        Gdal.ogr2ogr("-f", "GPKG", "-t_srs", "EPSG:4549", gpkg.toString(), geojson.toString());

        ImportResult result = importFile(gpkg, LayerCatalogue.POCKET_PARKS);

        assertThat(result.report().crs()).isEqualTo("EPSG:4549");
        assertSameFeatures(features(result), reference);
    }

    @Test
    void aGeoJsonWithANamedCrsMemberImportsTheSameFeatures() {
        Path projected = directory.resolve("parks_4549.geojson");
        Gdal.ogr2ogr("-f", "GeoJSON", "-t_srs", "EPSG:4549", projected.toString(), geojson.toString());

        ImportResult result = importFile(projected, LayerCatalogue.POCKET_PARKS);

        assertThat(result.report().crs()).isEqualTo("EPSG:4549");
        assertSameFeatures(features(result), reference);
    }

    @Test
    void fieldsTheLayerLacksAreReportedAsIgnored() {
        ImportReport report = importFile(geojson, LayerCatalogue.POCKET_PARKS).report();

        assertThat(report.ignoredFields()).containsExactly("source_id");
        assertThat(report.mapping()).containsEntry("area_m2", "area_m2").doesNotContainKey("source_id");
        assertThat(report.recordsRead()).isEqualTo(3);
        assertThat(report.imported()).isEqualTo(3);
    }
}
