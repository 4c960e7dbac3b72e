package org.lilong.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lilong.geodata.io.geojson.GeoJsonFeatureReader;
import org.lilong.layers.Atlas;
import org.lilong.layers.editing.EditResult;
import org.lilong.layers.editing.FeatureEditor;
import org.locationtech.jts.geom.LineString;

/**
 * The two grid operations a street office needs beyond Part 4's verbs, each one transaction:
 * {@code POST /collections/grids/items/{featureId}/split} (If-Match; body
 * {@code {"line": LineString, "properties": {"code", "name", …}}} for the new piece) and
 * {@code …/merge} (If-Match of this grid; body {@code {"with": otherId, "withEtag": "…"}}).
 */
final class GridEditRoutes {

    private static final String GRID = "/collections/grids/items/{featureId}";

    private final FeatureEditor editor;
    private final EditAnswers answers;
    private final ObjectMapper json;

    GridEditRoutes(Atlas atlas, FeatureEditor editor, ObjectMapper json) {
        this.editor = editor;
        this.json = json;
        this.answers = new EditAnswers(atlas, json);
    }

    void register(JavalinConfig javalin) {
        javalin.routes.post(GRID + "/split", this::split);
        javalin.routes.post(GRID + "/merge", this::merge);
    }

    private void split(Context ctx) {
        Caller caller = EditRequest.requireCaller(ctx);
        long id = EditRequest.featureId(ctx);
        String etag = EditRequest.ifMatch(ctx);
        EditRequest.requireJson(ctx);
        GeoJsonFeatureReader.Body body;
        try {
            body = GeoJsonFeatureReader.readWithGeometryMember(EditRequest.readBody(ctx), "line");
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(400, "invalid-body", "Invalid body", e.getMessage(), "line");
        }
        if (!(body.geometry() instanceof LineString line)) {
            throw new ApiProblem(400, "invalid-body", "Invalid body", "\"line\" must be a LineString, not a "
                    + body.geometry().getGeometryType(), "line");
        }
        String comment = EditRequest.comment(ctx);
        List<EditResult> pieces = answers.guarded(() -> editor.split(caller.account(), id, etag, line, body.properties(), comment));
        ObjectNode answer = json.createObjectNode();
        answer.set("updated", answers.resultNode(pieces.get(0)));
        answer.set("created", answers.resultNode(pieces.get(1)));
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json").result(answer.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void merge(Context ctx) {
        Caller caller = EditRequest.requireCaller(ctx);
        long id = EditRequest.featureId(ctx);
        String etag = EditRequest.ifMatch(ctx);
        EditRequest.requireJson(ctx);
        JsonNode body;
        try {
            body = json.readTree(EditRequest.readBody(ctx));
        } catch (IOException e) {
            throw new ApiProblem(400, "invalid-body", "Invalid body", "the body is not valid JSON", null);
        }
        if (body == null || !body.path("with").canConvertToLong() || !body.path("with").isIntegralNumber()) {
            throw new ApiProblem(400, "invalid-body", "Invalid body", "\"with\" must be the id of the grid to merge in", "with");
        }
        if (!body.path("withEtag").isTextual()) {
            throw new ApiProblem(400, "invalid-body", "Invalid body", "\"withEtag\" must be that grid's ETag", "withEtag");
        }
        long other = body.get("with").asLong();
        String otherEtag = body.get("withEtag").asText().replace("\"", "");
        String comment = EditRequest.comment(ctx);
        answers.answer(ctx, answers.guarded(() -> editor.merge(caller.account(), id, etag, other, otherEtag, comment)));
    }
}
