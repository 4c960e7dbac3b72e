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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The life circle on the map page, in a real headless Chromium against the real server over the
 * generated demo district (default seed) plus one canteen with a hostile name a few dozen metres
 * along the street from the point the tests click. Skipped without Chromium, unless
 * LILONG_REQUIRE_BROWSER=true.
 */
class LifeCircleBrowserTest {

    private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>";
    private static final String HOSTILE_CATEGORY = "canteen";
    /** About 45 m of longitude or latitude here: near the click, yet clear of its pixel. */
    private static final double HOSTILE_OFFSET_DEGREES = 0.0004;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static Atlas atlas;
    private static LilongServer server;
    private static MapPageSession page;
    private static Coordinate start;
    /** Inside a residential area near the centre, clear of stations. */
    private static Coordinate area;
    private static Envelope district;
    private static long hostileId;

    @BeforeAll
    static void startServerAndBrowser() throws IOException {
        MapPageSession.requireBrowser();
        DemoDistrict demo = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED);
        district = demo.features(LayerCatalogue.SUBDISTRICTS).get(0).geometry().getEnvelopeInternal();
        LineString street = centralStreetClearOfStations(demo);
        LengthIndexedLine along = new LengthIndexedLine(street);
        double middle = along.getEndIndex() / 2;
        start = along.extractPoint(middle);
        Coordinate hostileAt = along.extractPoint(middle + HOSTILE_OFFSET_DEGREES);
        area = centralResidentialAreaPoint(demo);
        hostileId = demo.features(LayerCatalogue.SERVICE_STATIONS).stream().mapToLong(Feature::id).max().orElse(0) + 1;

        atlas = new Atlas(GeoPackageStore.open(dir.resolve("demo.gpkg"), LayerCatalogue.standard()));
        atlas.apply(demo.toChangeSet());
        atlas.apply(new ChangeSet().insert(LayerCatalogue.SERVICE_STATIONS, station(hostileId, hostileAt)));
        server = LilongServer.start(atlas, ServerConfig.defaults().withPort(0));
        page = MapPageSession.start(Files.createDirectories(dir.resolve("chrome-profile")),
                "http://127.0.0.1:" + server.port());
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
    void aClickOnAStreetInLifeCircleModeDrawsThreeNestedIsochrones() {
        openLifeCircleAtStart();

        assertThat(page.driver().findElements(By.cssSelector("path.isochrone"))).hasSize(3);
        Box five = box("path.isochrone.isochrone-5");
        Box ten = box("path.isochrone.isochrone-10");
        Box fifteen = box("path.isochrone.isochrone-15");
        assertThat(five.area()).isPositive();
        assertThat(ten.contains(five)).as("5 ⊂ 10: %s in %s", five, ten).isTrue();
        assertThat(fifteen.contains(ten)).as("10 ⊂ 15: %s in %s", ten, fifteen).isTrue();
        assertThat(fifteen.area()).isGreaterThan(five.area());
        // Lightest first: the 15-minute shade lies under the others in the SVG.
        assertThat(MapPageSession.strings(page.js("return Array.from(document.querySelectorAll('path.isochrone'))"
                + ".map(p => p.getAttribute('class').match(/isochrone-(\\d+)/)[1]);"))).containsExactly("15", "10", "5");
        assertThat(page.driver().findElements(By.cssSelector(".reachable-facility"))).isNotEmpty();
        assertThat(MapPageSession.strings(page.js("return window.lilongErrors;"))).isEmpty();
    }

    @Test
    void theChecklistHasOneRowWithAStatusPerProfileCategory() throws Exception {
        openLifeCircleAtStart();

        List<String> profileIds = new ArrayList<>();
        get("/analysis/profile").get("categories").forEach(category -> profileIds.add(category.get("id").asText()));
        List<WebElement> rows = page.driver().findElements(By.cssSelector("#lifecircle-panel .checklist-row"));
        assertThat(rows.stream().map(row -> row.getDomAttribute("data-category")).toList()).isEqualTo(profileIds);
        assertThat(rows).allSatisfy(row -> assertThat(statusClassesOf(row)).hasSize(1));
        JsonNode report = get("/analysis/life-circle?lon=" + start.x + "&lat=" + start.y);
        assertThat(page.driver().findElements(By.cssSelector(".checklist-row.status-pass"))).hasSize(report.get("passed").asInt());
        assertThat(page.driver().findElements(By.cssSelector(".checklist-row.status-fail"))).hasSize(report.get("failed").asInt());
        assertThat(page.driver().findElements(By.cssSelector(".checklist-row.status-no-data"))).hasSize(report.get("noData").asInt());
    }

