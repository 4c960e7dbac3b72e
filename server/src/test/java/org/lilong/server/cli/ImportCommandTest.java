package org.lilong.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;

class ImportCommandTest {

    private static final String PARKS = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"name": "面筋弄口袋花园", "area_m2": 512.5, "opened": "2021-06-01", "fid": 7},
               "geometry": {"type": "Polygon", "coordinates": [[[121.47, 31.23], [121.471, 31.23], [121.471, 31.231], [121.47, 31.231], [121.47, 31.23]]]}},
              {"type": "Feature", "properties": {"name": "蝴蝶结", "area_m2": 10, "opened": null, "fid": 8},
               "geometry": {"type": "Polygon", "coordinates": [[[121.48, 31.24], [121.481, 31.241], [121.481, 31.24], [121.48, 31.241], [121.48, 31.24]]]}},
              {"type": "Feature", "properties": {"name": "余庆坊口袋公园", "area_m2": 245.75, "opened": null, "fid": 9},
               "geometry": {"type": "Polygon", "coordinates": [[[121.46, 31.23], [121.461, 31.23], [121.461, 31.231], [121.46, 31.231], [121.46, 31.23]]]}}
            ]}
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @TempDir
    Path directory;

    private Path data;

    @BeforeEach
    void captureConsole() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        data = directory.resolve("data");
    }

    @AfterEach
    void restoreConsole() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void helpListsImport() {
        assertThat(LilongCommand.run("--help")).isZero();
        assertThat(stdout()).contains("import");
    }

    @Test
    void importWritesEveryFeatureAndReportsWhatItDid() throws IOException {
        Path file = write("parks.geojson", PARKS);

        int exit = LilongCommand.run("import", file.toString(), "--layer", "pocket-parks", "--repair", "--data", data.toString());

        assertThat(exit).as(stderr()).isZero();
        assertThat(stdout()).contains("Imported 3 features from parks.geojson into layer pocket-parks (ids 1–3) of "
                        + data.resolve("lilong.gpkg") + ".",
                "records read: 3; CRS: EPSG:4326", "ignored fields (no such attribute in layer pocket-parks): fid",
                "record 2: repaired (Self-intersection at (121.4805, 31.2405))");
        assertThat(parks()).extracting(f -> f.get("name")).containsExactly("面筋弄口袋花园", "蝴蝶结", "余庆坊口袋公园");
    }

    @Test
    void anInvalidGeometryIsOneLineNamingFileRecordAndReasonExit1AndNothingWritten() throws IOException {
        seed();
        Path file = write("parks.geojson", PARKS);

        int exit = LilongCommand.run("import", file.toString(), "--layer", "pocket-parks", "--data", data.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stderr().lines()).containsExactly(
                "lilong import: parks.geojson: record 2: Self-intersection at (121.4805, 31.2405) (--repair fixes it)",
                "lilong import: parks.geojson: 1 problem; nothing written");
        assertThat(parks()).hasSize(1);
    }

    @Test
    void dryRunReportsAndWritesNothing() throws IOException {
        Path file = write("parks.geojson", PARKS);

        int exit = LilongCommand.run("import", file.toString(), "--layer", "pocket-parks", "--repair", "--dry-run",
                "--data", data.toString());

        assertThat(exit).as(stderr()).isZero();
        assertThat(stdout()).contains("Dry run: 3 features from parks.geojson would be imported into layer pocket-parks; nothing written.");
        assertThat(data).doesNotExist();
    }

    @Test
    void aCsvRowWithBadCoordinatesIsNamedAndNothingIsWritten() throws IOException {
        seed();
        Path file = write("stations.csv", "name,lon,lat\n嘉兴路市民驿站,121.4921,31.2583\n苏河之眸,121.4793,北纬31度\n");

        int exit = LilongCommand.run("import", file.toString(), "--layer", "service-stations", "--data", data.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stderr()).contains("lilong import: stations.csv: row 2: column 'lat': '北纬31度' is not a number (line 3)");
        try (Atlas atlas = new Atlas(DataDirectory.open(data))) {
            assertThat(atlas.index(LayerCatalogue.SERVICE_STATIONS).size()).isZero();
        }
    }

    @Test
    void mapPutsAFieldIntoAnotherAttribute() throws IOException {
        Path file = write("stations.csv", "名称,lon,lat\n嘉兴路市民驿站,121.4921,31.2583\n");

        int exit = LilongCommand.run("import", file.toString(), "--layer", "service-stations", "--map", "名称=name",
                "--data", data.toString());

        assertThat(exit).as(stderr()).isZero();
        try (Atlas atlas = new Atlas(DataDirectory.open(data))) {
            assertThat(atlas.feature(LayerCatalogue.SERVICE_STATIONS, 1)).get().extracting(f -> f.get("name")).isEqualTo("嘉兴路市民驿站");
        }
    }

    @Test
    void crsConvertsGcj02CoordinatesToWgs84() throws IOException {
        // eviltransform's Shanghai control point (github.com/googollee/eviltransform, go/transform_test.go).
        Path file = write("amap.csv", "name,lng,lat\n高德,121.531541859215,31.17530398364597\n");

        int exit = LilongCommand.run("import", file.toString(), "--layer", "service-stations", "--crs", "gcj02", "--data", data.toString());

        assertThat(exit).as(stderr()).isZero();
        try (Atlas atlas = new Atlas(DataDirectory.open(data))) {
            Feature station = atlas.feature(LayerCatalogue.SERVICE_STATIONS, 1).orElseThrow();
            assertThat(station.geometry().getCoordinate().x).isCloseTo(121.5272106, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(station.geometry().getCoordinate().y).isCloseTo(31.1774276, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void aGbkShapefileWithoutACpgImportsWithEncoding() throws IOException {
        Path geojson = write("parks.geojson", PARKS);
        Path shp = directory.resolve("parks.shp");
        ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=GBK", shp.toString(), geojson.toString());
        Files.delete(directory.resolve("parks.cpg"));

        int withoutEncoding = LilongCommand.run("import", shp.toString(), "--layer", "pocket-parks", "--repair", "--data", data.toString());
        String firstError = stderr();
        int withEncoding = LilongCommand.run("import", shp.toString(), "--layer", "pocket-parks", "--repair", "--encoding", "GBK",
                "--data", data.toString());

        assertThat(withoutEncoding).isEqualTo(1);
        assertThat(firstError).contains("lilong import: parks.shp: record 1: field 'name' is not valid UTF-8 text");
        assertThat(withEncoding).as(stderr()).isZero();
        assertThat(parks()).extracting(f -> f.get("name")).containsExactly("面筋弄口袋花园", "蝴蝶结", "余庆坊口袋公园");
    }

    @Test
    void badInputExits1WithAOneLineErrorNamingTheFile() throws IOException {
        Path parks = write("parks.geojson", PARKS);
        Path kml = write("parks.kml", "<kml/>");

        assertThat(run("import", parks.toString(), "--layer", "parks", "--data", data.toString()))
                .isEqualTo("lilong import: parks.geojson: unknown layer 'parks'; the layers are grids, renovation-plots, "
                        + "pocket-parks, service-stations, streets, water, residential-areas, subdistricts");
        assertThat(run("import", parks.toString(), "--layer", "pocket-parks", "--map", "fid=park_no", "--data", data.toString()))
                .startsWith("lilong import: parks.geojson: --map fid=park_no: layer 'pocket-parks' has no attribute 'park_no'");
        assertThat(run("import", parks.toString(), "--layer", "pocket-parks", "--crs", "EPSG:123456", "--data", data.toString()))
                .startsWith("lilong import: parks.geojson: --crs EPSG:123456: cannot resolve CRS 'EPSG:123456'");
        assertThat(run("import", kml.toString(), "--layer", "pocket-parks", "--data", data.toString()))
                .startsWith("lilong import: parks.kml: unknown format '.kml'");
        assertThat(run("import", directory.resolve("missing.gpkg").toString(), "--layer", "pocket-parks", "--data", data.toString()))
                .isEqualTo("lilong import: missing.gpkg: no such file; nothing written");
        assertThat(data).doesNotExist();
    }

    @Test
    void usageErrorsExit2() throws IOException {
        Path parks = write("parks.geojson", PARKS);

        assertThat(LilongCommand.run("import", parks.toString(), "--data", data.toString())).isEqualTo(2);
        assertThat(stderr()).contains("--layer");
        assertThat(LilongCommand.run("import", "--layer", "pocket-parks")).isEqualTo(2);
        assertThat(LilongCommand.run("import", parks.toString(), "--layer", "pocket-parks", "--map", "name")).isEqualTo(2);
        assertThat(stderr()).contains("--map: 'name' is not source_field=attribute");
        assertThat(LilongCommand.run("import", parks.toString(), "--layer", "pocket-parks", "--encoding", "KLINGON")).isEqualTo(2);
        assertThat(LilongCommand.run("import", parks.toString(), "--layer", "pocket-parks", "--data", data.toString(),
                "--store", "jdbc:postgresql://localhost/lilong")).isEqualTo(2);
        assertThat(stderr()).contains("give --store or --data, not both");
        assertThat(LilongCommand.run("import", parks.toString(), "--layer", "pocket-parks", "--store", "postgres://localhost/lilong"))
                .isEqualTo(2);
        assertThat(stderr()).contains("--store must be a PostgreSQL JDBC URL");
        assertThat(data).doesNotExist();
    }

    /** Runs the command, expects exit 1, and returns its only stderr line. */
    private String run(String... args) {
        err.reset();
        assertThat(LilongCommand.run(args)).as(String.join(" ", args)).isEqualTo(1);
        List<String> lines = stderr().lines().toList();
        return lines.size() == 2 && lines.get(1).endsWith("problem; nothing written") ? lines.get(0) : String.join("\n", lines);
    }

    private void seed() throws IOException {
        Path one = write("one.geojson", """
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "已有的公园"},
                 "geometry": {"type": "Polygon", "coordinates": [[[121.45, 31.22], [121.451, 31.22], [121.451, 31.221], [121.45, 31.221], [121.45, 31.22]]]}}]}
                """);
        assertThat(LilongCommand.run("import", one.toString(), "--layer", "pocket-parks", "--data", data.toString())).isZero();
        out.reset();
        err.reset();
    }

    private List<Feature> parks() {
        try (Atlas atlas = new Atlas(DataDirectory.open(data))) {
            return atlas.index(LayerCatalogue.POCKET_PARKS).all();
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** GDAL's ogr2ogr makes the reference shapefile; skipped without it unless LILONG_REQUIRE_GDAL=true. */
    private static void ogr2ogr(String... arguments) {
        Path tool = Path.of("/usr/bin/ogr2ogr");
        boolean present = Files.isExecutable(tool);
        if (!present && "true".equals(System.getenv("LILONG_REQUIRE_GDAL"))) {
            throw new AssertionError("ogr2ogr is required (LILONG_REQUIRE_GDAL=true) but missing: apt-get install gdal-bin");
        }
        assumeTrue(present, "ogr2ogr not installed (apt-get install gdal-bin); skipping");
        try {
            List<String> command = new java.util.ArrayList<>(List.of(tool.toString()));
            command.addAll(List.of(arguments));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
