package org.lilong.server.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lilong.layers.Atlas;
import org.lilong.layers.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lilong demo}: writes the generated demo district into an empty store (a data directory or a database). */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Fill an empty data directory or database with the demo district (synthetic, generated from a fixed seed).")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--data", description = "data directory to create or fill")
    Path data;

    @Option(names = "--store", description = "PostgreSQL + PostGIS database to fill instead:"
            + " jdbc:postgresql://host:port/database?user=…&password=… (default: the LILONG_STORE environment variable)")
    String store;

    @Override
    public Integer call() {
        StoreLocator location;
        try {
            location = StoreLocator.choose(store, data, null, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("lilong demo: " + e.getMessage());
            return 2;
        }
        try (Atlas atlas = new Atlas(location.open())) {
            int written = DataDirectory.loadDemoIfEmpty(atlas);
            if (written == 0) {
                System.err.println("lilong demo: " + location.describe() + " already holds data; nothing written");
                return 1;
            }
            System.out.println("Wrote the demo district (synthetic data), " + written + " features, to " + location.describe());
            return 0;
        } catch (StoreException e) {
            System.err.println("lilong demo: " + e.getMessage());
            return 1;
        }
    }
}
