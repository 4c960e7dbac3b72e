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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.Atlas;
import org.lilong.server.SmallDistrict;
import org.lilong.server.config.ServerConfig;
import org.lilong.server.http.LilongServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The map page in a real headless Chromium against the real server over {@link SmallDistrict}.
 * Skipped when Chromium is not installed, unless LILONG_REQUIRE_BROWSER=true (CI), then it fails.
 */
class MapPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static Atlas atlas;
    private static LilongServer server;
    private static WebDriver driver;
    private static String origin;

    @BeforeAll
    static void startServerAndBrowser() throws IOException {
        requireBrowser();
        atlas = SmallDistrict.create(dir);
        server = LilongServer.start(atlas, ServerConfig.defaults().withPort(0));
        origin = "http://127.0.0.1:" + server.port();
        driver = chrome(Files.createDirectories(dir.resolve("chrome-profile")));
    }

    @AfterAll
    static void stopBrowserAndServer() {
        if (driver != null) {
            driver.quit();
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

        // Grids show the residential level by default: SmallDistrict has two residential grids.
        assertThat(driver.findElements(By.cssSelector("path.layer-grids"))).hasSize(2);
        assertThat(driver.findElements(By.cssSelector("path.layer-grids.grid-level-residential[data-feature-id]"))).hasSize(2);
        assertThat(driver.findElements(By.cssSelector(".layer-service-stations[data-layer='service-stations']"))).hasSize(3);
        assertThat(driver.findElements(By.cssSelector("path.layer-subdistricts"))).hasSize(1);
        assertThat(driver.findElements(By.cssSelector("path.layer-streets"))).hasSize(2);
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

    // ---- helpers ------------------------------------------------------------------------------

    private static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("LILONG_REQUIRE_BROWSER"))) {
            throw new AssertionError("LILONG_REQUIRE_BROWSER=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
        }
        Assumptions.assumeTrue(present, "map page browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER
                + " is not installed (apt-get install chromium chromium-driver; set LILONG_REQUIRE_BROWSER=true to fail instead)");
    }

    private static WebDriver chrome(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,800");
        // Leave alerts open so that the test sees them rather than the driver dismissing them.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    private static void openMap() {
        driver.get(origin + "/");
        waitFor(d -> Boolean.TRUE.equals(js("return window.lilongReady === true;")));
    }

    private static <T> T waitFor(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> result.add(String.valueOf(item)));
        }
        return result;
    }

    private static List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).map(String::trim).toList();
    }

    /** Clicks the map where the given WGS84 point is drawn (Selenium offsets are from the element's centre). */
    private static void clickMapAt(double lon, double lat) {
        WebElement map = driver.findElement(By.id("map"));
        List<String> offset = strings(js("const p = Lilong.app.map.latLngToContainerPoint("
                + "Lilong.app.display.coordsToLatLng([arguments[0], arguments[1]]));"
                + "const size = Lilong.app.map.getSize();"
                + "return [String(Math.round(p.x - size.x / 2)), String(Math.round(p.y - size.y / 2))];", lon, lat));
        new Actions(driver).moveToElement(map, Integer.parseInt(offset.get(0)), Integer.parseInt(offset.get(1))).click().perform();
    }

    private static JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(origin + pathAndQuery))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
