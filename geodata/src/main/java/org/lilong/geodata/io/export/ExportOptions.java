package org.lilong.geodata.io.export;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How to write an export: the output CRS and the character set of the text (CSV and shapefile
 * DBF; GeoJSON and GeoPackage are always UTF-8).
 */
public record ExportOptions(OutputCrs crs, Charset encoding) {

    public static final ExportOptions DEFAULTS = new ExportOptions(OutputCrs.WGS84, StandardCharsets.UTF_8);

    public ExportOptions {
        Objects.requireNonNull(crs, "crs");
        Objects.requireNonNull(encoding, "encoding");
    }

    public ExportOptions withCrs(OutputCrs newCrs) {
        return new ExportOptions(newCrs, encoding);
    }

    public ExportOptions withEncoding(Charset newEncoding) {
        return new ExportOptions(crs, newEncoding);
    }

    public boolean isUtf8() {
        return encoding.equals(StandardCharsets.UTF_8);
    }
}
