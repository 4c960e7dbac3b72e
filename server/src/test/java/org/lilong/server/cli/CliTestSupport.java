package org.lilong.server.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.store.gpkg.GeoPackageStore;
import org.lilong.server.SmallDistrict;

/** Runs {@code lilong} in-process with the console captured, over data directories holding the small district. */
abstract class CliTestSupport {

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

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** A data directory whose lilong.gpkg holds the small district. */
    static Path smallDistrictData(Path dir) {
        try (GeoPackageStore store = GeoPackageStore.open(dir.resolve(DataDirectory.FILE_NAME), LayerCatalogue.standard())) {
            store.apply(SmallDistrict.changes());
        }
        return dir;
    }
}
