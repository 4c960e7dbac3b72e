package org.lilong.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI entries of logins, editing (OGC API – Features Part 4), history, the grid operations
 * and account management, added to {@link OpenApiDocument}'s paths.
 */
final class EditingOpenApi {

    private static final String ITEMS = "/collections/{collectionId}/items";
    private static final String ITEM = ITEMS + "/{featureId}";

    private EditingOpenApi() {
    }

    static void add(ObjectNode paths) {
        ObjectNode login = operation(paths, AuthRoutes.LOGIN, "post", "login", "Log in; sets the HttpOnly session cookie and"
                + " answers the CSRF token every write made with the cookie must send in X-CSRF-Token", "200", "401", "429");
        body(login, "application/json", "{\"username\": string, \"password\": string} (or an HTML form)");
        operation(paths, "/auth/logout", "post", "logout", "End the session (needs the CSRF token)", "204", "403");
        operation(paths, "/auth/session", "get", "getSession", "Who is logged in, with the session's CSRF token", "200");

        ObjectNode create = operation(paths, ITEMS, "post", "createFeature", "Add a feature to an editable collection"
                + " (grids, renovation-plots, pocket-parks, service-stations); 201 with Location and ETag", "201", "200", "400",
                "401", "403", "405", "413", "415", "422");
        collection(create, false);
        body(create, EditRequest.GEOJSON, "a GeoJSON Feature (WGS84)");
        editQuery(create, true);
        ObjectNode replace = operation(paths, ITEM, "put", "replaceFeature", "Replace a feature if it is still the version"
                + " If-Match names", "200", "400", "401", "403", "404", "412", "422", "428");
        collection(replace, true);
        body(replace, EditRequest.GEOJSON, "a GeoJSON Feature (WGS84)");
        ifMatch(replace);
        editQuery(replace, true);
        ObjectNode patch = operation(paths, ITEM, "patch", "updateFeature", "Change some attributes or the geometry (JSON"
                + " merge patch, RFC 7396: null removes an attribute)", "200", "400", "401", "403", "404", "412", "422", "428");
        collection(patch, true);
        body(patch, "application/merge-patch+json", "{\"properties\": {...}, \"geometry\": {...}}, each optional");
        ifMatch(patch);
        editQuery(patch, true);
        ObjectNode delete = operation(paths, ITEM, "delete", "deleteFeature", "Delete a feature if it is still the version"
                + " If-Match names (restore brings it back)", "204", "200", "401", "403", "404", "412", "422", "428");
        collection(delete, true);
        ifMatch(delete);
        editQuery(delete, false);

        collection(operation(paths, ITEM + "/history", "get", "getFeatureHistory", "Every version: who, when, why, ETag"
                + " (logged-in accounts)", "200", "401", "404"), true);
        collection(operation(paths, ITEM + "/history/{version}", "get", "getFeatureVersion", "One version as GeoJSON",
                "200", "400", "401", "404"), true);
        collection(operation(paths, ITEM + "/diff", "get", "diffFeatureVersions", "What changed between versions from= and"
                + " to=: attributes, and how far the geometry moved", "200", "400", "401", "404"), true);
        ObjectNode revert = operation(paths, ITEM + "/revert", "post", "revertFeature", "Make version= current again",
                "200", "400", "401", "403", "404", "412", "422", "428");
        collection(revert, true);
        ifMatch(revert);
        collection(operation(paths, ITEM + "/restore", "post", "restoreFeature", "Bring a deleted feature back with its id",
                "201", "401", "403", "404", "409", "422"), true);

        ObjectNode split = operation(paths, "/collections/grids/items/{featureId}/split", "post", "splitGrid", "Cut a grid in"
                + " two along a line; the larger piece keeps the grid", "200", "400", "401", "403", "409", "412", "422", "428");
        body(split, "application/json", "{\"line\": GeoJSON LineString, \"properties\": {\"code\", \"name\", ...}}");
        ifMatch(split);
        ObjectNode merge = operation(paths, "/collections/grids/items/{featureId}/merge", "post", "mergeGrids", "Merge a"
                + " neighbour of the same level and parent into this grid", "200", "400", "401", "403", "409", "412", "422", "428");
        body(merge, "application/json", "{\"with\": featureId, \"withEtag\": string}");
        ifMatch(merge);

        operation(paths, "/admin/accounts", "get", "listAccounts", "The accounts (admins only)", "200", "401", "403");
        body(operation(paths, "/admin/accounts", "post", "addAccount", "Add an account (admins only)", "201", "401", "403", "422"),
                "application/json", "{\"username\", \"password\", \"role\": planner|editor|admin, \"scopes\": [sub-district codes]}");
        operation(paths, "/admin/accounts/{username}/disable", "post", "disableAccount", "Disable an account", "204", "401", "403", "422");
        operation(paths, "/admin/accounts/{username}/enable", "post", "enableAccount", "Enable an account", "204", "401", "403", "422");
        operation(paths, "/admin/accounts/{username}/password", "post", "setPassword", "Set a password", "204", "401", "403", "422");
        operation(paths, "/admin/accounts/{username}/tokens", "get", "listTokens", "An account's API tokens", "200", "401", "403", "404");
        operation(paths, "/admin/accounts/{username}/tokens", "post", "issueToken", "Issue a token (its secret is answered"
                + " once)", "201", "401", "403", "422");
        operation(paths, "/admin/tokens/{id}", "delete", "revokeToken", "Revoke a token", "204", "401", "403", "404");
    }

    private static ObjectNode operation(ObjectNode paths, String path, String method, String id, String summary, String... statuses) {
        ObjectNode pathItem = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
        ObjectNode operation = pathItem.putObject(method);
        operation.put("operationId", id);
        operation.put("summary", summary);
        operation.putArray("parameters");
        ObjectNode responses = operation.putObject("responses");
        for (String status : statuses) {
            responses.putObject(status).put("description", status.startsWith("2") ? "success"
                    : "problem+json (RFC 9457) naming what was wrong; nothing was changed");
        }
        return operation;
    }

    private static void collection(ObjectNode operation, boolean feature) {
        ArrayNode parameters = (ArrayNode) operation.get("parameters");
        parameters.addObject().put("$ref", "#/components/parameters/collectionId");
        if (feature) {
            parameters.addObject().put("$ref", "#/components/parameters/featureId");
        }
    }

    private static void body(ObjectNode operation, String mediaType, String description) {
        ObjectNode body = operation.putObject("requestBody");
        body.put("required", true);
        body.put("description", description);
        body.putObject("content").putObject(mediaType);
    }

    private static void ifMatch(ObjectNode operation) {
        ObjectNode header = ((ArrayNode) operation.get("parameters")).addObject();
        header.put("name", "If-Match").put("in", "header").put("required", true)
                .put("description", "the ETag of the version being changed (428 without it, 412 when stale)");
        header.putObject("schema").put("type", "string");
    }

    private static void editQuery(ObjectNode operation, boolean snap) {
        ArrayNode parameters = (ArrayNode) operation.get("parameters");
        ObjectNode comment = parameters.addObject();
        comment.put("name", "comment").put("in", "query").put("description", "why, for the history (≤ 500 characters)");
        comment.putObject("schema").put("type", "string");
        if (snap) {
            ObjectNode snapParameter = parameters.addObject();
            snapParameter.put("name", "snap").put("in", "query").put("description",
                    "grids: answer a version fitted to the parent and siblings, without storing it");
            snapParameter.putObject("schema").put("type", "boolean");
        }
    }
}
