package org.lilong.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code serve --grid-tolerance} and {@code --tile-cache-mb}: impossible values are refused before anything starts. */
class ServeEditingOptionsTest extends CliTestSupport {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"-1", "10.5", "NaN"})
    void anImpossibleGridToleranceIsRefusedWithExit2(String tolerance) {
        int exit = LilongCommand.run("serve", "--data", dir.toString(), "--port", "0", "--grid-tolerance", tolerance);

        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("--grid-tolerance must be 0–10");
        assertThat(dir.resolve(DataDirectory.FILE_NAME)).doesNotExist();
    }

    @Test
    void aNegativeTileCacheIsRefusedWithExit2() {
        assertThat(LilongCommand.run("serve", "--data", dir.toString(), "--port", "0", "--tile-cache-mb", "-5")).isEqualTo(2);
        assertThat(err()).contains("--tile-cache-mb cannot be negative");
    }
}
