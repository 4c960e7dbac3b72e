package org.lilong.geodata.io.geojson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads GeoJSON geometry objects straight from the token stream into JTS geometries. Written out
 * rather than handed to jts-io's GeoJsonReader so that each mistake gets a message a person can act
 * on, and without a Jackson tree in between: building one, a node for every number, took a fifth
 * of an import's time.
 *
 * <p>A geometry is parsed in two steps: its members are read whole (GeoJSON allows "coordinates"
 * before "type"), then built. So a geometry that cannot be built has still been consumed, and
 * the parser stands on its end, ready for the rest of the feature.
 */
final class GeoJsonGeometries {

    private final GeometryFactory factory;

    GeoJsonGeometries(GeometryFactory factory) {
        this.factory = factory;
    }

    /**
     * Reads the geometry value the parser stands on, leaving it on the value's last token.
     *
     * @return the geometry, or null for a JSON null
     * @throws IllegalArgumentException saying what is wrong with the geometry
     */
    Geometry read(JsonParser parser) throws IOException {
        return build(members(parser));
    }

    /** The members of a geometry object as parsed, before they are checked. */
    private record Members(boolean isNull, boolean isObject, String type, Object coordinates, List<Members> geometries) {
    }

    /**
     * A JSON value where numbers or arrays were expected, as its text for messages: an array that
     * holds something else, or no array at all.
     */
    private record NotCoordinates(String text, boolean isArray) {
        @Override
        public String toString() {
            return text;
        }
    }

