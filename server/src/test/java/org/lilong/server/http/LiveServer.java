package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lilong.layers.Atlas;
import org.lilong.layers.accounts.Accounts;
import org.lilong.layers.accounts.PasswordHasher;
import org.lilong.layers.accounts.Role;
import org.lilong.server.SmallDistrict;
import org.lilong.server.config.ServerConfig;

/**
 * The real server on a free port, for tests that need several requests against one server (logins,
 * edits), sent with the JDK's client and every header spelled out (no cookie jar: what is sent is
 * what the test says).
 */
final class LiveServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The password of every account made by {@link #bearer}. */
    static final String PASSWORD = "a long enough passphrase";

    private final Javalin app;
    private final Atlas atlas;
    private final Accounts accounts;
    private final boolean ownsAtlas;

    private LiveServer(Javalin app, Atlas atlas, Accounts accounts, boolean ownsAtlas) {
        this.app = app;
        this.atlas = atlas;
        this.accounts = accounts;
        this.ownsAtlas = ownsAtlas;
    }

    static LiveServer start(Atlas atlas, Accounts accounts) {
        return start(atlas, accounts, ServerConfig.defaults());
    }

    static LiveServer start(Atlas atlas, Accounts accounts, ServerConfig config) {
        return new LiveServer(LilongServer.create(atlas, config.withPort(0), accounts).start("127.0.0.1", 0), atlas, accounts, false);
    }

    /** The small district in a store under dir, with accounts hashed at bcrypt's minimum cost; closing closes both. */
    static LiveServer overSmallDistrict(Path dir) {
        Atlas atlas = SmallDistrict.create(dir);
        Accounts accounts = fastAccounts(atlas);
        return new LiveServer(LilongServer.create(atlas, ServerConfig.defaults().withPort(0), accounts).start("127.0.0.1", 0),
                atlas, accounts, true);
    }

    /** Accounts of the atlas's store, hashed at bcrypt's minimum cost (4) so that tests stay fast. */
    static Accounts fastAccounts(Atlas atlas) {
        return new Accounts(atlas.accountStore(), new PasswordHasher(4), atlas::subdistrictCodes, Clock.systemUTC());
    }

    Atlas atlas() {
        return atlas;
    }

    Accounts accounts() {
        return accounts;
    }

    /** Adds an account (password {@link #PASSWORD}) and answers an Authorization header value for a token of it. */
    String bearer(String username, Role role, String... scopes) {
        accounts.add(username, PASSWORD.toCharArray(), role, Set.of(scopes));
        return "Bearer " + accounts.issueToken(username, "test").secret();
    }

    int port() {
        return app.port();
    }

    /** What the server answered. */
    record Answer(int status, Map<String, List<String>> headers, String body) {

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), List.of()).stream().findFirst().orElse(null);
        }

        /** The session cookie's value from Set-Cookie. */
        String sessionCookie() {
            String setCookie = header("set-cookie");
            assertThat(setCookie).as("Set-Cookie").startsWith(Authentication.SESSION_COOKIE + "=");
            return setCookie.substring(Authentication.SESSION_COOKIE.length() + 1, setCookie.indexOf(';'));
        }
    }

    /** @param headers name, value, name, value, … */
    Answer send(String method, String path, String contentType, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().map(), response.body());
    }

    Answer get(String path, String... headers) throws Exception {
        return send("GET", path, null, null, headers);
    }

    /** A JSON login; the answer carries the session cookie and the CSRF token. */
    Answer login(String username, String password, String... headers) throws Exception {
        String body = JSON.createObjectNode().put("username", username).put("password", password).toString();
        return send("POST", "/auth/login", "application/json", body, headers);
    }

    @Override
    public void close() {
        app.stop();
        if (ownsAtlas) {
            atlas.close();
        }
    }
}
