package org.lilong.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.lilong.layers.accounts.Account;
import org.lilong.layers.accounts.Accounts;
import org.lilong.layers.accounts.LoggedIn;

/**
 * {@code POST /auth/login}, {@code POST /auth/logout}, {@code GET /auth/session}: browser sessions.
 * A login answers the account and the session's CSRF token and sets the session cookie; it always
 * starts a new session (the cookie a client arrives with is ended, never promoted), and it is
 * throttled per account and per address ({@link LoginThrottle}). Wrong username and wrong password
 * get the same answer, in the same time.
 */
final class AuthRoutes {

    static final String LOGIN = "/auth/login";
    /** A username and a password fit in far less. */
    static final int MAX_BODY_BYTES = 4096;

    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final ObjectMapper json;

    AuthRoutes(Accounts accounts, LoginThrottle throttle, ObjectMapper json) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.json = json;
    }

    void register(JavalinConfig javalin) {
        javalin.routes.post(LOGIN, this::login);
        javalin.routes.post("/auth/logout", this::logout);
        javalin.routes.get("/auth/session", this::session);
    }

    private void login(Context ctx) {
        Credentials credentials = credentials(ctx);
        Optional<Duration> wait = throttle.wait(credentials.username(), ctx.ip());
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds() + 1);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new ApiProblem(429, "too-many-logins", "Too many failed logins",
                    "too many failed logins for this account or from this address; try again in " + seconds + " s", null);
        }
        Optional<Account> account = accounts.authenticate(credentials.username(), credentials.password());
        if (account.isEmpty()) {
            throttle.failed(credentials.username(), ctx.ip());
            throw new ApiProblem(401, "wrong-credentials", "Wrong username or password",
                    "wrong username or password (or the account is disabled)", null);
        }
        throttle.succeeded(credentials.username());
        String arrivedWith = ctx.cookie(Authentication.SESSION_COOKIE);
        if (arrivedWith != null) {
            accounts.endSession(arrivedWith);
        }
        LoggedIn session = accounts.startSession(account.get(), SessionCookie.LIFETIME);
        ctx.header("Set-Cookie", SessionCookie.of(ctx, session.secret()));
        answer(ctx, session.account(), session.csrfToken());
    }

    private void logout(Context ctx) {
        Optional<Caller> caller = Caller.of(ctx);
        if (caller.isPresent() && caller.get().viaSession()) {
            accounts.endSession(ctx.cookie(Authentication.SESSION_COOKIE));
        }
        ctx.header("Set-Cookie", SessionCookie.cleared(ctx));
        ctx.header("Cache-Control", "no-store");
        ctx.status(204);
    }

    private void session(Context ctx) {
        Optional<Caller> caller = Caller.of(ctx);
        if (caller.isEmpty()) {
            ctx.header("Cache-Control", "no-store");
            ctx.contentType("application/json").result(json.createObjectNode().put("authenticated", false).toString());
            return;
        }
        answer(ctx, caller.get().account(), caller.get().csrfToken());
    }

    private void answer(Context ctx, Account account, String csrfToken) {
        ObjectNode body = json.createObjectNode();
        body.put("authenticated", true);
        body.put("username", account.username());
        body.put("role", account.role().code());
        account.scopes().forEach(body.putArray("scopes")::add);
        if (!body.has("scopes")) {
            body.putArray("scopes");
        }
        if (csrfToken != null) {
            body.put("csrfToken", csrfToken);
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json").result(body.toString());
    }

    private record Credentials(String username, char[] password) {
    }

    /** From a JSON object or an HTML form; a body over {@link #MAX_BODY_BYTES} is refused unread. */
    private Credentials credentials(Context ctx) {
        byte[] body = readBody(ctx);
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase();
        String username;
        String password;
        if (type.startsWith("application/x-www-form-urlencoded")) {
            Map<String, String> form = formFields(new String(body, StandardCharsets.UTF_8));
            username = form.get("username");
            password = form.get("password");
        } else if (type.startsWith("application/json")) {
            JsonNode node;
            try {
                node = json.readTree(body);
            } catch (IOException e) {
                throw new ApiProblem(400, "invalid-body", "Invalid body", "the body is not valid JSON", null);
            }
            if (node == null || !node.isObject()) {
                throw new ApiProblem(400, "invalid-body", "Invalid body", "the body must be a JSON object with username and password", null);
            }
            username = text(node, "username");
            password = text(node, "password");
        } else {
            throw new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
                    "send the credentials as application/json or application/x-www-form-urlencoded", "Content-Type");
        }
        if (username == null || username.isEmpty()) {
            throw new ApiProblem(400, "invalid-body", "Invalid body", "'username' is missing", "username");
        }
        if (password == null || password.isEmpty()) {
            throw new ApiProblem(400, "invalid-body", "Invalid body", "'password' is missing", "password");
        }
        return new Credentials(username, password.toCharArray());
    }

    /** The fields of an HTML form body (the body is already read, so Javalin's formParam has nothing left). */
    private static Map<String, String> formFields(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                fields.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new ApiProblem(400, "invalid-body", "Invalid body", "the form body is not valid URL encoding", null);
            }
        }
        return fields;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value != null && !value.isTextual()) {
            throw new ApiProblem(400, "invalid-body", "Invalid body", "'" + field + "' must be a string", field);
        }
        return value == null ? null : value.asText();
    }

    private static byte[] readBody(Context ctx) {
        long declared = ctx.contentLength();
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new ApiProblem(400, "invalid-body", "Invalid body", "the body could not be read", null);
        }
    }

    private static ApiProblem tooLarge() {
        return new ApiProblem(413, "body-too-large", "Body too large", "a login body may hold at most " + MAX_BODY_BYTES + " bytes", null);
    }
}
