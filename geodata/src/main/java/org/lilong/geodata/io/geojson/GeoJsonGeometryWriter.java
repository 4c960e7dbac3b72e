package org.lilong.geodata.io.geojson;

import com.fasterxml.jackson.core.JsonGenerator;
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
        if (!Double.isFinite(value) || Math.abs(value) > 1e11) {
            out.writeNumber(value);
            return;
        }
        boolean negative = value < 0;
        long rest = Math.round(Math.abs(value) * SCALE);
        long fraction = rest % (long) SCALE;
        long whole = rest / (long) SCALE;
        int digits = DECIMALS;
        while (digits > 0 && fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        char[] buffer = new char[32];
        int position = buffer.length;
        if (digits > 0) {
            for (int i = 0; i < digits; i++) {
                buffer[--position] = (char) ('0' + fraction % 10);
                fraction /= 10;
            }
            buffer[--position] = '.';
        }
        do {
            buffer[--position] = (char) ('0' + whole % 10);
            whole /= 10;
        } while (whole > 0);
        if (negative && rest != 0) {
            buffer[--position] = '-';
        }
        out.writeNumber(buffer, position, buffer.length - position);
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
        out.writeStartArray();
        for (int i = 0; i < coordinates.length; i++) {
            writePosition(out, coordinates[reversed ? coordinates.length - 1 - i : i]);
        }
        out.writeEndArray();
    }

    private static void writePosition(JsonGenerator out, Coordinate coordinate) throws IOException {
        out.writeStartArray();
        writeCoordinate(out, coordinate.getX());
        writeCoordinate(out, coordinate.getY());
        out.writeEndArray();
    }
}
