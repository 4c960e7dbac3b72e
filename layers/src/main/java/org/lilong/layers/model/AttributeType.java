package org.lilong.layers.model;

import java.time.LocalDate;

/** The value types a layer attribute may have, with the Java type that carries each. */
public enum AttributeType {
    TEXT(String.class),
    INTEGER(Long.class),
    REAL(Double.class),
    /** A calendar date, carried as {@link LocalDate} and written as ISO 8601 (yyyy-MM-dd). */
    DATE(LocalDate.class),
    BOOLEAN(Boolean.class);

    private final Class<?> javaType;

    AttributeType(Class<?> javaType) {
        this.javaType = javaType;
    }

    public Class<?> javaType() {
        return javaType;
    }

    /**
     * Parses the text form of a value, as it arrives in a query string or a CSV cell.
     *
     * @throws IllegalArgumentException naming the expected type when the text does not parse
     */
    public Object parse(String text) {
        try {
            return switch (this) {
                case TEXT -> text;
                case INTEGER -> Long.valueOf(text.trim());
                case REAL -> Double.valueOf(text.trim());
                case DATE -> LocalDate.parse(text.trim());
                case BOOLEAN -> parseBoolean(text.trim());
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not " + describe());
        }
    }

    /** Converts a loosely typed value (an Integer, a String date, ...) to this type's Java type. */
    public Object coerce(Object value) {
        if (value == null || javaType.isInstance(value)) {
            return value;
        }
        if (this == INTEGER && value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        if (this == REAL && value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            return parse(s);
        }
        throw new IllegalArgumentException(value + " is not " + describe());
    }

    public String describe() {
        return switch (this) {
            case TEXT -> "text";
            case INTEGER -> "an integer";
            case REAL -> "a number";
            case DATE -> "a date (yyyy-MM-dd)";
            case BOOLEAN -> "true or false";
        };
    }

    private static Boolean parseBoolean(String text) {
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException(text);
    }
}
