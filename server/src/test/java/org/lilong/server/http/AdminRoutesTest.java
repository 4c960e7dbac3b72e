package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.accounts.Accounts;
import org.lilong.layers.accounts.Role;

/** Account management over HTTP: only an admin may, and every refusal changes nothing. */
class AdminRoutesTest {

    @TempDir
    static Path dir;

    private static LiveServer server;
    private static Accounts accounts;
    private static String[] admin;
    private static String[] planner;

    @BeforeAll
    static void start() {
        server = LiveServer.overSmallDistrict(dir);
        accounts = server.accounts();
        admin = new String[] {"Authorization", server.bearer("root", Role.ADMIN)};
        planner = new String[] {"Authorization", server.bearer("zhao", Role.PLANNER)};
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void onlyAnAdminListsAccounts() throws Exception {
        assertThat(server.get("/admin/accounts").status()).isEqualTo(401);
        assertThat(server.get("/admin/accounts", planner).status()).isEqualTo(403);
        JsonNode list = server.get("/admin/accounts", admin).json();
        assertThat(list.findValuesAsText("username")).contains("root", "zhao");
        assertThat(list.toString()).doesNotContain("$2b$");
    }

    @Test
    void anAdminAddsAnEditorAndAPlannerCannot() throws Exception {
        String body = "{\"username\":\"xdm\",\"password\":\"a long enough passphrase\",\"role\":\"editor\",\"scopes\":[\"310101999\"]}";

        LiveServer.Answer refused = server.send("POST", "/admin/accounts", "application/json", body, planner);
        LiveServer.Answer added = server.send("POST", "/admin/accounts", "application/json", body, admin);
        LiveServer.Answer again = server.send("POST", "/admin/accounts", "application/json", body, admin);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("scopes").get(0).asText()).isEqualTo("310101999");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("detail").asText()).contains("taken");
        assertThat(accounts.authenticate("xdm", "a long enough passphrase".toCharArray())).isPresent();
    }

    @Test
    void aPolicyRefusalNamesTheRule() throws Exception {
        LiveServer.Answer shortPassword = server.send("POST", "/admin/accounts", "application/json",
                "{\"username\":\"wang\",\"password\":\"short\",\"role\":\"planner\"}", admin);
        LiveServer.Answer unknownScope = server.send("POST", "/admin/accounts", "application/json",
                "{\"username\":\"wang\",\"password\":\"a long enough passphrase\",\"role\":\"editor\",\"scopes\":[\"999\"]}", admin);

        assertThat(shortPassword.status()).isEqualTo(422);
        assertThat(shortPassword.json().get("detail").asText()).contains("at least 10");
        assertThat(unknownScope.json().get("detail").asText()).contains("999");
        assertThat(accounts.find("wang")).isEmpty();
    }

    @Test
    void disablingEndsTheAccountsTokensAndEnablingBringsThemBack() throws Exception {
        accounts.add("li", "a long enough passphrase".toCharArray(), Role.PLANNER, Set.of());
        String[] li = {"Authorization", "Bearer " + accounts.issueToken("li", "t").secret()};

        assertThat(server.send("POST", "/admin/accounts/li/disable", null, null, admin).status()).isEqualTo(204);
        assertThat(server.get("/auth/session", li).status()).isEqualTo(401);
        assertThat(server.send("POST", "/admin/accounts/li/enable", null, null, admin).status()).isEqualTo(204);
        assertThat(server.get("/auth/session", li).json().get("username").asText()).isEqualTo("li");
    }

    @Test
    void aTokenIssuedThroughTheApiWorksUntilRevoked() throws Exception {
        LiveServer.Answer issued = server.send("POST", "/admin/accounts/zhao/tokens", "application/json", "{\"label\":\"QGIS\"}", admin);
        String secret = issued.json().get("secret").asText();
        long id = issued.json().get("id").asLong();

        assertThat(server.get("/auth/session", "Authorization", "Bearer " + secret).json().get("username").asText()).isEqualTo("zhao");
        assertThat(server.get("/admin/accounts/zhao/tokens", admin).json().toString()).contains("QGIS").doesNotContain(secret);
        assertThat(server.send("DELETE", "/admin/tokens/" + id, null, null, admin).status()).isEqualTo(204);
        assertThat(server.send("DELETE", "/admin/tokens/" + id, null, null, admin).status()).isEqualTo(404);
        assertThat(server.get("/auth/session", "Authorization", "Bearer " + secret).status()).isEqualTo(401);
    }

    @Test
    void theAdminPageIsServed() throws Exception {
        LiveServer.Answer page = server.get("/admin");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("content-type")).startsWith("text/html");
        assertThat(page.body()).contains("/assets/admin.js");
    }
}
