package org.lilong.geodata.io.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerDefinition;
import org.locationtech.jts.io.WKTWriter;

/**
 * RFC 4180 CSV (Apache Commons CSV, {@code CSVFormat.RFC4180}: CRLF line ends, a field quoted only
 * when it must be, quotes doubled): a header row {@code id,<attributes...>,wkt}, then one row per
 * feature with its id, its values in {@link AttributeText} form (empty for null) and its geometry as
 * WKT in the output CRS. No byte-order mark. GDAL reads it with {@code -oo GEOM_POSSIBLE_NAMES=wkt};
 * Lilong's own CSV reader finds the {@code wkt} column by its name.
 */
public final class CsvSink implements FeatureSink {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private final OutputStream target;
    private final ExportOptions options;
    private final WKTWriter wkt = new WKTWriter(2);
    private CSVPrinter out;
    private List<AttributeDefinition> attributes;
    private final List<String> row = new ArrayList<>();
    /** Checks each value before it is written, so a failure names the feature (null for UTF-8, which holds everything). */
    private final CharsetEncoder encoder;

    /** @param target not closed by the sink */
    public CsvSink(OutputStream target, ExportOptions options) {
        this.target = target;
        this.options = options;
        this.encoder = options.isUtf8() ? null : options.encoding().newEncoder();
    }

    @Override
    public void begin(LayerDefinition layer, List<AttributeDefinition> attributes) throws IOException {
        this.attributes = List.copyOf(attributes);
        // An explicit encoder reports characters the charset cannot hold instead of writing '?'.
        out = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(target, options.encoding().newEncoder()), 1 << 16), FORMAT);
        row.add("id");
        attributes.forEach(a -> row.add(a.name()));
        row.add("wkt");
        printRow();
    }

    @Override
    public void write(Feature feature) throws IOException {
        row.add(Long.toString(feature.id()));
        for (AttributeDefinition attribute : attributes) {
            String text = AttributeText.format(feature.get(attribute.name()));
            if (text != null && encoder != null && !encoder.canEncode(text)) {
                throw new IOException("feature " + feature.id() + ", attribute '" + attribute.name() + "': '" + text
                        + "' cannot be written in " + options.encoding().name() + " (UTF-8 can hold it)");
            }
            row.add(text);
        }
        row.add(wkt.write(feature.geometry()));
        printRow();
    }

    private void printRow() throws IOException {
        out.printRecord(row);
        row.clear();
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    /** Flushes; leaves the target open (the printer only wraps it). */
    @Override
    public void close() throws IOException {
        if (out != null) {
            out.flush();
            out = null;
        }
    }
}
