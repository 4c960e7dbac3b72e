package org.lilong.geodata.io.geojson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.time.LocalDate;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Streams JTS geometries and attribute values as RFC 7946 GeoJSON into a Jackson generator, with
 * no intermediate tree: the one GeoJSON writer of Lilong (API pages, exports, the demo's canonical
 * file). Exterior rings are written counter-clockwise and holes clockwise, reversing on the fly;
 * coordinates carry at most 7 decimals (about 1 cm in degrees).
 */
public final class GeoJsonGeometryWriter {

    private static final int DECIMALS = 7;
    private static final double SCALE = 1e7;
    /** Beyond this magnitude (or not finite) a coordinate goes to Jackson as a double. */
    private static final double FIXED_POINT_LIMIT = 1e11;
    /** The most characters of one position in the bulk path: "[" 2 × (sign, 12 digits, ".", 7 decimals) "," "],". */
    private static final int POSITION_CHARS = 48;

    private GeoJsonGeometryWriter() {
    }

    public static void writeGeometry(JsonGenerator out, Geometry geometry) throws IOException {
        out.writeStartObject();
        if (geometry instanceof Point point) {
            out.writeStringField("type", "Point");
            out.writeFieldName("coordinates");
            writePosition(out, point.getCoordinate());
        } else if (geometry instanceof LineString line) {
            out.writeStringField("type", "LineString");
            out.writeFieldName("coordinates");
            writePositions(out, line.getCoordinates(), false);
        } else if (geometry instanceof Polygon polygon) {
            out.writeStringField("type", "Polygon");
            out.writeFieldName("coordinates");
            writeRings(out, polygon);
        } else if (geometry instanceof MultiPoint || geometry instanceof MultiLineString || geometry instanceof MultiPolygon) {
            out.writeStringField("type", geometry.getGeometryType());
            out.writeArrayFieldStart("coordinates");
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                Geometry part = geometry.getGeometryN(i);
                if (part instanceof Point point) {
                    writePosition(out, point.getCoordinate());
                } else if (part instanceof LineString line) {
                    writePositions(out, line.getCoordinates(), false);
                } else {
                    writeRings(out, (Polygon) part);
                }
            }
            out.writeEndArray();
        } else if (geometry instanceof GeometryCollection collection) {
            out.writeStringField("type", "GeometryCollection");
            out.writeArrayFieldStart("geometries");
            for (int i = 0; i < collection.getNumGeometries(); i++) {
                writeGeometry(out, collection.getGeometryN(i));
            }
            out.writeEndArray();
        } else {
            throw new IllegalArgumentException("cannot write " + geometry.getGeometryType() + " as GeoJSON");
        }
        out.writeEndObject();
    }

    /** An attribute value: numbers and booleans as themselves, dates as ISO 8601, anything else as text. */
    public static void writeValue(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof Long l) {
            out.writeNumber(l);
        } else if (value instanceof Integer i) {
            out.writeNumber(i);
        } else if (value instanceof Double d) {
            out.writeNumber(d);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof LocalDate date) {
            out.writeString(date.toString());
        } else {
            out.writeString(value.toString());
        }
    }

    /**
     * Writes a coordinate with at most 7 decimals, trailing zeros dropped, half away from zero.
     * Formatting a scaled long is several times faster than {@code Double.toString}, which
     * dominated the cost of large pages, and the output is shorter.
     */
    public static void writeCoordinate(JsonGenerator out, double value) throws IOException {
        if (!isFixedPoint(value)) {
            out.writeNumber(value);
            return;
        }
        char[] buffer = new char[32];
        int end = format(value, buffer, 0);
        out.writeNumber(buffer, 0, end);
    }

    private static boolean isFixedPoint(double value) {
        return Double.isFinite(value) && Math.abs(value) <= FIXED_POINT_LIMIT;
    }

    /**
     * Formats a fixed-point coordinate (see {@link #writeCoordinate}) into {@code buffer} from
     * {@code position}; returns the position after it. The one formatting of both the per-number
     * and the bulk path, so they cannot drift apart.
     */
    private static int format(double value, char[] buffer, int position) {
        long rest = Math.round(Math.abs(value) * SCALE);
        if (value < 0 && rest != 0) {
            buffer[position++] = '-';
        }
        long whole = rest / (long) SCALE;
        // Below 10^7 in int arithmetic, which the JIT divides by 10 much faster than long.
        int fraction = (int) (rest - whole * (long) SCALE);
        if (whole < Integer.MAX_VALUE) {
            position = writeDigits((int) whole, buffer, position);
        } else {
            String digits = Long.toString(whole);
            digits.getChars(0, digits.length(), buffer, position);
            position += digits.length();
        }
        if (fraction == 0) {
            return position;
        }
        buffer[position] = '.';
        for (int i = position + DECIMALS; i > position; i--) {
            buffer[i] = (char) ('0' + fraction % 10);
            fraction /= 10;
        }
        position += DECIMALS;
        while (buffer[position] == '0') {
            position--;
        }
        return position + 1;
    }

    /** Writes a non-negative int in decimal; returns the position after it. */
    private static int writeDigits(int value, char[] buffer, int position) {
        int end = position + 1;
        for (int v = value / 10; v > 0; v /= 10) {
            end++;
        }
        for (int i = end - 1; i >= position; i--) {
            buffer[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return end;
    }

    private static void writeRings(JsonGenerator out, Polygon polygon) throws IOException {
        out.writeStartArray();
        Coordinate[] shell = polygon.getExteriorRing().getCoordinates();
        writePositions(out, shell, shell.length >= 4 && !Orientation.isCCW(shell));
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            Coordinate[] hole = polygon.getInteriorRingN(i).getCoordinates();
            writePositions(out, hole, hole.length >= 4 && Orientation.isCCW(hole));
        }
        out.writeEndArray();
    }

    private static void writePositions(JsonGenerator out, Coordinate[] coordinates, boolean reversed) throws IOException {
        if (canWriteInBulk(out, coordinates)) {
            writePositionsInBulk(out, coordinates, reversed);
            return;
        }
        out.writeStartArray();
        for (int i = 0; i < coordinates.length; i++) {
            writePosition(out, coordinates[reversed ? coordinates.length - 1 - i : i]);
        }
        out.writeEndArray();
    }

    /**
     * Whether the bulk path writes exactly what the per-number path would: no pretty printer (it would
     * space the arrays), numbers not quoted, and every coordinate in fixed point.
     */
    private static boolean canWriteInBulk(JsonGenerator out, Coordinate[] coordinates) {
        if (out.getPrettyPrinter() != null || out.isEnabled(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS.mappedFeature())) {
            return false;
        }
        for (Coordinate c : coordinates) {
            if (!isFixedPoint(c.getX()) || !isFixedPoint(c.getY())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The array of positions as one raw value: a ring of a polygon has thousands of numbers, and
     * handing each to Jackson separately (with its array start and end) cost more than formatting them.
     */
    private static void writePositionsInBulk(JsonGenerator out, Coordinate[] coordinates, boolean reversed)
            throws IOException {
        char[] text = new char[2 + POSITION_CHARS * coordinates.length];
        int position = 0;
        text[position++] = '[';
        for (int i = 0; i < coordinates.length; i++) {
            Coordinate coordinate = coordinates[reversed ? coordinates.length - 1 - i : i];
            if (i > 0) {
                text[position++] = ',';
            }
            text[position++] = '[';
            position = format(coordinate.getX(), text, position);
            text[position++] = ',';
            position = format(coordinate.getY(), text, position);
            text[position++] = ']';
        }
        text[position++] = ']';
        out.writeRawValue(text, 0, position);
    }

    private static void writePosition(JsonGenerator out, Coordinate coordinate) throws IOException {
        out.writeStartArray();
        writeCoordinate(out, coordinate.getX());
        writeCoordinate(out, coordinate.getY());
        out.writeEndArray();
    }
}
