package org.lilong.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
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
import org.lilong.server.http.LilongServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The admin page in headless Chromium: log in, add an editor, disable it, issue a token; names stay text. */
class AdminPageBrowserTest {

    private static final String PASSWORD = "a long enough passphrase";
    private static final String HOSTILE = "<img src=x onerror=alert(1)>";

    @TempDir
    static Path dir;

    private static Atlas atlas;
    private static Accounts accounts;
    private static io.javalin.Javalin server;

    @BeforeAll
    static void start() {
        MapPageSession.requireBrowser();
        atlas = SmallDistrict.create(dir);
        accounts = new Accounts(atlas.accountStore(), new PasswordHasher(4), atlas::subdistrictCodes, Clock.systemUTC());
        accounts.add("root", PASSWORD.toCharArray(), Role.ADMIN, Set.of());
        server = LilongServer.create(atlas, ServerConfig.defaults().withPort(0), accounts).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
            atlas.close();
        }
    }

    private static void type(MapPageSession page, String css, String text) {
        WebElement field = page.driver().findElement(By.cssSelector(css));
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void anAdminAddsAnEditorDisablesItAndIssuesAToken(@TempDir Path profile) {
        try (MapPageSession page = MapPageSession.start(profile, "http://127.0.0.1:" + server.port())) {
            page.driver().get(page.origin() + "/admin");
            page.recordAlerts();
            page.waitFor(d -> d.findElement(By.id("login-section")).isDisplayed());
            type(page, "#login-form input[name=username]", "root");
            type(page, "#login-form input[name=password]", PASSWORD);
            page.driver().findElement(By.cssSelector("#login-form button")).click();
            page.waitFor(d -> d.findElement(By.id("accounts-section")).isDisplayed());

            type(page, "#add-form input[name=username]", "xdm");
            type(page, "#add-form input[name=password]", PASSWORD);
            type(page, "#add-form input[name=scopes]", "310101999");
            page.driver().findElement(By.cssSelector("#add-form button")).click();
            page.waitFor(d -> !d.findElements(By.cssSelector("#accounts tr[data-username=xdm]")).isEmpty());
            assertThat(page.texts("#accounts tr[data-username=xdm] td").get(1)).isEqualTo("editor");

            page.driver().findElement(By.cssSelector("#accounts tr[data-username=xdm] button.toggle")).click();
            page.waitFor(d -> d.findElement(By.cssSelector("#accounts tr[data-username=xdm]")).getAttribute("class").contains("disabled"));
            assertThat(accounts.find("xdm").orElseThrow().disabled()).isTrue();

            page.driver().findElement(By.cssSelector("#accounts tr[data-username=root] button.tokens")).click();
            page.waitFor(d -> d.findElement(By.id("tokens-section")).isDisplayed());
            type(page, "#token-form input[name=label]", HOSTILE);
            page.driver().findElement(By.cssSelector("#token-form button")).click();
            page.waitFor(d -> d.findElement(By.id("new-token")).isDisplayed());
            String secret = page.driver().findElement(By.id("new-token-secret")).getText();
            assertThat(accounts.authenticateToken(secret)).isPresent();
            assertThat(page.texts("#tokens td")).contains(HOSTILE);
            assertThat(page.driver().findElements(By.cssSelector("#tokens img"))).isEmpty();
            assertThat(page.alertsSeen()).isEmpty();
        }
    }

    @Test
    void aWrongPasswordIsSaid(@TempDir Path profile) {
        try (MapPageSession page = MapPageSession.start(profile, "http://127.0.0.1:" + server.port())) {
            page.driver().get(page.origin() + "/admin");
            page.waitFor(d -> d.findElement(By.id("login-section")).isDisplayed());
            type(page, "#login-form input[name=username]", "root");
            type(page, "#login-form input[name=password]", "not the password");
            page.driver().findElement(By.cssSelector("#login-form button")).click();

            page.waitFor(d -> d.findElement(By.id("message")).getText().contains("wrong username or password"));
            assertThat(page.driver().findElement(By.id("accounts-section")).isDisplayed()).isFalse();
        }
    }
}
