package org.lilong.server.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium looking at the map page of a running server: how the browser is found and
 * started, and the few things the browser tests ask of the page. Waits are on conditions, never sleeps.
 */
final class MapPageSession implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final String origin;

    private MapPageSession(WebDriver driver, String origin) {
        this.driver = driver;
        this.origin = origin;
    }

    /** Skips the calling test class without Chromium, unless LILONG_REQUIRE_BROWSER=true (CI): then it fails. */
    static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("LILONG_REQUIRE_BROWSER"))) {
            throw new AssertionError("LILONG_REQUIRE_BROWSER=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing");
        }
        Assumptions.assumeTrue(present, "map page browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER
                + " is not installed (apt-get install chromium chromium-driver; set LILONG_REQUIRE_BROWSER=true to fail instead)");
    }

    /** Starts Chromium with its profile in profileDir, for pages served at origin ("http://127.0.0.1:port"). */
    static MapPageSession start(Path profileDir, String origin) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profileDir, "--window-size=1280,800");
        // Leave alerts open so that the test sees them rather than the driver dismissing them.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new MapPageSession(new ChromeDriver(service, options), origin);
    }

    WebDriver driver() {
        return driver;
    }

    String origin() {
        return origin;
    }

    /** Opens the map page and waits until its first picture is complete (window.lilongReady). */
    void openMap() {
        driver.get(origin + "/");
        waitFor(d -> Boolean.TRUE.equals(js("return window.lilongReady === true;")));
    }

    /**
     * Waits until the condition holds. A condition that finds an element the page redraws meanwhile
     * (a panel re-rendered from its state) is asked again rather than failing on the stale element.
     */
    <T> T waitFor(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A list the page returned, each item as a string; empty when it returned no list. */
    static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> result.add(String.valueOf(item)));
        }
        return result;
    }

    List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).map(String::trim).toList();
    }

    /** Replaces alert, confirm and prompt by recorders, read back with {@link #alertsSeen()}. */
    void recordAlerts() {
        js("window.lilongAlerts = []; ['alert', 'confirm', 'prompt'].forEach(f => { "
                + "window[f] = (m) => { window.lilongAlerts.push(String(m)); }; }); return true;");
    }

    List<String> alertsSeen() {
        return strings(js("return window.lilongAlerts || [];"));
    }

    /** Clicks the map where the given WGS84 point is drawn (Selenium offsets are from the element's centre). */
    void clickMapAt(double lon, double lat) {
        List<Integer> offset = offsetOnMap(lon, lat);
        new Actions(driver).moveToElement(driver.findElement(By.id("map")), offset.get(0), offset.get(1)).click().perform();
    }

    /** Ids of the features of a tiled layer drawn in the tiles now on the map (vector-tiles.js). */
    List<Long> tiledFeatureIds(String layerId) {
        List<Long> ids = new ArrayList<>();
        strings(js("return Lilong.app.tiles ? Lilong.app.tiles.drawnFeatureIds(arguments[0]).map(String) : [];", layerId))
                .forEach(id -> ids.add(Long.parseLong(id)));
        return ids;
    }

    /** Waits until some features of a tiled layer are drawn, and returns their ids. */
    List<Long> waitForTiledFeatures(String layerId) {
        waitFor(d -> !tiledFeatureIds(layerId).isEmpty());
        return tiledFeatureIds(layerId);
    }

    /** Waits until every tile in view is loaded and drawn (after a pan, a zoom or a switch). */
    void waitForTiles() {
        waitFor(d -> Boolean.TRUE.equals(js("return !!Lilong.app.tiles && !Lilong.app.tiles.isLoading();")));
    }

    /** The URLs of every resource the page has fetched so far, in order. */
    List<String> resourceUrls() {
        return strings(js("return performance.getEntriesByType('resource').map(e => e.name);"));
    }

    /**
     * The RGBA pixel the tile canvases of a map pane ("lilong-areas", "lilong-streets", "lilong-grids")
     * show where the given WGS84 point is drawn; empty when no loaded tile covers it.
     */
    List<Integer> tilePixelAt(String pane, double lon, double lat) {
        Object rgba = js("const map = Lilong.app.map;"
                + "const p = map.latLngToContainerPoint(Lilong.app.display.coordsToLatLng([arguments[1], arguments[2]]));"
                + "const box = map.getContainer().getBoundingClientRect();"
                + "const cx = box.left + p.x, cy = box.top + p.y;"
                + "let found = null;"
                + "document.querySelectorAll('.leaflet-' + arguments[0] + '-pane canvas.lilong-vector-tile.leaflet-tile-loaded')"
                + ".forEach(c => { const r = c.getBoundingClientRect();"
                + "  if (cx >= r.left && cx < r.right && cy >= r.top && cy < r.bottom) {"
                + "    const x = Math.floor((cx - r.left) * c.width / r.width), y = Math.floor((cy - r.top) * c.height / r.height);"
                + "    found = Array.from(c.getContext('2d').getImageData(x, y, 1, 1).data).map(String); } });"
                + "return found;", pane, lon, lat);
        return strings(rgba).stream().map(Integer::valueOf).toList();
    }

    /** Presses the mouse where one WGS84 point is drawn, drags to where another is drawn and lets go. */
    void dragOnMap(double fromLon, double fromLat, double toLon, double toLat) {
        List<Integer> from = offsetOnMap(fromLon, fromLat);
        List<Integer> to = offsetOnMap(toLon, toLat);
        new Actions(driver).moveToElement(driver.findElement(By.id("map")), from.get(0), from.get(1)).clickAndHold()
                .moveByOffset((to.get(0) - from.get(0)) / 2, (to.get(1) - from.get(1)) / 2)
                .moveToElement(driver.findElement(By.id("map")), to.get(0), to.get(1)).release().perform();
    }

    /** Screen pixels per degree of longitude on the map now (for choosing points a few pixels apart). */
    double pixelsPerDegree() {
        return ((Number) js("const m = Lilong.app.map, a = m.latLngToContainerPoint([31.23, 121.49]),"
                + " b = m.latLngToContainerPoint([31.23, 121.50]); return (b.x - a.x) / 0.01;")).doubleValue();
    }

    /** Moves the pointer over the map where the given WGS84 point is drawn. */
    void hoverMapAt(double lon, double lat) {
        List<Integer> offset = offsetOnMap(lon, lat);
        new Actions(driver).moveToElement(driver.findElement(By.id("map")), offset.get(0), offset.get(1)).perform();
    }

    private List<Integer> offsetOnMap(double lon, double lat) {
        return strings(js("const p = Lilong.app.map.latLngToContainerPoint("
                + "Lilong.app.display.coordsToLatLng([arguments[0], arguments[1]]));"
                + "const size = Lilong.app.map.getSize();"
                + "return [String(Math.round(p.x - size.x / 2)), String(Math.round(p.y - size.y / 2))];", lon, lat))
                .stream().map(Integer::valueOf).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
