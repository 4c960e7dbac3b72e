package org.lilong.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.geodata.demo.DemoDistrict;
import org.lilong.geodata.demo.DemoDistrictGenerator;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.gpkg.GeoPackageStore;
import org.lilong.server.config.ServerConfig;
import org.lilong.server.http.LilongServer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The coverage mode of the map page (choropleth, gaps, summary, suggested sites, what if), in a real
 * headless Chromium against the real server over the generated demo district (default seed), with
 * one uncovered unit renamed to an HTML string. Every number the page shows is compared with the
 * API's own answer to the same question. Skipped without Chromium, unless LILONG_REQUIRE_BROWSER=true.
 */
class CoverageBrowserTest {

    private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>";
    /** The level the choropleth shows first. */
    private static final String DEFAULT_LEVEL = "residential";
    /** About 65 m: a click there lands on the map, not on a station marker. */
    private static final double CLEAR_OF_STATIONS_DEGREES = 0.0006;
    private static final double SHARE_TOLERANCE = 1e-9;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static DemoDistrict demo;
    private static Atlas atlas;
    private static LilongServer server;
    private static MapPageSession page;
    /** The category the panel opens with: the first of the summary that has any facility. */
    private static String defaultCategory;
    /** The uncovered unit (of the default category) renamed to {@link #HOSTILE_NAME}. */
    private static Unit hostile;

    /** A residential unit as the gaps name it, and a point inside it. */
    private record Unit(String layer, long id, long residents, Coordinate inside) {
    }

    @BeforeAll
    static void startServerAndBrowser() throws Exception {
        MapPageSession.requireBrowser();
        demo = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED);
        atlas = new Atlas(GeoPackageStore.open(dir.resolve("demo.gpkg"), LayerCatalogue.standard()));
        atlas.apply(demo.toChangeSet());
        server = LilongServer.start(atlas, ServerConfig.defaults().withPort(0));
        String origin = "http://127.0.0.1:" + server.port();
        defaultCategory = firstCategoryWithFacilities(getFrom(origin, "/analysis/coverage"));
        hostile = gapUnits(getFrom(origin, gapsPath(defaultCategory))).stream()
                .filter(CoverageBrowserTest::clearOfStations)
                .min(Comparator.comparingDouble(unit -> unit.inside().distance(districtCentre())))
                .orElseThrow(() -> new AssertionError("no uncovered unit of " + defaultCategory + " fits the test"));
        atlas.apply(new ChangeSet().update(hostile.layer(), renamed(hostile, HOSTILE_NAME)));
        page = MapPageSession.start(Files.createDirectories(dir.resolve("chrome-profile")), origin);
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
    void openingThePanelColoursEveryResidentialGridWithTheApisCoveredShare() throws Exception {
        openCoverage();

        JsonNode coverage = get(coveragePath(defaultCategory));
        Map<String, String> expected = sharesOfLevel(coverage, DEFAULT_LEVEL);
        List<Long> residentialGrids = demo.features(LayerCatalogue.GRIDS).stream()
                .filter(grid -> DEFAULT_LEVEL.equals(grid.get("level"))).map(Feature::id).toList();
        Map<String, String> drawn = drawnShares();
        assertThat(drawn.keySet()).containsExactlyInAnyOrderElementsOf(residentialGrids.stream().map(String::valueOf).toList());
        assertThat(drawn.keySet()).isEqualTo(expected.keySet());
        drawn.forEach((id, share) -> assertSameShare(id, share, expected.get(id)));
        assertThat(MapPageSession.strings(page.js("return window.lilongErrors;"))).isEmpty();
    }

