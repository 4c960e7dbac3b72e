package org.lilong.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.LayerCatalogue;

class LilongCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureConsole() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreConsole() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void anUnknownOptionPrintsUsageAndExits2() {
        assertThat(LilongCommand.run("serve", "--colour", "red")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option", "Usage:");
    }

    @Test
    void anUnknownCommandExits2() {
        assertThat(LilongCommand.run("fly")).isEqualTo(2);
    }

    @Test
    void helpListsTheCommands() {
        assertThat(LilongCommand.run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("serve", "demo");
    }

    @Test
    void demoFillsAnEmptyDataDirectory(@TempDir Path dir) {
        assertThat(LilongCommand.run("demo", "--data", dir.toString())).isZero();
        try (Atlas atlas = new Atlas(DataDirectory.open(dir))) {
            assertThat(atlas.index(LayerCatalogue.GRIDS).size()).isPositive();
            assertThat(atlas.metadata()).containsEntry("dataset.synthetic", "true");
        }
    }

    @Test
    void demoRefusesADirectoryThatHoldsDataAndChangesNothing(@TempDir Path dir) {
        assertThat(LilongCommand.run("demo", "--data", dir.toString())).isZero();
        long size = dir.resolve(DataDirectory.FILE_NAME).toFile().length();
        assertThat(LilongCommand.run("demo", "--data", dir.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already holds data");
        assertThat(dir.resolve(DataDirectory.FILE_NAME).toFile().length()).isEqualTo(size);
    }

    @Test
    void demoWithoutDataIsAUsageError() {
        assertThat(LilongCommand.run("demo")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--data");
    }
}
