package org.lilong.server.http;

import io.javalin.http.Context;
import java.util.regex.Pattern;

/**
 * Numbers in query parameters, read strictly: plain decimal numbers only (no
 * NaN, Infinity, hexadecimal or Java suffixes such as {@code 1.5d}); {@code lon} and {@code lat}
 * must also lie in range. A mistake is a 400 naming
 * the parameter.
 */
final class QueryNumbers {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d{1,15}(\\.\\d{0,15})?|\\.\\d{1,15})([eE][+-]?\\d{1,3})?");

    private QueryNumbers() {
    }

    static double longitude(Context ctx) {
        return coordinate(ctx, "lon", 180);
    }

    static double latitude(Context ctx) {
        return coordinate(ctx, "lat", 90);
    }

    /** Whether the text is a plain decimal number as this class reads them. */
    static boolean isPlainNumber(String text) {
        return NUMBER.matcher(text.trim()).matches();
    }

    private static double coordinate(Context ctx, String name, double bound) {
        String text = ctx.queryParam(name);
        if (text == null) {
            throw ApiProblem.invalidParameter(name, "required");
        }
        if (!isPlainNumber(text)) {
            throw ApiProblem.invalidParameter(name, "'" + text + "' is not a number");
        }
        double value = Double.parseDouble(text.trim());
        if (!(value >= -bound && value <= bound)) {
            throw ApiProblem.invalidParameter(name, "must lie in [" + -bound + ", " + bound + "]");
        }
        return value;
    }
}