    @Test
    void theGapPathsAreTheApisUncoveredUnits() throws Exception {
        openCoverage();

        List<String> expected = gapUnits(get(gapsPath(defaultCategory))).stream().map(u -> u.layer() + "/" + u.id()).toList();
        assertThat(expected).as("the demo has gaps for %s", defaultCategory).isNotEmpty();
        assertThat(drawnGaps()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theTotalsAreTheApisCoveredAndUncoveredResidents() throws Exception {
        openCoverage();

        JsonNode coverage = get(coveragePath(defaultCategory));
        WebElement totals = page.driver().findElement(By.id("coverage-totals"));
        assertThat(totals.getDomAttribute("data-covered")).isEqualTo(coverage.get("covered").asText());
        assertThat(totals.getDomAttribute("data-uncovered")).isEqualTo(coverage.get("uncovered").asText());
        assertThat(digits(totals.findElement(By.cssSelector(".coverage-uncovered")).getText()))
                .isEqualTo(coverage.get("uncovered").asText());
        assertThat(digits(page.driver().findElement(By.cssSelector("#coverage-panel .coverage-threshold")).getText()))
                .startsWith(String.valueOf(Math.round(coverage.get("thresholdMetres").asDouble())));
    }

    @Test
    void choosingAnotherCategoryRedrawsTheChoroplethAndTheGapsForIt() throws Exception {
        openCoverage();
        String other = categoryWithOtherGapsThan(defaultCategory);

        new Select(page.driver().findElement(By.id("coverage-category"))).selectByValue(other);
        waitForCoverage(other);

        List<String> expectedGaps = gapUnits(get(gapsPath(other))).stream().map(u -> u.layer() + "/" + u.id()).toList();
        assertThat(drawnGaps()).containsExactlyInAnyOrderElementsOf(expectedGaps);
        Map<String, String> expectedShares = sharesOfLevel(get(coveragePath(other)), DEFAULT_LEVEL);
        drawnShares().forEach((id, share) -> assertSameShare(id, share, expectedShares.get(id)));
    }

    @Test
    void theExportLinksDownloadTheGapsThatAreDrawn() throws Exception {
        openCoverage();
        List<String> drawn = drawnGaps();

        String geojson = page.driver().findElement(By.id("coverage-export-geojson")).getDomAttribute("href");
        String csv = page.driver().findElement(By.id("coverage-export-csv")).getDomAttribute("href");

        assertThat(gapUnits(JSON.readTree(download(geojson))).stream().map(u -> u.layer() + "/" + u.id()).toList())
                .containsExactlyInAnyOrderElementsOf(drawn);
        List<String> rows = List.of(download(csv).split("\r\n"));
        assertThat(rows.get(0)).startsWith("layer,id,");
        assertThat(rows.subList(1, rows.size()).stream().map(row -> row.split(",", 3)).map(cells -> cells[0] + "/" + cells[1]).toList())
                .containsExactlyInAnyOrderElementsOf(drawn);
    }

    @Test
    void theSummaryHasOneRowPerProfileCategoryInProfileOrder() throws Exception {
        openCoverage();

        List<String> profileIds = new ArrayList<>();
        get("/analysis/profile").get("categories").forEach(category -> profileIds.add(category.get("id").asText()));
        assertThat(page.driver().findElements(By.cssSelector(".coverage-summary-row")).stream()
                .map(row -> row.getDomAttribute("data-category")).toList()).isEqualTo(profileIds);
        assertThat(page.driver().findElement(By.cssSelector(".coverage-summary-row.selected")).getDomAttribute("data-category"))
                .isEqualTo(defaultCategory);
    }

    @Test
    void clickingASummaryRowSwitchesToItsCategory() throws Exception {
        openCoverage();
        String other = categoryWithOtherGapsThan(defaultCategory);

        page.driver().findElement(By.cssSelector(".coverage-summary-row[data-category='" + other + "'] .coverage-summary-name")).click();
        waitForCoverage(other);

        assertThat(new Select(page.driver().findElement(By.id("coverage-category"))).getFirstSelectedOption().getDomAttribute("value"))
                .isEqualTo(other);
        assertThat(page.driver().findElement(By.id("coverage-totals")).getDomAttribute("data-covered"))
                .isEqualTo(get(coveragePath(other)).get("covered").asText());
    }

    @Test
    void suggestingTwoSitesDrawsTwoNumberedMarkersWithTheApisGains() throws Exception {
        openCoverage();
        WebElement k = page.driver().findElement(By.id("coverage-k"));
        k.clear();
        k.sendKeys("2");

        page.driver().findElement(By.id("coverage-suggest")).click();
        waitForState("#coverage-panel .coverage-suggest", "done");

        JsonNode suggestion = get("/analysis/suggest-sites?category=" + encode(defaultCategory) + "&k=2");
        List<String> gains = new ArrayList<>();
        int newlyCovered = 0;
        for (JsonNode site : suggestion.get("sites")) {
            gains.add(site.get("gain").asText());
            newlyCovered += site.get("newlyCovered").size();
        }
        List<WebElement> markers = page.driver().findElements(By.cssSelector(".leaflet-marker-icon.suggested-site"));
        assertThat(markers).hasSize(2);
        assertThat(markers.stream().map(WebElement::getText).toList()).containsExactly("1", "2");
        assertThat(markers.stream().map(m -> m.getDomAttribute("data-gain")).toList()).isEqualTo(gains);
        assertThat(page.driver().findElements(By.cssSelector(".suggested-site-row .suggested-site-gain")).stream()
                .map(WebElement::getText).map(CoverageBrowserTest::digits).toList()).isEqualTo(gains);
        assertThat(page.driver().findElement(By.cssSelector(".suggest-total")).getDomAttribute("data-total-gain"))
                .isEqualTo(suggestion.get("totalGain").asText());
        assertThat(page.driver().findElements(By.cssSelector("path.newly-covered"))).hasSize(newlyCovered);
    }

    @Test
    void aFacilityProposedOnAnUncoveredUnitRaisesTheShareAsTheApiSays() throws Exception {
        openCoverage();
        // Near the centre: clear of the map's controls in the corners.
        Unit target = gapUnits(get(gapsPath(defaultCategory))).stream()
                .min(Comparator.comparingDouble(unit -> unit.inside().distance(districtCentre()))).orElseThrow();

        page.driver().findElement(By.id("coverage-add-facility")).click();
        page.clickMapAt(target.inside().x, target.inside().y);
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("path.proposal.proposal-facility")));
        page.driver().findElement(By.id("coverage-compare")).click();
        waitForState("#coverage-panel .coverage-whatif", "done");

        String body = (String) page.js("return Lilong.coverage.lastWhatIfBody();");
        JsonNode answer = post("/analysis/what-if", body);
        WebElement result = page.driver().findElement(By.cssSelector("#coverage-panel .whatif-result"));
        assertThat(result.getDomAttribute("data-before-covered")).isEqualTo(answer.get("before").get("covered").asText());
        assertThat(result.getDomAttribute("data-after-covered")).isEqualTo(answer.get("after").get("covered").asText());
        assertThat(result.getDomAttribute("data-gain")).isEqualTo(answer.get("gain").asText());
        double before = Double.parseDouble(result.getDomAttribute("data-before-share"));
        double after = Double.parseDouble(result.getDomAttribute("data-after-share"));
        assertThat(after).isGreaterThanOrEqualTo(before);
        assertThat(after).isCloseTo(answer.get("after").get("coveredShare").asDouble(), within(SHARE_TOLERANCE));
        assertThat(digits(page.driver().findElement(By.cssSelector(".whatif-after-covered")).getText()))
                .isEqualTo(answer.get("after").get("covered").asText());
        assertThat(page.driver().findElements(By.cssSelector("path.proposal.proposal-facility"))).hasSize(1);
    }