    private static Members members(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return new Members(true, false, "", null, null);
        }
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return new Members(false, false, "", null, null);
        }
        String type = "";
        Object coordinates = null;
        List<Members> geometries = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "type" -> {
                    type = value.isScalarValue() ? parser.getValueAsString("") : "";
                    parser.skipChildren();
                }
                case "coordinates" -> coordinates = coordinates(parser);
                case "geometries" -> {
                    if (value == JsonToken.START_ARRAY) {
                        geometries = new ArrayList<>();
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            geometries.add(members(parser));
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
                default -> parser.skipChildren();
            }
        }
        return new Members(false, true, type, coordinates, geometries);
    }

    /**
     * Coordinates as parsed: a double[] for an array that starts with numbers (a position; what
     * follows its first two numbers is not checked), a List for any other array, and
     * {@link NotCoordinates} for any other value.
     */
    private static Object coordinates(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.START_ARRAY) {
            return notCoordinates(parser);
        }
        token = parser.nextToken();
        if (token.isNumeric()) {
            return position(parser);
        }
        List<Object> items = new ArrayList<>();
        for (; token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            items.add(coordinates(parser));
        }
        return items;
    }

    /** The numbers of an array whose first element the parser stands on, through its end. */
    private static Object position(JsonParser parser) throws IOException {
        double[] numbers = new double[2];
        int count = 0;
        StringBuilder mistake = null; // the array's text, once it holds something other than a number
        for (JsonToken token = parser.currentToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (mistake != null) {
                mistake.append(',').append(notCoordinates(parser));
            } else if (count == 2) {
                parser.skipChildren(); // a z or m value, or what GeoJSON leaves to the writer
            } else if (token.isNumeric()) {
                numbers[count++] = parser.getDoubleValue();
            } else {
                mistake = new StringBuilder("[");
                for (int i = 0; i < count; i++) {
                    mistake.append(format(numbers[i])).append(',');
                }
                mistake.append(notCoordinates(parser));
            }
        }
        if (mistake != null) {
            return new NotCoordinates(mistake.append(']').toString(), true);
        }
        return count == 2 ? numbers : new NotCoordinates("[" + format(numbers[0]) + "]", true);
    }

    private static NotCoordinates notCoordinates(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token.isScalarValue()) {
            return new NotCoordinates(token == JsonToken.VALUE_STRING ? '"' + parser.getText() + '"' : parser.getText(), false);
        }
        return new NotCoordinates(JsonText.of(parser), false);
    }

    private Geometry build(Members members) {
        if (members.isNull()) {
            return null;
        }
        if (!members.isObject()) {
            throw new IllegalArgumentException("geometry is not an object");
        }
        String type = members.type();
        if (type.equals("GeometryCollection")) {
            if (members.geometries() == null) {
                throw new IllegalArgumentException("GeometryCollection has no \"geometries\" array");
            }
            Geometry[] parts = new Geometry[members.geometries().size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = build(members.geometries().get(i));
            }
            return factory.createGeometryCollection(parts);
        }
        Object c = members.coordinates();
        if (c == null || c instanceof NotCoordinates value && !value.isArray()) {
            throw new IllegalArgumentException(type.isEmpty() ? "geometry has no \"type\"" : type + " has no \"coordinates\" array");
        }
        return switch (type) {
            case "Point" -> c instanceof List<?> empty && empty.isEmpty() ? factory.createPoint() : factory.createPoint(position(c));
            case "MultiPoint" -> {
                List<?> items = items(c, "positions");
                Point[] points = new Point[items.size()];
                for (int i = 0; i < points.length; i++) {
                    points[i] = factory.createPoint(position(items.get(i)));
                }
                yield factory.createMultiPoint(points);
            }
            case "LineString" -> lineString(c);
            case "MultiLineString" -> {
                List<?> items = items(c, "lines");
                LineString[] lines = new LineString[items.size()];
                for (int i = 0; i < lines.length; i++) {
                    lines[i] = lineString(items.get(i));
                }
                yield factory.createMultiLineString(lines);
            }
            case "Polygon" -> polygon(c);
            case "MultiPolygon" -> {
                List<?> items = items(c, "polygons");
                Polygon[] polygons = new Polygon[items.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(items.get(i));
                }
                yield factory.createMultiPolygon(polygons);
            }
            default -> throw new IllegalArgumentException("unknown geometry type '" + type + "'");
        };
    }

    /** The members of an array of arrays. */
    private static List<?> items(Object coordinates, String what) {
        if (coordinates instanceof List<?> items) {
            return items;
        }
        if (coordinates instanceof double[] numbers) {
            // Numbers where positions were expected: the first number is the first position that is not one.
            throw new IllegalArgumentException("a position must be an array of at least two numbers, not " + format(numbers[0]));
        }
        throw new IllegalArgumentException(what + " are not an array");
    }

    private LineString lineString(Object positions) {
        Coordinate[] coordinates = positions(positions);
        if (coordinates.length == 1) {
            throw new IllegalArgumentException("a LineString needs at least 2 positions, not 1");
        }
        return factory.createLineString(coordinates);
    }

    private Polygon polygon(Object coordinates) {
        List<?> rings = items(coordinates, "polygon rings");
        if (rings.isEmpty()) {
            return factory.createPolygon();
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return factory.createPolygon(shell, holes);
    }

    private LinearRing ring(Object positions) {
        Coordinate[] coordinates = positions(positions);
        if (coordinates.length > 0 && !coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw new IllegalArgumentException("a polygon ring is not closed (its first and last positions differ)");
        }
        if (coordinates.length > 0 && coordinates.length < 4) {
            throw new IllegalArgumentException("a polygon ring needs at least 4 positions, not " + coordinates.length);
        }
        return factory.createLinearRing(coordinates);
    }

    private static Coordinate[] positions(Object positions) {
        List<?> items = items(positions, "positions");
        Coordinate[] coordinates = new Coordinate[items.size()];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = position(items.get(i));
        }
        return coordinates;
    }

    private static Coordinate position(Object position) {
        if (!(position instanceof double[] xy)) {
            throw new IllegalArgumentException("a position must be an array of at least two numbers, not " + abbreviate(text(position)));
        }
        return new Coordinate(xy[0], xy[1]);
    }

    private static String text(Object coordinates) {
        if (coordinates instanceof List<?> items) {
            return items.stream().map(GeoJsonGeometries::text).collect(Collectors.joining(",", "[", "]"));
        }
        if (coordinates instanceof double[] numbers) {
            return Arrays.stream(numbers).mapToObj(GeoJsonGeometries::format).collect(Collectors.joining(",", "[", "]"));
        }
        return coordinates.toString();
    }

    private static String format(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15 ? Long.toString((long) number) : Double.toString(number);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }
}