    @Test
    void aFacilityWithAnHtmlNameShowsItAsLiteralTextAndRunsNothing() throws Exception {
        page.openMap();
        page.recordAlerts();
        enterLifeCircleAndClickStart();

        JsonNode nearest = categoryOf(get("/analysis/life-circle?lon=" + start.x + "&lat=" + start.y), HOSTILE_CATEGORY).get("nearest");
        assertThat(nearest.get("id").asLong()).as("the fixture's canteen is the nearest").isEqualTo(hostileId);
        WebElement row = page.driver().findElement(By.cssSelector(".checklist-row[data-category='" + HOSTILE_CATEGORY + "']"));
        assertThat(row.findElement(By.cssSelector(".nearest-name")).getText()).isEqualTo(HOSTILE_NAME);
        new Actions(page.driver()).moveToElement(page.driver().findElement(
                By.cssSelector(".reachable-facility[data-category='" + HOSTILE_CATEGORY + "'][data-feature-id='" + hostileId + "']"))).perform();
        WebElement tooltip = page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-tooltip .reachable-name")));
        assertThat(tooltip.getText()).isEqualTo(HOSTILE_NAME);
        assertThat(page.driver().findElements(By.cssSelector("#side-panel img, .leaflet-tooltip img, #map img:not(.leaflet-tile)"))).isEmpty();
        assertThat(page.alertsSeen()).isEmpty();
        assertThatThrownBy(() -> page.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void switchingToTheElderlySpeedShrinksTheFifteenMinuteShade() {
        openLifeCircleAtStart();
        assertThat(page.driver().findElement(By.id("lifecircle-panel")).getDomAttribute("data-speed")).isEqualTo("adult");
        Box adult = box("path.isochrone.isochrone-15");

        page.driver().findElement(By.cssSelector(".speed-option[data-speed='elderly']")).click();
        waitForAnswer("elderly");

        Box elderly = box("path.isochrone.isochrone-15");
        assertThat(elderly.area()).isLessThan(adult.area());
        assertThat(adult.contains(elderly)).as("the slower walk reaches no farther: %s in %s", elderly, adult).isTrue();
        assertThat(page.driver().findElement(By.cssSelector(".speed-option[data-speed='elderly']")).getDomAttribute("aria-pressed"))
                .isEqualTo("true");
    }

    @Test
    void clickingARowDrawsTheWalkToItsNearestFacilityAndFitsTheMapToIt() {
        openLifeCircleAtStart();
        assertThat(page.driver().findElements(By.cssSelector("path.walk-route"))).isEmpty();

        WebElement row = page.driver().findElement(By.cssSelector(".checklist-row.status-pass"));
        String category = row.getDomAttribute("data-category");
        row.findElement(By.cssSelector("button.checklist-button")).click();

        WebElement route = page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("path.walk-route")));
        assertThat(page.driver().findElements(By.cssSelector("path.walk-route"))).hasSize(1);
        assertThat(page.driver().findElement(By.cssSelector(".checklist-row[data-category='" + category + "']")).getDomAttribute("class"))
                .contains("selected");
        page.waitFor(d -> box("#map").contains(boxOf(route)));
    }

    @Test
    void aClickFarFromAnyStreetShowsAReadableMessageInThePanel() {
        page.openMap();
        page.recordAlerts();
        page.driver().findElement(By.id("lifecircle-toggle")).click();
        // Zoomed out so that a point a kilometre west of the district is on screen.
        page.js("Lilong.app.map.setZoom(Lilong.app.map.getZoom() - 2, {animate: false}); return true;");
        page.clickMapAt(district.getMinX() - 0.01, (district.getMinY() + district.getMaxY()) / 2);

        page.waitFor(ExpectedConditions.attributeToBe(By.id("lifecircle-panel"), "data-state", "error"));
        assertThat(page.driver().findElement(By.cssSelector("#lifecircle-panel .lifecircle-error-message")).getText())
                .isEqualTo("此处离可步行的街道太远，无法计算生活圈。请点击街道附近的位置。");
        assertThat(page.driver().findElements(By.cssSelector("path.isochrone"))).isEmpty();
        assertThat(page.alertsSeen()).isEmpty();
    }

