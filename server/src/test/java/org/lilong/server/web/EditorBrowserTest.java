package org.lilong.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.Atlas;
import org.lilong.layers.accounts.Accounts;
import org.lilong.layers.accounts.PasswordHasher;
import org.lilong.layers.accounts.Role;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.store.ChangeSet;
import org.lilong.server.SmallDistrict;
import org.lilong.server.config.Basemap;
import org.lilong.server.config.ServerConfig;
import org.lilong.server.http.LilongServer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The street office's editor on the map page (issue 6 item 6), in a real headless Chromium against
 * the real server over {@link SmallDistrict} (sub-district 310101999, "小东门" here), plus a
 * neighbouring sub-district 310101888 ("外滩") with a micro-grid of its own, and residential grid 5
 * renamed to a hostile string. The editor account may edit 310101999 only. Skipped without Chromium
 * unless LILONG_REQUIRE_BROWSER=true.
 */
class EditorBrowserTest {

    private static final String PASSWORD = "a long enough passphrase";
    private static final String EDITOR = "xiaodongmen";
    private static final long BUND_GRID = 20;
    /** The micro-grid LL-02-01-1 (121.49–121.495 × 31.23–31.24), in the editor's sub-district. */
    private static final long MICRO_GRID = 6;
    /** A renovation plot (121.484–121.486 × 31.221–31.223), stage "signing", 290 of 300 households signed. */
    private static final long PLOT = 2;

    /** Residential grids of the west comprehensive grid LL-01 (121.48–121.49 × 31.22–31.24), for merging and reshaping. */
    private static final long WEST_NORTH = 30;
    private static final long EAST_NORTH = 31;
    private static final long SOUTH_WEST = 32;
    private static final long STRIP = 33;

    @TempDir
    static Path dir;

    private static Atlas atlas;
    private static Javalin server;
    private static MapPageSession page;
    private static String origin;

    @BeforeAll
    static void startServerAndBrowser() throws Exception {
        MapPageSession.requireBrowser();
        atlas = SmallDistrict.create(dir);
        Feature grid5 = atlas.feature(LayerCatalogue.GRIDS, 5).orElseThrow();
        Map<String, Object> hostile = new LinkedHashMap<>(grid5.properties());
        hostile.put("name", SmallDistrict.HOSTILE_NAME);
        atlas.apply(new ChangeSet()
                .update(LayerCatalogue.GRIDS, new Feature(5, grid5.geometry(), hostile))
                .insert(LayerCatalogue.SUBDISTRICTS, new Feature(2, geometry("POLYGON ((121.50 31.22, 121.52 31.22, 121.52 31.24, 121.50 31.24, 121.50 31.22))"),
                        Map.of("code", "310101888", "name", "外滩")))
                .insert(LayerCatalogue.GRIDS, new Feature(BUND_GRID, geometry("POLYGON ((121.50 31.23, 121.51 31.23, 121.51 31.24, 121.50 31.24, 121.50 31.23))"),
                        Map.of("code", "WT-01", "name", "外滩一微网格", "level", "micro")))
                .insert(LayerCatalogue.GRIDS, residential(WEST_NORTH, "POLYGON ((121.48 31.23, 121.485 31.23, 121.485 31.24, 121.48 31.24, 121.48 31.23))", "LL-01-01"))
                .insert(LayerCatalogue.GRIDS, residential(EAST_NORTH, "POLYGON ((121.485 31.23, 121.49 31.23, 121.49 31.24, 121.485 31.24, 121.485 31.23))", "LL-01-02"))
                .insert(LayerCatalogue.GRIDS, residential(SOUTH_WEST, "POLYGON ((121.48 31.22, 121.4875 31.22, 121.4875 31.2275, 121.48 31.2275, 121.48 31.22))", "LL-01-03"))
                .insert(LayerCatalogue.GRIDS, residential(STRIP, "POLYGON ((121.48 31.228, 121.49 31.228, 121.49 31.2295, 121.48 31.2295, 121.48 31.228))", "LL-01-04")));
        Accounts accounts = new Accounts(atlas.accountStore(), new PasswordHasher(4), atlas::subdistrictCodes, Clock.systemUTC());
        accounts.add(EDITOR, PASSWORD.toCharArray(), Role.EDITOR, Set.of("310101999"));
        ServerConfig defaults = ServerConfig.defaults();
        ServerConfig config = new ServerConfig(defaults.host(), 0, defaults.dataDir(), List.of(), Basemap.NONE,
                defaults.profileName(), defaults.tileCacheBytes());
        server = LilongServer.create(atlas, config, accounts).start("127.0.0.1", 0);
        origin = "http://127.0.0.1:" + server.port();
        page = MapPageSession.start(Files.createDirectories(dir.resolve("chrome-editor")), origin);
    }

