package org.lilong.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.model.TemporalProperty;
import org.locationtech.jts.geom.Envelope;

/** The JSON description of one collection, shared by {@code /collections} and {@code /collections/{id}}. */
final class CollectionDocument {

    static final String CRS84 = ApiCrs.CRS84.uri();

    private CollectionDocument() {
    }

    static void write(ObjectNode node, Atlas atlas, LayerDefinition layer, String base) {
        node.put("id", layer.id());
        node.put("title", layer.titleZh() + " " + layer.titleEn());
        node.put("description", layer.descriptionZh() + " — " + layer.descriptionEn());
        node.put("titleZh", layer.titleZh());
        node.put("titleEn", layer.titleEn());
        node.put("itemType", "feature");
        node.put("geometryType", layer.geometryType().geoJsonName());
        String attribution = atlas.metadata().get("attribution." + layer.id());
        if (attribution != null) {
            node.put("attribution", attribution);
        }
        // OGC API – Features Part 2: every CRS the items can be asked in, and the one they are stored in.
        ApiCrs.uris().forEach(node.putArray("crs")::add);
        node.put("storageCrs", ApiCrs.CRS84.uri());
        ObjectNode extent = node.putObject("extent");
        Envelope box = atlas.index(layer.id()).extent();
        if (!box.isNull()) {
            ObjectNode spatial = extent.putObject("spatial");
            ArrayNode bbox = spatial.putArray("bbox").addArray();
            bbox.add(box.getMinX()).add(box.getMinY()).add(box.getMaxX()).add(box.getMaxY());
            spatial.put("crs", CRS84);
        }
        if (layer.temporal() != null) {
            writeTemporalExtent(extent, layer.temporal(), atlas.index(layer.id()).all());
        }
        String items = base + "/collections/" + layer.id() + "/items";
        Link.addAll(node.putArray("links"), List.of(
                new Link(base + "/collections/" + layer.id() + "?f=json", "self", "application/json", "this collection"),
                new Link(base + "/collections/" + layer.id() + "?f=html", "alternate", "text/html", "this collection as HTML"),
                new Link(items + "?f=json", "items", "application/geo+json", "features (GeoJSON)"),
                new Link(items + "?f=html", "items", "text/html", "features (HTML)")));
    }

    private static void writeTemporalExtent(ObjectNode extent, TemporalProperty temporal, List<Feature> features) {
        LocalDate first = null;
        LocalDate last = null;
        boolean open = false;
        for (Feature feature : features) {
            LocalDate start = (LocalDate) feature.get(temporal.start());
            LocalDate end = temporal.end() == null ? start : (LocalDate) feature.get(temporal.end());
            if (start != null && (first == null || start.isBefore(first))) {
                first = start;
            }
            if (end == null) {
                open = true;
            } else if (last == null || end.isAfter(last)) {
                last = end;
            }
        }
        ArrayNode interval = extent.putObject("temporal").putArray("interval").addArray();
        if (first == null) {
            interval.addNull();
        } else {
            interval.add(first + "T00:00:00Z");
        }
        if (open || last == null) {
            interval.addNull();
        } else {
            interval.add(last + "T23:59:59Z");
        }
    }
}
