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
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.Atlas;
import org.lilong.layers.accounts.Accounts;
import org.lilong.layers.accounts.PasswordHasher;
import org.lilong.layers.accounts.Role;
import org.lilong.server.SmallDistrict;
import org.lilong.server.config.ServerConfig;

/**
 * Logins, sessions, CSRF and bearer tokens over real HTTP, on the small district with three
 * accounts: an editor of its sub-district (310101999), a planner and an admin.
 */
class AuthRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "a long enough passphrase";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static Atlas atlas;
    private static Accounts accounts;
    private static Javalin server;

    @BeforeAll
    static void start() {
        atlas = SmallDistrict.create(dir);
        accounts = new Accounts(atlas.accountStore(), new PasswordHasher(4), atlas::subdistrictCodes, Clock.systemUTC());
        accounts.add("li", PASSWORD.toCharArray(), Role.EDITOR, Set.of("310101999"));
        accounts.add("zhao", PASSWORD.toCharArray(), Role.PLANNER, Set.of());
        server = startServer();
    }

    private static Javalin startServer() {
        return LilongServer.create(atlas, ServerConfig.defaults().withPort(0), accounts).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
        atlas.close();
    }

    record Answer(int status, Map<String, java.util.List<String>> headers, String body) {

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), java.util.List.of()).stream().findFirst().orElse(null);
        }

        /** The session cookie's value from Set-Cookie. */
        String sessionCookie() {
            String setCookie = header("set-cookie");
            assertThat(setCookie).as("Set-Cookie").startsWith(Authentication.SESSION_COOKIE + "=");
            return setCookie.substring(Authentication.SESSION_COOKIE.length() + 1, setCookie.indexOf(';'));
        }
    }

    private static Answer send(Javalin app, String method, String path, String contentType, String body, String... headers) throws Exception {
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

    private static Answer login(Javalin app, String username, String password, String... headers) throws Exception {
        String body = JSON.createObjectNode().put("username", username).put("password", password).toString();
        return send(app, "POST", "/auth/login", "application/json", body, headers);
    }

    private static Answer get(String path, String... headers) throws Exception {
        return send(server, "GET", path, null, null, headers);
    }

    @Test
    void aLoginSetsAnHttpOnlySameSiteStrictCookieAndAnswersTheCsrfToken() throws Exception {
        Answer answer = login(server, "li", PASSWORD);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("set-cookie")).contains("; HttpOnly").contains("; SameSite=Strict").contains("; Path=/")
                .doesNotContain("Secure");
        JsonNode body = answer.json();
        assertThat(body.get("username").asText()).isEqualTo("li");
        assertThat(body.get("role").asText()).isEqualTo("editor");
        assertThat(body.get("scopes").get(0).asText()).isEqualTo("310101999");
        assertThat(body.get("csrfToken").asText()).hasSizeGreaterThan(40).isNotEqualTo(answer.sessionCookie());
    }

    @Test
    void behindTlsTheCookieIsSecure() throws Exception {
        Answer answer = login(server, "li", PASSWORD, "X-Forwarded-Proto", "https");

        assertThat(answer.header("set-cookie")).contains("; Secure");
    }

    @Test
    void aLoginAcceptsAnHtmlForm() throws Exception {
        Answer answer = send(server, "POST", "/auth/login", "application/x-www-form-urlencoded",
                "username=zhao&password=" + PASSWORD.replace(" ", "+"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("role").asText()).isEqualTo("planner");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() throws Exception {
        Answer wrongPassword = login(server, "zhao", PASSWORD + "x");
        Answer unknownUser = login(server, "nobody", PASSWORD);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownUser.json().get("detail"));
        assertThat(wrongPassword.header("set-cookie")).isNull();
    }

    @Test
    void theSessionEndpointSaysWhoIsLoggedIn() throws Exception {
        String cookie = login(server, "li", PASSWORD).sessionCookie();

        JsonNode mine = get("/auth/session", "Cookie", Authentication.SESSION_COOKIE + "=" + cookie).json();
        JsonNode anonymous = get("/auth/session").json();

        assertThat(mine.get("authenticated").asBoolean()).isTrue();
        assertThat(mine.get("username").asText()).isEqualTo("li");
        assertThat(anonymous.get("authenticated").asBoolean()).isFalse();
        assertThat(anonymous.has("csrfToken")).isFalse();
    }

    @Test
    void aSessionSeesInternalAttributesAndThePublicDoesNot() throws Exception {
        String cookie = login(server, "zhao", PASSWORD).sessionCookie();

        String withSession = get("/collections/grids/items?f=json", "Cookie", Authentication.SESSION_COOKIE + "=" + cookie).body();
        String asPublic = get("/collections/grids/items?f=json").body();

        assertThat(withSession).contains("\"households\"");
        assertThat(asPublic).doesNotContain("households");
    }

    @Test
    void aBearerTokenSeesInternalAttributesUntilRevoked() throws Exception {
        var issued = accounts.issueToken("zhao", "test");
        String path = "/collections/grids/items?f=json";

        assertThat(get(path, "Authorization", "Bearer " + issued.secret()).body()).contains("\"households\"");
        accounts.revokeToken(issued.token().id());
        Answer revoked = get(path, "Authorization", "Bearer " + issued.secret());

        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.header("content-type")).startsWith(ProblemResponses.CONTENT_TYPE);
        assertThat(revoked.header("www-authenticate")).contains("invalid_token");
        assertThat(revoked.body()).doesNotContain("households");
    }

    @Test
    void anotherAuthorizationSchemeIsRefusedClearly() throws Exception {
        Answer basic = get("/collections/grids/items", "Authorization", "Basic emhhbzpwYXNzd29yZA==");

        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.json().get("detail").asText()).contains("Bearer");
    }

    @Test
    void aWriteWithTheCookieButWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        String cookie = Authentication.SESSION_COOKIE + "=" + login(server, "li", PASSWORD).sessionCookie();

        Answer refused = send(server, "POST", "/auth/logout", null, null, "Cookie", cookie);
        Answer wrongToken = send(server, "POST", "/auth/logout", null, null, "Cookie", cookie, Authentication.CSRF_HEADER, "guess");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("parameter").asText()).isEqualTo(Authentication.CSRF_HEADER);
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(get("/auth/session", "Cookie", cookie).json().get("authenticated").asBoolean()).isTrue();
    }

    @Test
    void logoutWithTheCsrfTokenEndsTheSession() throws Exception {
        Answer login = login(server, "li", PASSWORD);
        String cookie = Authentication.SESSION_COOKIE + "=" + login.sessionCookie();

        Answer logout = send(server, "POST", "/auth/logout", null, null, "Cookie", cookie,
                Authentication.CSRF_HEADER, login.json().get("csrfToken").asText());

        assertThat(logout.status()).isEqualTo(204);
        assertThat(logout.header("set-cookie")).contains("Max-Age=0");
        assertThat(get("/auth/session", "Cookie", cookie).json().get("authenticated").asBoolean()).isFalse();
    }

    @Test
    void aLoginNeverKeepsTheSessionIdTheClientArrivedWith() throws Exception {
        String planted = login(server, "li", PASSWORD).sessionCookie();

        String fresh = login(server, "li", PASSWORD, "Cookie", Authentication.SESSION_COOKIE + "=" + planted).sessionCookie();

        assertThat(fresh).isNotEqualTo(planted);
        assertThat(get("/auth/session", "Cookie", Authentication.SESSION_COOKIE + "=" + planted).json()
                .get("authenticated").asBoolean()).isFalse();
        assertThat(get("/auth/session", "Cookie", Authentication.SESSION_COOKIE + "=" + fresh).json()
                .get("authenticated").asBoolean()).isTrue();
    }

    @Test
    void aPasswordChangeEndsTheAccountsSessions() throws Exception {
        accounts.add("wang", PASSWORD.toCharArray(), Role.PLANNER, Set.of());
        String cookie = Authentication.SESSION_COOKIE + "=" + login(server, "wang", PASSWORD).sessionCookie();

        accounts.changePassword("wang", "another long passphrase".toCharArray());
        Answer after = get("/collections/grids/items?f=json", "Cookie", cookie);

        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).doesNotContain("households");
        assertThat(after.header("set-cookie")).contains("Max-Age=0");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhileEvenForTheRightOne() throws Exception {
        Javalin own = startServer();
        try {
            for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
                assertThat(login(own, "zhao", "wrong password " + i).status()).isEqualTo(401);
            }
            Answer locked = login(own, "zhao", PASSWORD);
            Answer otherAccount = login(own, "li", PASSWORD);

            assertThat(locked.status()).isEqualTo(429);
            assertThat(Long.parseLong(locked.header("retry-after"))).isBetween(1L, LoginThrottle.WINDOW.toSeconds() + 1);
            assertThat(locked.header("set-cookie")).isNull();
            assertThat(otherAccount.status()).isEqualTo(200);
        } finally {
            own.stop();
        }
    }

    @Test
    void manyWrongPasswordsFromOneAddressLockThatAddress() throws Exception {
        Javalin own = startServer();
        try {
            for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
                assertThat(login(own, "guess" + i, "wrong password").status()).isEqualTo(401);
            }

            assertThat(login(own, "li", PASSWORD).status()).isEqualTo(429);
        } finally {
            own.stop();
        }
    }

    @Test
    void malformedLoginsGetProblemsNamingWhatIsWrong() throws Exception {
        Answer notJson = send(server, "POST", "/auth/login", "application/json", "{username:");
        Answer noPassword = send(server, "POST", "/auth/login", "application/json", "{\"username\":\"li\"}");
        Answer numberPassword = send(server, "POST", "/auth/login", "application/json", "{\"username\":\"li\",\"password\":1}");
        Answer plainText = send(server, "POST", "/auth/login", "text/plain", "li:" + PASSWORD);
        Answer huge = send(server, "POST", "/auth/login", "application/json",
                "{\"username\":\"li\",\"password\":\"" + "x".repeat(5000) + "\"}");

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(noPassword.status()).isEqualTo(400);
        assertThat(noPassword.json().get("parameter").asText()).isEqualTo("password");
        assertThat(numberPassword.status()).isEqualTo(400);
        assertThat(plainText.status()).isEqualTo(415);
        assertThat(huge.status()).isEqualTo(413);
        for (Answer answer : new Answer[] {notJson, noPassword, numberPassword, plainText, huge}) {
            assertThat(answer.header("content-type")).startsWith(ProblemResponses.CONTENT_TYPE);
        }
    }
}
