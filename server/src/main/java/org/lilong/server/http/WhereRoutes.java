package org.lilong.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.GridLevel;
import org.lilong.layers.query.Whereabouts;

/** {@code /where?lon=&lat=}: the grid chain, residential area and sub-district at a point, with public contacts. */
public final class WhereRoutes {

    private final Atlas atlas;
    private final ObjectMapper json;

    public WhereRoutes(Atlas atlas, ObjectMapper json) {
        this.atlas = atlas;
        this.json = json;
    }

    public void register(JavalinConfig config) {
        config.routes.get("/where", this::where);
    }

    private void where(Context ctx) {
        double lon = QueryNumbers.longitude(ctx);
        double lat = QueryNumbers.latitude(ctx);
        Whereabouts whereabouts = atlas.locate(lon, lat);
        ObjectNode body = json.createObjectNode();
        body.put("lon", lon);
        body.put("lat", lat);
        body.put("inside", whereabouts.isInsideDistrict());
        ArrayNode grids = body.putArray("grids");
        for (Feature grid : whereabouts.gridChain()) {
            ObjectNode node = grids.addObject();
            node.put("id", grid.id());
            node.put("code", grid.text("code"));
            node.put("name", grid.text("name"));
            node.put("nameEn", grid.text("name_en"));
            GridLevel level = GridLevel.fromCode(grid.text("level")).orElseThrow();
            node.put("level", level.code());
            node.put("levelZh", level.titleZh());
            node.put("levelEn", level.titleEn());
            node.put("leaderName", grid.text("leader_name"));
            node.put("leaderPhone", grid.text("leader_phone"));
        }
        whereabouts.residentialArea().ifPresentOrElse(area -> {
            ObjectNode node = body.putObject("residentialArea");
            node.put("id", area.id());
            node.put("name", area.text("name"));
            node.put("nameEn", area.text("name_en"));
            Object residents = area.get("residents");
            if (residents instanceof Long count) {
                node.put("residents", count);
            }
        }, () -> body.putNull("residentialArea"));
        whereabouts.subdistrict().ifPresentOrElse(subdistrict -> {
            ObjectNode node = body.putObject("subdistrict");
            node.put("id", subdistrict.id());
            node.put("code", subdistrict.text("code"));
            node.put("name", subdistrict.text("name"));
            node.put("nameEn", subdistrict.text("name_en"));
        }, () -> body.putNull("subdistrict"));
        ctx.contentType("application/json").result(body.toString());
    }
}
