package org.lilong.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.Feature;
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
 * Streams features as RFC 7946 GeoJSON straight into a Jackson generator, without building a tree:
 * the items route writes thousands of features per request. Polygon rings are written as stored.
 */
public final class GeoJsonWriter {

    private GeoJsonWriter() {
    }

    /** Writes the feature's fields; the caller may add more (links) before closing the object. */
    public static void writeFeatureFields(JsonGenerator out, Feature feature) throws IOException {
        writeFeatureFields(out, feature, null);
    }

    /**
     * Writes the feature's fields with only the given attributes (in their order), so that callers
     * filter by visibility without copying every feature.
     *
     * @param attributes the attributes to write, or null for all the feature has
     */
    public static void writeFeatureFields(JsonGenerator out, Feature feature, List<AttributeDefinition> attributes) throws IOException {
        out.writeStringField("type", "Feature");
        out.writeNumberField("id", feature.id());
        out.writeFieldName("geometry");
        writeGeometry(out, feature.geometry());
        out.writeObjectFieldStart("properties");
        if (attributes == null) {
            for (Map.Entry<String, Object> property : feature.properties().entrySet()) {
                out.writeFieldName(property.getKey());
                writeValue(out, property.getValue());
            }
        } else {
            for (AttributeDefinition attribute : attributes) {
                Object value = feature.get(attribute.name());
                if (value != null) {
                    out.writeFieldName(attribute.name());
                    writeValue(out, value);
                }
            }
        }
        out.writeEndObject();
    }

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

    public static void writeGeometry(JsonGenerator out, Geometry geometry) throws IOException {
        out.writeStartObject();
        if (geometry instanceof Point point) {
            out.writeStringField("type", "Point");
            out.writeFieldName("coordinates");
            writePosition(out, point.getCoordinate());
        } else if (geometry instanceof LineString line) {
            out.writeStringField("type", "LineString");
            out.writeFieldName("coordinates");
            writePositions(out, line.getCoordinates());
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
                    writePositions(out, line.getCoordinates());
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

    private static void writeRings(JsonGenerator out, Polygon polygon) throws IOException {
        out.writeStartArray();
        writePositions(out, polygon.getExteriorRing().getCoordinates());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            writePositions(out, polygon.getInteriorRingN(i).getCoordinates());
        }
        out.writeEndArray();
    }

    private static void writePositions(JsonGenerator out, Coordinate[] coordinates) throws IOException {
        out.writeStartArray();
        for (Coordinate coordinate : coordinates) {
            writePosition(out, coordinate);
        }
        out.writeEndArray();
    }

    private static void writePosition(JsonGenerator out, Coordinate coordinate) throws IOException {
        out.writeStartArray();
        writeDegrees(out, coordinate.getX());
        writeDegrees(out, coordinate.getY());
        out.writeEndArray();
    }

    /**
     * Writes degrees with at most 7 decimals (about 1 cm), trailing zeros dropped. Formatting a
     * scaled long is several times faster than {@code Double.toString}, which dominated the cost of
     * large pages, and the output is shorter.
     */
    static void writeDegrees(JsonGenerator out, double degrees) throws IOException {
        if (!Double.isFinite(degrees) || Math.abs(degrees) > 1e9) {
            out.writeNumber(degrees);
            return;
        }
        long scaled = Math.round(degrees * 1e7);
        char[] buffer = new char[24];
        int end = buffer.length;
        boolean negative = scaled < 0;
        long rest = Math.abs(scaled);
        long fraction = rest % 10_000_000L;
        long whole = rest / 10_000_000L;
        int digits = 7;
        while (digits > 0 && fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        int position = end;
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
        if (negative) {
            buffer[--position] = '-';
        }
        out.writeNumber(buffer, position, end - position);
    }
}
