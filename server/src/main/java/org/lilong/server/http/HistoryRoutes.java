package org.lilong.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lilong.layers.Atlas;
import org.lilong.layers.editing.EditResult;
import org.lilong.layers.editing.FeatureDiff;
import org.lilong.layers.editing.FeatureEditor;
import org.lilong.layers.editing.FeatureNotFoundException;
import org.lilong.layers.editing.VersionNotFoundException;
import org.lilong.layers.model.FeatureDigest;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.store.HistoryEntry;

/**
 * A feature's history, for logged-in accounts (it holds internal attributes and who changed what):
 * {@code GET …/items/{featureId}/history} (the versions), {@code …/history/{version}} (one version as
 * GeoJSON), {@code …/diff?from=&to=} (what changed between two), and two writes that go through the
 * same rules as any edit: {@code POST …/revert?version=} (If-Match required) and
 * {@code POST …/restore} (a deleted feature comes back with its id).
 */
final class HistoryRoutes {

    private static final String ITEM = "/collections/{collectionId}/items/{featureId}";

    private final Atlas atlas;
    private final FeatureEditor editor;
    private final EditAnswers answers;
    private final ObjectMapper json;

    HistoryRoutes(Atlas atlas, FeatureEditor editor, ObjectMapper json) {
        this.atlas = atlas;
        this.editor = editor;
        this.json = json;
        this.answers = new EditAnswers(atlas, json);
    }

    void register(JavalinConfig javalin) {
        javalin.routes.get(ITEM + "/history", this::versions);
        javalin.routes.get(ITEM + "/history/{version}", this::version);
        javalin.routes.get(ITEM + "/diff", this::diff);
        javalin.routes.post(ITEM + "/revert", this::revert);
        javalin.routes.post(ITEM + "/restore", this::restore);
    }

    private List<HistoryEntry> history(LayerDefinition layer, long id) {
        List<HistoryEntry> history = atlas.history(layer.id(), id);
        if (history.isEmpty() && atlas.feature(layer.id(), id).isEmpty()) {
            throw new FeatureNotFoundException(layer.id(), id);
        }
        return history;
    }

    private void versions(Context ctx) {
        EditRequest.requireCaller(ctx);
        LayerDefinition layer = atlas.layer(ctx.pathParam("collectionId"));
        long id = EditRequest.featureId(ctx);
        ObjectNode body = json.createObjectNode();
        body.put("collection", layer.id());
        body.put("featureId", id);
        body.put("exists", atlas.feature(layer.id(), id).isPresent());
        ArrayNode versions = body.putArray("versions");
        for (HistoryEntry entry : history(layer, id)) {
            ObjectNode node = versions.addObject();
            node.put("version", entry.version());
            node.put("operation", entry.operation());
            node.put("author", entry.author());
            node.put("at", entry.at().toString());
            node.put("comment", entry.comment());
            if (entry.feature() != null) {
                node.put("etag", FeatureDigest.of(entry.feature()));
            }
        }
        send(ctx, body);
    }

    private static int versionNumber(String parameter, String text) {
        try {
            return Integer.parseInt(text == null ? "" : text);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidParameter(parameter, "must be a version number from the history, not '" + text + "'");
        }
    }

    private HistoryEntry entry(LayerDefinition layer, long id, int version) {
        return history(layer, id).stream().filter(e -> e.version() == version && e.feature() != null).findFirst()
                .orElseThrow(() -> new VersionNotFoundException(layer.id(), id, version));
    }

    private void version(Context ctx) {
        EditRequest.requireCaller(ctx);
        LayerDefinition layer = atlas.layer(ctx.pathParam("collectionId"));
        long id = EditRequest.featureId(ctx);
        HistoryEntry entry = entry(layer, id, versionNumber("version", ctx.pathParam("version")));
        ObjectNode body = answers.featureNode(entry.feature());
        body.put("version", entry.version());
        body.put("operation", entry.operation());
        body.put("author", entry.author());
        body.put("at", entry.at().toString());
        body.put("comment", entry.comment());
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(EditRequest.GEOJSON).result(body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void diff(Context ctx) {
        EditRequest.requireCaller(ctx);
        LayerDefinition layer = atlas.layer(ctx.pathParam("collectionId"));
        long id = EditRequest.featureId(ctx);
        int fromVersion = versionNumber("from", ctx.queryParam("from"));
        int toVersion = versionNumber("to", ctx.queryParam("to"));
        HistoryEntry from = entry(layer, id, fromVersion);
        HistoryEntry to = entry(layer, id, toVersion);
        FeatureDiff diff = FeatureDiff.between(from.feature(), to.feature());
        ObjectNode body = json.createObjectNode();
        body.put("from", from.version());
        body.put("to", to.version());
        ArrayNode attributes = body.putArray("attributes");
        for (FeatureDiff.AttributeChange change : diff.attributes()) {
            ObjectNode node = attributes.addObject();
            node.put("name", change.name());
            node.set("from", json.valueToTree(change.from() == null ? null : change.from().toString()));
            node.set("to", json.valueToTree(change.to() == null ? null : change.to().toString()));
        }
        ObjectNode geometry = body.putObject("geometry");
        geometry.put("changed", diff.geometryChanged());
        if (diff.geometryChanged()) {
            geometry.put("hausdorffMetres", Math.round(diff.hausdorffMetres() * 100) / 100.0);
            geometry.put("areaChangeSquareMetres", Math.round(diff.areaChangeSquareMetres() * 10) / 10.0);
            geometry.set("from", answers.geometryNode(from.feature().geometry()));
            geometry.set("to", answers.geometryNode(to.feature().geometry()));
        }
        send(ctx, body);
    }

    private void revert(Context ctx) {
        Caller caller = EditRequest.requireCaller(ctx);
        LayerDefinition layer = atlas.layer(ctx.pathParam("collectionId"));
        long id = EditRequest.featureId(ctx);
        String etag = EditRequest.ifMatch(ctx);
        int version = versionNumber("version", ctx.queryParam("version"));
        String comment = EditRequest.comment(ctx);
        answers.answer(ctx, answers.guarded(() -> editor.revert(caller.account(), layer.id(), id, version, etag, comment)));
    }

    private void restore(Context ctx) {
        Caller caller = EditRequest.requireCaller(ctx);
        LayerDefinition layer = atlas.layer(ctx.pathParam("collectionId"));
        long id = EditRequest.featureId(ctx);
        String comment = EditRequest.comment(ctx);
        EditResult result = answers.guarded(() -> editor.restore(caller.account(), layer.id(), id, comment));
        ctx.status(201).header("Location", "/collections/" + layer.id() + "/items/" + id);
        answers.answer(ctx, result);
    }

    private static void send(Context ctx, ObjectNode body) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json").result(body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
