package org.lilong.server.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.lilong.geodata.io.FeatureSource;
import org.lilong.geodata.io.FeatureSourceException;
import org.lilong.geodata.io.FeatureSources;
import org.lilong.geodata.io.ImportException;
import org.lilong.geodata.io.ImportOptions;
import org.lilong.geodata.io.ImportProgress;
import org.lilong.geodata.io.ImportReport;
import org.lilong.geodata.io.ImportResult;
import org.lilong.geodata.io.LayerImporter;
import org.lilong.geodata.io.SourceOptions;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.store.FeatureStore;
import org.lilong.layers.store.InvalidChangeException;
import org.lilong.layers.store.StoreException;
import org.lilong.server.config.ServerConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lilong import}: reads a GeoJSON, GeoPackage, CSV or Shapefile file into one layer, all or
 * nothing. Every problem is printed on stderr as one line naming the file, the record and the reason,
 * and then nothing is written (exit 1); usage errors exit 2.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import the features of a file into a layer: all of them, or none if any has a problem.",
                "Formats: " + FeatureSources.FORMATS + "."})
final class ImportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the file to import")
    Path file;

    @Option(names = "--layer", required = true, paramLabel = "ID", description = "the layer to import into, e.g. pocket-parks")
    String layer;

    @Option(names = "--crs", paramLabel = "CODE",
            description = "the file's CRS, overriding what it declares: EPSG:4549, EPSG:4490, CRS84, GCJ02, BD09, ...")
    String crs;

    @Option(names = "--repair", description = "repair invalid geometries (JTS GeometryFixer) instead of refusing them")
    boolean repair;

    @Option(names = "--dry-run", description = "check and report, write nothing")
    boolean dryRun;

    @Option(names = "--map", paramLabel = "SRC=DST",
            description = "put source field SRC into attribute DST (repeatable); other fields go to the attribute of the same name")
    List<String> map = new ArrayList<>();

    @Option(names = "--table", paramLabel = "NAME", description = "the GeoPackage feature table to read (default: the first)")
    String table;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "text encoding of a CSV file, and of a Shapefile without a .cpg (default UTF-8), e.g. GBK")
    Charset encoding = StandardCharsets.UTF_8;

    @Option(names = "--data", paramLabel = "DIR",
            description = "data directory holding lilong.gpkg (default: data, unless LILONG_STORE is set)")
    Path data;

    @Option(names = "--store", paramLabel = "URL", description = "a PostgreSQL + PostGIS database instead of the GeoPackage:"
            + " jdbc:postgresql://host:port/database?user=…&password=… (default: the LILONG_STORE environment variable)")
    String store;

    @Override
    public Integer call() {
        Map<String, String> mapping;
        try {
            mapping = ImportOptions.parseMappings(map);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--map: " + e.getMessage());
        }
        StoreLocator location;
        try {
            location = StoreLocator.choose(store, data, ServerConfig.DEFAULT_DATA_DIR, System.getenv());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        ImportOptions options = new ImportOptions(crs, repair, mapping);
        String name = file.getFileName().toString();
        try (FeatureSource source = FeatureSources.open(file, new SourceOptions(table, encoding))) {
            // Everything is checked before the store is opened, so a refused import (or a dry run)
            // leaves no trace, not even an empty store in a new data directory. The catalogue is the
            // one StoreLocator opens every store with; the store checks the change set again.
            ImportResult result = read(source, LayerCatalogue.standard(), options);
            if (dryRun) {
                print(result.report(), "Dry run: " + result.report().imported() + " features from " + name
                        + " would be imported into layer " + layer + "; nothing written.");
                return 0;
            }
            // The store alone, not an Atlas: an import needs no read model, and loading one (and
            // refreshing it after the write) would read every feature back for nothing.
            try (FeatureStore store = location.open()) {
                List<Feature> stored = store.apply(result.changes());
                String ids = stored.isEmpty() ? "" : " (ids " + stored.get(0).id() + "–" + stored.get(stored.size() - 1).id() + ")";
                print(result.report(), "Imported " + stored.size() + " features from " + name + " into layer " + layer + ids
                        + " of " + location.describe() + ".");
                return 0;
            }
        } catch (ImportException e) {
            for (String problem : e.problems()) {
                System.err.println("lilong import: " + name + ": " + problem);
            }
            int hidden = e.problemCount() - e.problems().size();
            System.err.println("lilong import: " + name + ": " + e.problemCount() + (e.problemCount() == 1 ? " problem" : " problems")
                    + (hidden > 0 ? " (" + hidden + " not shown)" : "") + "; nothing written");
            return 1;
        } catch (FeatureSourceException e) {
            System.err.println("lilong import: " + e.getMessage() + "; nothing written");
            return 1;
        } catch (InvalidChangeException | StoreException e) {
            System.err.println("lilong import: " + name + " into " + location.describe() + ": " + e.getMessage() + "; nothing written");
            return 1;
        }
    }

    private ImportResult read(FeatureSource source, LayerCatalogue catalogue, ImportOptions options) {
        try (Progress progress = new Progress()) {
            ImportResult result = new LayerImporter(catalogue).read(source, layer, options, progress);
            if (progress.shown() && !dryRun) {
                System.err.println("Writing " + result.report().imported() + " features in one transaction...");
            }
            return result;
        }
    }

    private void print(ImportReport report, String headline) {
        System.out.println(headline);
        System.out.println("  records read: " + report.recordsRead() + "; CRS: " + report.crs()
                + (report.crsAssumed() ? " (assumed: the file declares none; give --crs if it is not WGS84)" : ""));
        if (!report.mapping().isEmpty()) {
            System.out.println("  fields: " + report.mapping().entrySet().stream()
                    .map(e -> e.getKey().equals(e.getValue()) ? e.getKey() : e.getKey() + " → " + e.getValue())
                    .collect(Collectors.joining(", ")));
        }
        if (!report.ignoredFields().isEmpty()) {
            System.out.println("  ignored fields (no such attribute in layer " + report.layerId() + "): "
                    + String.join(", ", report.ignoredFields()));
        }
        if (!report.repaired().isEmpty()) {
            System.out.println("  repaired geometries: " + report.repaired().size());
            report.repaired().forEach(line -> System.out.println("    " + line));
        }
    }

    /** A progress bar on stderr, drawn only on an interactive console and only once an import takes a while. */
    private static final class Progress implements ImportProgress, AutoCloseable {
        private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
        private final boolean console = System.console() != null;
        private final long started = System.nanoTime();
        private ProgressBar bar;

        @Override
        public void recordsRead(long read, OptionalLong total) {
            if (!console) {
                return;
            }
            if (bar == null) {
                if (System.nanoTime() - started < SHOW_AFTER_NANOS) {
                    return;
                }
                bar = new ProgressBarBuilder()
                        .setTaskName("Importing")
                        .setInitialMax(total.orElse(-1))
                        .setUnit(" records", 1)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .build();
            }
            bar.stepTo(read);
        }

        boolean shown() {
            return bar != null;
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
