package org.lilong.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.store.ChangeSet;
import org.lilong.server.SmallDistrict;
import org.lilong.server.config.Basemap;
import org.lilong.server.config.ServerConfig;
import org.lilong.server.http.LilongServer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The large layers (water, streets, residential areas, grids) drawn on the map page from vector
 * tiles, in a real headless Chromium against the real server over {@link SmallDistrict}, whose
 * residential grid 5 is renamed to a hostile string here. Skipped without Chromium unless
 * LILONG_REQUIRE_BROWSER=true.
 */
class TiledLayersBrowserTest {

    private static final Set<String> TILED_LAYERS = Set.of("water", "streets", "residential-areas", "grids");
    /** Inside the creek 西浜 (water 1, 121.480–121.4865 × 31.2262–31.2268), clear of every street. */
    private static final double CREEK_LON = 121.4833;
    private static final double CREEK_LAT = 31.2265;
    /** On 复兴东路 (street 1, class main, along 31.23), between its junctions. */
    private static final double MAIN_ROAD_LON = 121.4825;
    private static final double MAIN_ROAD_LAT = 31.23;
    /** Inside residential grid 5 (121.49–121.50 × 31.22–31.23), well clear of streets and stations. */
    private static final double HOSTILE_GRID_LON = 121.4945;
    private static final double HOSTILE_GRID_LAT = 31.2278;
    /** Inside grid 5 too, about 80 m from the lane 浜南路: a walk can start there. */
    private static final double NEAR_LANE_LON = 121.4945;
    private static final double NEAR_LANE_LAT = 31.2262;
    /** In the west half, where no residential grid, street or water is: nothing tiled is drawn there. */
    private static final double BARE_LON = 121.4825;
    private static final double BARE_LAT = 31.235;
    /** The creek's fill as styles.js draws it: #aed3ee at opacity 0.9. */
    private static final List<Integer> WATER_FILL = List.of(0xae, 0xd3, 0xee, Math.round(0.9f * 255));
    /** A main road as styles.js draws it: #c2bbb0, opaque. */
    private static final List<Integer> MAIN_ROAD = List.of(0xc2, 0xbb, 0xb0, 255);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static Atlas atlas;
    private static LilongServer server;
    private static MapPageSession page;

    @BeforeAll
    static void startServerAndBrowser() throws IOException, ParseException {
        MapPageSession.requireBrowser();
        atlas = SmallDistrict.create(dir);
        atlas.apply(new ChangeSet().update(LayerCatalogue.GRIDS, hostileGrid()));
        // An AMap-like basemap in GCJ-02 whose tiles 404 (the network is closed): only its crs matters.
        Basemap gcj02 = new Basemap("amap", "高德 AMap (test)", "/no-such-basemap/{z}/{x}/{y}.png", "", "© AMap", 18,
                Basemap.GCJ02, false);
        ServerConfig defaults = ServerConfig.defaults();
        server = LilongServer.start(atlas, new ServerConfig(defaults.host(), 0, defaults.dataDir(), List.of(gcj02),
                Basemap.NONE, defaults.profileName(), defaults.tileCacheBytes()));
        page = MapPageSession.start(Files.createDirectories(dir.resolve("chrome-profile")), "http://127.0.0.1:" + server.port());
    }

    @AfterAll
    static void stopBrowserAndServer() {
        if (page != null) {
            page.close();
        }
        if (server != null) {
            server.close();
        }
        if (atlas != null) {
            atlas.close();
        }
    }

    @AfterEach
    void forgetLanguage() {
        page.js("try { localStorage.clear(); } catch (e) {} return true;");
    }

    @Test
    void theTiledLayersAreDrawnFromTilesAndNoneIsFetchedAsGeoJson() {
        page.openMap();

        assertThat(page.tiledFeatureIds("water")).containsExactly(1L);
        assertThat(page.tiledFeatureIds("streets")).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(page.tiledFeatureIds("grids")).as("the residential level only, as by default").containsExactly(4L, 5L);
        List<String> urls = page.resourceUrls();
        assertThat(urls).noneMatch(url -> TILED_LAYERS.stream().anyMatch(id -> url.contains("/collections/" + id + "/items")));
        // Residential areas are off by default: the tiles ask for exactly the visible tiled layers.
        assertThat(requestedLayers(tileUrls(urls))).containsExactlyInAnyOrder("water", "streets", "grids");
        assertThat(MapPageSession.strings(page.js("return window.lilongErrors;"))).isEmpty();
    }

