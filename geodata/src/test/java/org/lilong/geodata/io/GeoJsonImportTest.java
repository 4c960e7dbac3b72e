package org.lilong.geodata.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.lilong.geodata.io.ImportFixtures.features;
import static org.lilong.geodata.io.ImportFixtures.importFile;
import static org.lilong.geodata.io.ImportFixtures.write;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.model.LayerCatalogue;
import org.locationtech.jts.geom.Coordinate;

class GeoJsonImportTest {

    @TempDir
    Path directory;

    @Test
    void aCrsMemberAfterTheFeaturesIsStillHonoured() {
        Path file = write(directory, "late_crs.geojson", """
                {"type": "FeatureCollection",
                 "features": [{"type": "Feature", "properties": {"name": "外滩"},
                               "geometry": {"type": "Point", "coordinates": [641966.119310387, 3457431.96471678]}}],
                 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4549"}}}
                """);

        ImportResult result = importFile(file, LayerCatalogue.SERVICE_STATIONS);

        assertThat(result.report().crs()).isEqualTo("EPSG:4549");
        assertThat(ImportFixtures.metres(features(result).get(0).geometry().getCoordinate(), new Coordinate(121.49, 31.23)))
                .isLessThan(0.01);
    }

    @Test
    void aGcj02FileGivenWithCrsLandsOnWgs84WithinOneMetre() {
        // eviltransform's Shanghai control point (see ChinaOffsetsTest for the source).
        Path file = write(directory, "amap.geojson", """
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "高德坐标"},
                  "geometry": {"type": "Point", "coordinates": [121.531541859215, 31.17530398364597]}}]}
                """);

        ImportResult result = importFile(file, LayerCatalogue.SERVICE_STATIONS, SourceOptions.defaults(),
                ImportOptions.defaults().withCrs("gcj02"));

        assertThat(ImportFixtures.metres(features(result).get(0).geometry().getCoordinate(), new Coordinate(121.5272106, 31.1774276)))
                .isLessThan(1.0);
    }

