package org.lilong.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.lilong.geodata.io.geojson.GeoJsonGeometryWriter;
import org.lilong.layers.Atlas;
import org.lilong.layers.editing.EditResult;
import org.lilong.layers.editing.TopologyProblem;
import org.lilong.layers.editing.TopologyViolationException;
import org.lilong.layers.model.Feature;
import org.lilong.layers.store.PreconditionFailedException;
import org.locationtech.jts.geom.Geometry;

/**
 * How the editing routes answer: the feature as stored with its ETag (or as proposed), topology
 * violations and warnings with the offending geometry, and a stale If-Match with the current version.
 */
final class EditAnswers {

    private final Atlas atlas;
    private final ObjectMapper json;
    private final JsonFactory jsonFactory;

    EditAnswers(Atlas atlas, ObjectMapper json) {
        this.atlas = atlas;
        this.json = json;
        this.jsonFactory = json.getFactory();
    }

    /** Runs the edit, turning the refusals that need more than a message into problems with their details. */
    /** A stored result as a Feature with its {@code etag} member (for answers holding several features). */
    ObjectNode resultNode(EditResult result) {
        ObjectNode node = featureNode(result.feature());
        node.put("etag", result.etag());
        if (!result.warnings().isEmpty()) {
            node.set("warnings", problems(result.warnings()));
        }
        return node;
    }

    <T> T guarded(Supplier<T> edit) {
        try {
            return edit.get();
        } catch (TopologyViolationException e) {
            throw new ApiProblem(422, "topology", "Grid topology rule broken", e.getMessage(), "geometry")
                    .with("violations", problems(e.violations()));
        } catch (PreconditionFailedException e) {
            ApiProblem problem = new ApiProblem(412, "precondition-failed", "Precondition failed",
                    e.getMessage() + "; nothing was changed", "If-Match");
            if (e.currentEtag() != null) {
                problem.with("currentEtag", json.getNodeFactory().textNode(e.currentEtag()));
                atlas.feature(e.layerId(), e.featureId()).ifPresent(f -> problem.with("current", featureNode(f)));
            }
            throw problem;
        }
    }

    ArrayNode problems(List<TopologyProblem> problems) {
        ArrayNode array = json.createArrayNode();
        for (TopologyProblem problem : problems) {
            ObjectNode node = array.addObject();
            node.put("rule", problem.rule());
            node.put("message", problem.message());
            problem.codes().forEach(node.putArray("codes")::add);
            if (problem.areaSquareMetres() > 0) {
                node.put("areaSquareMetres", Math.round(problem.areaSquareMetres() * 10) / 10.0);
            }
            if (problem.where() != null && !problem.where().isEmpty()) {
                node.set("where", geometryNode(problem.where()));
            }
        }
        return array;
    }

    void answer(Context ctx, EditResult result) {
        if (result.etag() != null) {
            ctx.header("ETag", '"' + result.etag() + '"');
        }
        ObjectNode body = featureNode(result.feature());
        if (!result.stored()) {
            body.remove("id");
            body.put("stored", false);
        }
        if (!result.warnings().isEmpty()) {
            body.set("warnings", problems(result.warnings()));
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(EditRequest.GEOJSON).result(body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The feature with every attribute: only logged-in callers get here. */
    ObjectNode featureNode(Feature feature) {
        return (ObjectNode) parse(out -> {
            out.writeStartObject();
            GeoJsonWriter.writeFeatureFields(out, feature);
            out.writeEndObject();
        });
    }

    JsonNode geometryNode(Geometry geometry) {
        return parse(out -> GeoJsonGeometryWriter.writeGeometry(out, geometry));
    }

    private interface JsonWork {
        void write(JsonGenerator out) throws IOException;
    }

    private JsonNode parse(JsonWork work) {
        try {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            try (JsonGenerator out = jsonFactory.createGenerator(buffer)) {
                work.write(out);
            }
            return json.readTree(buffer.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
