package org.lilong.geodata.io.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerDefinition;

/**
 * Exports one layer in one format: projects each feature into the output CRS, keeps only the chosen
 * attributes, and hands it to the format's {@link FeatureSink}, one feature at a time. To a file
 * ({@link #toFile}) all or nothing: everything is written in a scratch directory next to the target
 * and moved into place at the end, so a failure leaves the target as it was. To a stream
 * ({@link #toStream}): GeoJSON and CSV directly; GeoPackage and shapefile (zipped) are built in a
 * temporary directory first, copied to the stream, and deleted.
 */
public final class FeatureExport {

    /** What an export wrote: how many features, and what the user should know (renamed fields, ...). */
    public record Result(long features, List<String> notes) {

        public Result {
            notes = List.copyOf(notes);
        }
    }

    private final ExportFormat format;
    private final ExportOptions options;

    /** @throws IllegalArgumentException when the format cannot be written with these options */
    public FeatureExport(ExportFormat format, ExportOptions options) {
        if (!format.allowsCrs() && !options.crs().isWgs84()) {
            throw new IllegalArgumentException("a " + format.id() + " export is written in EPSG:4326 only (GeoPackage"
                    + " layers are stored in WGS84), not " + options.crs().code());
        }
        if (!format.allowsEncoding() && !options.isUtf8()) {
            throw new IllegalArgumentException(format.id() + " is always UTF-8; --encoding applies to csv and shp only");
        }
        this.format = format;
        this.options = options;
    }

    public ExportFormat format() {
        return format;
    }

    /**
     * Writes the features to {@code out}, replacing it if it exists. A shapefile's {@code out} ends
     * in .shp (its parts are written next to it) or .zip (one archive of the parts); a GeoPackage's
     * in .gpkg.
     *
     * @throws IOException naming the file and the reason; the target is then unchanged
     */
    public Result toFile(LayerDefinition layer, List<AttributeDefinition> attributes, Iterable<Feature> features, Path out)
            throws IOException {
        Path target = out.toAbsolutePath().normalize();
        String name = target.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean zipped = format == ExportFormat.SHAPEFILE && lower.endsWith(".zip");
        if (format == ExportFormat.SHAPEFILE && !zipped && !lower.endsWith(".shp")) {
            throw new IllegalArgumentException(out + ": a shapefile export is named *.shp (its parts go next to it) or *.zip");
        }
        if (format == ExportFormat.GPKG && !lower.endsWith(".gpkg")) {
            throw new IllegalArgumentException(out + ": a GeoPackage's name ends in .gpkg");
        }
        Path directory = target.getParent();
        if (Files.isDirectory(target)) {
            throw new IOException(out + " is a directory");
        }
        if (!Files.exists(directory)) {
            throw new NoSuchFileException(directory.toString(), null, "the directory does not exist");
        }
        if (!Files.isDirectory(directory)) {
            throw new NotDirectoryException(directory.toString());
        }
        Path scratch = Files.createTempDirectory(directory, ".lilong-export-");
        try {
            if (format != ExportFormat.SHAPEFILE) {
                Path file = scratch.resolve(name);
                Result result = write(layer, attributes, features, file);
                move(file, target);
                return result;
            }
            String base = name.substring(0, name.length() - 4);
            ShapefileSink sink = new ShapefileSink(scratch.resolve(base + ".shp"), options);
            Result result = write(sink, layer, attributes, features);
            if (zipped) {
                Path zip = scratch.resolve(name);
                try (ZipOutputStream archive = new ZipOutputStream(Files.newOutputStream(zip))) {
                    zipParts(sink, base, archive);
                }
                move(zip, target);
            } else {
                for (String extension : ShapefileSink.PARTS) {
                    Path part = sink.part(extension);
                    Path placed = target.resolveSibling(base + "." + extension);
                    if (Files.exists(part)) {
                        move(part, placed);
                    } else {
                        Files.deleteIfExists(placed); // a .prj left from an earlier export in another CRS
                    }
                }
            }
            return result;
        } finally {
            deleteTree(scratch);
        }
    }

    /**
     * Writes the features to {@code out}, which is flushed but not closed; a shapefile is written as
     * a zip of its parts, named after the layer.
     */
    public Result toStream(LayerDefinition layer, List<AttributeDefinition> attributes, Iterable<Feature> features,
                           OutputStream out) throws IOException {
        return toStream(layer, attributes, features, () -> out);
    }

    /**
     * As {@link #toStream(LayerDefinition, List, Iterable, OutputStream)}, asking for the stream only
     * when the first byte is ready: a GeoPackage or shapefile is complete by then, so a server can
     * still answer a failure to build it with an error instead of a broken download.
     */
    public Result toStream(LayerDefinition layer, List<AttributeDefinition> attributes, Iterable<Feature> features,
                           Supplier<OutputStream> opener) throws IOException {
        if (format.isStreamed()) {
            OutputStream out = opener.get();
            try (FeatureSink sink = format.openSink(out, options)) {
                Result result = write(sink, layer, attributes, features);
                out.flush();
                return result;
            }
        }
        Path scratch = Files.createTempDirectory("lilong-export-");
        try {
            if (format == ExportFormat.GPKG) {
                Path file = scratch.resolve(layer.id() + ".gpkg");
                Result result = write(layer, attributes, features, file);
                OutputStream out = opener.get();
                Files.copy(file, out);
                out.flush();
                return result;
            }
            ShapefileSink sink = new ShapefileSink(scratch.resolve(layer.id() + ".shp"), options);
            Result result = write(sink, layer, attributes, features);
            OutputStream out = opener.get();
            ZipOutputStream archive = new ZipOutputStream(out);
            zipParts(sink, layer.id(), archive);
            archive.finish();
            out.flush();
            return result;
        } finally {
            deleteTree(scratch);
        }
    }

    private Result write(LayerDefinition layer, List<AttributeDefinition> attributes, Iterable<Feature> features, Path file)
            throws IOException {
        try (FeatureSink sink = format.openSink(file, options)) {
            return write(sink, layer, attributes, features);
        }
    }

    private Result write(FeatureSink sink, LayerDefinition layer, List<AttributeDefinition> attributes,
                         Iterable<Feature> features) throws IOException {
        try (sink) {
            sink.begin(layer, attributes);
            long written = 0;
            for (Feature feature : features) {
                sink.write(prepare(feature, attributes));
                written++;
            }
            sink.finish();
            return new Result(written, sink.notes());
        }
    }

    /** The feature in the output CRS with only the exported attributes. */
    private Feature prepare(Feature feature, List<AttributeDefinition> attributes) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (AttributeDefinition attribute : attributes) {
            Object value = feature.get(attribute.name());
            if (value != null) {
                values.put(attribute.name(), value);
            }
        }
        return new Feature(feature.id(), options.crs().project(feature.geometry()), values);
    }

    private static void zipParts(ShapefileSink sink, String base, ZipOutputStream archive) throws IOException {
        for (String extension : ShapefileSink.PARTS) {
            Path part = sink.part(extension);
            if (Files.exists(part)) {
                archive.putNextEntry(new ZipEntry(base + "." + extension));
                Files.copy(part, archive);
                archive.closeEntry();
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path directory) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            entries.forEach(files::add);
        } catch (IOException e) {
            return;
        }
        for (Path file : files) {
            if (Files.isDirectory(file)) {
                deleteTree(file);
            } else {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a scratch file we cannot delete is left in the temporary directory
                }
            }
        }
        try {
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // as above
        }
    }
}