    @Test
    void theLanguageSwitchRelabelsTheLifeCirclePanel() throws Exception {
        openLifeCircleAtStart();
        JsonNode report = get("/analysis/life-circle?lon=" + start.x + "&lat=" + start.y);
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        report.get("categories").forEach(category -> {
            zh.add(category.get("nameZh").asText());
            en.add(category.get("nameEn").asText());
        });
        assertThat(page.texts("#lifecircle-panel h2")).containsExactly("15 分钟生活圈");
        assertThat(page.texts("#lifecircle-panel .checklist-category")).isEqualTo(zh);

        page.driver().findElement(By.id("lang-toggle")).click();

        // The heading is upper-cased by the stylesheet.
        page.waitFor(d -> d.findElement(By.cssSelector("#lifecircle-panel h2")).getText().equalsIgnoreCase("15-minute life circle"));
        assertThat(page.texts("#lifecircle-panel .checklist-category")).isEqualTo(en);
        assertThat(page.driver().findElement(By.id("lifecircle-toggle")).getText()).isEqualTo("Life circle");
        assertThat(page.texts("#lifecircle-panel .lifecircle-legend .legend-entry")).contains("5-minute walk", "15-minute walk");
        assertThat(page.driver().findElement(By.cssSelector("#lifecircle-panel .lifecircle-leave")).getText()).contains("leave");
    }

    @Test
    void theResidentialAreaOfAClickedPlaceStartsALifeCircleFromTheWholeArea() throws Exception {
        page.openMap();
        page.clickMapAt(area.x, area.y);
        page.waitFor(ExpectedConditions.attributeToBe(By.id("where-panel"), "data-state", "done"));
        JsonNode found = get("/where?lon=" + area.x + "&lat=" + area.y).get("residentialArea");

        page.driver().findElement(By.cssSelector("#where-panel .where-lifecircle")).click();
        waitForAnswer("adult");

        assertThat(page.driver().findElement(By.id("where-panel")).isDisplayed()).isFalse();
        assertThat(page.driver().findElement(By.cssSelector("#lifecircle-panel .lifecircle-start-line")).getText())
                .contains(found.get("name").asText());
        assertThat(page.driver().findElements(By.cssSelector("path.isochrone"))).hasSize(3);
        JsonNode report = get("/analysis/life-circle?area=" + found.get("id").asText());
        assertThat(report.get("start").get("area").get("id").asText()).isEqualTo(found.get("id").asText());
        assertThat(page.driver().findElements(By.cssSelector(".checklist-row.status-pass"))).hasSize(report.get("passed").asInt());
    }

