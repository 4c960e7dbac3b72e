package org.lilong.geodata.io.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerDefinition;
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
 * An RFC 7946 FeatureCollection, streamed with Jackson: {@code {"type": "FeatureCollection",
 * "name": <layer id>, "features": [...]}}. Every feature carries every exported attribute (null when
 * absent), so that readers see the same fields throughout; exterior rings are counter-clockwise and
 * holes clockwise, as RFC 7946 asks. In a CRS other than WGS84 the document adds the pre-RFC
 * {@code "crs"} member naming it ({@code urn:ogc:def:crs:EPSG::4549}), which GDAL and QGIS honour;
 * such a file is GeoJSON 2008 rather than RFC 7946, which allows WGS84 only. "name" is GDAL's
 * layer-name convention.
 */
public final class GeoJsonSink implements FeatureSink {

    private static final JsonFactory JSON = new JsonFactory();

    private final OutputStream target;
    private final ExportOptions options;
    private JsonGenerator out;
    private List<AttributeDefinition> attributes;

    /** @param target not closed by the sink */
    public GeoJsonSink(OutputStream target, ExportOptions options) {
        this.target = target;
        this.options = options;
    }

    @Override
    public void begin(LayerDefinition layer, List<AttributeDefinition> attributes) throws IOException {
        this.attributes = List.copyOf(attributes);
        out = JSON.createGenerator(target, JsonEncoding.UTF8);
        out.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        out.writeStartObject();
        out.writeStringField("type", "FeatureCollection");
        out.writeStringField("name", layer.id());
        if (!options.crs().isWgs84()) {
            out.writeObjectFieldStart("crs");
            out.writeStringField("type", "name");
            out.writeObjectFieldStart("properties");
            out.writeStringField("name", urn(options.crs()));
            out.writeEndObject();
            out.writeEndObject();
        }
        out.writeArrayFieldStart("features");
    }

    private static String urn(OutputCrs crs) {
        return crs.epsg().map(n -> "urn:ogc:def:crs:EPSG::" + n).orElse(crs.code());
    }

    @Override
    public void write(Feature feature) throws IOException {
        out.writeStartObject();
        out.writeStringField("type", "Feature");
        out.writeNumberField("id", feature.id());
        out.writeFieldName("geometry");
        writeGeometry(out, feature.geometry());
        out.writeObjectFieldStart("properties");
        for (AttributeDefinition attribute : attributes) {
            out.writeFieldName(attribute.name());
            writeValue(out, feature.get(attribute.name()));
        }
        out.writeEndObject();
        out.writeEndObject();
    }

    @Override
    public void finish() throws IOException {
        out.writeEndArray();
        out.writeEndObject();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    static void writeValue(JsonGenerator out, Object value) throws IOException {
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

    /** Writes a geometry object, polygon rings oriented as RFC 7946 asks. */
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

    private static void writeRings(JsonGenerator out, Polygon polygon) throws IOException {
        out.writeStartArray();
        Coordinate[] shell = polygon.getExteriorRing().getCoordinates();
        writePositions(out, shell, !Orientation.isCCW(shell));
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            Coordinate[] hole = polygon.getInteriorRingN(i).getCoordinates();
            writePositions(out, hole, Orientation.isCCW(hole));
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
        out.writeNumber(coordinate.getX());
        out.writeNumber(coordinate.getY());
        out.writeEndArray();
    }
}
