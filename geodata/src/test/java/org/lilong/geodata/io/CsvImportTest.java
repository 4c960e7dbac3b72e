package org.lilong.geodata.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lilong.geodata.io.ImportFixtures.copy;
import static org.lilong.geodata.io.ImportFixtures.features;
import static org.lilong.geodata.io.ImportFixtures.importFile;
import static org.lilong.geodata.io.ImportFixtures.write;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.locationtech.jts.geom.Coordinate;

class CsvImportTest {

    @TempDir
    Path directory;

    @Test
    void lonAndLatColumnsMakePointsAndQuotedFieldsKeepTheirCommasAndQuotes() {
        Path csv = copy("stations.csv", directory);

        ImportResult result = importFile(csv, LayerCatalogue.SERVICE_STATIONS);

        List<Feature> stations = features(result);
        assertThat(stations).hasSize(3);
        assertThat(stations.get(0).geometry().getCoordinate()).isEqualTo(new Coordinate(121.4921, 31.2583));
        assertThat(stations.get(0).properties()).containsEntry("name", "嘉兴路街道市民驿站").containsEntry("services", "办事, 助餐, 健康");
        assertThat(stations.get(1).properties()).containsEntry("address", "黄浦区北苏州路 \"苏河之眸\"");
        assertThat(stations.get(2).properties()).containsOnlyKeys("name", "category");
        assertThat(result.report().crsAssumed()).isTrue();
        assertThat(result.report().crs()).isEqualTo("EPSG:4326");
    }

    @Test
    void aRowWithACoordinateThatIsNotANumberIsNamedWithItsLine() {
        Path csv = write(directory, "bad.csv", """
                name,lon,lat
                嘉兴路市民驿站,121.4921,31.2583
                苏河之眸,121.4793,abc
                金坛路党群服务站,121.4767,31.2273
                """);

        assertThatThrownBy(() -> importFile(csv, LayerCatalogue.SERVICE_STATIONS))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.problems())
                        .containsExactly("row 2: column 'lat': 'abc' is not a number (line 3)"));
    }

    @Test
    void aRowWithACoordinateOutOfRangeIsNamed() {
        Path csv = write(directory, "range.csv", """
                name,longitude,latitude
                a,121.4921,31.2583
                b,121.4793,31.2442
                c,221.4767,31.2273
                d,121.4767,
                """);

        assertThatThrownBy(() -> importFile(csv, LayerCatalogue.SERVICE_STATIONS))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.problems()).containsExactly(
                        "row 3: column 'longitude': 221.4767 is out of range (-180 to 180) (line 4)",
                        "row 4: column 'latitude' is empty (line 5)"));
    }

    @Test
    void xAndYColumnsMayHoldProjectedMetresWithCrs() {
        Path csv = write(directory, "projected.csv", """
                name,x,y
                外滩,641966.119310387,3457431.96471678
                """);

        ImportResult result = importFile(csv, LayerCatalogue.SERVICE_STATIONS, SourceOptions.defaults(),
                ImportOptions.defaults().withCrs("EPSG:4549"));

        Coordinate c = features(result).get(0).geometry().getCoordinate();
        assertThat(ImportFixtures.metres(c, new Coordinate(121.49, 31.23))).isLessThan(0.01);
    }

    @Test
    void aGbkCsvReadsWithItsEncodingAndFailsClearlyWithout() throws IOException {
        Path csv = directory.resolve("gbk.csv");
        Files.writeString(csv, "name,lon,lat\n嘉兴路市民驿站,121.4921,31.2583\n", Charset.forName("GBK"));

        ImportResult result = importFile(csv, LayerCatalogue.SERVICE_STATIONS,
                SourceOptions.defaults().withEncoding(Charset.forName("GBK")), ImportOptions.defaults());

        assertThat(features(result).get(0).properties()).containsEntry("name", "嘉兴路市民驿站");
        assertThatThrownBy(() -> importFile(csv, LayerCatalogue.SERVICE_STATIONS))
                .isInstanceOf(FeatureSourceException.class)
                .hasMessage("gbk.csv: is not valid UTF-8 text; give its encoding (e.g. GBK)");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() {
        Path csv = write(directory, "bom.csv", "\uFEFFname,lon,lat\nA,121.4921,31.2583\n");

        assertThat(features(importFile(csv, LayerCatalogue.SERVICE_STATIONS)).get(0).properties()).containsEntry("name", "A");
    }

    @Test
    void aCsvWithoutGeometryColumnsIsRefusedNamingTheColumnsItLooksFor() {
        Path csv = write(directory, "nogeom.csv", "name,address\nA,somewhere\n");

        assertThatThrownBy(() -> FeatureSources.open(csv, SourceOptions.defaults()))
                .isInstanceOf(FeatureSourceException.class)
                .hasMessageStartingWith("nogeom.csv: no geometry columns")
                .hasMessageContaining("lon/lng/longitude/x");
    }

    @Test
    void spreadsheetDatesAreAccepted() {
        Path csv = write(directory, "parks.csv", """
                name,opened,wkt
                A,2021/6/1,"POLYGON ((121.47 31.23, 121.471 31.23, 121.471 31.231, 121.47 31.231, 121.47 31.23))"
                B,20200930,"POLYGON ((121.47 31.23, 121.471 31.23, 121.471 31.231, 121.47 31.231, 121.47 31.23))"
                """);

        assertThat(features(importFile(csv, LayerCatalogue.POCKET_PARKS))).extracting(f -> f.get("opened").toString())
                .containsExactly("2021-06-01", "2020-09-30");
    }
}
