package org.lilong.geodata.io.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * GDAL's command-line tools (Debian gdal-bin) as the independent reader of what the exporters
 * write. A test that needs them calls {@link #require()}: skipped when ogr2ogr is missing, unless
 * LILONG_REQUIRE_GDAL=true, where absence fails.
 */
final class Gdal {

    static final Path OGR2OGR = Path.of("/usr/bin/ogr2ogr");
    static final Path OGRINFO = Path.of("/usr/bin/ogrinfo");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Gdal() {
    }

    static void require() {
        boolean present = Files.isExecutable(OGR2OGR) && Files.isExecutable(OGRINFO);
        if (!present && "true".equals(System.getenv("LILONG_REQUIRE_GDAL"))) {
            throw new AssertionError("GDAL is required (LILONG_REQUIRE_GDAL=true) but " + OGR2OGR + " is missing: apt-get install gdal-bin");
        }
        assumeTrue(present, "GDAL not installed (apt-get install gdal-bin); skipping");
    }

    /** The file as GDAL reads it, converted to a GeoJSON FeatureCollection (feature ids kept). */
    static JsonNode asGeoJson(String source, String... options) {
        List<String> command = new ArrayList<>(List.of(OGR2OGR.toString(), "-f", "GeoJSON", "-preserve_fid"));
        command.addAll(List.of(options));
        command.add("/vsistdout/");
        command.add(source);
        try {
            return JSON.readTree(run(command));
        } catch (IOException e) {
            throw new AssertionError("ogr2ogr did not write GeoJSON", e);
        }
    }

    static String ogrinfo(String... arguments) {
        List<String> command = new ArrayList<>(List.of(OGRINFO.toString()));
        command.addAll(List.of(arguments));
        return run(command);
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("GDAL finished").isTrue();
            assertThat(process.exitValue()).as(String.join(" ", command) + " exit code; stderr:\n" + err).isZero();
            assertThat(err).as(String.join(" ", command) + " reported no errors").doesNotContain("ERROR");
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