    @AfterAll
    static void stopBrowserAndServer() {
        if (page != null) {
            page.close();
        }
        if (server != null) {
            server.stop();
        }
        if (atlas != null) {
            atlas.close();
        }
    }

    @AfterEach
    void noScriptFailedAndTheSessionAndLanguageAreForgotten() {
        try {
            assertThat(MapPageSession.strings(page.js("return window.lilongErrors;"))).as("script errors").isEmpty();
        } finally {
            page.js("try { localStorage.clear(); } catch (e) {} return true;");   // the language chosen
            page.driver().manage().deleteAllCookies();
        }
    }

    private static Feature residential(long id, String wkt, String code) {
        return new Feature(id, geometry(wkt), Map.of("code", code, "name", code + " 居民区网格", "level", "residential", "parent_code", "LL-01"));
    }

    private static Geometry geometry(String wkt) {
        try {
            return new WKTReader(GeometryFactories.WGS84).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    // ---- steps ----------------------------------------------------------------------------------

    private static void logIn(MapPageSession session, String password) {
        session.driver().findElement(By.id("login-button")).click();
        session.driver().findElement(By.id("login-username")).sendKeys(EDITOR);
        session.driver().findElement(By.id("login-password")).sendKeys(password);
        session.driver().findElement(By.id("login-submit")).click();
    }

    private static void openAsEditor() {
        page.openMap();
        page.recordAlerts();
        logIn(page, PASSWORD);
        page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("logout-button")));
    }

