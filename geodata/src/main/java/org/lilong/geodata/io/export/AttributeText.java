package org.lilong.geodata.io.export;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The one text form of an attribute value, used wherever a value becomes text outside JSON: CSV
 * cells and the checksums of {@code lilong copy}. Integers in decimal, reals in plain decimal
 * notation without an exponent (the shortest that reads back as the same double), dates as ISO
 * 8601, booleans as true/false, text as it is; null stays null.
 */
public final class AttributeText {

    private AttributeText() {
    }

    public static String format(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d) {
            return formatReal(d);
        }
        if (value instanceof Float f) {
            return formatReal(f.doubleValue());
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        return value.toString();
    }

    static String formatReal(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).toPlainString();
    }
}
