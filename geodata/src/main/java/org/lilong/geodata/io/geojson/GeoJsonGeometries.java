package org.lilong.geodata.io.geojson;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Builds JTS geometries from GeoJSON geometry objects already parsed into a Jackson tree. Written out
 * rather than handed to jts-io's GeoJsonReader so that each mistake gets a message a person can act
 * on, and the tree need not be printed and parsed again.
 */
final class GeoJsonGeometries {

    private final GeometryFactory factory;

    GeoJsonGeometries(GeometryFactory factory) {
        this.factory = factory;
    }

    /** @throws IllegalArgumentException saying what is wrong with the geometry */
    Geometry read(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("geometry is not an object");
        }
        String type = node.path("type").asText("");
        if (type.equals("GeometryCollection")) {
            JsonNode members = node.path("geometries");
            if (!members.isArray()) {
                throw new IllegalArgumentException("GeometryCollection has no \"geometries\" array");
            }
            Geometry[] parts = new Geometry[members.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = read(members.get(i));
            }
            return factory.createGeometryCollection(parts);
        }
        JsonNode c = node.get("coordinates");
        if (c == null || !c.isArray()) {
            throw new IllegalArgumentException(type.isEmpty() ? "geometry has no \"type\"" : type + " has no \"coordinates\" array");
        }
        return switch (type) {
            case "Point" -> c.isEmpty() ? factory.createPoint() : factory.createPoint(position(c));
            case "MultiPoint" -> {
                Point[] points = new Point[c.size()];
                for (int i = 0; i < points.length; i++) {
                    points[i] = factory.createPoint(position(c.get(i)));
                }
                yield factory.createMultiPoint(points);
            }
            case "LineString" -> lineString(c);
            case "MultiLineString" -> {
                LineString[] lines = new LineString[c.size()];
                for (int i = 0; i < lines.length; i++) {
                    lines[i] = lineString(c.get(i));
                }
                yield factory.createMultiLineString(lines);
            }
            case "Polygon" -> polygon(c);
            case "MultiPolygon" -> {
                Polygon[] polygons = new Polygon[c.size()];
                for (int i = 0; i < polygons.length; i++) {
                    polygons[i] = polygon(c.get(i));
                }
                yield factory.createMultiPolygon(polygons);
            }
            default -> throw new IllegalArgumentException("unknown geometry type '" + type + "'");
        };
    }

    private LineString lineString(JsonNode positions) {
        Coordinate[] coordinates = positions(positions);
        if (coordinates.length == 1) {
            throw new IllegalArgumentException("a LineString needs at least 2 positions, not 1");
        }
        return factory.createLineString(coordinates);
    }

    private Polygon polygon(JsonNode rings) {
        if (!rings.isArray()) {
            throw new IllegalArgumentException("polygon rings are not an array");
        }
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

    private LinearRing ring(JsonNode positions) {
        Coordinate[] coordinates = positions(positions);
        if (coordinates.length > 0 && !coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw new IllegalArgumentException("a polygon ring is not closed (its first and last positions differ)");
        }
        if (coordinates.length > 0 && coordinates.length < 4) {
            throw new IllegalArgumentException("a polygon ring needs at least 4 positions, not " + coordinates.length);
        }
        return factory.createLinearRing(coordinates);
    }

    private Coordinate[] positions(JsonNode positions) {
        if (!positions.isArray()) {
            throw new IllegalArgumentException("positions are not an array");
        }
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = position(positions.get(i));
        }
        return coordinates;
    }

    private static Coordinate position(JsonNode position) {
        if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            throw new IllegalArgumentException("a position must be an array of at least two numbers, not " + abbreviate(position));
        }
        return new Coordinate(position.get(0).asDouble(), position.get(1).asDouble());
    }

    static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }
}
