package org.lilong.geodata.io.geojson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lilong.layers.spatial.GeometryFactories;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads one GeoJSON Feature from a request body (the editing API): its geometry, through the same
 * reader as imports so that every mistake is named the same way, and its properties as strings,
 * longs, doubles and booleans. Coordinates must be WGS84 longitude/latitude in range. A JSON
 * merge patch (RFC 7396) of a feature is read the same way, except that every member is optional and
 * a property set to null means "remove it".
 */
public final class GeoJsonFeatureReader {

    /**
     * A feature as the body gave it.
     *
     * @param id the body's "id" member as text, or null
     * @param geometry the geometry, or null when the member is absent (allowed only in a patch)
     * @param properties the properties; in a patch a null value asks for the attribute's removal
     * @param hasProperties whether the body had a "properties" object
     */
    public record Body(String id, Geometry geometry, Map<String, Object> properties, boolean hasProperties) {
    }

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build();

    private GeoJsonFeatureReader() {
    }

    /** @throws IllegalArgumentException saying what is wrong with the body */
    public static Body readFeature(byte[] body) {
        Body feature = read(body, false);
        if (feature.geometry() == null) {
            throw new IllegalArgumentException("the feature has no \"geometry\"");
        }
        return feature;
    }

    /** @throws IllegalArgumentException saying what is wrong with the patch */
    public static Body readPatch(byte[] body) {
        return read(body, true, "geometry");
    }

    /**
     * An object with a geometry under another name and optional properties, such as a grid split's
     * {@code {"line": …, "properties": …}}.
     *
     * @throws IllegalArgumentException saying what is wrong, or that the geometry member is missing
     */
    public static Body readWithGeometryMember(byte[] body, String geometryMember) {
        Body read = read(body, true, geometryMember);
        if (read.geometry() == null) {
            throw new IllegalArgumentException("the body has no \"" + geometryMember + "\"");
        }
        return read;
    }

    private static Body read(byte[] body, boolean patch) {
        return read(body, patch, "geometry");
    }

    private static Body read(byte[] body, boolean patch, String geometryMember) {
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the body must be a GeoJSON Feature object");
            }
            String type = null;
            String id = null;
            Geometry geometry = null;
            boolean geometryNull = false;
            Map<String, Object> properties = new LinkedHashMap<>();
            boolean hasProperties = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(geometryMember)) {
                    geometry = new GeoJsonGeometries(GeometryFactories.WGS84).read(parser);
                    geometryNull = geometry == null;
                    continue;
                }
                switch (name) {
                    case "type" -> type = value == JsonToken.VALUE_STRING ? parser.getText() : "";
                    case "id" -> id = value.isScalarValue() && value != JsonToken.VALUE_NULL ? parser.getText() : skip(parser, null);
                    case "properties" -> {
                        hasProperties = value == JsonToken.START_OBJECT;
                        if (value == JsonToken.START_OBJECT) {
                            readProperties(parser, properties, patch);
                        } else if (value != JsonToken.VALUE_NULL) {
                            throw new IllegalArgumentException("\"properties\" must be an object");
                        }
                    }
                    default -> skip(parser, null);
                }
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("the body holds more than one JSON value");
            }
            if (!patch && !"Feature".equals(type)) {
                throw new IllegalArgumentException("the body must be a GeoJSON Feature (\"type\": \"Feature\"), not "
                        + (type == null ? "an object without a type" : "'" + type + "'"));
            }
            if (geometryNull) {
                throw new IllegalArgumentException("the feature's \"geometry\" is null; every feature needs one");
            }
            if (geometry != null) {
                checkRange(geometry);
            }
            return new Body(id, geometry, properties, hasProperties);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("the body is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("the body could not be read: " + e.getMessage());
        }
    }

    private static void readProperties(JsonParser parser, Map<String, Object> properties, boolean patch) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            Object value = switch (token) {
                case VALUE_STRING -> parser.getText();
                case VALUE_NUMBER_INT -> parser.getLongValue();
                case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                default -> throw new IllegalArgumentException("property '" + name + "' must be a string, number, boolean or null");
            };
            if (value != null || patch) {
                properties.put(name, value);
            }
        }
    }

    private static String skip(JsonParser parser, String result) throws IOException {
        parser.skipChildren();
        return result;
    }

    private static void checkRange(Geometry geometry) {
        for (Coordinate c : geometry.getCoordinates()) {
            if (!(c.x >= -180 && c.x <= 180 && c.y >= -90 && c.y <= 90)) {
                throw new IllegalArgumentException("position (" + c.x + ", " + c.y
                        + ") is out of range: longitude must be within ±180 and latitude within ±90 (WGS84)");
            }
        }
    }
}
