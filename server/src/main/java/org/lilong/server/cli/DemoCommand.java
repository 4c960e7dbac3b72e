package org.lilong.server.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lilong.layers.Atlas;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lilong demo}: writes the generated demo district into an empty data directory. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Fill an empty data directory with the demo district (synthetic, generated from a fixed seed).")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "data directory to create or fill")
    Path data;

    @Override
    public Integer call() {
        try (Atlas atlas = new Atlas(DataDirectory.open(data))) {
            int written = DataDirectory.loadDemoIfEmpty(atlas);
            if (written == 0) {
                System.err.println("lilong demo: " + data.resolve(DataDirectory.FILE_NAME) + " already holds data; nothing written");
                return 1;
            }
            System.out.println("Wrote the demo district (synthetic data), " + written + " features, to "
                    + data.resolve(DataDirectory.FILE_NAME));
            return 0;
        }
    }
}
