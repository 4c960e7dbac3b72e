package org.lilong.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import org.lilong.layers.accounts.Account;
import org.lilong.layers.accounts.AccountException;
import org.lilong.layers.accounts.Accounts;
import org.lilong.layers.accounts.ApiToken;
import org.lilong.layers.accounts.IssuedToken;
import org.lilong.layers.accounts.Role;

/**
 * Account management for admins, the same operations as {@code lilong user}: {@code GET/POST
 * /admin/accounts}, {@code POST /admin/accounts/{username}/disable|enable|password},
 * {@code GET/POST /admin/accounts/{username}/tokens}, {@code DELETE /admin/tokens/{id}}; and
 * {@code GET /admin}, the page that uses them. Anyone else: 401, or 403 when logged in.
 */
final class AdminRoutes {

    private static final int MAX_BODY_BYTES = 8192;

    private final Accounts accounts;
    private final ObjectMapper json;

    AdminRoutes(Accounts accounts, ObjectMapper json) {
        this.accounts = accounts;
        this.json = json;
    }

    void register(JavalinConfig javalin) {
        javalin.routes.get("/admin", this::page);
        javalin.routes.get("/admin/accounts", this::list);
        javalin.routes.post("/admin/accounts", this::add);
        javalin.routes.post("/admin/accounts/{username}/disable", ctx -> status(ctx, true));
        javalin.routes.post("/admin/accounts/{username}/enable", ctx -> status(ctx, false));
        javalin.routes.post("/admin/accounts/{username}/password", this::password);
        javalin.routes.get("/admin/accounts/{username}/tokens", this::tokens);
        javalin.routes.post("/admin/accounts/{username}/tokens", this::issue);
        javalin.routes.delete("/admin/tokens/{id}", this::revoke);
    }

    /** The page is static and public (it holds no data); everything it shows comes from the API below. */
    private void page(Context ctx) throws IOException {
        try (InputStream page = AdminRoutes.class.getResourceAsStream("/web/admin.html")) {
            if (page == null) {
                throw ApiProblem.notFound("the admin page is not in this build");
            }
            ctx.contentType("text/html; charset=utf-8").result(page.readAllBytes());
        }
    }

    private static void requireAdmin(Context ctx) {
        Caller caller = EditRequest.requireCaller(ctx);
        if (caller.account().role() != Role.ADMIN) {
            throw new ApiProblem(403, "forbidden", "Forbidden", "only an admin manages accounts", null);
        }
    }

    private void list(Context ctx) {
        requireAdmin(ctx);
        ArrayNode body = json.createArrayNode();
        for (Account account : accounts.list()) {
            body.add(accountNode(account));
        }
        send(ctx, 200, body);
    }

    private void add(Context ctx) {
        requireAdmin(ctx);
        JsonNode body = body(ctx);
        Role role = Role.ofCode(text(body, "role")).orElseThrow(() ->
                ApiProblem.invalidParameter("role", "must be planner, editor or admin"));
        Set<String> scopes = new LinkedHashSet<>();
        JsonNode list = body.path("scopes");
        if (!list.isMissingNode() && !list.isArray()) {
            throw ApiProblem.invalidParameter("scopes", "must be a list of sub-district codes");
        }
        list.forEach(code -> scopes.add(code.asText()));
        Account account = accounts.add(text(body, "username"), text(body, "password").toCharArray(), role, scopes);
        send(ctx, 201, accountNode(account));
    }

    private void status(Context ctx, boolean disable) {
        requireAdmin(ctx);
        String username = ctx.pathParam("username");
        if (disable) {
            accounts.disable(username);
        } else {
            accounts.enable(username);
        }
        ctx.status(204);
    }

    private void password(Context ctx) {
        requireAdmin(ctx);
        accounts.changePassword(ctx.pathParam("username"), text(body(ctx), "password").toCharArray());
        ctx.status(204);
    }

    private void tokens(Context ctx) {
        requireAdmin(ctx);
        String username = ctx.pathParam("username");
        if (accounts.find(username).isEmpty()) {
            throw ApiProblem.notFound("no account is called '" + username + "'");
        }
        ArrayNode body = json.createArrayNode();
        for (ApiToken token : accounts.tokensOf(username)) {
            body.addObject().put("id", token.id()).put("label", token.label()).put("created", token.created().toString())
                    .put("revoked", token.revoked());
        }
        send(ctx, 200, body);
    }

    private void issue(Context ctx) {
        requireAdmin(ctx);
        JsonNode body = body(ctx);
        String label = body.path("label").isTextual() ? body.get("label").asText() : "";
        IssuedToken issued = accounts.issueToken(ctx.pathParam("username"), label);
        ObjectNode answer = json.createObjectNode();
        answer.put("id", issued.token().id()).put("label", issued.token().label()).put("secret", issued.secret());
        send(ctx, 201, answer);
    }

    private void revoke(Context ctx) {
        requireAdmin(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidParameter("id", "must be a token id");
        }
        if (!accounts.revokeToken(id)) {
            throw ApiProblem.notFound("no live token has the id " + id);
        }
        ctx.status(204);
    }

    private ObjectNode accountNode(Account account) {
        ObjectNode node = json.createObjectNode();
        node.put("username", account.username());
        node.put("role", account.role().code());
        account.scopes().forEach(node.putArray("scopes")::add);
        if (!node.has("scopes")) {
            node.putArray("scopes");
        }
        node.put("disabled", account.disabled());
        node.put("created", account.created().toString());
        return node;
    }

    private JsonNode body(Context ctx) {
        EditRequest.requireJson(ctx);
        byte[] bytes;
        try (InputStream in = ctx.bodyInputStream()) {
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw new ApiProblem(400, "invalid-body", "Invalid body", "the body could not be read", null);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw new ApiProblem(413, "body-too-large", "Body too large", "at most " + MAX_BODY_BYTES + " bytes", null);
        }
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new ApiProblem(400, "invalid-body", "Invalid body", "the body must be a JSON object", null);
            }
            return node;
        } catch (IOException e) {
            throw new ApiProblem(400, "invalid-body", "Invalid body", "the body is not valid JSON", null);
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual()) {
            throw ApiProblem.invalidParameter(field, "must be given as a string");
        }
        return value.asText();
    }

    private static void send(Context ctx, int status, JsonNode body) {
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("application/json").result(body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
