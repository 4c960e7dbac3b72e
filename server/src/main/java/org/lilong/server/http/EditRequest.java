package org.lilong.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import org.lilong.geodata.io.geojson.GeoJsonFeatureReader;

/** What every editing request carries, read and checked the same way by every editing route. */
final class EditRequest {

    static final String GEOJSON = "application/geo+json";

    private EditRequest() {
    }

    static Caller requireCaller(Context ctx) {
        return Caller.of(ctx).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer");
            return new ApiProblem(401, "unauthenticated", "Log in first",
                    "changes need a logged-in account: POST /auth/login, or send 'Authorization: Bearer <token>'", null);
        });
    }

    static long featureId(Context ctx) {
        String text = ctx.pathParam("featureId");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidParameter("featureId", "must be an integer, not '" + text + "'");
        }
    }

    /** The entity tag of If-Match: one strong tag, quoted as ETag headers carry it. */
    static String ifMatch(Context ctx) {
        String header = ctx.header("If-Match");
        if (header == null || header.isBlank()) {
            throw new ApiProblem(428, "precondition-required", "Precondition required",
                    "send If-Match with the ETag of the version you are changing (GET the feature for it), so that"
                            + " nobody's change is overwritten unseen", "If-Match");
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            throw new ApiProblem(412, "precondition-failed", "Precondition failed",
                    "a weak entity tag never matches for a change; send the strong ETag", "If-Match");
        }
        if (tag.length() < 2 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"' || tag.indexOf(',') >= 0) {
            throw ApiProblem.invalidParameter("If-Match", "must be one quoted entity tag, as the ETag header gave it");
        }
        return tag.substring(1, tag.length() - 1);
    }

    static String comment(Context ctx) {
        String comment = ctx.queryParam("comment");
        if (comment != null && comment.length() > 500) {
            throw ApiProblem.invalidParameter("comment", "at most 500 characters");
        }
        return comment == null ? "" : comment;
    }

    static boolean snap(Context ctx) {
        String snap = ctx.queryParam("snap");
        if (snap == null || snap.equals("false")) {
            return false;
        }
        if (snap.equals("true")) {
            return true;
        }
        throw ApiProblem.invalidParameter("snap", "must be true or false");
    }

    static GeoJsonFeatureReader.Body readFeature(Context ctx, boolean patch) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase();
        boolean accepted = type.startsWith(GEOJSON) || type.startsWith("application/json")
                || patch && type.startsWith("application/merge-patch+json");
        if (!accepted) {
            throw new ApiProblem(415, "unsupported-media-type", "Unsupported media type", "send the feature as " + GEOJSON
                    + (patch ? " or application/merge-patch+json" : ""), "Content-Type");
        }
        byte[] body = readBody(ctx);
        try {
            return patch ? GeoJsonFeatureReader.readPatch(body) : GeoJsonFeatureReader.readFeature(body);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(400, "invalid-feature", "Invalid feature", e.getMessage(), "body");
        }
    }

    /** For the operations whose body is plain JSON. */
    static void requireJson(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase();
        if (!type.startsWith("application/json")) {
            throw new ApiProblem(415, "unsupported-media-type", "Unsupported media type", "send the body as application/json",
                    "Content-Type");
        }
    }

    static byte[] readBody(Context ctx) {
        long limit = LilongServer.MAX_REQUEST_BYTES;
        if (ctx.contentLength() > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes((int) limit + 1);
            if (bytes.length > limit) {
                throw tooLarge(limit);
            }
            return bytes;
        } catch (IOException e) {
            throw new ApiProblem(400, "invalid-feature", "Invalid feature", "the body could not be read", "body");
        }
    }

    static ApiProblem tooLarge(long limit) {
        return new ApiProblem(413, "body-too-large", "Body too large", "a feature may take at most " + limit + " bytes", "body");
    }
}
