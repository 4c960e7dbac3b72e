package org.lilong.geodata.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lilong.geodata.io.ImportFixtures.copy;
import static org.lilong.geodata.io.ImportFixtures.features;
import static org.lilong.geodata.io.ImportFixtures.importFile;
import static org.lilong.geodata.io.ImportFixtures.write;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.store.gpkg.GeoPackageStore;
import org.locationtech.jts.geom.MultiPolygon;

class LayerImporterTest {

    @TempDir
    Path directory;

    @Test
    void aBowTiePolygonIsReportedWithItsRecordNumberAndJtsReason() {
        Path file = copy("bowtie.geojson", directory);

        assertThatThrownBy(() -> importFile(file, LayerCatalogue.POCKET_PARKS))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.problems()).containsExactly("record 2: Self-intersection at (121.4805, 31.2405) (--repair fixes it)");
                    assertThat(e.getMessage()).isEqualTo("bowtie.geojson: record 2: Self-intersection at (121.4805, 31.2405) (--repair fixes it)");
                });
    }

    @Test
    void repairFixesTheBowTieAndReportsIt() {
        Path file = copy("bowtie.geojson", directory);

        ImportResult result = importFile(file, LayerCatalogue.POCKET_PARKS, SourceOptions.defaults(),
                ImportOptions.defaults().withRepair(true));

        List<Feature> parks = features(result);
        assertThat(parks).hasSize(3);
        assertThat(parks.get(1).geometry()).isInstanceOf(MultiPolygon.class);
        assertThat(parks.get(1).geometry().isValid()).isTrue();
        assertThat(parks.get(1).geometry().getArea()).isGreaterThan(0);
        assertThat(result.report().repaired()).containsExactly("record 2: repaired (Self-intersection at (121.4805, 31.2405))");
    }

    @Test
    void anImportThatFailsAtRecordNLeavesTheStoreUnchanged() {
        Path good = copy("parks.geojson", directory);
        Path bad = copy("bowtie.geojson", directory);
        try (Atlas atlas = new Atlas(GeoPackageStore.open(directory.resolve("store/lilong.gpkg"), LayerCatalogue.standard()))) {
            LayerImporter importer = new LayerImporter(atlas.catalogue());
            try (FeatureSource source = FeatureSources.open(good, SourceOptions.defaults())) {
                atlas.apply(importer.read(source, LayerCatalogue.POCKET_PARKS, ImportOptions.defaults(), ImportProgress.NONE).changes());
            }
            List<Feature> before = atlas.index(LayerCatalogue.POCKET_PARKS).all();

            try (FeatureSource source = FeatureSources.open(bad, SourceOptions.defaults())) {
                assertThatThrownBy(() -> atlas.apply(importer.read(source, LayerCatalogue.POCKET_PARKS, ImportOptions.defaults(),
                        ImportProgress.NONE).changes()))
                        .isInstanceOf(ImportException.class)
                        .hasMessageContaining("record 2");
            }

            assertThat(atlas.index(LayerCatalogue.POCKET_PARKS).all()).isEqualTo(before);
        }
        try (GeoPackageStore reopened = GeoPackageStore.open(directory.resolve("store/lilong.gpkg"), LayerCatalogue.standard())) {
            assertThat(reopened.readAll(LayerCatalogue.POCKET_PARKS)).hasSize(3)
                    .extracting(Feature::id).containsExactly(1L, 2L, 3L);
        }
    }

    @Test
    void importedFeaturesGetTheNextFreeIdsBesideExistingOnes() {
        Path good = copy("parks.geojson", directory);
        try (Atlas atlas = new Atlas(GeoPackageStore.open(directory.resolve("lilong.gpkg"), LayerCatalogue.standard()))) {
            for (int i = 0; i < 2; i++) {
                try (FeatureSource source = FeatureSources.open(good, SourceOptions.defaults())) {
                    atlas.apply(new LayerImporter(atlas.catalogue()).read(source, LayerCatalogue.POCKET_PARKS, ImportOptions.defaults(),
                            ImportProgress.NONE).changes());
                }
            }

            assertThat(atlas.index(LayerCatalogue.POCKET_PARKS).all()).extracting(Feature::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(atlas.feature(LayerCatalogue.POCKET_PARKS, 4)).get().extracting(f -> f.get("name")).isEqualTo("面筋弄口袋花园");
        }
    }

    @Test
    void everyProblemIsCollectedNotJustTheFirst() {
        String square = "\"POLYGON ((121.47 31.23, 121.471 31.23, 121.471 31.231, 121.47 31.231, 121.47 31.23))\"";
        Path file = write(directory, "areas.csv", "name,residents,wkt\n"
                + "a,12," + square + "\n"
                + "b,many," + square + "\n"
                + "c,3,\"POLYGON ((121.47 31.23, 121.471\"\n"
                + "d,7,POINT (121.47 31.23)\n"
                + "e,3.5," + square + "\n");

        assertThatThrownBy(() -> importFile(file, LayerCatalogue.RESIDENTIAL_AREAS))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.problems()).hasSize(4);
                    assertThat(e.problems().get(0)).isEqualTo("row 2: field 'residents' (attribute 'residents'): 'many' is not an integer");
                    assertThat(e.problems().get(1)).startsWith("row 3: column 'wkt' is not WKT: ");
                    assertThat(e.problems().get(2)).isEqualTo("row 4: layer 'residential-areas' holds Polygon geometries, not Point");
                    assertThat(e.problems().get(3)).isEqualTo("row 5: field 'residents' (attribute 'residents'): '3.5' is not an integer");
                });
    }

    @Test
    void valueProblemsNameTheRecordTheFieldAndTheReason() {
        Path file = write(directory, "parks.csv", """
                name,AREA_M2,opened,wkt
                a,12.5,2021-06-01,"POLYGON ((121.47 31.23, 121.471 31.23, 121.471 31.231, 121.47 31.231, 121.47 31.23))"
                b,big,2021-06-01,"POLYGON ((121.47 31.23, 121.471 31.23, 121.471 31.231, 121.47 31.231, 121.47 31.23))"
                c,3,June,"POLYGON ((121.47 31.23, 121.471 31.23, 121.471 31.231, 121.47 31.231, 121.47 31.23))"
                """);

        assertThatThrownBy(() -> importFile(file, LayerCatalogue.POCKET_PARKS))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.problems()).containsExactly(
                            "row 2: field 'AREA_M2' (attribute 'area_m2'): 'big' is not a number",
                            "row 3: field 'opened' (attribute 'opened'): 'June' is not a date (yyyy-MM-dd)");
                    assertThat(e.problemCount()).isEqualTo(2);
                    assertThat(e.getMessage()).endsWith("(and 1 more problem)");
                });
    }

    @Test
    void problemsShownAreCappedButAllAreCounted() {
        StringBuilder csv = new StringBuilder("name,lon,lat\n");
        for (int i = 0; i < 120; i++) {
            csv.append("s").append(i).append(",121.47,north\n");
        }
        Path file = write(directory, "cap.csv", csv.toString());

        assertThatThrownBy(() -> importFile(file, LayerCatalogue.SERVICE_STATIONS))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.problems()).hasSize(LayerImporter.MAX_PROBLEMS_SHOWN);
                    assertThat(e.problemCount()).isEqualTo(120);
                });
    }

    @Test
    void mapOverridesTheMatchByNameAndTheDisplacedFieldIsIgnored() {
        Path file = write(directory, "stations.csv", """
                名称,name,lon,lat
                嘉兴路市民驿站,jiaxing,121.4921,31.2583
                """);

        ImportResult result = importFile(file, LayerCatalogue.SERVICE_STATIONS, SourceOptions.defaults(),
                ImportOptions.defaults().withMapping(Map.of("名称", "name", "NAME", "name_en")));

        assertThat(features(result).get(0).properties()).containsEntry("name", "嘉兴路市民驿站").containsEntry("name_en", "jiaxing");
        assertThat(result.report().mapping()).containsEntry("名称", "name").containsEntry("name", "name_en");
    }

    @Test
    void anUnknownLayerIsAnErrorListingTheLayers() {
        Path file = copy("parks.geojson", directory);

        assertThatThrownBy(() -> importFile(file, "parks"))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("parks.geojson: unknown layer 'parks'; the layers are grids, ");
    }

    @Test
    void mappingToAnUnknownAttributeIsAnErrorNamingIt() {
        Path file = copy("parks.geojson", directory);

        assertThatThrownBy(() -> importFile(file, LayerCatalogue.POCKET_PARKS, SourceOptions.defaults(),
                ImportOptions.defaults().withMapping(Map.of("source_id", "park_no"))))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("parks.geojson: --map source_id=park_no: layer 'pocket-parks' has no attribute 'park_no'");
    }

    @Test
    void mappingFromAnUnknownFieldIsAnErrorNamingIt() {
        Path file = copy("parks.geojson", directory);

        assertThatThrownBy(() -> importFile(file, LayerCatalogue.POCKET_PARKS, SourceOptions.defaults(),
                ImportOptions.defaults().withMapping(Map.of("NOM", "name"))))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("parks.geojson: --map NOM=name: the source has no field 'NOM'");
    }

    @Test
    void aCrsThatCannotBeResolvedIsAnError() {
        Path file = copy("parks.geojson", directory);

        assertThatThrownBy(() -> importFile(file, LayerCatalogue.POCKET_PARKS, SourceOptions.defaults(),
                ImportOptions.defaults().withCrs("EPSG:0")))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("parks.geojson: --crs EPSG:0: cannot resolve CRS 'EPSG:0'");
    }

    @Test
    void aPrjThatIsNotRecognisedAsksForCrs() {
        Path shp = directory.resolve("local.shp");
        Gdal.ogr2ogr("-f", "ESRI Shapefile", "-t_srs", "+proj=tmerc +lon_0=121.4667 +lat_0=31.2333 +x_0=0 +y_0=0 +ellps=GRS80",
                shp.toString(), copy("parks.geojson", directory).toString());

        assertThatThrownBy(() -> importFile(shp, LayerCatalogue.POCKET_PARKS))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("local.shp: cannot recognise the CRS the file declares (")
                .hasMessageEndingWith("give it with --crs, e.g. --crs EPSG:4549");
    }

    @Test
    void projectedCoordinatesReadAsDegreesAreCaughtAsOutOfRange() {
        Path file = write(directory, "metres.csv", "name,x,y\nA,641966.1,3457431.9\n");

        assertThatThrownBy(() -> importFile(file, LayerCatalogue.SERVICE_STATIONS))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.problems()).singleElement().asString()
                        .startsWith("row 1: coordinate (641966.1, 3457431.9) is outside longitude -180..180")
                        .contains("assumed"));
    }

    @Test
    void progressIsReportedUpToTheLastRecord() {
        Path file = copy("parks.geojson", directory);
        List<long[]> calls = new ArrayList<>();

        try (FeatureSource source = FeatureSources.open(file, SourceOptions.defaults())) {
            new LayerImporter(LayerCatalogue.standard()).read(source, LayerCatalogue.POCKET_PARKS, ImportOptions.defaults(),
                    (read, total) -> calls.add(new long[] {read, total.orElse(-1)}));
        }

        assertThat(calls.get(0)).containsExactly(0, 3);
        assertThat(calls.get(calls.size() - 1)).containsExactly(3, 3);
    }

    @Test
    void anUnknownFormatIsRefusedListingTheKnownOnes() {
        Path file = write(directory, "parks.kml", "<kml/>");

        assertThatThrownBy(() -> FeatureSources.open(file, SourceOptions.defaults()))
                .isInstanceOf(FeatureSourceException.class)
                .hasMessage("parks.kml: unknown format '.kml'; expected " + FeatureSources.FORMATS);
    }

    @Test
    void aMissingFileIsRefusedNamingIt() {
        assertThatThrownBy(() -> FeatureSources.open(directory.resolve("nowhere.geojson"), SourceOptions.defaults()))
                .isInstanceOf(FeatureSourceException.class)
                .hasMessage("nowhere.geojson: no such file");
    }
}
