package org.lilong.server.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lilong.geodata.crs.CrsRegistry;
import org.lilong.geodata.io.export.ExportFormat;
import org.lilong.geodata.io.export.ExportOptions;
import org.lilong.geodata.io.export.FeatureExport;
import org.lilong.geodata.io.export.OutputCrs;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.model.Visibility;
import org.lilong.layers.store.FeatureStore;
import org.lilong.server.config.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lilong export}: writes one layer to a GeoJSON, CSV, GeoPackage or shapefile file.
 *
 * <p>Exports leave the building, so they hold the public attributes only unless {@code --internal}
 * is given (household counts and managers' phones are internal). The file appears whole or not at
 * all: it is written next to the target under a scratch name and moved into place, replacing an
 * existing file. Any failure (unknown layer or format, unresolvable CRS, unwritable path) prints one
 * line naming the output file and the reason, and exits 1.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write one layer to a file: GeoJSON, CSV (WKT geometry), GeoPackage or shapefile.",
                "Reads the GeoPackage in --data, or the database named by --store or LILONG_STORE.",
                "Public attributes only unless --internal is given. A shapefile is written as its parts next to"
                        + " --out (*.shp) or as one zip (*.zip); DBF field names longer than 10 characters are cut"
                        + " (the renames are printed)."})
final class ExportCommand implements Callable<Integer> {

    @Option(names = "--layer", required = true, paramLabel = "ID", description = "the layer to export, e.g. grids")
    String layerId;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "geojson, csv, gpkg or shp")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "the file to write (replaced if it exists); for shp *.shp or *.zip, for gpkg *.gpkg")
    Path out;

    @Option(names = "--crs", paramLabel = "CODE", description = "output CRS, e.g. EPSG:4549 (default ${DEFAULT-VALUE}); gpkg is EPSG:4326 only")
    String crs = "EPSG:4326";

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "text encoding of csv and shp (default ${DEFAULT-VALUE}; GBK for older desktop GIS); geojson and gpkg are UTF-8")
    String encoding = "UTF-8";

    @Option(names = "--internal", description = "include internal attributes (household counts, managers' phones)")
    boolean internal;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory holding lilong.gpkg (default: data, unless LILONG_STORE is set)")
    Path data;

    @Option(names = "--store", paramLabel = "URL", description = "export from a PostgreSQL + PostGIS database instead:"
            + " jdbc:postgresql://host:port/database?user=…&password=… (default: the LILONG_STORE environment variable)")
    String store;

    @Override
    public Integer call() {
        ExportFormat exportFormat = ExportFormat.byName(format).orElse(null);
        if (exportFormat == null) {
            return fail("unknown format '" + format + "'; expected " + ExportFormat.names());
        }
        Charset charset;
        try {
            charset = Charset.forName(encoding);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return fail("unknown encoding '" + encoding + "'");
        }
        OutputCrs outputCrs;
        try {
            outputCrs = OutputCrs.of(CrsRegistry.resolve(crs));
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        FeatureExport export;
        try {
            export = new FeatureExport(exportFormat, new ExportOptions(outputCrs, charset));
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        StoreLocator location;
        try {
            location = StoreLocator.choose(store, data, ServerConfig.DEFAULT_DATA_DIR, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("lilong export: " + e.getMessage());
            return 2;
        }
        // Opening a GeoPackage that is not there would create an empty one.
        if (!location.isDatabase() && !Files.isRegularFile(location.dataDir().resolve(DataDirectory.FILE_NAME))) {
            return fail("no data to export: " + location.describe() + " does not exist");
        }
        try (FeatureStore source = location.open()) {
            LayerDefinition layer = source.catalogue().find(layerId).orElse(null);
            if (layer == null) {
                return fail("unknown layer '" + layerId + "'; layers: "
                        + String.join(", ", source.catalogue().layers().stream().map(LayerDefinition::id).toList()));
            }
            List<AttributeDefinition> attributes = layer.attributesVisibleTo(internal ? Visibility.INTERNAL : Visibility.PUBLIC);
            List<Feature> features = source.readAll(layer.id());
            FeatureExport.Result result = export.toFile(layer, attributes, features, out);
            System.out.println("Wrote " + result.features() + " features of layer '" + layer.id() + "' to " + out + " ("
                    + exportFormat.id() + ", " + outputCrs.code() + (exportFormat.allowsEncoding() ? ", " + charset.name() : "")
                    + ", " + (internal ? "all attributes, internal ones included" : "public attributes only") + ")");
            result.notes().forEach(note -> System.out.println("  note: " + note));
            return 0;
        } catch (IOException e) {
            return fail(reason(e));
        } catch (RuntimeException e) {
            return fail(e.getMessage() != null ? e.getMessage() : e.toString());
        }
    }

    private int fail(String reason) {
        System.err.println("lilong export: " + out + ": " + reason.replace('\n', ' '));
        return 1;
    }

    /** The reason a file operation failed, in words (the JDK's messages are often just the path). */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return (missing.getReason() != null ? missing.getReason() : "no such file or directory") + ": " + missing.getFile();
        }
        if (e instanceof AccessDeniedException denied) {
            return "permission denied: " + denied.getFile();
        }
        if (e instanceof NotDirectoryException notDirectory) {
            return "not a directory: " + notDirectory.getFile();
        }
        if (e instanceof FileSystemException other && other.getReason() != null) {
            return other.getReason() + (other.getFile() != null ? ": " + other.getFile() : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
