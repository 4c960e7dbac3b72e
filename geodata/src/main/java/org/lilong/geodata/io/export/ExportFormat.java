package org.lilong.geodata.io.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The formats a layer can be exported to. GeoJSON and CSV are streamed to any output stream;
 * GeoPackage and shapefile are files (a shapefile being several, zipped for a download).
 */
public enum ExportFormat {
    GEOJSON("geojson", "geojson", "application/geo+json", true),
    CSV("csv", "csv", "text/csv", true),
    GPKG("gpkg", "gpkg", "application/geopackage+sqlite3", false),
    SHAPEFILE("shp", "shp", "application/zip", false);

    private final String id;
    private final String extension;
    private final String mediaType;
    private final boolean streamed;

    ExportFormat(String id, String extension, String mediaType, boolean streamed) {
        this.id = id;
        this.extension = extension;
        this.mediaType = mediaType;
        this.streamed = streamed;
    }

    /** The name users give: geojson, csv, gpkg, shp. */
    public String id() {
        return id;
    }

    /** The extension of the file written to disk (.shp for the main file of a shapefile). */
    public String extension() {
        return extension;
    }

    /** The extension of a download: a shapefile is served as a .zip of its parts. */
    public String downloadExtension() {
        return this == SHAPEFILE ? "zip" : extension;
    }

    /** The media type of a download (CSV adds its charset). */
    public String mediaType() {
        return mediaType;
    }

    /** True when the format is written front to back into a stream, without a file to seek in. */
    public boolean isStreamed() {
        return streamed;
    }

    /** True when the format's text may be in another character set than UTF-8. */
    public boolean allowsEncoding() {
        return this == CSV || this == SHAPEFILE;
    }

    /** True when the format can hold coordinates in a CRS other than WGS84. */
    public boolean allowsCrs() {
        return this != GPKG;
    }

    /** Looks a format up by its id; also accepts json, geopackage and shapefile. */
    public static Optional<ExportFormat> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "geojson", "json" -> Optional.of(GEOJSON);
            case "csv" -> Optional.of(CSV);
            case "gpkg", "geopackage" -> Optional.of(GPKG);
            case "shp", "shapefile" -> Optional.of(SHAPEFILE);
            default -> Optional.empty();
        };
    }

    /** "geojson, csv, gpkg, shp", for messages. */
    public static String names() {
        return Arrays.stream(values()).map(ExportFormat::id).collect(Collectors.joining(", "));
    }

    /** A sink writing to a stream; only for {@linkplain #isStreamed() streamed} formats. The stream is not closed. */
    public FeatureSink openSink(OutputStream out, ExportOptions options) {
        return switch (this) {
            case GEOJSON -> new GeoJsonSink(out, options);
            case CSV -> new CsvSink(out, options);
            default -> throw new IllegalStateException(id + " is written to a file, not a stream");
        };
    }

    /** A sink writing the file {@code target} (for a shapefile, the .shp; its other parts go next to it). */
    public FeatureSink openSink(Path target, ExportOptions options) throws IOException {
        return switch (this) {
            case GEOJSON, CSV -> {
                OutputStream out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(target), 1 << 16);
                FeatureSink inner = openSink(out, options);
                yield new ClosingSink(inner, out);
            }
            case GPKG -> new GeoPackageSink(target, options);
            case SHAPEFILE -> new ShapefileSink(target, options);
        };
    }

    /** A streamed sink that also closes the file stream it writes to. */
    private record ClosingSink(FeatureSink inner, OutputStream out) implements FeatureSink {

        @Override
        public void begin(org.lilong.layers.model.LayerDefinition layer,
                          java.util.List<org.lilong.layers.model.AttributeDefinition> attributes) throws IOException {
            inner.begin(layer, attributes);
        }

        @Override
        public void write(org.lilong.layers.model.Feature feature) throws IOException {
            inner.write(feature);
        }

        @Override
        public void finish() throws IOException {
            inner.finish();
            out.flush();
        }

        @Override
        public java.util.List<String> notes() {
            return inner.notes();
        }

        @Override
        public void close() throws IOException {
            try (out) {
                inner.close();
            }
        }
    }
}
