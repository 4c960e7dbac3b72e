package org.lilong.geodata.demo;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lilong.geodata.io.geojson.GeoJsonGeometryWriter;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;

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
        GeoJsonGeometryWriter.writeGeometry(json, feature.geometry());
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
}
