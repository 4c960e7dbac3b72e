package org.lilong.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.lilong.geodata.io.geojson.GeoJsonGeometryWriter;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.Feature;
import org.locationtech.jts.geom.Geometry;

/**
 * Streams API features as RFC 7946 GeoJSON straight into a Jackson generator, without building a
 * tree: the items route writes thousands of features per request. Geometry and values go through
 * geodata's {@link GeoJsonGeometryWriter}, the one GeoJSON writer of Lilong.
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
        writeFeatureFields(out, feature, feature.geometry(), attributes);
    }

    /**
     * Writes the feature's fields with another geometry than its stored one: the same geometry in
     * the output CRS of the request ({@link ApiCrs#fromWgs84}).
     *
     * @param attributes the attributes to write, or null for all the feature has
     */
    static void writeFeatureFields(JsonGenerator out, Feature feature, Geometry geometry, List<AttributeDefinition> attributes)
            throws IOException {
        out.writeStringField("type", "Feature");
        out.writeNumberField("id", feature.id());
        out.writeFieldName("geometry");
        GeoJsonGeometryWriter.writeGeometry(out, geometry);
        out.writeObjectFieldStart("properties");
        if (attributes == null) {
            for (Map.Entry<String, Object> property : feature.properties().entrySet()) {
                out.writeFieldName(property.getKey());
                GeoJsonGeometryWriter.writeValue(out, property.getValue());
            }
        } else {
            for (AttributeDefinition attribute : attributes) {
                Object value = feature.get(attribute.name());
                if (value != null) {
                    out.writeFieldName(attribute.name());
                    GeoJsonGeometryWriter.writeValue(out, value);
                }
            }
        }
        out.writeEndObject();
    }
}
