package org.lilong.geodata.io.shp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.geodata.io.FeatureSourceException;
import org.lilong.geodata.io.Gdal;
import org.lilong.geodata.io.RecordException;
import org.lilong.geodata.io.SourceRecord;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The hand-written Shapefile reader against shapefiles GDAL writes from inline GeoJSON, with Chinese
 * text in each encoding a Shanghai office is likely to send.
 */
class ShapefileSourceTest {

    private static final Charset GBK = Charset.forName("GBK");

    private static final String PARKS = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"name": "面筋弄口袋花园", "area": 512.5, "opened": "2021-06-01", "households": 120, "open": true},
               "geometry": {"type": "Polygon", "coordinates": [[[121.47, 31.23], [121.471, 31.23], [121.471, 31.231], [121.47, 31.231], [121.47, 31.23]]]}},
              {"type": "Feature", "properties": {"name": "虹镇老街7号地块", "area": null, "opened": null, "households": null, "open": false},
               "geometry": {"type": "Polygon", "coordinates": [[[121.50, 31.27], [121.501, 31.27], [121.501, 31.271], [121.50, 31.271], [121.50, 31.27]]]}},
              {"type": "Feature", "properties": {"name": "余庆坊", "area": 245.75, "opened": "2019-12-31", "households": 3, "open": true},
               "geometry": {"type": "Polygon", "coordinates": [[[121.46, 31.23], [121.461, 31.23], [121.461, 31.231], [121.46, 31.231], [121.46, 31.23]]]}}
            ]}
            """;

    @TempDir
    Path directory;

    @Test
    void aGbkShapefileWithACpgKeepsItsChineseNames() throws IOException {
        Path shp = shapefile("gbk_cpg", PARKS, "ENCODING=GBK");
        assertThat(Files.readString(directory.resolve("gbk_cpg.cpg")).trim()).isEqualTo("GBK");

        try (ShapefileSource source = ShapefileSource.open(shp, StandardCharsets.UTF_8)) {
            assertThat(source.encoding()).isEqualTo(GBK);
            assertThat(source.encodingSource()).isEqualTo(".cpg");
            assertThat(names(source)).containsExactly("面筋弄口袋花园", "虹镇老街7号地块", "余庆坊");
        }
    }

    @Test
    void aGbkShapefileWithOnlyTheDbfLanguageDriverKeepsItsChineseNames() throws IOException {
        Path shp = shapefile("gbk_ldid", PARKS, "ENCODING=LDID/77");
        assertThat(directory.resolve("gbk_ldid.cpg")).doesNotExist();
        assertThat(languageDriver(directory.resolve("gbk_ldid.dbf"))).isEqualTo(0x4D);

        try (ShapefileSource source = ShapefileSource.open(shp, StandardCharsets.UTF_8)) {
            assertThat(source.encodingSource()).isEqualTo(".dbf language driver");
            assertThat(names(source)).containsExactly("面筋弄口袋花园", "虹镇老街7号地块", "余庆坊");
        }
    }

    @Test
    void aGbkShapefileWithNoEncodingHintKeepsItsNamesWhenTheCallerSaysGbk() throws IOException {
        Path shp = shapefile("gbk_bare", PARKS, "ENCODING=GBK");
        Files.delete(directory.resolve("gbk_bare.cpg"));
        assertThat(languageDriver(directory.resolve("gbk_bare.dbf"))).isZero();

        try (ShapefileSource source = ShapefileSource.open(shp, GBK)) {
            assertThat(source.encodingSource()).isEqualTo("fallback");
            assertThat(names(source)).containsExactly("面筋弄口袋花园", "虹镇老街7号地块", "余庆坊");
        }
    }

    @Test
    void gbkTextReadAsUtf8IsAnErrorNamingTheRecordNotMojibake() throws IOException {
        Path shp = shapefile("gbk_wrong", PARKS, "ENCODING=GBK");
        Files.delete(directory.resolve("gbk_wrong.cpg"));

        try (ShapefileSource source = ShapefileSource.open(shp, StandardCharsets.UTF_8)) {
            assertThatThrownBy(() -> source.iterator().next())
                    .isInstanceOf(RecordException.class)
                    .hasMessage("record 1: field 'name' is not valid UTF-8 text; give the right encoding (e.g. GBK)");
        }
    }

    @Test
    void dbfFieldsComeOutTypedAndPaddingTrimmed() throws IOException {
        Path shp = shapefile("typed", PARKS, "ENCODING=UTF-8");

        try (ShapefileSource source = ShapefileSource.open(shp, StandardCharsets.UTF_8)) {
            List<SourceRecord> records = records(source);
            assertThat(records.get(0).values()).containsEntry("name", "面筋弄口袋花园").containsEntry("area", 512.5)
                    .containsEntry("opened", LocalDate.of(2021, 6, 1)).containsEntry("households", 120L);
            assertThat(records.get(1).values()).containsEntry("area", null).containsEntry("opened", null)
                    .containsEntry("households", null);
            assertThat(source.fields()).extracting("name").containsExactly("name", "area", "opened", "households", "open");
            assertThat(source.crsCode()).contains("EPSG:4326");
            assertThat(source.size()).hasValue(3);
        }
    }

    @Test
    void aRecordTheDbfFlagsDeletedIsSkippedAndTheOthersKeepTheirNumbers() throws IOException {
        Path shp = shapefile("deleted", PARKS, "ENCODING=UTF-8");
        flagDeleted(directory.resolve("deleted.dbf"), 2);

        try (ShapefileSource source = ShapefileSource.open(shp, StandardCharsets.UTF_8)) {
            List<SourceRecord> records = records(source);
            assertThat(records).extracting(SourceRecord::number).containsExactly(1, 3);
            assertThat(records).extracting(r -> r.values().get("name")).containsExactly("面筋弄口袋花园", "余庆坊");
        }
    }

    @Test
    void ringsBecomePolygonsByOrientationWithEachHoleInTheOuterRingThatContainsIt() throws IOException {
        String nested = """
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "two parts"},
                 "geometry": {"type": "MultiPolygon", "coordinates": [
                   [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]],
                   [[[20, 0], [30, 0], [30, 10], [20, 10], [20, 0]], [[21, 1], [21, 2], [22, 2], [22, 1], [21, 1]], [[25, 5], [25, 6], [26, 6], [26, 5], [25, 5]]]]}}]}
                """;
        Path shp = shapefile("nested", nested, "ENCODING=UTF-8");

        try (ShapefileSource source = ShapefileSource.open(shp, StandardCharsets.UTF_8)) {
            MultiPolygon parts = (MultiPolygon) records(source).get(0).geometry();
            assertThat(parts.getNumGeometries()).isEqualTo(2);
            Polygon left = (Polygon) parts.getGeometryN(0);
            Polygon right = (Polygon) parts.getGeometryN(1);
            assertThat(left.getNumInteriorRing()).isEqualTo(1);
            assertThat(right.getNumInteriorRing()).isEqualTo(2);
            assertThat(right.getEnvelopeInternal().getMinX()).isEqualTo(20.0);
            assertThat(parts.isValid()).isTrue();
        }
    }

    @Test
    void zAndMVariantsReadAsTwoDimensionalShapes() throws IOException {
        String threeD = """
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "z"},
                 "geometry": {"type": "Polygon", "coordinates": [[[121.47, 31.23, 4.5], [121.471, 31.23, 4.5], [121.471, 31.231, 5], [121.47, 31.231, 5], [121.47, 31.23, 4.5]]]}}]}
                """;
        Path shp = shapefile("polygonz", threeD, "ENCODING=UTF-8");

        try (ShapefileSource source = ShapefileSource.open(shp, StandardCharsets.UTF_8)) {
            Polygon polygon = (Polygon) records(source).get(0).geometry();
            assertThat(polygon.getExteriorRing().getCoordinateN(2).x).isEqualTo(121.471);
            assertThat(polygon.getExteriorRing().getCoordinateN(2).y).isEqualTo(31.231);
            assertThat(Double.isNaN(polygon.getCoordinate().getZ())).isTrue();
        }
    }

    @Test
    void pointsMultiPointsAndLinesReadAsTheirJtsTypes() throws IOException {
        String points = """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"name": "a"}, "geometry": {"type": "Point", "coordinates": [121.4921, 31.2583]}}]}
                """;
        String multiPoints = """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"name": "a"}, "geometry": {"type": "MultiPoint", "coordinates": [[121.4921, 31.2583], [121.48, 31.25]]}}]}
                """;
        String lines = """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"name": "one"}, "geometry": {"type": "LineString", "coordinates": [[121.47, 31.23], [121.48, 31.24]]}},
                 {"type": "Feature", "properties": {"name": "two"}, "geometry": {"type": "MultiLineString", "coordinates": [[[121.47, 31.23], [121.48, 31.24]], [[121.49, 31.25], [121.5, 31.26]]]}}]}
                """;
        try (ShapefileSource p = ShapefileSource.open(shapefile("points", points, "ENCODING=UTF-8"), StandardCharsets.UTF_8);
             ShapefileSource mp = ShapefileSource.open(shapefile("multipoints", multiPoints, "ENCODING=UTF-8"), StandardCharsets.UTF_8);
             ShapefileSource l = ShapefileSource.open(shapefile("lines", lines, "ENCODING=UTF-8"), StandardCharsets.UTF_8)) {
            Point point = (Point) records(p).get(0).geometry();
            assertThat(point.getX()).isEqualTo(121.4921);
            assertThat(point.getY()).isEqualTo(31.2583);
            assertThat(records(mp).get(0).geometry()).isInstanceOf(MultiPoint.class);
            assertThat(records(l)).extracting(r -> r.geometry().getClass().getSimpleName())
                    .containsExactly(LineString.class.getSimpleName(), MultiLineString.class.getSimpleName());
        }
    }

    @Test
    void aShapefileWithoutItsDbfIsRefusedNamingTheMissingFile() throws IOException {
        Path shp = shapefile("lonely", PARKS, "ENCODING=UTF-8");
        Files.delete(directory.resolve("lonely.dbf"));

        assertThatThrownBy(() -> ShapefileSource.open(shp, StandardCharsets.UTF_8))
                .isInstanceOf(FeatureSourceException.class)
                .hasMessageContaining("lonely.shp").hasMessageContaining("lonely.dbf");
    }

    @Test
    void aFileThatIsNotAShapefileIsRefused() throws IOException {
        Path shp = Files.writeString(directory.resolve("fake.shp"), "this is not a shapefile at all, just text padding it out to a hundred bytes or so..........");
        Files.writeString(directory.resolve("fake.dbf"), "");

        assertThatThrownBy(() -> ShapefileSource.open(shp, StandardCharsets.UTF_8))
                .isInstanceOf(FeatureSourceException.class)
                .hasMessageContaining("fake.shp").hasMessageContaining("not a shapefile");
    }

    @Test
    void cpgNamesMapToJavaCharsets() {
        assertThat(ShapefileSource.charsetOf("CP936")).contains(GBK);
        assertThat(ShapefileSource.charsetOf("936")).contains(GBK);
        assertThat(ShapefileSource.charsetOf("GB2312")).contains(GBK);
        assertThat(ShapefileSource.charsetOf("GB18030\r\n")).contains(Charset.forName("GB18030"));
        assertThat(ShapefileSource.charsetOf("UTF-8")).contains(StandardCharsets.UTF_8);
        assertThat(ShapefileSource.charsetOf("65001")).contains(StandardCharsets.UTF_8);
        assertThat(ShapefileSource.charsetOf("no such code page")).isEmpty();
    }

    private Path shapefile(String name, String geojson, String encodingOption) throws IOException {
        Path source = Files.writeString(directory.resolve(name + ".geojson"), geojson);
        Path shp = directory.resolve(name + ".shp");
        Gdal.ogr2ogr("-f", "ESRI Shapefile", "-lco", encodingOption, shp.toString(), source.toString());
        return shp;
    }

    private static List<SourceRecord> records(ShapefileSource source) {
        List<SourceRecord> records = new ArrayList<>();
        source.forEach(records::add);
        return records;
    }

    private static List<Object> names(ShapefileSource source) {
        return records(source).stream().map(r -> r.values().get("name")).toList();
    }

    private static int languageDriver(Path dbf) throws IOException {
        return Files.readAllBytes(dbf)[29] & 0xFF;
    }

    /** Sets the deletion flag ('*') of the n-th record, as dBase's DELETE does. */
    private static void flagDeleted(Path dbf, int n) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(dbf.toFile(), "rw")) {
            byte[] header = new byte[12];
            file.readFully(header);
            ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
            int headerLength = b.getShort(8) & 0xFFFF;
            int recordLength = b.getShort(10) & 0xFFFF;
            file.seek(headerLength + (long) (n - 1) * recordLength);
            file.write('*');
        }
    }
}
