package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.Atlas;
import org.lilong.layers.accounts.Accounts;
import org.lilong.layers.accounts.Role;
import org.lilong.server.SmallDistrict;

/**
 * Logins, sessions, CSRF and bearer tokens over real HTTP, on the small district with three
 * accounts: an editor of its sub-district (310101999), a planner and an admin.
 */
class AuthRoutesTest {

    private static final String PASSWORD = "a long enough passphrase";

    @TempDir
    static Path dir;

    private static Atlas atlas;
    private static Accounts accounts;
    private static LiveServer server;

    @BeforeAll
    static void start() {
        atlas = SmallDistrict.create(dir);
        accounts = LiveServer.fastAccounts(atlas);
        accounts.add("li", PASSWORD.toCharArray(), Role.EDITOR, Set.of("310101999"));
        accounts.add("zhao", PASSWORD.toCharArray(), Role.PLANNER, Set.of());
        server = startServer();
    }

    private static LiveServer startServer() {
        return LiveServer.start(atlas, accounts);
    }

    @AfterAll
    static void stop() {
        server.close();
        atlas.close();
    }

    private static LiveServer.Answer send(LiveServer app, String method, String path, String contentType, String body,
            String... headers) throws Exception {
        return app.send(method, path, contentType, body, headers);
    }

    private static LiveServer.Answer login(LiveServer app, String username, String password, String... headers) throws Exception {
        return app.login(username, password, headers);
    }

    private static LiveServer.Answer get(String path, String... headers) throws Exception {
        return server.get(path, headers);
    }

    @Test
    void aLoginSetsAnHttpOnlySameSiteStrictCookieAndAnswersTheCsrfToken() throws Exception {
        LiveServer.Answer answer = login(server, "li", PASSWORD);

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
        LiveServer.Answer answer = login(server, "li", PASSWORD, "X-Forwarded-Proto", "https");

        assertThat(answer.header("set-cookie")).contains("; Secure");
    }

    @Test
    void aLoginAcceptsAnHtmlForm() throws Exception {
        LiveServer.Answer answer = send(server, "POST", "/auth/login", "application/x-www-form-urlencoded",
                "username=zhao&password=" + PASSWORD.replace(" ", "+"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("role").asText()).isEqualTo("planner");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() throws Exception {
        LiveServer.Answer wrongPassword = login(server, "zhao", PASSWORD + "x");
        LiveServer.Answer unknownUser = login(server, "nobody", PASSWORD);

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
        LiveServer.Answer revoked = get(path, "Authorization", "Bearer " + issued.secret());

        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.header("content-type")).startsWith(ProblemResponses.CONTENT_TYPE);
        assertThat(revoked.header("www-authenticate")).contains("invalid_token");
        assertThat(revoked.body()).doesNotContain("households");
    }

    @Test
    void anotherAuthorizationSchemeIsLeftToAProxyAndTheRequestIsThePublics() throws Exception {
        LiveServer.Answer read = get("/collections/grids/items?f=json", "Authorization", "Basic emhhbzpwYXNzd29yZA==");
        LiveServer.Answer write = send(server, "DELETE", "/collections/grids/items/1", null, null,
                "Authorization", "Basic emhhbzpwYXNzd29yZA==", "If-Match", "\"x\"");

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).doesNotContain("households");
        assertThat(write.status()).isEqualTo(401);
        assertThat(write.json().get("detail").asText()).contains("Bearer");
    }

    @Test
    void aWriteWithTheCookieButWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        String cookie = Authentication.SESSION_COOKIE + "=" + login(server, "li", PASSWORD).sessionCookie();

        LiveServer.Answer refused = send(server, "POST", "/auth/logout", null, null, "Cookie", cookie);
        LiveServer.Answer wrongToken = send(server, "POST", "/auth/logout", null, null, "Cookie", cookie, Authentication.CSRF_HEADER, "guess");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("parameter").asText()).isEqualTo(Authentication.CSRF_HEADER);
        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(get("/auth/session", "Cookie", cookie).json().get("authenticated").asBoolean()).isTrue();
    }

    @Test
    void logoutWithTheCsrfTokenEndsTheSession() throws Exception {
        LiveServer.Answer login = login(server, "li", PASSWORD);
        String cookie = Authentication.SESSION_COOKIE + "=" + login.sessionCookie();

        LiveServer.Answer logout = send(server, "POST", "/auth/logout", null, null, "Cookie", cookie,
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
        LiveServer.Answer after = get("/collections/grids/items?f=json", "Cookie", cookie);

        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).doesNotContain("households");
        assertThat(after.header("set-cookie")).contains("Max-Age=0");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhileEvenForTheRightOne() throws Exception {
        LiveServer own = startServer();
        try {
            for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
                assertThat(login(own, "zhao", "wrong password " + i).status()).isEqualTo(401);
            }
            LiveServer.Answer locked = login(own, "zhao", PASSWORD);
            LiveServer.Answer otherAccount = login(own, "li", PASSWORD);

            assertThat(locked.status()).isEqualTo(429);
            assertThat(Long.parseLong(locked.header("retry-after"))).isBetween(1L, LoginThrottle.WINDOW.toSeconds() + 1);
            assertThat(locked.header("set-cookie")).isNull();
            assertThat(otherAccount.status()).isEqualTo(200);
        } finally {
            own.close();
        }
    }

    @Test
    void manyWrongPasswordsFromOneAddressLockThatAddress() throws Exception {
        LiveServer own = startServer();
        try {
            for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
                assertThat(login(own, "guess" + i, "wrong password").status()).isEqualTo(401);
            }

            assertThat(login(own, "li", PASSWORD).status()).isEqualTo(429);
        } finally {
            own.close();
        }
    }

    @Test
    void malformedLoginsGetProblemsNamingWhatIsWrong() throws Exception {
        LiveServer.Answer notJson = send(server, "POST", "/auth/login", "application/json", "{username:");
        LiveServer.Answer noPassword = send(server, "POST", "/auth/login", "application/json", "{\"username\":\"li\"}");
        LiveServer.Answer numberPassword = send(server, "POST", "/auth/login", "application/json", "{\"username\":\"li\",\"password\":1}");
        LiveServer.Answer plainText = send(server, "POST", "/auth/login", "text/plain", "li:" + PASSWORD);
        LiveServer.Answer huge = send(server, "POST", "/auth/login", "application/json",
                "{\"username\":\"li\",\"password\":\"" + "x".repeat(5000) + "\"}");

        assertThat(notJson.status()).isEqualTo(400);
        assertThat(noPassword.status()).isEqualTo(400);
        assertThat(noPassword.json().get("parameter").asText()).isEqualTo("password");
        assertThat(numberPassword.status()).isEqualTo(400);
        assertThat(plainText.status()).isEqualTo(415);
        assertThat(huge.status()).isEqualTo(413);
        for (LiveServer.Answer answer : new LiveServer.Answer[] {notJson, noPassword, numberPassword, plainText, huge}) {
            assertThat(answer.header("content-type")).startsWith(ProblemResponses.CONTENT_TYPE);
        }
    }
}
