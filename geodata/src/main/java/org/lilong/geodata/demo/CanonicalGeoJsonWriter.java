package org.lilong.geodata.demo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes a demo district as one canonical UTF-8 JSON document: {@code {"metadata": {...},
 * "layers": {"<layer id>": FeatureCollection, ...}}}. Metadata keys are sorted, layers come in
 * catalogue order, features in id order, properties in the layer's attribute order (absent values
 * left out), coordinates with at most {@value LocalProjection#DECIMALS} decimals, polygon rings
 * oriented as RFC 7946 asks. The same district always gives the same bytes.
 */
final class CanonicalGeoJsonWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private final LayerCatalogue catalogue;

    CanonicalGeoJsonWriter(LayerCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    void write(Map<String, String> metadata, Map<String, List<Feature>> layers, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeObjectFieldStart("metadata");
            for (Map.Entry<String, String> entry : new TreeMap<>(metadata).entrySet()) {
                json.writeStringField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeObjectFieldStart("layers");
            for (LayerDefinition layer : catalogue.layers()) {
                List<Feature> features = layers.get(layer.id());
                if (features == null) {
                    continue;
                }
                json.writeObjectFieldStart(layer.id());
                json.writeStringField("type", "FeatureCollection");
                json.writeArrayFieldStart("features");
                for (Feature feature : features) {
                    writeFeature(json, layer, feature);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static void writeFeature(JsonGenerator json, LayerDefinition layer, Feature feature) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "Feature");
        json.writeNumberField("id", feature.id());
        json.writeFieldName("geometry");
        writeGeometry(json, feature.geometry());
        json.writeObjectFieldStart("properties");
        for (AttributeDefinition attribute : layer.attributes()) {
            Object value = feature.get(attribute.name());
            if (value == null) {
                continue;
            }
            json.writeFieldName(attribute.name());
            if (value instanceof Long || value instanceof Integer) {
                json.writeNumber(((Number) value).longValue());
            } else if (value instanceof Double d) {
                json.writeNumber(BigDecimal.valueOf(d).toPlainString());
            } else if (value instanceof Boolean b) {
                json.writeBoolean(b);
            } else if (value instanceof LocalDate date) {
                json.writeString(date.toString());
            } else {
                json.writeString(value.toString());
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    static void writeGeometry(JsonGenerator json, Geometry geometry) throws IOException {
        json.writeStartObject();
        if (geometry instanceof Point point) {
            json.writeStringField("type", "Point");
            json.writeFieldName("coordinates");
            writePosition(json, point.getCoordinate());
        } else if (geometry instanceof LineString line) {
            json.writeStringField("type", "LineString");
            json.writeFieldName("coordinates");
            writePositions(json, line.getCoordinates());
        } else if (geometry instanceof Polygon polygon) {
            json.writeStringField("type", "Polygon");
            json.writeFieldName("coordinates");
            writeRings(json, polygon);
        } else if (geometry instanceof MultiPoint || geometry instanceof MultiLineString || geometry instanceof MultiPolygon) {
            json.writeStringField("type", geometry.getGeometryType());
            json.writeArrayFieldStart("coordinates");
            for (int k = 0; k < geometry.getNumGeometries(); k++) {
                Geometry part = geometry.getGeometryN(k);
                if (part instanceof Point point) {
                    writePosition(json, point.getCoordinate());
                } else if (part instanceof LineString line) {
                    writePositions(json, line.getCoordinates());
                } else {
                    writeRings(json, (Polygon) part);
                }
            }
            json.writeEndArray();
        } else {
            throw new IllegalArgumentException("cannot write " + geometry.getGeometryType());
        }
        json.writeEndObject();
    }

    /** Rings as RFC 7946 wants them: the exterior counter-clockwise, holes clockwise. */
    private static void writeRings(JsonGenerator json, Polygon polygon) throws IOException {
        json.writeStartArray();
        writePositions(json, oriented(polygon.getExteriorRing().getCoordinates(), true));
        for (int k = 0; k < polygon.getNumInteriorRing(); k++) {
            writePositions(json, oriented(polygon.getInteriorRingN(k).getCoordinates(), false));
        }
        json.writeEndArray();
    }

    private static Coordinate[] oriented(Coordinate[] ring, boolean counterClockwise) {
        if (ring.length < 4 || Orientation.isCCW(ring) == counterClockwise) {
            return ring;
        }
        Coordinate[] reversed = ring.clone();
        CoordinateArrays.reverse(reversed);
        return reversed;
    }

    private static void writePositions(JsonGenerator json, Coordinate[] coordinates) throws IOException {
        json.writeStartArray();
        for (Coordinate coordinate : coordinates) {
            writePosition(json, coordinate);
        }
        json.writeEndArray();
    }

    private static void writePosition(JsonGenerator json, Coordinate coordinate) throws IOException {
        json.writeStartArray();
        json.writeNumber(decimal(coordinate.x));
        json.writeNumber(decimal(coordinate.y));
        json.writeEndArray();
    }

    static String decimal(double degrees) {
        return BigDecimal.valueOf(degrees).setScale(LocalProjection.DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
