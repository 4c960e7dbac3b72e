package org.lilong.geodata.io;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * GDAL's command-line tools (Debian gdal-bin), which make the reference files the readers are
 * tested against, so no binary fixture is committed. Tests that need them are skipped when they are
 * absent, unless LILONG_REQUIRE_GDAL=true, where absence fails.
 */
public final class Gdal {

    public static final Path OGR2OGR = Path.of("/usr/bin/ogr2ogr");
    public static final Path GDALTRANSFORM = Path.of("/usr/bin/gdaltransform");

    private Gdal() {
    }

    /** Skips the calling test (or fails it under LILONG_REQUIRE_GDAL=true) when the tool is missing. */
    public static void assume(Path tool) {
        boolean present = Files.isExecutable(tool);
        if (!present && "true".equals(System.getenv("LILONG_REQUIRE_GDAL"))) {
            throw new AssertionError(tool + " is required (LILONG_REQUIRE_GDAL=true) but missing: apt-get install gdal-bin");
        }
        assumeTrue(present, tool + " not installed (apt-get install gdal-bin); skipping");
    }

    /** Runs ogr2ogr with the arguments; fails with its output when it fails. */
    public static void ogr2ogr(String... arguments) {
        assume(OGR2OGR);
        List<String> command = new ArrayList<>(List.of(OGR2OGR.toString()));
        command.addAll(List.of(arguments));
        run(command, null);
    }

    /** Runs a tool with the given standard input and returns its standard output. */
    public static String run(List<String> command, String input) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (input != null) {
                process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command.get(0) + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command.get(0), e);
        }
    }
}
