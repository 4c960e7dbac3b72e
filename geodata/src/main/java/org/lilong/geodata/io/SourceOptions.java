package org.lilong.geodata.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How to open a source.
 *
 * @param table the GeoPackage feature table to read; null for the only (or first) one
 * @param encoding the text encoding of a CSV file, and of a Shapefile's .dbf when neither a .cpg
 *     file nor the .dbf's language driver id names one
 */
public record SourceOptions(String table, Charset encoding) {

    public SourceOptions {
        Objects.requireNonNull(encoding, "encoding");
    }

    public static SourceOptions defaults() {
        return new SourceOptions(null, StandardCharsets.UTF_8);
    }

    public SourceOptions withTable(String newTable) {
        return new SourceOptions(newTable, encoding);
    }

    public SourceOptions withEncoding(Charset newEncoding) {
        return new SourceOptions(table, newEncoding);
    }
}
