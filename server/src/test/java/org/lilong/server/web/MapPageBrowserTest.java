package org.lilong.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.Atlas;
import org.lilong.server.SmallDistrict;
import org.lilong.server.config.ServerConfig;
import org.lilong.server.http.LilongServer;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The map page in a real headless Chromium against the real server over {@link SmallDistrict}.
 * Skipped when Chromium is not installed, unless LILONG_REQUIRE_BROWSER=true (CI), then it fails.
 */
class MapPageBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static Atlas atlas;
    private static LilongServer server;
    private static MapPageSession session;
    private static WebDriver driver;
    private static String origin;

    @BeforeAll
    static void startServerAndBrowser() throws IOException {
        MapPageSession.requireBrowser();
        atlas = SmallDistrict.create(dir);
        server = LilongServer.start(atlas, ServerConfig.defaults().withPort(0));
        origin = "http://127.0.0.1:" + server.port();
        session = MapPageSession.start(Files.createDirectories(dir.resolve("chrome-profile")), origin);
        driver = session.driver();
    }

    @AfterAll
    static void stopBrowserAndServer() {
        if (session != null) {
            session.close();
        }
        if (server != null) {
            server.close();
        }
        if (atlas != null) {
            atlas.close();
        }
    }

    /** The page remembers the chosen language; each test starts from the default, Chinese. */
    @AfterEach
    void forgetLanguage() {
        js("try { localStorage.clear(); } catch (e) {} return true;");
    }

    @Test
    void thePageLoadsWithoutScriptErrorsAndWithoutAnyRequestLeavingTheServer() {
        openMap();

        List<String> urls = strings(js("return [location.href]"
                + ".concat(performance.getEntriesByType('resource').map(e => e.name))"
                + ".concat(Array.from(document.querySelectorAll('script[src]')).map(s => s.src))"
                + ".concat(Array.from(document.querySelectorAll('link[href]')).map(l => l.href));"));
        assertThat(urls).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(origin + "/"));
        assertThat(strings(js("return window.lilongErrors;"))).isEmpty();
        assertThat(strings(js("return window.lilongResourceErrors;"))).isEmpty();
        assertThat(driver.findElement(By.id("app-error")).isDisplayed()).isFalse();
    }

    @Test
    void theDefaultLayersAreDrawnAsSelectableFeatures() {
        openMap();

        // Grids (from tiles) show the residential level by default: SmallDistrict's grids 4 and 5.
        assertThat(session.tiledFeatureIds("grids")).containsExactly(4L, 5L);
        assertThat(driver.findElements(By.cssSelector(".layer-service-stations[data-layer='service-stations']"))).hasSize(3);
        assertThat(driver.findElements(By.cssSelector("path.layer-subdistricts"))).hasSize(1);
        // Two streets of the base fixture and five lanes of its walking network, from tiles too.
        assertThat(session.tiledFeatureIds("streets")).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(driver.findElement(By.id("synthetic-notice")).getText()).isEqualTo("示例数据（虚构）");
    }

    @Test
    void aClickOnAGridShowsItsChainFromTheSubdistrictDownInTheWherePanel() throws Exception {
        openMap();
        double lon = SmallDistrict.INSIDE_BUILDING_GROUP_LON;
        double lat = SmallDistrict.INSIDE_BUILDING_GROUP_LAT;

        clickMapAt(lon, lat);
        waitFor(ExpectedConditions.attributeToBe(By.id("where-panel"), "data-state", "done"));

        JsonNode where = get("/where?lon=" + lon + "&lat=" + lat);
        List<String> expectedLevels = new ArrayList<>();
        List<String> expectedNames = new ArrayList<>();
        where.get("grids").forEach(grid -> {
            expectedLevels.add(grid.get("levelZh").asText());
            expectedNames.add(grid.get("name").asText());
        });
        assertThat(expectedLevels).containsExactly("街道", "综合网格", "居民区网格", "微网格", "楼组");
        assertThat(texts("#where-panel .grid-chain-item .level-badge")).isEqualTo(expectedLevels);
        assertThat(texts("#where-panel .grid-chain-item .grid-name")).isEqualTo(expectedNames);
        assertThat(texts("#where-panel .grid-leader-phone")).contains("021-63280007");
        assertThat(driver.findElement(By.cssSelector("#where-panel .where-residential-area")).getText()).contains("金坛居民区");
        assertThat(driver.findElement(By.cssSelector("#where-panel .where-subdistrict")).getText()).contains("测试街道");
    }

    @Test
    void aStationWithAnHtmlNameShowsItAsLiteralTextAndRunsNothing() {
        openMap();
        js("window.lilongAlerts = []; ['alert', 'confirm', 'prompt'].forEach(f => { "
                + "window[f] = (m) => { window.lilongAlerts.push(String(m)); }; }); return true;");

        driver.findElement(By.cssSelector("path.layer-service-stations[data-feature-id='2']")).click();
        WebElement title = waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".leaflet-popup .feature-popup[data-feature-id='2'] .popup-title")));

        assertThat(title.getText()).isEqualTo(SmallDistrict.HOSTILE_NAME);
        assertThat(driver.findElement(By.cssSelector(".leaflet-popup")).getText()).contains("<script>alert(2)</script>");
        assertThat(driver.findElements(By.cssSelector(".leaflet-popup img, .leaflet-popup script, #side-panel img"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("#map img:not(.leaflet-tile)"))).isEmpty();
        assertThat(strings(js("return window.lilongAlerts;"))).isEmpty();
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        // A click on a station is about the station: it does not ask "where is this?".
        assertThat(driver.findElement(By.id("where-panel")).getDomAttribute("data-state")).isEqualTo("idle");
    }

    @Test
    void theLanguageSwitchRelabelsThePageInEnglish() {
        openMap();
        assertThat(driver.findElement(By.cssSelector("[data-layer='grids'] .layer-title")).getText()).isEqualTo("网格");

        driver.findElement(By.id("lang-toggle")).click();

        waitFor(ExpectedConditions.textToBe(By.id("lang-toggle"), "中文"));
        assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(texts("#layer-switcher .layer-title")).contains("Grids", "Service stations", "Sub-districts");
        assertThat(texts("#legend .legend-block h3")).contains("Grids", "Service stations");
        assertThat(texts("#legend .legend-label")).contains("Residential-area grid", "Community canteen");
        assertThat(driver.findElement(By.cssSelector("#legend-section h2")).getText()).isEqualToIgnoringCase("Legend");
        assertThat(driver.findElement(By.id("synthetic-notice")).getText()).isEqualTo("Demo data (synthetic)");
    }

    // ---- helpers (the browser itself: MapPageSession) -------------------------------------------

    private static void openMap() {
        session.openMap();
    }

    private static <T> T waitFor(ExpectedCondition<T> condition) {
        return session.waitFor(condition);
    }

    private static Object js(String script, Object... args) {
        return session.js(script, args);
    }

    private static List<String> strings(Object value) {
        return MapPageSession.strings(value);
    }

    private static List<String> texts(String css) {
        return session.texts(css);
    }

    private static void clickMapAt(double lon, double lat) {
        session.clickMapAt(lon, lat);
    }

    private static JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(origin + pathAndQuery))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
