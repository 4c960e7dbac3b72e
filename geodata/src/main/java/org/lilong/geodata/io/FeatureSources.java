package org.lilong.geodata.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.lilong.geodata.io.csv.CsvSource;
import org.lilong.geodata.io.geojson.GeoJsonSource;
import org.lilong.geodata.io.gpkg.GeoPackageSource;
import org.lilong.geodata.io.shp.ShapefileSource;

/** Opens a {@link FeatureSource}, choosing the reader by the file's extension. */
public final class FeatureSources {

    public static final String FORMATS = ".geojson/.json (GeoJSON), .gpkg (GeoPackage), .csv (CSV), .shp (Shapefile)";

    private FeatureSources() {
    }

    /**
     * @throws FeatureSourceException naming the file when it is missing or unreadable, its extension
     *     is none of {@link #FORMATS}, or its content is not what the extension says
     */
    public static FeatureSource open(Path file, SourceOptions options) {
        if (!Files.isRegularFile(file)) {
            throw new FeatureSourceException(file, Files.exists(file) ? "not a file" : "no such file");
        }
        if (!Files.isReadable(file)) {
            throw new FeatureSourceException(file, "cannot be read (permission denied)");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
        return switch (extension) {
            case ".geojson", ".json" -> GeoJsonSource.open(file);
            case ".gpkg" -> GeoPackageSource.open(file, options.table());
            case ".csv" -> CsvSource.open(file, options.encoding());
            case ".shp" -> ShapefileSource.open(file, options.encoding());
            default -> throw new FeatureSourceException(file, "unknown format '" + extension + "'; expected " + FORMATS);
        };
    }
}
