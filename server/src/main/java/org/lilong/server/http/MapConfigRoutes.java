package org.lilong.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.GridLevel;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.model.RenovationStage;
import org.lilong.layers.standard.FacilityCategory;
import org.lilong.layers.standard.LifeCircleProfile;
import org.lilong.layers.tiles.TileService;
import org.lilong.layers.tiles.TileZoomRange;
import org.lilong.server.config.Basemap;
import org.lilong.server.config.ServerConfig;
import org.locationtech.jts.geom.Envelope;

/** {@code /map-config}: what the map page needs to draw and label the layers, in one request. */
public final class MapConfigRoutes {

    private final Atlas atlas;
    private final ServerConfig config;
    private final LifeCircleProfile profile;
    private final ObjectMapper json;

    public MapConfigRoutes(Atlas atlas, ServerConfig config, LifeCircleProfile profile, ObjectMapper json) {
        this.atlas = atlas;
        this.config = config;
        this.profile = profile;
        this.json = json;
    }

    public void register(JavalinConfig javalin) {
        javalin.routes.get("/map-config", this::mapConfig);
    }

    private void mapConfig(Context ctx) {
        Map<String, String> metadata = atlas.metadata();
        ObjectNode body = json.createObjectNode();
        ObjectNode dataset = body.putObject("dataset");
        dataset.put("title", metadata.getOrDefault("dataset.title", "Lilong"));
        dataset.put("synthetic", "true".equals(metadata.get("dataset.synthetic")));
        dataset.put("description", metadata.getOrDefault("dataset.description", ""));
        ArrayNode basemaps = body.putArray("basemaps");
        for (Basemap basemap : config.basemaps()) {
            ObjectNode node = basemaps.addObject();
            node.put("id", basemap.id());
            node.put("name", basemap.name());
            node.put("url", basemap.urlTemplate());
            node.put("attribution", basemap.attribution());
            node.put("maxZoom", basemap.maxZoom());
            node.put("crs", basemap.crs());
            node.put("subdomains", basemap.subdomains());
            node.put("osm", basemap.osm());
        }
        body.put("defaultBasemap", config.defaultBasemap());
        ObjectNode tiles = body.putObject("tiles");
        tiles.put("template", "/tiles/{z}/{x}/{y}.mvt");
        TileService.PAGE_LAYERS.forEach(tiles.putArray("layers")::add);
        ArrayNode layers = body.putArray("layers");
        ObjectNode attributes = body.putObject("attributes");
        for (LayerDefinition layer : atlas.catalogue().layers()) {
            ObjectNode node = layers.addObject();
            node.put("id", layer.id());
            node.put("titleZh", layer.titleZh());
            node.put("titleEn", layer.titleEn());
            node.put("geometryType", layer.geometryType().geoJsonName());
            node.put("base", layer.base());
            String attribution = metadata.getOrDefault("attribution." + layer.id(), "");
            node.put("attribution", attribution);
            node.put("osmDerived", attribution.contains("OpenStreetMap"));
            TileZoomRange tileZooms = TileZoomRange.of(layer.id());
            node.putObject("tiles").put("minzoom", tileZooms.minZoom()).put("maxzoom", tileZooms.maxZoom());
            Envelope extent = atlas.index(layer.id()).extent();
            if (extent.isNull()) {
                node.putNull("extent");
            } else {
                node.putArray("extent").add(extent.getMinX()).add(extent.getMinY()).add(extent.getMaxX()).add(extent.getMaxY());
            }
            ArrayNode titles = attributes.putArray(layer.id());
            for (AttributeDefinition attribute : layer.attributesVisibleTo(RequestAudience.of(ctx))) {
                titles.addObject().put("name", attribute.name()).put("titleZh", attribute.titleZh()).put("titleEn", attribute.titleEn());
            }
        }
        ArrayNode categories = body.putArray("categories");
        for (FacilityCategory category : profile.categories()) {
            categories.addObject().put("id", category.id()).put("nameZh", category.nameZh()).put("nameEn", category.nameEn());
        }
        ArrayNode levels = body.putArray("gridLevels");
        for (GridLevel level : GridLevel.values()) {
            levels.addObject().put("code", level.code()).put("titleZh", level.titleZh()).put("titleEn", level.titleEn());
        }
        ArrayNode stages = body.putArray("stages");
        for (RenovationStage stage : RenovationStage.values()) {
            stages.addObject().put("code", stage.code()).put("titleZh", stage.titleZh()).put("titleEn", stage.titleEn());
        }
        ctx.contentType("application/json").result(body.toString());
    }
}
