package org.lilong.geodata.io.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.lilong.geodata.io.geojson.GeoJsonGeometryWriter;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerDefinition;

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
        GeoJsonGeometryWriter.writeGeometry(out, feature.geometry());
        out.writeObjectFieldStart("properties");
        for (AttributeDefinition attribute : attributes) {
            out.writeFieldName(attribute.name());
            GeoJsonGeometryWriter.writeValue(out, feature.get(attribute.name()));
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
}