    @Test
    void twoClicksProposeALinkThatIsDrawnAndComparedAsTheApiSays() throws Exception {
        openCoverage();
        List<Unit> central = gapUnits(get(gapsPath(defaultCategory))).stream()
                .sorted(Comparator.comparingDouble(unit -> unit.inside().distance(districtCentre()))).limit(2).toList();

        page.driver().findElement(By.id("coverage-add-link")).click();
        page.clickMapAt(central.get(0).inside().x, central.get(0).inside().y);
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("path.proposal.proposal-link-start")));
        page.clickMapAt(central.get(1).inside().x, central.get(1).inside().y);
        page.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("path.proposal.proposal-link"), 1));
        page.driver().findElement(By.id("coverage-compare")).click();
        waitForState("#coverage-panel .coverage-whatif", "done");

        String body = (String) page.js("return Lilong.coverage.lastWhatIfBody();");
        JsonNode link = JSON.readTree(body).get("links").get(0);
        assertThat(link.get("type").asText()).isEqualTo("LineString");
        assertThat(link.get("coordinates")).hasSize(2);
        JsonNode answer = post("/analysis/what-if", body);
        WebElement result = page.driver().findElement(By.cssSelector("#coverage-panel .whatif-result"));
        assertThat(result.getDomAttribute("data-gain")).isEqualTo(answer.get("gain").asText());
        assertThat(result.getDomAttribute("data-after-covered")).isEqualTo(answer.get("after").get("covered").asText());
        assertThat(page.driver().findElements(By.cssSelector("path.proposal-link-start"))).isEmpty();
    }

    @Test
    void aUnitWithAnHtmlNameShowsItAsLiteralTextAndRunsNothing() {
        page.openMap();
        page.recordAlerts();
        enterCoverage();

        page.clickMapAt(hostile.inside().x, hostile.inside().y);

        WebElement name = page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                ".leaflet-popup .coverage-gap-popup[data-layer='" + hostile.layer() + "'][data-feature-id='" + hostile.id() + "'] .coverage-gap-name")));
        assertThat(name.getText()).isEqualTo(HOSTILE_NAME);
        assertThat(page.driver().findElements(By.cssSelector("#side-panel img, .leaflet-popup img, #map img:not(.leaflet-tile)"))).isEmpty();
        assertThat(page.alertsSeen()).isEmpty();
        assertThatThrownBy(() -> page.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void theLanguageSwitchRelabelsTheCoveragePanel() throws Exception {
        openCoverage();
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        get("/analysis/profile").get("categories").forEach(category -> {
            zh.add(category.get("nameZh").asText());
            en.add(category.get("nameEn").asText());
        });
        String residentialEn = StreamSupport.stream(get("/map-config").get("gridLevels").spliterator(), false)
                .filter(level -> DEFAULT_LEVEL.equals(level.get("code").asText()))
                .map(level -> level.get("titleEn").asText()).findFirst().orElseThrow();
        assertThat(page.texts("#coverage-panel h2")).containsExactly("覆盖缺口");
        assertThat(page.texts(".coverage-summary-name")).isEqualTo(zh);

        page.driver().findElement(By.id("lang-toggle")).click();

        // The heading is upper-cased by the stylesheet.
        page.waitFor(d -> d.findElement(By.cssSelector("#coverage-panel h2")).getText().equalsIgnoreCase("Coverage gaps"));
        assertThat(page.texts(".coverage-summary-name")).isEqualTo(en);
        assertThat(page.driver().findElement(By.id("coverage-toggle")).getText()).isEqualTo("Coverage");
        assertThat(new Select(page.driver().findElement(By.id("coverage-level"))).getFirstSelectedOption().getText())
                .isEqualTo(residentialEn);
        assertThat(page.driver().findElement(By.id("coverage-suggest")).getText()).isEqualTo("Suggest");
    }

    @Test
    void enteringTheCoverageModeLeavesTheLifeCircle() {
        page.openMap();
        page.driver().findElement(By.id("lifecircle-toggle")).click();
        page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("lifecircle-panel")));

        enterCoverage();

        assertThat(page.driver().findElement(By.id("lifecircle-panel")).isDisplayed()).isFalse();
        assertThat(page.driver().findElement(By.id("lifecircle-toggle")).getDomAttribute("aria-pressed")).isEqualTo("false");
        assertThat(page.driver().findElement(By.id("where-panel")).isDisplayed()).isFalse();
    }

    @Test
    void aThresholdTheServerRefusesIsExplainedInThePanelNotInAnAlert() {
        openCoverage();
        page.recordAlerts();
        WebElement minutes = page.driver().findElement(By.id("coverage-minutes"));
        minutes.clear();
        minutes.sendKeys("100000");
        // Leaving the field commits the value, as on a phone.
        page.driver().findElement(By.cssSelector("#coverage-panel h2")).click();

        page.waitFor(ExpectedConditions.attributeToBe(By.id("coverage-panel"), "data-state", "error"));
        assertThat(page.driver().findElement(By.cssSelector("#coverage-panel .coverage-main-error")).getText()).isNotBlank();
        assertThat(page.driver().findElements(By.cssSelector("path.coverage-grid"))).isEmpty();
        assertThat(page.alertsSeen()).isEmpty();
    }

    // ---- the page -----------------------------------------------------------------------------

    private static void openCoverage() {
        page.openMap();
        enterCoverage();
    }

    private static void enterCoverage() {
        page.driver().findElement(By.id("coverage-toggle")).click();
        page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("coverage-panel")));
        waitForCoverage(defaultCategory);
    }

    private static void waitForCoverage(String category) {
        page.waitFor(d -> "done".equals(d.findElement(By.id("coverage-panel")).getDomAttribute("data-state"))
                && category.equals(d.findElement(By.id("coverage-panel")).getDomAttribute("data-category")));
    }

    /** Read in one script: the panel is redrawn as answers arrive, so an element found earlier may be gone. */
    private static void waitForState(String css, String state) {
        page.waitFor(d -> state.equals(page.js("const e = document.querySelector(arguments[0]); return e ? e.dataset.state : null;", css)));
    }

    /** Grid id → data-share of each choropleth path. */
    private static Map<String, String> drawnShares() {
        Map<String, String> shares = new HashMap<>();
        page.driver().findElements(By.cssSelector("path.coverage-grid")).forEach(path -> {
            String previous = shares.put(path.getDomAttribute("data-feature-id"), path.getDomAttribute("data-share"));
            assertThat(previous).as("one path per grid").isNull();
        });
        return shares;
    }

    private static List<String> drawnGaps() {
        return page.driver().findElements(By.cssSelector("path.coverage-gap")).stream()
                .map(path -> path.getDomAttribute("data-layer") + "/" + path.getDomAttribute("data-feature-id")).toList();
    }

    private static void assertSameShare(String gridId, String drawn, String expected) {
        if (expected == null || expected.isEmpty()) {
            assertThat(drawn).as("grid %s has no share", gridId).isEmpty();
        } else {
            assertThat(Double.parseDouble(drawn)).as("share of grid %s", gridId).isCloseTo(Double.parseDouble(expected), within(SHARE_TOLERANCE));
        }
    }

    private static String digits(String text) {
        return text.replaceAll("[^0-9]", "");
    }

    // ---- the API ------------------------------------------------------------------------------

    private static String coveragePath(String category) {
        return "/analysis/coverage?category=" + encode(category);
    }

    private static String gapsPath(String category) {
        return "/analysis/coverage/gaps?category=" + encode(category) + "&f=geojson";
    }

    /** Grid id → coveredShare ("" for none) of the grids of one level in a coverage answer. */
    private static Map<String, String> sharesOfLevel(JsonNode coverage, String level) {
        Map<String, String> shares = new HashMap<>();
        coverage.get("grids").forEach(grid -> {
            if (level.equals(grid.get("level").asText())) {
                JsonNode share = grid.get("coveredShare");
                shares.put(grid.get("id").asText(), share == null || share.isNull() ? "" : share.asText());
            }
        });
        return shares;
    }

    private static String firstCategoryWithFacilities(JsonNode summary) {
        for (JsonNode row : summary.get("summary")) {
            if (row.get("facilities").asInt() > 0) {
                return row.get("category").get("id").asText();
            }
        }
        throw new AssertionError("no category has a facility: " + summary);
    }

    /** A category with facilities whose gaps differ from those of category, so that a redraw shows. */
    private static String categoryWithOtherGapsThan(String category) throws Exception {
        List<String> gaps = gapUnits(get(gapsPath(category))).stream().map(u -> u.layer() + "/" + u.id()).sorted().toList();
        for (JsonNode row : get("/analysis/coverage").get("summary")) {
            String id = row.get("category").get("id").asText();
            if (!id.equals(category) && row.get("facilities").asInt() > 0
                    && !gapUnits(get(gapsPath(id))).stream().map(u -> u.layer() + "/" + u.id()).sorted().toList().equals(gaps)) {
                return id;
            }
        }
        throw new AssertionError("no other category has different gaps from " + category);
    }

    /** The units of a gaps answer, each with a point inside it taken from the demo's own geometry. */
    private static List<Unit> gapUnits(JsonNode gaps) {
        List<Unit> units = new ArrayList<>();
        gaps.get("features").forEach(feature -> {
            JsonNode p = feature.get("properties");
            String layer = p.get("layer").asText();
            long id = p.get("featureId").asLong();
            Feature source = demoFeature(layer, id);
            units.add(new Unit(layer, id, p.get("residents").asLong(), source.geometry().getInteriorPoint().getCoordinate()));
        });
        return units;
    }

    private static JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        return getFrom(page.origin(), pathAndQuery);
    }

    private static JsonNode getFrom(String origin, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(origin + pathAndQuery))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(pathAndQuery + " → " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** What a browser gets for a link: it asks for HTML first, as a browser following a link does. */
    private static String download(String href) throws IOException, InterruptedException {
        assertThat(href).as("an export link on this server").startsWith("/");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(page.origin() + href))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(href + " → " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode post(String path, String body) throws IOException, InterruptedException {
        assertThat(body).as("the page posted a what-if").isNotNull();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(page.origin() + path))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + body + " → " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // ---- the fixture --------------------------------------------------------------------------

    private static Feature demoFeature(String layer, long id) {
        return demo.features(layer).stream().filter(f -> f.id() == id).findFirst()
                .orElseThrow(() -> new AssertionError("no " + layer + " " + id + " in the demo"));
    }

    private static Coordinate districtCentre() {
        return demo.features(LayerCatalogue.SUBDISTRICTS).get(0).geometry().getEnvelopeInternal().centre();
    }

    private static boolean clearOfStations(Unit unit) {
        Point inside = GeometryFactories.WGS84.createPoint(unit.inside());
        return demo.features(LayerCatalogue.SERVICE_STATIONS).stream()
                .allMatch(station -> station.geometry().distance(inside) > CLEAR_OF_STATIONS_DEGREES);
    }

    private static Feature renamed(Unit unit, String name) {
        Feature source = demoFeature(unit.layer(), unit.id());
        Map<String, Object> properties = new LinkedHashMap<>(source.properties());
        properties.put("name", name);
        return new Feature(source.id(), source.geometry(), properties);
    }
}