    @Test
    void fieldsAreEveryPropertyNameInOrderOfFirstAppearance() {
        Path file = write(directory, "fields.geojson", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"name": "a", "count": 1}, "geometry": null},
                  {"type": "Feature", "properties": {"count": 2.5, "extra": true}, "geometry": null}]}
                """);

        try (FeatureSource source = FeatureSources.open(file, SourceOptions.defaults())) {
            assertThat(source.fields()).containsExactly(new SourceField("name", "string"), new SourceField("count", "number"),
                    new SourceField("extra", "boolean"));
            assertThat(source.size()).hasValue(2);
            assertThat(source.crsCode()).contains("EPSG:4326");
        }
    }

    @Test
    void invalidJsonIsRefusedWithItsLine() {
        Path file = write(directory, "broken.geojson", "{\"type\": \"FeatureCollection\",\n \"features\": [\n {\"type\": }\n]}");

        assertThatThrownBy(() -> FeatureSources.open(file, SourceOptions.defaults()))
                .isInstanceOf(FeatureSourceException.class)
                .hasMessageStartingWith("broken.geojson: not valid JSON at line 3");
    }

    @Test
    void aGeometryObjectThatIsNotAFeatureCollectionIsRefused() {
        Path file = write(directory, "bare.geojson", "{\"type\": \"Point\", \"coordinates\": [121.47, 31.23]}");

        assertThatThrownBy(() -> FeatureSources.open(file, SourceOptions.defaults()))
                .isInstanceOf(FeatureSourceException.class)
                .hasMessage("bare.geojson: not a GeoJSON FeatureCollection (its type is 'Point')");
    }

    @Test
    void aBadGeometryIsARecordProblemAndTheOtherRecordsAreStillChecked() {
        Path file = write(directory, "rings.geojson", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"name": "open ring"},
                   "geometry": {"type": "Polygon", "coordinates": [[[121.47, 31.23], [121.471, 31.23], [121.471, 31.231], [121.47, 31.231]]]}},
                  {"type": "Feature", "properties": {"name": "no geometry"}, "geometry": null},
                  {"type": "Feature", "properties": {"name": "a line"}, "geometry": {"type": "LineString", "coordinates": [[121.47, 31.23], [121.48, 31.24]]}}]}
                """);

        assertThatThrownBy(() -> importFile(file, LayerCatalogue.POCKET_PARKS))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.problems()).containsExactly(
                        "record 1: a polygon ring is not closed (its first and last positions differ)",
                        "record 2: no geometry",
                        "record 3: layer 'pocket-parks' holds Polygon geometries, not LineString"));
    }

    @Test
    void aSingleFeatureFileImportsOneFeature() {
        Path file = write(directory, "one.geojson", """
                {"type": "Feature", "properties": {"name": "一个"}, "geometry": {"type": "Point", "coordinates": [121.47, 31.23]}}
                """);

        assertThat(features(importFile(file, LayerCatalogue.SERVICE_STATIONS))).singleElement()
                .satisfies(f -> assertThat(f.properties()).containsEntry("name", "一个"));
    }

    @Test
    void malformedGeometriesAreRecordProblemsNamingTheMistake() {
        Path file = write(directory, "malformed.geojson", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [121.47, "31.23"]}, "properties": {"name": "a"}},
                  {"type": "Feature", "geometry": {"type": "Point", "coordinates": [121.47]}},
                  {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [121.47, 31.23]}},
                  {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[121.47, 31.23], [121.48, 31.23], [121.47, 31.23]]]}},
                  {"type": "Feature", "geometry": {"type": "Curve", "coordinates": []}},
                  {"type": "Feature", "geometry": {"type": "Point"}},
                  {"type": "Feature", "geometry": "POINT (121.47 31.23)"},
                  {"type": "Feature", "geometry": {"coordinates": [[121.47, 31.23], [121.48, 31.24]], "type": "LineString"},
                   "properties": {"name": "coordinates before type"}}]}
                """);

        assertThatThrownBy(() -> importFile(file, LayerCatalogue.STREETS))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.problems()).containsExactly(
                        "record 1: a position must be an array of at least two numbers, not [121.47,\"31.23\"]",
                        "record 2: a position must be an array of at least two numbers, not [121.47]",
                        "record 3: a position must be an array of at least two numbers, not 121.47",
                        "record 4: a polygon ring needs at least 4 positions, not 3",
                        "record 5: unknown geometry type 'Curve'",
                        "record 6: Point has no \"coordinates\" array",
                        "record 7: geometry is not an object"));
    }

    @Test
    void propertiesKeepTheirJsonTypesAndObjectsAndArraysTheirText() {
        Path file = write(directory, "values.geojson", """
                {"type": "FeatureCollection", "features": [{"type": "Feature",
                  "properties": {"name": "长乐路\\t\\"弄\\"", "count": 12, "area": 2.5, "open": true, "none": null,
                                 "tags": {"a": [1, 2.5, "x"]}, "big": 123456789012345678901234567890},
                  "geometry": {"type": "MultiPolygon", "coordinates": [[[[121.47, 31.23], [121.48, 31.23], [121.48, 31.24], [121.47, 31.23]]]],
                               "bbox": [121.47, 31.23, 121.48, 31.24]}}]}
                """);

        try (FeatureSource source = FeatureSources.open(file, SourceOptions.defaults())) {
            SourceRecord record = source.iterator().next();
            assertThat(record.values()).containsExactly(
                    entry("name", "长乐路\t\"弄\""), entry("count", 12L), entry("area", 2.5),
                    entry("open", true), entry("none", null),
                    entry("tags", "{\"a\":[1,2.5,\"x\"]}"), entry("big", 1.2345678901234568E29));
            assertThat(record.geometry().toText())
                    .isEqualTo("MULTIPOLYGON (((121.47 31.23, 121.48 31.23, 121.48 31.24, 121.47 31.23)))");
            assertThat(record.geometry().getSRID()).isEqualTo(4326);
        }
    }

    @Test
    void everyIterationReadsTheSameRecordsAgain() {
        Path file = write(directory, "twice.geojson", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"name": "一"}, "geometry": {"type": "Point", "coordinates": [121.47, 31.23]}},
                  {"type": "Feature", "properties": {"name": "二"}, "geometry": {"type": "Point", "coordinates": [121.48, 31.24]}}]}
                """);

        try (FeatureSource source = FeatureSources.open(file, SourceOptions.defaults())) {
            List<String> first = new ArrayList<>();
            List<String> second = new ArrayList<>();
            source.forEach(r -> first.add(r.number() + " " + r.values().get("name") + " " + r.geometry() + " " + r.geometry().getSRID()));
            source.forEach(r -> second.add(r.number() + " " + r.values().get("name") + " " + r.geometry() + " " + r.geometry().getSRID()));

            assertThat(first).containsExactly("1 一 POINT (121.47 31.23) 4326", "2 二 POINT (121.48 31.24) 4326");
            assertThat(second).isEqualTo(first);
        }
    }
}