    @Test
    void theTilesPaintEachLayerInItsStyleWhereItLies() {
        page.openMap();

        assertSameColour(page.tilePixelAt("lilong-areas", CREEK_LON, CREEK_LAT), WATER_FILL);
        assertThat(page.tilePixelAt("lilong-areas", BARE_LON, BARE_LAT)).as("no area there").element(3).isEqualTo(0);
        assertSameColour(page.tilePixelAt("lilong-streets", MAIN_ROAD_LON, MAIN_ROAD_LAT), MAIN_ROAD);
        assertThat(page.tilePixelAt("lilong-streets", CREEK_LON, CREEK_LAT)).as("no street there").element(3).isEqualTo(0);
    }

    @Test
    void aClickInsideATiledGridOpensItsPopupWithAnHtmlNameAsText() {
        page.openMap();
        page.recordAlerts();

        page.clickMapAt(HOSTILE_GRID_LON, HOSTILE_GRID_LAT);
        WebElement title = page.waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".leaflet-popup .feature-popup[data-layer='grids'][data-feature-id='5'] .popup-title")));

        assertThat(title.getText()).isEqualTo(SmallDistrict.HOSTILE_NAME);
        assertThat(page.texts(".leaflet-popup tr[data-attribute='code'] td")).containsExactly("LL-02-02");
        assertThat(page.driver().findElements(By.cssSelector(".leaflet-popup img, .leaflet-popup script, #map img:not(.leaflet-tile)"))).isEmpty();
        assertThat(page.alertsSeen()).isEmpty();
        assertThatThrownBy(() -> page.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        // The popup's attributes come from the feature fetched by id, not from a whole layer.
        assertThat(page.resourceUrls()).anyMatch(url -> url.contains("/collections/grids/items/5"));
    }

    @Test
    void aClickInsideNestedGridsOpensTheFinestLevelShown() {
        page.openMap();
        for (String level : List.of("subdistrict", "comprehensive", "micro", "building-group")) {
            page.driver().findElement(By.id("grid-level-" + level)).click();
        }
        page.waitFor(d -> page.tiledFeatureIds("grids").equals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L)));
        page.waitForTiles();

        page.clickMapAt(SmallDistrict.INSIDE_BUILDING_GROUP_LON, SmallDistrict.INSIDE_BUILDING_GROUP_LAT);

        WebElement title = page.waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".leaflet-popup .feature-popup[data-layer='grids'] .popup-title")));
        assertThat(page.driver().findElement(By.cssSelector(".leaflet-popup .feature-popup")).getDomAttribute("data-feature-id"))
                .isEqualTo("7");
        assertThat(title.getText()).isEqualTo("金坛一楼组");
    }

    @Test
    void switchingTheGridsOffStopsDrawingThemAndLeavesThemOutOfLaterTileRequests() {
        page.openMap();
        assertThat(requestedLayers(tileUrls(page.resourceUrls()))).contains("grids");

        page.driver().findElement(By.id("layer-toggle-grids")).click();
        page.waitFor(d -> page.tiledFeatureIds("grids").isEmpty());
        page.js("performance.clearResourceTimings(); Lilong.app.map.setZoom(Lilong.app.map.getZoom() + 1, {animate: false}); return true;");
        page.waitForTiles();

        List<String> tiles = tileUrls(page.resourceUrls());
        assertThat(tiles).isNotEmpty().allSatisfy(url -> assertThat(layersOf(url)).contains("streets").doesNotContain("grids"));
        assertThat(page.tiledFeatureIds("grids")).isEmpty();
        assertThat(page.tiledFeatureIds("streets")).isNotEmpty();
    }

    @Test
    void belowALayersMinzoomItsTilesDoNotAskForIt() throws IOException, InterruptedException {
        page.openMap();
        int zoom = 11;
        Map<String, Integer> minzooms = new LinkedHashMap<>();
        get("/map-config").get("layers").forEach(layer -> minzooms.put(layer.get("id").asText(), layer.get("tiles").get("minzoom").asInt()));
        List<String> expected = List.of("water", "streets", "grids").stream().filter(id -> minzooms.get(id) <= zoom).toList();
        assertThat(expected).as("the zoom lies between the minzooms of map-config").isNotEmpty().hasSizeLessThan(3);

        page.js("performance.clearResourceTimings(); Lilong.app.map.setZoom(arguments[0], {animate: false}); return true;", zoom);
        page.waitForTiles();

        assertThat(tileUrls(page.resourceUrls())).isNotEmpty()
                .allSatisfy(url -> assertThat(layersOf(url)).containsExactlyInAnyOrderElementsOf(expected));
        List.of("water", "streets", "grids").stream().filter(id -> !expected.contains(id))
                .forEach(id -> assertThat(page.tiledFeatureIds(id)).as(id).isEmpty());
    }

    /** Leaflet's GridLayer.redraw() once asked for tiles such as /tiles/15.25/x/y, which the server refuses. */
    @Test
    void aLayerSwitchedOnAtAFractionalZoomAsksForTilesAtAWholeZoom() {
        page.openMap();
        page.js("Lilong.app.map.setZoom(Math.floor(Lilong.app.map.getZoom()) + 0.25, {animate: false}); return true;");
        page.waitForTiles();
        page.js("performance.clearResourceTimings(); return true;");

        page.driver().findElement(By.id("layer-toggle-residential-areas")).click();
        assertThat(page.waitForTiledFeatures("residential-areas")).containsExactly(1L);
        page.waitForTiles();

        assertThat(tileUrls(page.resourceUrls())).isNotEmpty()
                .allSatisfy(url -> assertThat(URI.create(url).getPath()).matches("/tiles/\\d+/\\d+/\\d+\\.mvt"));
        assertThat(page.js("return Lilong.app.tiles.stats().failures;")).isEqualTo(0L);
    }

    @Test
    void aGcj02BasemapAsksForTilesInGcj02AndTheyLineUpWithIt() {
        page.openMap();
        assertThat(tileUrls(page.resourceUrls())).isNotEmpty().noneMatch(url -> url.contains("crs="));

        page.js("performance.clearResourceTimings(); return true;");
        new Select(page.driver().findElement(By.id("basemap-select"))).selectByValue("amap");
        page.waitFor(d -> !tileUrls(page.resourceUrls()).isEmpty());
        page.waitForTiles();

        assertThat(tileUrls(page.resourceUrls())).allSatisfy(url -> assertThat(queryOf(url)).containsEntry("crs", "gcj02"));
        // The creek lies where the GCJ-02 frame puts it (100–700 m from its WGS84 place): the server shifted it.
        assertSameColour(page.tilePixelAt("lilong-areas", CREEK_LON, CREEK_LAT), WATER_FILL);

        new Select(page.driver().findElement(By.id("basemap-select"))).selectByValue("none");
        page.waitForTiles();
        // Back in WGS84 the page may redraw from tiles it still holds; tiles it has not seen yet it asks for anew.
        assertSameColour(page.tilePixelAt("lilong-areas", CREEK_LON, CREEK_LAT), WATER_FILL);
        page.js("performance.clearResourceTimings(); const map = Lilong.app.map;"
                + "map.setView(Lilong.app.display.coordsToLatLng([arguments[0], arguments[1]]), map.getZoom() + 1, {animate: false});"
                + "return true;", CREEK_LON, CREEK_LAT);
        page.waitForTiles();

        assertThat(tileUrls(page.resourceUrls())).isNotEmpty().allSatisfy(url -> assertThat(queryOf(url)).doesNotContainKey("crs"));
        assertSameColour(page.tilePixelAt("lilong-areas", CREEK_LON, CREEK_LAT), WATER_FILL);
    }

    @Test
    void inTheLifeCircleModeAClickOnATiledGridStartsAWalkAndOpensNoPopup() {
        page.openMap();
        page.driver().findElement(By.id("lifecircle-toggle")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".speed-option.selected")));
        page.js("window.lilongFetches = []; const original = window.fetch;"
                + "window.fetch = (url, options) => { window.lilongFetches.push(String(url)); return original(url, options); };"
                + "return true;");

        page.clickMapAt(NEAR_LANE_LON, NEAR_LANE_LAT);
        page.waitFor(d -> "done".equals(d.findElement(By.id("lifecircle-panel")).getDomAttribute("data-state")));

        assertThat(MapPageSession.strings(page.js("return window.lilongFetches;")))
                .anyMatch(url -> url.contains("/analysis/isochrones"))
                .noneMatch(url -> url.contains("/collections/grids/items"));
        assertThat(page.driver().findElements(By.cssSelector(".leaflet-popup"))).isEmpty();
    }

    @Test
    void thePointerIsAHandOverATiledFeatureAndNotOverBareGround() {
        page.openMap();

        page.hoverMapAt(HOSTILE_GRID_LON, HOSTILE_GRID_LAT);
        page.waitFor(d -> "pointer".equals(page.js("return getComputedStyle(document.getElementById('map')).cursor;")));

        page.hoverMapAt(BARE_LON, BARE_LAT);
        page.waitFor(d -> !"pointer".equals(page.js("return getComputedStyle(document.getElementById('map')).cursor;")));
        assertThat(page.driver().findElement(By.id("map")).getDomAttribute("class")).doesNotContain("tiled-feature-hover");
    }

    @Test
    void theWhereLookupOutlinesTheSmallestGridThoughItsLayerIsTiled() {
        page.openMap();

        page.clickMapAt(SmallDistrict.INSIDE_BUILDING_GROUP_LON, SmallDistrict.INSIDE_BUILDING_GROUP_LAT);
        page.waitFor(ExpectedConditions.attributeToBe(By.id("where-panel"), "data-state", "done"));
        WebElement outline = page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("path.where-grid-highlight")));

        // Building group 7 is 121.490–121.495 × 31.235–31.240: its outline's box, on screen. Both boxes
        // are read in one script, and again until they agree, because the lookup may still be moving
        // the map (a pan animation) when the outline first appears.
        String script = "const map = Lilong.app.map;"
                + "const a = map.latLngToContainerPoint(Lilong.app.display.coordsToLatLng([121.490, 31.240]));"
                + "const b = map.latLngToContainerPoint(Lilong.app.display.coordsToLatLng([121.495, 31.235]));"
                + "const box = map.getContainer().getBoundingClientRect();"
                + "const r = arguments[0].getBoundingClientRect();"
                + "return [box.left + a.x, box.top + a.y, box.left + b.x, box.top + b.y, r.left, r.top, r.right, r.bottom].map(String);";
        List<List<Double>> last = new java.util.ArrayList<>();
        try {
            page.waitFor(d -> {
                List<Double> boxes = MapPageSession.strings(page.js(script, outline)).stream().map(Double::valueOf).toList();
                last.clear();
                last.add(boxes);
                for (int i = 0; i < 4; i++) {
                    if (Math.abs(boxes.get(i) - boxes.get(i + 4)) > 3.0) {
                        return false;
                    }
                }
                return true;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            List<Double> boxes = last.get(0);
            for (int i = 0; i < 4; i++) {
                assertThat(boxes.get(i + 4)).as("edge %d of the outline", i).isCloseTo(boxes.get(i), within(3.0));
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(page.origin() + pathAndQuery))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> tileUrls(List<String> urls) {
        return urls.stream().filter(url -> URI.create(url).getPath().startsWith("/tiles/")).toList();
    }

    private static Set<String> requestedLayers(List<String> tileUrls) {
        Set<String> layers = new TreeSet<>();
        tileUrls.forEach(url -> layers.addAll(layersOf(url)));
        return layers;
    }

    private static List<String> layersOf(String url) {
        String layers = queryOf(url).get("layers");
        return layers == null ? List.of() : Arrays.asList(layers.split(","));
    }

    private static Map<String, String> queryOf(String url) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    /** Equal within what anti-aliasing and alpha rounding change. */
    private static void assertSameColour(List<Integer> rgba, List<Integer> expected) {
        assertThat(rgba).as("a tile covers the point").hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(rgba.get(i)).as("channel %d of %s", i, rgba).isCloseTo(expected.get(i), within(3));
        }
    }

    /** Residential grid 5 of {@link SmallDistrict}, renamed to a string that would run script if parsed as HTML. */
    private static Feature hostileGrid() throws ParseException {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("code", "LL-02-02");
        properties.put("name", SmallDistrict.HOSTILE_NAME);
        properties.put("level", "residential");
        properties.put("parent_code", "LL-02");
        properties.put("leader_name", "网格长5");
        properties.put("leader_phone", "021-63280005");
        properties.put("households", 500L);
        return new Feature(5, new WKTReader(GeometryFactories.WGS84).read("POLYGON ((121.49 31.22, 121.50 31.22, 121.50 31.23, 121.49 31.23, 121.49 31.22))"),
                properties);
    }
}
