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
import java.util.List;
import java.util.Map;
import org.lilong.layers.Atlas;
import org.lilong.layers.accounts.Accounts;
import org.lilong.server.config.ServerConfig;

/**
 * The real server on a free port, for tests that need several requests against one server (logins,
 * edits), sent with the JDK's client and every header spelled out (no cookie jar: what is sent is
 * what the test says).
 */
final class LiveServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Javalin app;

    private LiveServer(Javalin app) {
        this.app = app;
    }

    static LiveServer start(Atlas atlas, Accounts accounts) {
        return new LiveServer(LilongServer.create(atlas, ServerConfig.defaults().withPort(0), accounts).start("127.0.0.1", 0));
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
    }
}
