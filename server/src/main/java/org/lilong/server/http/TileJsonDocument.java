package org.lilong.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.tiles.TileCrs;
import org.lilong.layers.tiles.TileZoomRange;
import org.lilong.layers.tiles.WebMercator;
import org.locationtech.jts.geom.Envelope;

/**
 * TileJSON 3.0.0 for one layer or several combined: absolute tile URL template, zoom range,
 * bounds (WGS84), centre, attribution from the dataset metadata ({@code attribution.<layer>}) and
 * {@code vector_layers} listing only the fields the audience may see.
 */
final class TileJsonDocument {

    private final Atlas atlas;
    private final JsonAnswer answer;

    TileJsonDocument(Atlas atlas, JsonFactory json) {
        this.atlas = atlas;
        this.answer = new JsonAnswer(json);
    }

    void sendLayer(Context ctx, LayerDefinition layer, TileCrs crs) {
        String template = Link.base(ctx) + "/collections/" + layer.id() + "/tiles/{z}/{x}/{y}.mvt" + query(crs, null);
        send(ctx, layer.id(), List.of(layer.id()), template);
    }

    void send(Context ctx, List<String> layerIds, TileCrs crs, boolean subset) {
        String template = Link.base(ctx) + "/tiles/{z}/{x}/{y}.mvt" + query(crs, subset ? String.join(",", layerIds) : null);
        send(ctx, "lilong", layerIds, template);
    }

    private void send(Context ctx, String name, List<String> layerIds, String template) {
        var audience = RequestAudience.of(ctx);
        Envelope bounds = new Envelope();
        int minZoom = Integer.MAX_VALUE;
        int maxZoom = 0;
        Set<String> attributions = new LinkedHashSet<>();
        for (String id : layerIds) {
            bounds.expandToInclude(atlas.index(id).extent());
            TileZoomRange range = TileZoomRange.of(id);
            minZoom = Math.min(minZoom, range.minZoom());
            maxZoom = Math.max(maxZoom, range.maxZoom());
            String attribution = atlas.metadata().get("attribution." + id);
            if (attribution != null && !attribution.isBlank()) {
                attributions.add(attribution);
            }
        }
        if (bounds.isNull()) {
            bounds = new Envelope(-180, 180, -WebMercator.MAX_LATITUDE, WebMercator.MAX_LATITUDE);
        }
        int lowest = layerIds.isEmpty() ? 0 : minZoom;
        int highest = layerIds.isEmpty() ? 0 : maxZoom;
        Envelope box = bounds;
        answer.send(ctx, "application/json", out -> {
            out.writeStartObject();
            out.writeStringField("tilejson", "3.0.0");
            out.writeStringField("name", name);
            out.writeStringField("scheme", "xyz");
            out.writeArrayFieldStart("tiles");
            out.writeString(template);
            out.writeEndArray();
            out.writeNumberField("minzoom", lowest);
            out.writeNumberField("maxzoom", highest);
            out.writeArrayFieldStart("bounds");
            for (double v : new double[] {box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY()}) {
                out.writeNumber(v);
            }
            out.writeEndArray();
            out.writeArrayFieldStart("center");
            out.writeNumber(box.centre().x);
            out.writeNumber(box.centre().y);
            out.writeNumber(Math.min(highest, Math.max(lowest, 14)));
            out.writeEndArray();
            out.writeStringField("attribution", String.join("; ", attributions));
            out.writeArrayFieldStart("vector_layers");
            for (String id : layerIds) {
                writeLayer(out, atlas.layer(id), audience);
            }
            out.writeEndArray();
            out.writeEndObject();
        });
    }

    private static void writeLayer(JsonGenerator out, LayerDefinition layer, org.lilong.layers.model.Visibility audience)
            throws IOException {
        TileZoomRange range = TileZoomRange.of(layer.id());
        out.writeStartObject();
        out.writeStringField("id", layer.id());
        out.writeObjectFieldStart("fields");
        for (AttributeDefinition attribute : layer.attributesVisibleTo(audience)) {
            out.writeStringField(attribute.name(), switch (attribute.type()) {
                case INTEGER, REAL -> "Number";
                case BOOLEAN -> "Boolean";
                case TEXT, DATE -> "String";
            });
        }
        out.writeEndObject();
        out.writeNumberField("minzoom", range.minZoom());
        out.writeNumberField("maxzoom", range.maxZoom());
        out.writeStringField("description", layer.titleZh() + " " + layer.titleEn()
                + (layer.descriptionEn() == null || layer.descriptionEn().isBlank() ? "" : ": " + layer.descriptionEn()));
        out.writeEndObject();
    }

    private static String query(TileCrs crs, String layers) {
        StringBuilder query = new StringBuilder();
        if (layers != null) {
            query.append("?layers=").append(URLEncoder.encode(layers, StandardCharsets.UTF_8));
        }
        if (!crs.equals(TileCrs.WGS84)) {
            query.append(query.length() == 0 ? '?' : '&').append("crs=").append(crs.id());
        }
        return query.toString();
    }
}
