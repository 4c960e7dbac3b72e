package org.lilong.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lilong.geodata.io.geojson.GeoJsonFeatureReader;
import org.lilong.layers.Atlas;
import org.lilong.layers.editing.EditResult;
import org.lilong.layers.editing.FeatureEditor;
import org.lilong.layers.editing.FeatureNotFoundException;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerDefinition;

/**
 * OGC API – Features Part 4 on the editable layers: {@code POST …/items}, {@code PUT}, {@code PATCH}
 * (JSON merge patch) and {@code DELETE …/items/{featureId}}. Every change needs a logged-in caller
 * (a session with its CSRF token, or a bearer token), and every change to an existing feature the
 * {@code If-Match} of the version the client saw (428 without it, 412 when it is stale, with the
 * current version in the problem). {@code comment=} goes to the history; {@code snap=true} on a
 * grid answers a version fitted to its neighbours without storing it.
 */
final class EditRoutes {

    private final Atlas atlas;
    private final FeatureEditor editor;
    private final EditAnswers answers;
    private final ObjectMapper json;

    EditRoutes(Atlas atlas, FeatureEditor editor, ObjectMapper json) {
        this.atlas = atlas;
        this.editor = editor;
        this.json = json;
        this.answers = new EditAnswers(atlas, json);
    }

    void register(JavalinConfig javalin) {
        javalin.routes.post("/collections/{collectionId}/items", this::create);
        javalin.routes.put("/collections/{collectionId}/items/{featureId}", this::replace);
        javalin.routes.patch("/collections/{collectionId}/items/{featureId}", this::patch);
        javalin.routes.delete("/collections/{collectionId}/items/{featureId}", this::delete);
    }

    private void create(Context ctx) {
        Caller caller = EditRequest.requireCaller(ctx);
        LayerDefinition layer = atlas.layer(ctx.pathParam("collectionId"));
        GeoJsonFeatureReader.Body body = EditRequest.readFeature(ctx, false);
        Feature feature = new Feature(0, body.geometry(), body.properties());
        String comment = EditRequest.comment(ctx);
        boolean snap = EditRequest.snap(ctx);
        EditResult result = answers.guarded(() -> editor.insert(caller.account(), layer.id(), feature, comment, snap));
        if (result.stored()) {
            ctx.status(201).header("Location", "/collections/" + layer.id() + "/items/" + result.feature().id());
        }
        answers.answer(ctx, result);
    }

    private void replace(Context ctx) {
        Caller caller = EditRequest.requireCaller(ctx);
        LayerDefinition layer = atlas.layer(ctx.pathParam("collectionId"));
        long id = EditRequest.featureId(ctx);
        String etag = EditRequest.ifMatch(ctx);
        GeoJsonFeatureReader.Body body = EditRequest.readFeature(ctx, false);
        if (body.id() != null && !body.id().equals(Long.toString(id))) {
            throw ApiProblem.invalidParameter("id", "the body's id " + body.id() + " differs from the path's " + id);
        }
        Feature feature = new Feature(id, body.geometry(), body.properties());
        String comment = EditRequest.comment(ctx);
        boolean snap = EditRequest.snap(ctx);
        answers.answer(ctx, answers.guarded(() -> editor.replace(caller.account(), layer.id(), feature, etag, comment, snap)));
    }

    private void patch(Context ctx) {
        Caller caller = EditRequest.requireCaller(ctx);
        LayerDefinition layer = atlas.layer(ctx.pathParam("collectionId"));
        long id = EditRequest.featureId(ctx);
        String etag = EditRequest.ifMatch(ctx);
        GeoJsonFeatureReader.Body patch = EditRequest.readFeature(ctx, true);
        Feature current = atlas.feature(layer.id(), id).orElseThrow(() -> new FeatureNotFoundException(layer.id(), id));
        Map<String, Object> properties = new LinkedHashMap<>(current.properties());
        patch.properties().forEach((name, value) -> {
            if (value == null) {
                properties.remove(name);
            } else {
                properties.put(name, value);
            }
        });
        Feature merged = new Feature(id, patch.geometry() != null ? patch.geometry() : current.geometry(), properties);
        String comment = EditRequest.comment(ctx);
        boolean snap = EditRequest.snap(ctx);
        answers.answer(ctx, answers.guarded(() -> editor.replace(caller.account(), layer.id(), merged, etag, comment, snap)));
    }

    private void delete(Context ctx) {
        Caller caller = EditRequest.requireCaller(ctx);
        LayerDefinition layer = atlas.layer(ctx.pathParam("collectionId"));
        long id = EditRequest.featureId(ctx);
        String etag = EditRequest.ifMatch(ctx);
        String comment = EditRequest.comment(ctx);
        EditResult result = answers.guarded(() -> editor.delete(caller.account(), layer.id(), id, etag, comment));
        if (result.warnings().isEmpty()) {
            ctx.status(204);
            return;
        }
        ObjectNode body = json.createObjectNode();
        body.set("warnings", answers.problems(result.warnings()));
        ctx.status(200).contentType("application/json").result(body.toString());
    }
}
