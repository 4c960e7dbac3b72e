package org.lilong.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import org.lilong.layers.accounts.AccountException;
import org.lilong.layers.editing.EditConflictException;
import org.lilong.layers.editing.EditForbiddenException;
import org.lilong.layers.editing.FeatureNotFoundException;
import org.lilong.layers.editing.ReadOnlyLayerException;
import org.lilong.layers.editing.VersionNotFoundException;
import org.lilong.layers.model.UnknownLayerException;
import org.lilong.layers.store.InvalidChangeException;
import org.lilong.layers.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to an RFC 9457 {@code application/problem+json} body: client mistakes to 4xx
 * naming the parameter and the reason (a change the layer's schema refuses to 422), an unreachable
 * store to a 503 the client may retry, anything unexpected to a 500 that reveals nothing internal.
 */
public final class ProblemResponses {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public void register(JavalinConfig config) {
        config.routes.exception(ApiProblem.class, (e, ctx) -> write(ctx, e));
        config.routes.exception(UnknownLayerException.class, (e, ctx) ->
                write(ctx, new ApiProblem(404, "unknown-collection", "Unknown collection", e.getMessage(), "collectionId")));
        config.routes.exception(InvalidChangeException.class, (e, ctx) ->
                write(ctx, new ApiProblem(422, "invalid-change", "Invalid change", e.getMessage(), null)));
        config.routes.exception(EditForbiddenException.class, (e, ctx) ->
                write(ctx, new ApiProblem(403, "forbidden", "Forbidden", e.getMessage(), null)));
        config.routes.exception(FeatureNotFoundException.class, (e, ctx) -> write(ctx, ApiProblem.notFound(e.getMessage())));
        config.routes.exception(VersionNotFoundException.class, (e, ctx) -> write(ctx, ApiProblem.notFound(e.getMessage())));
        config.routes.exception(AccountException.class, (e, ctx) ->
                write(ctx, new ApiProblem(422, "account", "Refused", e.getMessage(), null)));
        config.routes.exception(EditConflictException.class, (e, ctx) ->
                write(ctx, new ApiProblem(409, "conflict", "Conflict", e.getMessage(), null)));
        config.routes.exception(ReadOnlyLayerException.class, (e, ctx) -> {
            ctx.header("Allow", "GET, HEAD");
            write(ctx, new ApiProblem(405, "read-only-collection", "Read-only collection", e.getMessage(), "collectionId"));
        });
        config.routes.exception(StoreException.class, (e, ctx) -> {
            LOG.warn("the store failed on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", "5");
            write(ctx, new ApiProblem(503, "store-unavailable", "Store unavailable", "the store is unavailable; try again", null));
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) ->
                write(ctx, new ApiProblem(e.getStatus(), "http-" + e.getStatus(), e.getMessage(), e.getMessage(), null)));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            write(ctx, new ApiProblem(500, "internal-error", "Internal server error",
                    "the server failed to answer this request; the failure has been logged", null));
        });
        config.routes.error(404, ctx -> {
            if (!CONTENT_TYPE.equals(ctx.res().getContentType())) {
                write(ctx, ApiProblem.notFound("no resource at " + ctx.path()));
            }
        });
        config.routes.error(405, ctx -> write(ctx, new ApiProblem(405, "method-not-allowed", "Method not allowed",
                ctx.method() + " is not allowed on " + ctx.path(), null)));
    }

    public void write(Context ctx, ApiProblem problem) {
        ObjectNode body = json.createObjectNode();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.getMessage());
        body.put("instance", ctx.path());
        if (problem.parameter() != null) {
            body.put("parameter", problem.parameter());
        }
        problem.extensions().forEach(body::set);
        // Bytes, not a String: Jetty would encode a String of a media type it does not know as ISO-8859-1.
        ctx.status(problem.status()).contentType(CONTENT_TYPE).result(body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
