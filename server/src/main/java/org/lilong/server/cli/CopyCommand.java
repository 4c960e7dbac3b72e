package org.lilong.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lilong.geodata.io.copy.StoreCopier;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.store.FeatureStore;
import org.lilong.layers.store.gpkg.GeoPackageStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lilong copy}: copies every layer and the metadata from one store into an empty one, then
 * verifies the copy by per-layer feature counts and SHA-256 checksums computed on both sides
 * ({@link StoreCopier}), and prints them as a table. Exit 0 when verified; 1 when the target is not
 * empty (nothing is written), a store cannot be opened, or the verification fails.
 *
 * <p>A store is named by a data directory (its lilong.gpkg), a .gpkg file, or a
 * {@code jdbc:postgresql://} URL.
 */
@Command(name = "copy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Copy every layer and the metadata into an EMPTY store, then verify counts and checksums.",
                "SRC and DST are a data directory, a .gpkg file or a jdbc:postgresql:// URL."})
final class CopyCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "SRC", description = "the store to copy (must exist)")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DST", description = "the empty store to fill (created when missing)")
    String to;

    @Override
    public Integer call() {
        String problem = sameFile(from, to);
        if (problem != null) {
            return fail(problem);
        }
        FeatureStore source;
        try {
            source = open(from, true);
        } catch (RuntimeException e) {
            return fail("cannot open the source " + describe(from) + ": " + e.getMessage());
        }
        try (source) {
            FeatureStore target;
            try {
                target = open(to, false);
            } catch (RuntimeException e) {
                return fail("cannot open the target " + describe(to) + ": " + e.getMessage());
            }
            try (target) {
                StoreCopier.Report report;
                try {
                    report = StoreCopier.copy(source, target);
                } catch (StoreCopier.TargetNotEmptyException e) {
                    return fail("the target " + describe(to) + " is not empty; nothing was copied (copy only into an empty store)");
                } catch (RuntimeException e) {
                    return fail("the copy failed and was rolled back, the target " + describe(to) + " is unchanged: " + e.getMessage());
                }
                print(report);
                if (!report.verified()) {
                    return fail("verification FAILED: the target " + describe(to) + " differs from the source (see the table)");
                }
                System.out.println("Copied " + report.features() + " features in " + report.layers().size() + " layers and "
                        + report.metadata().targetCount() + " metadata entries from " + describe(from) + " to " + describe(to)
                        + "; verified.");
                return 0;
            }
        }
    }

    private static void print(StoreCopier.Report report) {
        String format = "%-20s %9s %9s  %-16s  %s%n";
        System.out.printf(Locale.ROOT, format, "layer", "source", "target", "sha-256", "check");
        for (StoreCopier.Check check : report.layers()) {
            row(format, check);
        }
        row(format, report.metadata());
    }

    private static void row(String format, StoreCopier.Check check) {
        String checksum = check.sourceChecksum().substring(0, 16);
        String verdict = check.matches() ? "ok" : "MISMATCH (target sha-256 " + check.targetChecksum().substring(0, 16) + ")";
        System.out.printf(Locale.ROOT, format, check.name(), check.sourceCount(), check.targetCount(), checksum, verdict);
    }

    private static int fail(String reason) {
        System.err.println("lilong copy: " + reason.replace('\n', ' '));
        return 1;
    }

    /** A refusal when both name the same GeoPackage file, else null. */
    private static String sameFile(String from, String to) {
        if (isDatabase(from) || isDatabase(to)) {
            return from.equals(to) ? "the source and the target are the same store" : null;
        }
        Path a = gpkgFile(from).toAbsolutePath().normalize();
        Path b = gpkgFile(to).toAbsolutePath().normalize();
        try {
            if (a.equals(b) || (Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b))) {
                return "the source and the target are the same file, " + a;
            }
        } catch (java.io.IOException e) {
            return null;
        }
        return null;
    }

    /**
     * Opens a store by location. A source must exist (opening a GeoPackage would otherwise create an
     * empty one); a target GeoPackage is created with its directories when missing.
     */
    static FeatureStore open(String location, boolean mustExist) {
        if (isDatabase(location)) {
            if (!location.startsWith(StoreLocator.URL_PREFIX)) {
                throw new IllegalArgumentException("a database is named by a PostgreSQL JDBC URL, " + StoreLocator.URL_PREFIX
                        + "host:port/database?user=…&password=…");
            }
            return StoreLocator.choose(location, null, null, Map.of()).open();
        }
        Path file = gpkgFile(location);
        if (mustExist && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + " does not exist");
        }
        return GeoPackageStore.open(file, LayerCatalogue.standard());
    }

    /** The location for messages: a database URL without its parameters, which may hold a password. */
    static String describe(String location) {
        return isDatabase(location) ? new StoreLocator(location, null).describe() : location;
    }

    private static boolean isDatabase(String location) {
        return location.startsWith("jdbc:");
    }

    /** A .gpkg path as it is; anything else is a data directory holding lilong.gpkg. */
    private static Path gpkgFile(String location) {
        Path path = Path.of(location);
        return location.toLowerCase(Locale.ROOT).endsWith(".gpkg") ? path : path.resolve(DataDirectory.FILE_NAME);
    }
}