    private static void enterEditor(String level) {
        page.waitFor(ExpectedConditions.elementToBeClickable(By.id("editor-toggle"))).click();
        waitUntilEditorIdle();
        new Select(page.driver().findElement(By.id("editor-level"))).selectByValue(level);
        waitUntilEditorIdle();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("path.editor-grid")));
    }

    /** The grids in view are loaded and no save is under way. */
    private static void waitUntilEditorIdle() {
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#editor-panel[data-status='ready']")));
    }

    private static void click(String id) {
        page.waitFor(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    /** Draws a box with the editor's polygon tool, one real click per corner, and finishes it. */
    private static void drawBox(double west, double south, double east, double north) {
        click("editor-draw");
        page.clickMapAt(west, south);
        page.clickMapAt(east, south);
        page.clickMapAt(east, north);
        page.clickMapAt(west, north);
        click("editor-finish");
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("editor-new-form")));
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("path.editor-draft")));
    }

    private static void type(String id, String text) {
        WebElement input = page.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static void selectInList(long featureId) {
        page.waitFor(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#editor-grid-list li[data-feature-id='" + featureId + "'] button"))).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#editor-form[data-feature-id='" + featureId + "']")));
    }

    private static String message() {
        return page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("editor-message"))).getText();
    }

    private static int gridCount() {
        return atlas.index(LayerCatalogue.GRIDS).size();
    }

    private static Feature grid(String code) {
        return atlas.index(LayerCatalogue.GRIDS).all().stream().filter(f -> code.equals(f.get("code"))).findFirst().orElse(null);
    }

    // ---- the editor -----------------------------------------------------------------------------

    @Test
    void aMicroGridDrawnInsideItsParentIsStoredAndASecondBrowserSeesIt() throws Exception {
        openAsEditor();
        enterEditor("micro");

        drawBox(121.4962, 31.2320, 121.4988, 31.2378);
        assertThat(new Select(page.driver().findElement(By.id("editor-field-level"))).getFirstSelectedOption().getAttribute("value"))
                .as("the level under the parent it was drawn in").isEqualTo("micro");
        assertThat(page.driver().findElement(By.id("editor-field-parent_code")).getAttribute("value")).isEqualTo("LL-02-01");
        type("editor-field-code", "LL-02-01-2");
        type("editor-field-name", "新微网格");
        click("editor-save");

        assertThat(message()).contains("LL-02-01-2");
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("path.editor-warning[data-rule='parent-gap']")));
        assertThat(page.driver().findElement(By.id("editor-warnings")).getText()).as("the gap it leaves in its parent").isNotEmpty();
        Feature stored = grid("LL-02-01-2");
        assertThat(stored).isNotNull();
        assertThat(stored.get("parent_code")).isEqualTo("LL-02-01");
        assertThat(stored.geometry().getEnvelopeInternal().getMinX()).isCloseTo(121.4962, within(1e-4));
        page.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("path.editor-grid[data-feature-id='" + stored.id() + "']")));

        try (MapPageSession other = MapPageSession.start(Files.createDirectories(dir.resolve("chrome-public")), origin)) {
            other.openMap();
            other.driver().findElement(By.id("grid-level-micro")).click();
            other.waitFor(d -> other.tiledFeatureIds("grids").contains(stored.id()));
            other.clickMapAt(121.4975, 31.2349);
            WebElement title = other.waitFor(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector(".leaflet-popup .feature-popup[data-layer='grids'][data-feature-id='" + stored.id() + "'] .popup-title")));
            assertThat(title.getText()).isEqualTo("新微网格");
        }
    }

    @Test
    void aDrawnVertexAFewPixelsFromANeighboursBoundarySnapsOntoIt() {
        openAsEditor();
        enterEditor("micro");
        double nearby = 4 / page.pixelsPerDegree();   // 4 px east of LL-02-01-1's east edge at 121.495

        drawBox(121.495 + nearby, 31.2382, 121.4958, 31.2392);
        type("editor-field-code", "LL-02-01-5");
        type("editor-field-name", "贴边微网格");
        click("editor-save");

        page.waitFor(d -> grid("LL-02-01-5") != null);
        assertThat(grid("LL-02-01-5").geometry().getEnvelopeInternal().getMinX()).as("on the neighbour's edge")
                .isCloseTo(121.495, within(1e-7));
    }

    @Test
    void aVertexDraggedNearANeighboursBoundarySnapsOntoItAndTheShapeIsSaved() {
        openAsEditor();
        enterEditor("residential");
        selectInList(SOUTH_WEST);
        click("editor-vertices");
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".leaflet-editing-icon")));
        double nearby = 4 / page.pixelsPerDegree();

        // The north-east corner, dragged east to 4 px short of LL-01's east edge (121.49).
        page.dragOnMap(121.4875, 31.2275, 121.49 - nearby, 31.2275);
        click("editor-save-shape");

        page.waitFor(d -> atlas.feature(LayerCatalogue.GRIDS, SOUTH_WEST).orElseThrow().geometry().getEnvelopeInternal().getMaxX() > 121.488);
        Geometry reshaped = atlas.feature(LayerCatalogue.GRIDS, SOUTH_WEST).orElseThrow().geometry();
        assertThat(reshaped.getEnvelopeInternal().getMaxX()).as("snapped onto the parent's edge").isCloseTo(121.49, within(1e-7));
        assertThat(reshaped.getNumPoints()).as("a corner moved, none added").isEqualTo(5);
    }

    @Test
    void aGridSplitAlongADrawnLineBecomesTwo() {
        openAsEditor();
        enterEditor("micro");
        selectInList(MICRO_GRID);

        click("editor-split");
        page.clickMapAt(121.4885, 31.2332);
        page.clickMapAt(121.4975, 31.2332);
        click("editor-finish");
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("editor-split-form")));
        type("editor-split-code", "LL-02-01-3");
        type("editor-split-name", "分出的微网格");
        click("editor-save");

        page.waitFor(d -> grid("LL-02-01-3") != null);
        assertThat(grid("LL-02-01-3").geometry().getEnvelopeInternal().getMaxY()).isCloseTo(31.2332, within(1e-4));
        assertThat(atlas.feature(LayerCatalogue.GRIDS, MICRO_GRID).orElseThrow().geometry().getEnvelopeInternal().getMinY())
                .isCloseTo(31.2332, within(1e-4));
        page.waitFor(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("path.editor-grid[data-feature-id='" + grid("LL-02-01-3").id() + "']")));
    }

    @Test
    void twoNeighbouringGridsPickedOneAfterTheOtherAreMerged() {
        openAsEditor();
        enterEditor("residential");
        selectInList(WEST_NORTH);

        click("editor-merge");
        page.clickMapAt(121.4875, 31.2345);
        click("editor-merge-confirm");

        page.waitFor(d -> atlas.feature(LayerCatalogue.GRIDS, EAST_NORTH).isEmpty());
        assertThat(atlas.feature(LayerCatalogue.GRIDS, WEST_NORTH).orElseThrow().geometry().getEnvelopeInternal().getMaxX())
                .isCloseTo(121.49, within(1e-9));
        page.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("path.editor-grid[data-feature-id='" + EAST_NORTH + "']"), 0));
    }

    @Test
    void aGridDeletedAfterConfirmingIsGoneFromTheStoreAndTheMap() {
        openAsEditor();
        enterEditor("residential");
        selectInList(STRIP);
        page.js("window.confirm = (m) => { window.lilongAlerts.push(String(m)); return true; }; return true;");

        click("editor-delete");

        page.waitFor(d -> atlas.feature(LayerCatalogue.GRIDS, STRIP).isEmpty());
        assertThat(page.alertsSeen()).singleElement().asString().contains("LL-01-04");
        page.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("path.editor-grid[data-feature-id='" + STRIP + "']"), 0));
    }

    @Test
    void anOverlappingDrawingIsRefusedWithTheOverlapDrawnAndNothingStored() {
        openAsEditor();
        enterEditor("micro");
        int before = gridCount();

        drawBox(121.4935, 31.2383, 121.4955, 31.2393);
        type("editor-field-code", "LL-02-01-9");
        type("editor-field-name", "重叠的微网格");
        click("editor-save");

        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("path.editor-violation[data-rule='sibling-overlap']")));
        String violations = page.driver().findElement(By.id("editor-violations")).getText();
        assertThat(violations).contains("LL-02-01-1");
        assertThat(message()).isNotEmpty();
        assertThat(gridCount()).isEqualTo(before);
        assertThat(grid("LL-02-01-9")).isNull();
    }

    @Test
    void aGridOutsideTheEditorsSubdistrictIsGreyedAndLocked() {
        openAsEditor();
        enterEditor("micro");

        WebElement bund = page.driver().findElement(By.cssSelector("path.editor-grid[data-feature-id='" + BUND_GRID + "']"));
        assertThat(bund.getAttribute("class")).contains("editor-grid-locked").doesNotContain("editor-grid-editable");
        assertThat(page.driver().findElement(By.cssSelector("path.editor-grid[data-feature-id='" + MICRO_GRID + "']")).getAttribute("class"))
                .contains("editor-grid-editable");
        page.clickMapAt(121.505, 31.2345);

        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#editor-form[data-feature-id='" + BUND_GRID + "']")));
        assertThat(page.driver().findElement(By.id("editor-locked")).getText()).contains("外滩");
        assertThat(page.driver().findElements(By.cssSelector("#editor-vertices, #editor-split, #editor-merge, #editor-delete, #editor-save"))).isEmpty();
        assertThat(page.driver().findElements(By.cssSelector("#editor-form input, #editor-form select")))
                .isNotEmpty().allMatch(input -> !input.isEnabled());
    }

    @Test
    void aGridChangedByAnotherClientMeanwhileOpensTheConflictDialogWithBothVersions() {
        openAsEditor();
        enterEditor("micro");
        selectInList(MICRO_GRID);

        Feature seen = atlas.feature(LayerCatalogue.GRIDS, MICRO_GRID).orElseThrow();
        Map<String, Object> theirs = new LinkedHashMap<>(seen.properties());
        theirs.put("name", "别人改的名");
        atlas.apply(new ChangeSet().update(LayerCatalogue.GRIDS, new Feature(MICRO_GRID, seen.geometry(), theirs)));
        type("editor-field-name", "我改的名");
        click("editor-save");

        WebElement dialog = page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("editor-conflict")));
        assertThat(dialog.findElement(By.cssSelector("tr[data-attribute='name'] .editor-mine")).getText()).isEqualTo("我改的名");
        assertThat(dialog.findElement(By.cssSelector("tr[data-attribute='name'] .editor-theirs")).getText()).isEqualTo("别人改的名");
        assertThat(atlas.feature(LayerCatalogue.GRIDS, MICRO_GRID).orElseThrow().get("name")).as("nothing lost yet").isEqualTo("别人改的名");

        click("editor-overwrite");
        page.waitFor(ExpectedConditions.invisibilityOfElementLocated(By.id("editor-conflict")));
        page.waitFor(d -> "我改的名".equals(atlas.feature(LayerCatalogue.GRIDS, MICRO_GRID).orElseThrow().get("name")));
    }

    @Test
    void aPlotsFormPatchesStageAndSignedHouseholdsWithTheCsrfToken() {
        openAsEditor();
        page.driver().findElement(By.id("layer-toggle-renovation-plots")).click();
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("path[data-layer='renovation-plots'][data-feature-id='" + PLOT + "']")));
        enterEditor("micro");

        page.clickMapAt(121.485, 31.222);
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#editor-form[data-layer='renovation-plots'][data-feature-id='" + PLOT + "']")));
        assertThat(page.driver().findElements(By.cssSelector(".leaflet-popup"))).as("the form, not the popup").isEmpty();
        new Select(page.driver().findElement(By.id("editor-field-stage"))).selectByValue("done");
        type("editor-field-signed_households", "300");
        click("editor-save");

        assertThat(message()).isNotEmpty();
        page.waitFor(d -> "done".equals(atlas.feature(LayerCatalogue.RENOVATION_PLOTS, PLOT).orElseThrow().get("stage")));
        assertThat(((Number) atlas.feature(LayerCatalogue.RENOVATION_PLOTS, PLOT).orElseThrow().get("signed_households")).longValue()).isEqualTo(300L);
        Object forged = page.js("return fetch('/collections/renovation-plots/items/" + PLOT + "', {method: 'PATCH', credentials: 'same-origin',"
                + " headers: {'Content-Type': 'application/merge-patch+json', 'If-Match': '\"x\"'},"
                + " body: JSON.stringify({properties: {stage: 'signing'}})}).then(r => r.status);");
        assertThat(((Number) forged).intValue()).as("the same session without the CSRF header").isEqualTo(403);
    }

    @Test
    void aGridNamedWithHtmlStaysTextInTheEditorsListAndForm() {
        openAsEditor();
        enterEditor("residential");

        WebElement item = page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#editor-grid-list li[data-feature-id='5'] .editor-item-name")));
        assertThat(item.getText()).isEqualTo(SmallDistrict.HOSTILE_NAME);
        selectInList(5);

        assertThat(page.driver().findElement(By.id("editor-field-name")).getAttribute("value")).isEqualTo(SmallDistrict.HOSTILE_NAME);
        assertThat(page.driver().findElement(By.cssSelector(".editor-selected-name")).getText()).isEqualTo(SmallDistrict.HOSTILE_NAME);
        assertThat(page.driver().findElements(By.cssSelector("#editor-panel img"))).isEmpty();
        assertThat(page.alertsSeen()).isEmpty();
    }

    @Test
    void aWrongPasswordIsShownAndLoggingOutReturnsToThePublicView() {
        page.openMap();
        page.recordAlerts();
        assertThat(page.driver().findElement(By.id("editor-toggle")).isDisplayed()).as("no editing for the public").isFalse();

        logIn(page, "not the password");
        assertThat(page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("login-error"))).getText()).isNotEmpty();
        page.driver().findElement(By.id("login-password")).clear();
        page.driver().findElement(By.id("login-username")).clear();
        page.driver().findElement(By.id("login-button")).click();   // closes the form
        logIn(page, PASSWORD);
        page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("account-name")));
        assertThat(page.driver().findElement(By.id("editor-toggle")).isDisplayed()).isTrue();
        assertThat(stationPopupAttributes()).as("logged in: internal attributes").contains("manager_phone");

        click("logout-button");
        page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("login-button")));
        assertThat(page.driver().findElement(By.id("editor-toggle")).isDisplayed()).isFalse();
        assertThat(stationPopupAttributes()).as("public again").doesNotContain("manager_phone").contains("phone");
    }

    @Test
    void aSessionStartedBeforeIsFoundWhenThePageIsOpenedAgain() {
        openAsEditor();

        page.openMap();

        assertThat(page.waitFor(ExpectedConditions.visibilityOfElementLocated(By.id("account-name"))).getText()).startsWith(EDITOR);
        assertThat(page.driver().findElement(By.id("editor-toggle")).isDisplayed()).isTrue();
        assertThat(MapPageSession.strings(page.js("return Object.keys(localStorage).concat(Object.keys(sessionStorage));")))
                .as("the CSRF token stays in memory").noneMatch(key -> key.toLowerCase().contains("csrf"));
    }

    @Test
    void inEnglishTheEditorSpeaksEnglish() {
        openAsEditor();
        page.driver().findElement(By.id("lang-toggle")).click();
        enterEditor("micro");

        assertThat(page.driver().findElement(By.id("editor-toggle")).getText()).isEqualTo("Edit");
        assertThat(page.driver().findElement(By.cssSelector("#editor-panel h2")).getDomProperty("textContent")).isEqualTo("Editing grids and facilities");
        assertThat(page.driver().findElement(By.id("logout-button")).getText()).isEqualTo("Log out");
        assertThat(page.driver().findElement(By.id("editor-draw")).getText()).isEqualTo("Draw a grid");
    }

    @Test
    void onAPhoneTheTopBarFitsAndTheEditorsPanelOpensAsASheet() {
        page.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 800));
        try {
            openAsEditor();
            enterEditor("micro");

            assertThat(((Number) page.js("const b = document.getElementById('top-bar'); return b.scrollWidth - b.clientWidth;")).intValue())
                    .as("nothing sticks out of the top bar").isLessThanOrEqualTo(0);
            assertThat(page.driver().findElement(By.id("logout-button")).isDisplayed()).isTrue();
            WebElement panel = page.driver().findElement(By.id("editor-panel"));
            assertThat(panel.isDisplayed()).isTrue();
            assertThat(((Number) page.js("return document.getElementById('editor-draw').getBoundingClientRect().right;")).doubleValue())
                    .as("the tools lie on the screen").isLessThanOrEqualTo(390);
        } finally {
            page.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
        }
    }

    /** The attribute rows of station 1's popup, opened by a click on it (after the stations are reloaded). */
    private static List<String> stationPopupAttributes() {
        page.js("Lilong.app.map.closePopup(); return true;");
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("path[data-layer='service-stations'][data-feature-id='1']")));
        page.clickMapAt(121.493, 31.236);
        page.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".leaflet-popup .feature-popup[data-layer='service-stations']")));
        return MapPageSession.strings(page.js("return Array.from(document.querySelectorAll('.leaflet-popup tr[data-attribute]'))"
                + ".map(tr => tr.dataset.attribute);"));
    }
}
