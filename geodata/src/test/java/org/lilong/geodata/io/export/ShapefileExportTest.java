package org.lilong.geodata.io.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lilong.geodata.io.FeatureSource;
import org.lilong.geodata.io.FeatureSources;
import org.lilong.geodata.io.SourceOptions;
import org.lilong.geodata.io.SourceRecord;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerDefinition;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;

/** The shapefile writer: encodings, the .cpg and .prj, field names, ring orientation, the index, the limits. */
class ShapefileExportTest {

    private static final LayerDefinition PLACES = ExportFixtures.PLACES;
    private static final LayerDefinition POINTS = ExportFixtures.POINTS;

    @TempDir
    Path dir;

    private Path export(LayerDefinition layer, List<Feature> features, ExportOptions options, String name) throws IOException {
        Path shp = dir.resolve(name);
        new FeatureExport(ExportFormat.SHAPEFILE, options).toFile(layer, layer.attributes(), features, shp);
        return shp;
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "GBK"})
    void chineseTextSurvivesInTheNamedEncoding(String encoding) throws IOException {
        Charset charset = Charset.forName(encoding);
        Path shp = export(POINTS, ExportFixtures.features(POINTS), ExportOptions.DEFAULTS.withEncoding(charset), "stations.shp");

        assertThat(Files.readString(dir.resolve("stations.cpg"), StandardCharsets.US_ASCII)).isEqualTo(encoding);
        byte[] dbf = Files.readAllBytes(dir.resolve("stations.dbf"));
        assertThat(indexOf(dbf, "市民驿站（金坛路站）".getBytes(charset))).as("the name's bytes in " + encoding).isPositive();
        assertThat(dbf[29]).as("language driver id").isEqualTo(encoding.equals("GBK") ? (byte) 0x4D : (byte) 0);

        // Lilong's own reader, following the .cpg.
        try (FeatureSource source = FeatureSources.open(shp, SourceOptions.defaults())) {
            List<Object> names = new ArrayList<>();
            for (SourceRecord record : source) {
                names.add(record.values().get("name"));
            }
            assertThat(names).containsExactly("市民驿站（金坛路站）", "社区食堂");
        }
        // GDAL, following the .cpg too.
        Gdal.require();
        JsonNode read = Gdal.asGeoJson(shp.toString());
        assertThat(read.at("/features/0/properties/name").asText()).isEqualTo("市民驿站（金坛路站）");
        assertThat(read.at("/features/1/properties/name").asText()).isEqualTo("社区食堂");
        assertThat(Gdal.ogrinfo("-ro", "-al", "-so", shp.toString())).contains("Feature Count: 2");
    }

    @Test
    void gbkKeepsTrickyTextAndCutsLongTextOnACharacterBoundary() throws IOException {
        Gdal.require();
        Charset gbk = Charset.forName("GBK");
        Path shp = export(PLACES, ExportFixtures.features(PLACES), ExportOptions.DEFAULTS.withEncoding(gbk), "places.shp");
        JsonNode read = Gdal.asGeoJson(shp.toString());
        assertThat(read.at("/features/0/properties/name").asText()).isEqualTo(ExportFixtures.TRICKY_TEXT);
        String cut = read.at("/features/2/properties/descriptio").asText();
        assertThat(cut).isEqualTo("弄".repeat(127)); // 254 bytes of two-byte characters
    }

    @Test
    void aCharacterGbkLacksFailsTheExportAndLeavesNothingBehind() throws IOException {
        Path target = dir.resolve("emoji.shp");
        Files.writeString(dir.resolve("emoji.dbf"), "an earlier export");
        List<Feature> features = List.of(ExportFixtures.feature(1, "POINT (121.49 31.23)", "name", "笑脸 😀"));
        FeatureExport export = new FeatureExport(ExportFormat.SHAPEFILE, ExportOptions.DEFAULTS.withEncoding(Charset.forName("GBK")));
        assertThatThrownBy(() -> export.toFile(POINTS, POINTS.attributes(), features, target))
                .hasMessageContaining("GBK").hasMessageContaining("feature 1");
        assertThat(target).doesNotExist();
        assertThat(dir.resolve("emoji.dbf")).hasContent("an earlier export");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("emoji.dbf");
        }
    }

    @Test
    void longAttributeNamesAreCutToTenCharactersUniquelyAndReported() throws IOException {
        Path shp = dir.resolve("places.shp");
        FeatureExport.Result result = new FeatureExport(ExportFormat.SHAPEFILE, ExportOptions.DEFAULTS)
                .toFile(PLACES, PLACES.attributes(), ExportFixtures.features(PLACES), shp);
        assertThat(result.notes()).contains(
                "shapefile field descriptio holds attribute description_long",
                "shapefile field descript_1 holds attribute description_longer",
                "1 text values were cut to the DBF limit of 254 bytes");
        assertThat(dbfFieldNames(dir.resolve("places.dbf"))).containsExactly(
                "id", "name", "descriptio", "descript_1", "residents", "area_m2", "opened", "open_now", "households");
    }

    @Test
    void fieldNamesAreAssignedInOrderWithoutClashes() {
        Map<String, String> fields = ShapefileFieldNames.assign(List.of("id", "name", "maintained_by", "maintained_at",
                "maintained_on", "signed_households", "Signed_hou"));
        assertThat(fields).containsExactly(
                Map.entry("id", "id"), Map.entry("name", "name"), Map.entry("maintained_by", "maintained"),
                Map.entry("maintained_at", "maintain_1"), Map.entry("maintained_on", "maintain_2"),
                Map.entry("signed_households", "signed_hou"), Map.entry("Signed_hou", "Signed_h_1"));
    }

    @Test
    void outerRingsAreClockwiseAndHolesCounterClockwise() throws IOException {
        Path shp = export(PLACES, ExportFixtures.features(PLACES), ExportOptions.DEFAULTS, "places.shp");
        List<List<Coordinate[]>> records = readPolygonRecords(shp);
        // Feature 1: a counter-clockwise shell with a counter-clockwise hole.
        assertThat(records.get(0)).hasSize(2);
        assertThat(Orientation.isCCW(records.get(0).get(0))).as("outer ring clockwise").isFalse();
        assertThat(Orientation.isCCW(records.get(0).get(1))).as("hole counter-clockwise").isTrue();
        // Feature 2: a multi-polygon of a clockwise and a counter-clockwise square: two outer parts, both clockwise.
        assertThat(records.get(1)).hasSize(2);
        assertThat(records.get(1)).allSatisfy(ring -> assertThat(Orientation.isCCW(ring)).isFalse());
    }

    @Test
    void theIndexPointsAtEveryRecordAndTheHeadersHoldTheLengths() throws IOException {
        Path shp = export(PLACES, ExportFixtures.features(PLACES), ExportOptions.DEFAULTS, "places.shp");
        ByteBuffer main = ByteBuffer.wrap(Files.readAllBytes(shp));
        ByteBuffer index = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("places.shx")));
        assertThat(main.order(ByteOrder.BIG_ENDIAN).getInt(0)).isEqualTo(9994);
        assertThat(main.getInt(24) * 2L).as("file length in the header").isEqualTo(main.capacity());
        assertThat(index.order(ByteOrder.BIG_ENDIAN).getInt(24) * 2L).isEqualTo(index.capacity());
        assertThat(main.order(ByteOrder.LITTLE_ENDIAN).getInt(32)).as("shape type").isEqualTo(5);
        assertThat(main.getDouble(36)).as("xmin").isEqualTo(121.4712345678);
        assertThat(main.getDouble(60)).as("ymax").isEqualTo(31.23);
        int records = (index.capacity() - 100) / 8;
        assertThat(records).isEqualTo(3);
        for (int r = 0; r < records; r++) {
            int offset = index.order(ByteOrder.BIG_ENDIAN).getInt(100 + 8 * r) * 2;
            int length = index.getInt(104 + 8 * r);
            assertThat(main.order(ByteOrder.BIG_ENDIAN).getInt(offset)).as("record number").isEqualTo(r + 1);
            assertThat(main.getInt(offset + 4)).as("content length").isEqualTo(length);
        }
        Gdal.require();
        // GDAL fetches a feature by id through the .shx.
        assertThat(Gdal.ogrinfo("-ro", "-fid", "2", shp.toString(), "places")).contains("name (String) = 三角");
    }

    @Test
    void thePrjDescribesTheCrs() throws IOException {
        export(POINTS, ExportFixtures.features(POINTS), ExportOptions.DEFAULTS, "wgs84.shp");
        assertThat(Files.readString(dir.resolve("wgs84.prj"))).startsWith("GEOGCS[\"GCS_WGS_1984\"");
        assertThat(EsriPrj.forEpsg(4549)).hasValueSatisfying(wkt -> assertThat(wkt)
                .startsWith("PROJCS[\"CGCS2000_3_Degree_GK_CM_120E\"").contains("PARAMETER[\"Central_Meridian\",120.0]"));
        assertThat(EsriPrj.forEpsg(4527)).hasValueSatisfying(wkt -> assertThat(wkt)
                .contains("CGCS2000_3_Degree_GK_Zone_39").contains("PARAMETER[\"False_Easting\",39500000.0]"));
        assertThat(EsriPrj.forEpsg(32651)).hasValueSatisfying(wkt -> assertThat(wkt).contains("PARAMETER[\"Central_Meridian\",123.0]"));
        assertThat(EsriPrj.forEpsg(2000)).isEmpty();
    }

    @Test
    void aZipHoldsEveryPart() throws IOException {
        Path zip = dir.resolve("stations.zip");
        new FeatureExport(ExportFormat.SHAPEFILE, ExportOptions.DEFAULTS).toFile(POINTS, POINTS.attributes(),
                ExportFixtures.features(POINTS), zip);
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(entry.getName());
            }
        }
        assertThat(entries).containsExactly("stations.shp", "stations.shx", "stations.dbf", "stations.prj", "stations.cpg");
        Gdal.require();
        assertThat(Gdal.ogrinfo("-ro", "-al", "-so", "/vsizip/" + zip)).contains("Feature Count: 2");
    }

    @Test
    void aPointLayerRefusesAMultiPointOfSeveralPoints() {
        List<Feature> features = List.of(ExportFixtures.feature(5, "MULTIPOINT ((121.48 31.22), (121.49 31.23))", "name", "两处"));
        assertThatThrownBy(() -> export(POINTS, features, ExportOptions.DEFAULTS, "multi.shp"))
                .hasMessageContaining("feature 5").hasMessageContaining("single points");
        assertThat(dir.resolve("multi.shp")).doesNotExist();
    }

    @Test
    void realsKeepTheirDigitsWithinTheFieldWidth() {
        assertThat(DbfWriter.real(2500.5, 24, 15)).isEqualTo("2500.500000000000000");
        assertThat(DbfWriter.real(0.1, 24, 15)).isEqualTo("0.100000000000000");
        assertThat(DbfWriter.real(123456789012.25, 24, 15)).isEqualTo("123456789012.25000000000").hasSize(24);
        assertThat(DbfWriter.real(-1.5e300, 24, 15)).hasSizeLessThanOrEqualTo(24);
        assertThat(Double.parseDouble(DbfWriter.real(-1.5e300, 24, 15))).isEqualTo(-1.5e300);
    }

    private static List<String> dbfFieldNames(Path dbf) throws IOException {
        byte[] bytes = Files.readAllBytes(dbf);
        List<String> names = new ArrayList<>();
        for (int at = 32; bytes[at] != 0x0D; at += 32) {
            int end = at;
            while (end < at + 11 && bytes[end] != 0) {
                end++;
            }
            names.add(new String(bytes, at, end - at, StandardCharsets.US_ASCII));
        }
        return names;
    }

    /** The rings of each polygon record, read straight from the .shp. */
    private static List<List<Coordinate[]>> readPolygonRecords(Path shp) throws IOException {
        ByteBuffer main = ByteBuffer.wrap(Files.readAllBytes(shp));
        List<List<Coordinate[]>> records = new ArrayList<>();
        int at = 100;
        while (at < main.capacity()) {
            int length = main.order(ByteOrder.BIG_ENDIAN).getInt(at + 4) * 2;
            int content = at + 8;
            main.order(ByteOrder.LITTLE_ENDIAN);
            assertThat(main.getInt(content)).isEqualTo(5);
            int parts = main.getInt(content + 36);
            int points = main.getInt(content + 40);
            int[] starts = new int[parts + 1];
            for (int p = 0; p < parts; p++) {
                starts[p] = main.getInt(content + 44 + 4 * p);
            }
            starts[parts] = points;
            int xy = content + 44 + 4 * parts;
            List<Coordinate[]> rings = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                Coordinate[] ring = new Coordinate[starts[p + 1] - starts[p]];
                for (int i = 0; i < ring.length; i++) {
                    int point = xy + 16 * (starts[p] + i);
                    ring[i] = new Coordinate(main.getDouble(point), main.getDouble(point + 8));
                }
                rings.add(ring);
            }
            records.add(rings);
            at = content + length;
        }
        return records;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
