package org.lilong.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExportCommandTest extends CliTestSupport {

    @TempDir
    Path dir;

    private Path data;
    private Path outDir;

    @BeforeEach
    void fillData() throws IOException {
        data = smallDistrictData(Files.createDirectories(dir.resolve("data")));
        outDir = Files.createDirectories(dir.resolve("out"));
    }

    private int export(String... arguments) {
        List<String> all = new java.util.ArrayList<>(List.of("export", "--data", data.toString()));
        all.addAll(List.of(arguments));
        return LilongCommand.run(all.toArray(String[]::new));
    }

    @Test
    void writesPublicAttributesOnlyByDefault() throws IOException {
        Path out = outDir.resolve("stations.geojson");
        assertThat(export("--layer", "service-stations", "--format", "geojson", "--out", out.toString())).isZero();
        assertThat(out()).contains("Wrote 3 features of layer 'service-stations' to " + out, "public attributes only");
        String json = Files.readString(out);
        assertThat(json).contains("市民驿站（金坛路站）").doesNotContain("manager_phone", "13900000000");
    }

    @Test
    void internalIncludesTheInternalAttributes() throws IOException {
        Path out = outDir.resolve("stations.csv");
        assertThat(export("--layer", "service-stations", "--format", "csv", "--internal", "--out", out.toString())).isZero();
        assertThat(Files.readString(out)).startsWith("id,name,name_en,category,services,hours,address,phone,manager_phone,wkt\r\n")
                .contains("13900000000");
    }

    @Test
    void aShapefileInGbkAndEpsg4549ReportsItsRenamedFields() throws IOException {
        Path out = outDir.resolve("grids.shp");
        assertThat(export("--layer", "grids", "--format", "shp", "--crs", "EPSG:4549", "--encoding", "GBK",
                "--out", out.toString())).isZero();
        assertThat(out()).contains("(shp, EPSG:4549, GBK, public attributes only)",
                "note: shapefile field parent_cod holds attribute parent_code");
        assertThat(Files.readString(outDir.resolve("grids.cpg"))).isEqualTo("GBK");
        assertThat(Files.readString(outDir.resolve("grids.prj"))).contains("CGCS2000_3_Degree_GK_CM_120E");
        byte[] dbf = Files.readAllBytes(outDir.resolve("grids.dbf"));
        assertThat(new String(dbf, java.nio.charset.Charset.forName("GBK"))).contains("金坛居民区网格").doesNotContain("households");
        try (var files = Files.list(outDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "grids.shp", "grids.shx", "grids.dbf", "grids.prj", "grids.cpg");
        }
    }

    @Test
    void csvCoordinatesAreInTheOutputCrs() throws IOException {
        Path out = outDir.resolve("stations.csv");
        assertThat(export("--layer", "service-stations", "--format", "csv", "--crs", "EPSG:4549", "--out", out.toString())).isZero();
        String csv = Files.readString(out);
        assertThat(csv).contains("POINT (64").doesNotContain("POINT (121.");
    }

    @Test
    void aGeoPackageAndAZippedShapefileCanBeWritten() throws IOException {
        Path gpkg = outDir.resolve("plots.gpkg");
        assertThat(export("--layer", "renovation-plots", "--format", "gpkg", "--out", gpkg.toString())).isZero();
        assertThat(new String(Files.readAllBytes(gpkg), 0, 15, StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3");
        Path zip = outDir.resolve("plots.zip");
        assertThat(export("--layer", "renovation-plots", "--format", "shp", "--out", zip.toString())).isZero();
        assertThat(zip).exists();
        assertThat(outDir.resolve("plots.shp")).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown layer      | --layer=nowhere | --format=csv     | --crs=EPSG:4326  | unknown layer 'nowhere'; layers: grids,",
            "unknown format     | --layer=grids   | --format=kml     | --crs=EPSG:4326  | unknown format 'kml'; expected geojson, csv, gpkg, shp",
            "unresolvable CRS   | --layer=grids   | --format=csv     | --crs=EPSG:99999 | cannot resolve CRS 'EPSG:99999'",
            "gpkg in another CRS| --layer=grids   | --format=gpkg    | --crs=EPSG:4549  | EPSG:4326 only",
            "unknown encoding   | --layer=grids   | --format=csv     | --encoding=KLINGON | unknown encoding 'KLINGON'",
            "encoding of json   | --layer=grids   | --format=geojson | --encoding=GBK   | geojson is always UTF-8",
    })
    void mistakesExit1WithOneLineNamingTheFileAndTheReason(String what, String layer, String format, String option,
                                                           String reason) throws IOException {
        Path out = outDir.resolve("out.gpkg");
        assertThat(export(layer, format, option, "--out", out.toString())).as(what).isEqualTo(1);
        assertThat(err()).startsWith("lilong export: " + out + ": ").contains(reason);
        assertThat(err().strip().lines()).hasSize(1);
        assertThat(out).doesNotExist();
        try (var files = Files.list(outDir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anUnwritablePathExits1NamingIt() throws IOException {
        Path file = Files.writeString(outDir.resolve("a-file"), "not a directory");
        Path out = file.resolve("grids.csv");
        assertThat(export("--layer", "grids", "--format", "csv", "--out", out.toString())).isEqualTo(1);
        assertThat(err()).startsWith("lilong export: " + out + ": ").contains("not a directory");
        assertThat(err().strip().lines()).hasSize(1);

        Path missing = outDir.resolve("no-such-dir").resolve("grids.csv");
        assertThat(export("--layer", "grids", "--format", "csv", "--out", missing.toString())).isEqualTo(1);
        assertThat(err()).contains("lilong export: " + missing + ": ").contains("does not exist");
    }

    @Test
    void aFailedExportLeavesTheExistingFileAsItWas() throws IOException {
        Path out = outDir.resolve("grids.csv");
        Files.writeString(out, "yesterday's export");
        // US-ASCII cannot hold the Chinese names: the export fails halfway through.
        assertThat(export("--layer", "grids", "--format", "csv", "--encoding", "US-ASCII", "--out", out.toString())).isEqualTo(1);
        assertThat(err()).startsWith("lilong export: " + out + ": ").contains("cannot be written in US-ASCII");
        assertThat(out).hasContent("yesterday's export");
        try (var files = Files.list(outDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("grids.csv");
        }
    }

    @Test
    void aDataDirectoryWithoutDataIsAnErrorAndStaysEmpty() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path out = outDir.resolve("grids.csv");
        assertThat(LilongCommand.run("export", "--data", empty.toString(), "--layer", "grids", "--format", "csv",
                "--out", out.toString())).isEqualTo(1);
        assertThat(err()).contains("does not exist");
        try (var files = Files.list(empty)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        assertThat(LilongCommand.run("export", "--format", "csv", "--out", "x.csv")).isEqualTo(2);
        assertThat(err()).contains("--layer");
    }

    @Test
    void helpListsExportAndCopy() {
        assertThat(LilongCommand.run("--help")).isZero();
        assertThat(out()).contains("export", "copy");
    }
}
