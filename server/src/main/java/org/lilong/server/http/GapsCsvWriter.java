package org.lilong.server.http;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.lilong.layers.coverage.CategoryCoverage;
import org.lilong.layers.coverage.UnitReach;
import org.locationtech.jts.io.WKTWriter;

/**
 * The uncovered units as RFC 4180 CSV, the same conventions as the items download ({@code CsvSink}):
 * CRLF line ends, a field quoted only when it must be, quotes doubled, no byte-order mark, geometry
 * as WKT in WGS84 in the last column. Columns {@value #HEADER}; {@code walk_metres} is rounded to
 * 0.1 and empty when no facility lies within the search.
 */
final class GapsCsvWriter {

    static final String HEADER = "layer,id,name,residents,walk_metres,wkt";

    private GapsCsvWriter() {
    }

    static void write(Writer out, CategoryCoverage coverage) throws IOException {
        WKTWriter wkt = new WKTWriter(2);
        out.write(HEADER);
        out.write("\r\n");
        for (UnitReach reach : coverage.uncovered()) {
            double walk = reach.walkMetres();
            row(out, List.of(reach.unit().layer(), Long.toString(reach.unit().featureId()), nullToEmpty(reach.unit().name()),
                    Long.toString(reach.unit().residents()),
                    Double.isFinite(walk) ? metresText(walk) : "",
                    wkt.write(reach.unit().geometry())));
        }
    }

    /** A file name for the download: letters, digits, '-' and '_' only, so it needs no quoting. */
    static String fileName(CategoryCoverage coverage) {
        String category = coverage.category().id().replaceAll("[^A-Za-z0-9_-]", "_");
        return "coverage-gaps-" + category + "-" + Math.round(coverage.thresholdMetres()) + "m.csv";
    }

    /** As the JSON answers write metres: rounded to 0.1, whole numbers without a decimal point. */
    private static String metresText(double metres) {
        double rounded = Math.round(metres * 10) / 10.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }

    private static void row(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(fields.get(i)));
        }
        out.write("\r\n");
    }

    private static String quoted(String field) {
        boolean mustQuote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\r') >= 0
                || field.indexOf('\n') >= 0 || (!field.isEmpty() && (field.charAt(0) == ' ' || field.charAt(field.length() - 1) == ' '));
        return mustQuote ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