    @Test
    void theButtonInAResidentialAreasPopupStartsALifeCircleFromThatArea() throws Exception {
        page.openMap();
        page.driver().findElement(By.id("layer-toggle-grids")).click();   // grids lie over the areas
        page.driver().findElement(By.id("layer-toggle-residential-areas")).click();
        page.waitForTiledFeatures("residential-areas");
        page.waitForTiles();
        page.clickMapAt(area.x, area.y);
        WebElement button = page.waitFor(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".leaflet-popup .feature-popup[data-layer='residential-areas'] .popup-lifecircle")));
        String areaId = page.driver().findElement(By.cssSelector(".leaflet-popup .feature-popup")).getDomAttribute("data-feature-id");

        button.click();
        waitForAnswer("adult");

        // Leaflet fades a closed popup out before it removes it.
        page.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".leaflet-popup"), 0));
        assertThat(page.driver().findElements(By.cssSelector("path.lifecircle-area"))).hasSize(1);
        assertThat(page.driver().findElements(By.cssSelector("path.isochrone"))).hasSize(3);
        JsonNode report = get("/analysis/life-circle?area=" + areaId);
        assertThat(page.driver().findElement(By.cssSelector("#lifecircle-panel .lifecircle-start-line")).getText())
                .contains(report.get("start").get("area").get("name").asText());
    }

    // ---- the page -----------------------------------------------------------------------------

    private static void openLifeCircleAtStart() {
        page.openMap();
        enterLifeCircleAndClickStart();
    }

    private static void enterLifeCircleAndClickStart() {
        page.driver().findElement(By.id("lifecircle-toggle")).click();
        page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("lifecircle-panel")));
        assertThat(page.driver().findElement(By.id("where-panel")).isDisplayed()).isFalse();
        // The speed switch comes with the profile: wait for it so that the answer is at its default speed.
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".speed-option.selected")));
        page.clickMapAt(start.x, start.y);
        waitForAnswer("adult");
    }

    private static void waitForAnswer(String speed) {
        page.waitFor(d -> "done".equals(d.findElement(By.id("lifecircle-panel")).getDomAttribute("data-state"))
                && speed.equals(d.findElement(By.id("lifecircle-panel")).getDomAttribute("data-speed")));
    }

    private static List<String> statusClassesOf(WebElement row) {
        return List.of(row.getDomAttribute("class").split("\\s+")).stream()
                .filter(c -> c.equals("status-pass") || c.equals("status-fail") || c.equals("status-no-data")).toList();
    }

    /** A rectangle on screen, in CSS pixels. */
    private record Box(double left, double top, double right, double bottom) {

        static final double TOLERANCE = 1.0;

        boolean contains(Box other) {
            return other.left >= left - TOLERANCE && other.top >= top - TOLERANCE
                    && other.right <= right + TOLERANCE && other.bottom <= bottom + TOLERANCE;
        }

        double area() {
            return (right - left) * (bottom - top);
        }
    }

    private static Box box(String css) {
        return boxOf(page.driver().findElement(By.cssSelector(css)));
    }

    private static Box boxOf(WebElement element) {
        List<String> r = MapPageSession.strings(page.js("const r = arguments[0].getBoundingClientRect();"
                + "return [String(r.left), String(r.top), String(r.right), String(r.bottom)];", element));
        return new Box(Double.parseDouble(r.get(0)), Double.parseDouble(r.get(1)),
                Double.parseDouble(r.get(2)), Double.parseDouble(r.get(3)));
    }

    private static JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(page.origin() + pathAndQuery))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(pathAndQuery + " → " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode categoryOf(JsonNode report, String id) {
        for (JsonNode category : report.get("categories")) {
            if (id.equals(category.get("id").asText())) {
                return category;
            }
        }
        throw new AssertionError("no category " + id + " in " + report);
    }

    // ---- the fixture --------------------------------------------------------------------------

    /**
     * An ordinary street (no bridge, at least 100 m long) nearest the district's centre whose middle is
     * clear of every station by 60 m, so that a click there lands on the map, not on a marker.
     */
    private static LineString centralStreetClearOfStations(DemoDistrict demo) {
        Coordinate centre = district.centre();
        List<Point> stations = demo.features(LayerCatalogue.SERVICE_STATIONS).stream()
                .map(f -> (Point) f.geometry()).toList();
        return demo.features(LayerCatalogue.STREETS).stream()
                .filter(f -> !Boolean.TRUE.equals(f.get("bridge")))
                .map(Feature::geometry)
                .filter(LineString.class::isInstance)
                .map(LineString.class::cast)
                .filter(line -> line.getLength() >= 0.001)
                .filter(line -> stations.stream().allMatch(s -> s.distance(middleOf(line)) > 0.0006))
                .min(Comparator.comparingDouble(line -> middleOf(line).distance(GeometryFactories.WGS84.createPoint(centre))))
                .orElseThrow(() -> new AssertionError("no street fits the test"));
    }

    private static Coordinate centralResidentialAreaPoint(DemoDistrict demo) {
        Point centre = GeometryFactories.WGS84.createPoint(district.centre());
        List<Point> stations = demo.features(LayerCatalogue.SERVICE_STATIONS).stream()
                .map(f -> (Point) f.geometry()).toList();
        return demo.features(LayerCatalogue.RESIDENTIAL_AREAS).stream()
                .map(f -> f.geometry().getInteriorPoint())
                .filter(p -> stations.stream().allMatch(s -> s.distance(p) > 0.0006))
                .min(Comparator.comparingDouble(p -> p.distance(centre)))
                .map(Point::getCoordinate)
                .orElseThrow(() -> new AssertionError("no residential area fits the test"));
    }

    private static Point middleOf(LineString line) {
        LengthIndexedLine along = new LengthIndexedLine(line);
        return GeometryFactories.WGS84.createPoint(along.extractPoint(along.getEndIndex() / 2));
    }

    private static Feature station(long id, Coordinate at) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", HOSTILE_NAME);
        properties.put("category", HOSTILE_CATEGORY);
        properties.put("address", "<script>alert(2)</script>");
        return new Feature(id, GeometryFactories.WGS84.createPoint(at), properties);
    }
}
