package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lilong.layers.Atlas;
import org.lilong.layers.accounts.Accounts;
import org.lilong.layers.accounts.Role;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.HistoryEntry;
import org.lilong.server.SmallDistrict;

/**
 * OGC API – Features Part 4 over real HTTP on the small district (sub-district 310101999, "小东门"
 * here) plus a neighbouring sub-district 310101888 ("外滩") with a station of its own. Roles act
 * through bearer tokens; one test goes through a browser session and its CSRF token.
 */
class EditRoutesTest {

    private static final String PASSWORD = "a long enough passphrase";
    private static final String STATIONS = "/collections/" + LayerCatalogue.SERVICE_STATIONS + "/items";
    private static final String GRIDS = "/collections/" + LayerCatalogue.GRIDS + "/items";
    private static final long BUND_STATION = 50;

    @TempDir
    static Path dir;

    private static Atlas atlas;
    private static Accounts accounts;
    private static LiveServer server;
    private static final Map<String, String> TOKENS = new java.util.HashMap<>();

    @BeforeAll
    static void start() {
        atlas = SmallDistrict.create(dir);
        atlas.apply(new ChangeSet()
                .insert(LayerCatalogue.SUBDISTRICTS, new Feature(2, geometry("POLYGON ((121.50 31.22, 121.52 31.22, 121.52 31.24, 121.50 31.24, 121.50 31.22))"),
                        Map.of("code", "310101888", "name", "外滩")))
                .insert(LayerCatalogue.SERVICE_STATIONS, new Feature(BUND_STATION, geometry("POINT (121.51 31.23)"),
                        Map.of("name", "外滩驿站", "category", "community_station"))));
        accounts = LiveServer.fastAccounts(atlas);
        accounts.add("xiaodongmen", PASSWORD.toCharArray(), Role.EDITOR, Set.of("310101999"));
        accounts.add("planner", PASSWORD.toCharArray(), Role.PLANNER, Set.of());
        accounts.add("admin", PASSWORD.toCharArray(), Role.ADMIN, Set.of());
        for (String name : List.of("xiaodongmen", "planner", "admin")) {
            TOKENS.put(name, accounts.issueToken(name, "test").secret());
        }
        server = LiveServer.start(atlas, accounts);
    }

    @AfterAll
    static void stop() {
        server.close();
        atlas.close();
    }

    private static org.locationtech.jts.geom.Geometry geometry(String wkt) {
        try {
            return new org.locationtech.jts.io.WKTReader(org.lilong.layers.spatial.GeometryFactories.WGS84).read(wkt);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String[] as(String role, String... more) {
        String[] headers = role == null ? new String[0] : new String[] {"Authorization", "Bearer " + TOKENS.get(role)};
        return Stream.concat(Stream.of(headers), Stream.of(more)).toArray(String[]::new);
    }

    private static String stationJson(String name, double lon, double lat) {
        return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + lon + "," + lat + "]},"
                + "\"properties\":{\"name\":\"" + name + "\",\"category\":\"community_station\"}}";
    }

    /** A fresh station in the small district (310101999), so each test edits its own feature. */
    private static long newStation(String name) {
        return atlas.apply(new ChangeSet().insert(LayerCatalogue.SERVICE_STATIONS, new Feature(0,
                geometry("POINT (121.486 31.226)"), Map.of("name", name, "category", "community_station")))).get(0).id();
    }

    private static String etagOf(String collectionPath, long id) throws Exception {
        return server.get(collectionPath + "/" + id).header("etag");
    }

    // ---- the permission matrix ----------------------------------------------------------------

    static Stream<Arguments> matrix() {
        return Stream.of(
                // role, in scope?, POST, PUT, PATCH, DELETE
                Arguments.of(null, true, 401, 401, 401, 401),
                Arguments.of("planner", true, 403, 403, 403, 403),
                Arguments.of("xiaodongmen", true, 201, 200, 200, 204),
                Arguments.of("xiaodongmen", false, 403, 403, 403, 403),
                Arguments.of("admin", false, 201, 200, 200, 204));
    }

    @ParameterizedTest(name = "{0}, in scope {1}")
    @MethodSource("matrix")
    void everyEndpointAnswersEveryRoleAsExpectedAndARefusalChangesNothing(String role, boolean inScope, int post, int put,
            int patch, int delete) throws Exception {
        long target = inScope ? newStation("目标") : BUND_STATION;
        double lon = inScope ? 121.487 : 121.511;
        List<Feature> before = atlas.index(LayerCatalogue.SERVICE_STATIONS).all();
        String etag = etagOf(STATIONS, target);

        LiveServer.Answer created = server.send("POST", STATIONS, "application/geo+json", stationJson("新站", lon, 31.23), as(role));
        LiveServer.Answer replaced = server.send("PUT", STATIONS + "/" + target, "application/geo+json",
                stationJson("改名", lon, 31.231), as(role, "If-Match", etag));
        String etagNow = replaced.status() == 200 ? replaced.header("etag") : etag;
        LiveServer.Answer patched = server.send("PATCH", STATIONS + "/" + target, "application/merge-patch+json",
                "{\"properties\":{\"hours\":\"8:00-20:00\"}}", as(role, "If-Match", etagNow));
        String etagLast = patched.status() == 200 ? patched.header("etag") : etagNow;
        LiveServer.Answer deleted = server.send("DELETE", STATIONS + "/" + target, null, null, as(role, "If-Match", etagLast));

        assertThat(List.of(created.status(), replaced.status(), patched.status(), deleted.status()))
                .as("POST, PUT, PATCH, DELETE").containsExactly(post, put, patch, delete);
        if (post >= 400) {
            for (LiveServer.Answer refused : List.of(created, replaced, patched, deleted)) {
                assertThat(refused.header("content-type")).startsWith(ProblemResponses.CONTENT_TYPE);
            }
            assertThat(atlas.index(LayerCatalogue.SERVICE_STATIONS).all()).isEqualTo(before);
            assertThat(atlas.history(LayerCatalogue.SERVICE_STATIONS, target)).isEmpty();
        } else {
            assertThat(atlas.feature(LayerCatalogue.SERVICE_STATIONS, target)).isEmpty();
            assertThat(atlas.history(LayerCatalogue.SERVICE_STATIONS, target)).extracting(HistoryEntry::operation)
                    .containsExactly(HistoryEntry.BASELINE, HistoryEntry.UPDATE, HistoryEntry.UPDATE, HistoryEntry.DELETE);
        }
    }

    // ---- Part 4 behaviour ----------------------------------------------------------------------

    @Test
    void aCreatedFeatureHasALocationAndAnEtagThatGetAgrees() throws Exception {
        LiveServer.Answer created = server.send("POST", STATIONS + "?comment=" + java.net.URLEncoder.encode("新设站点", "UTF-8"),
                "application/geo+json", stationJson("新设站", 121.488, 31.229), as("xiaodongmen"));

        assertThat(created.status()).isEqualTo(201);
        String location = created.header("location");
        assertThat(location).startsWith(STATIONS + "/");
        LiveServer.Answer fetched = server.get(location);
        assertThat(fetched.header("etag")).isEqualTo(created.header("etag")).startsWith("\"");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        HistoryEntry entry = atlas.history(LayerCatalogue.SERVICE_STATIONS, id).get(0);
        assertThat(entry.author()).isEqualTo("xiaodongmen");
        assertThat(entry.comment()).isEqualTo("新设站点");
    }

    @Test
    void aChangeWithoutIfMatchIsRefusedWith428() throws Exception {
        long id = newStation("无条件");

        LiveServer.Answer answer = server.send("PUT", STATIONS + "/" + id, "application/geo+json",
                stationJson("改", 121.486, 31.226), as("admin"));

        assertThat(answer.status()).isEqualTo(428);
        assertThat(answer.json().get("parameter").asText()).isEqualTo("If-Match");
        assertThat(atlas.feature(LayerCatalogue.SERVICE_STATIONS, id).orElseThrow().get("name")).isEqualTo("无条件");
    }

    @Test
    void theSecondOfTwoEditorsHoldingTheSameVersionGets412WithTheCurrentOne() throws Exception {
        long id = newStation("原名");
        String seen = etagOf(STATIONS, id);

        LiveServer.Answer first = server.send("PUT", STATIONS + "/" + id, "application/geo+json",
                stationJson("甲改", 121.486, 31.226), as("xiaodongmen", "If-Match", seen));
        LiveServer.Answer second = server.send("PUT", STATIONS + "/" + id, "application/geo+json",
                stationJson("乙改", 121.486, 31.226), as("admin", "If-Match", seen));

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(412);
        JsonNode problem = second.json();
        assertThat('"' + problem.get("currentEtag").asText() + '"').isEqualTo(first.header("etag"));
        assertThat(problem.get("current").get("properties").get("name").asText()).isEqualTo("甲改");
        assertThat(atlas.feature(LayerCatalogue.SERVICE_STATIONS, id).orElseThrow().get("name")).isEqualTo("甲改");
    }

    @Test
    void aMergePatchChangesOnlyWhatItNamesAndNullRemoves() throws Exception {
        long id = atlas.apply(new ChangeSet().insert(LayerCatalogue.SERVICE_STATIONS, new Feature(0, geometry("POINT (121.486 31.226)"),
                Map.of("name", "补丁", "category", "community_station", "hours", "9-17", "phone", "021-1")))).get(0).id();

        LiveServer.Answer patched = server.send("PATCH", STATIONS + "/" + id, "application/merge-patch+json",
                "{\"properties\":{\"hours\":\"8-20\",\"phone\":null}}", as("xiaodongmen", "If-Match", etagOf(STATIONS, id)));

        assertThat(patched.status()).isEqualTo(200);
        Feature now = atlas.feature(LayerCatalogue.SERVICE_STATIONS, id).orElseThrow();
        assertThat(now.properties()).containsEntry("hours", "8-20").containsEntry("name", "补丁").doesNotContainKey("phone");
        assertThat(now.geometry().toText()).isEqualTo("POINT (121.486 31.226)");
    }

    @Test
    void aWriteWithASessionNeedsItsCsrfToken() throws Exception {
        long id = newStation("会话");
        LiveServer.Answer login = server.login("xiaodongmen", PASSWORD);
        String cookie = Authentication.SESSION_COOKIE + "=" + login.sessionCookie();
        String etag = etagOf(STATIONS, id);

        LiveServer.Answer forged = server.send("DELETE", STATIONS + "/" + id, null, null, "Cookie", cookie, "If-Match", etag);
        LiveServer.Answer genuine = server.send("DELETE", STATIONS + "/" + id, null, null, "Cookie", cookie, "If-Match", etag,
                Authentication.CSRF_HEADER, login.json().get("csrfToken").asText());

        assertThat(forged.status()).isEqualTo(403);
        assertThat(genuine.status()).isEqualTo(204);
    }

    @Test
    void anOverlappingGridIsRefusedWithTheOverlapDrawn() throws Exception {
        String overlapping = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[121.494,31.23],"
                + "[121.497,31.23],[121.497,31.235],[121.494,31.235],[121.494,31.23]]]},"
                + "\"properties\":{\"code\":\"LL-02-01-2\",\"name\":\"新微网格\",\"level\":\"micro\",\"parent_code\":\"LL-02-01\"}}";
        int before = atlas.index(LayerCatalogue.GRIDS).size();

        LiveServer.Answer refused = server.send("POST", GRIDS, "application/geo+json", overlapping, as("xiaodongmen"));

        assertThat(refused.status()).isEqualTo(422);
        JsonNode violation = refused.json().get("violations").get(0);
        assertThat(violation.get("rule").asText()).isEqualTo("sibling-overlap");
        assertThat(violation.get("codes").get(0).asText()).isEqualTo("LL-02-01-1");
        assertThat(violation.get("where").get("type").asText()).isEqualTo("Polygon");
        assertThat(violation.get("areaSquareMetres").asDouble()).isGreaterThan(1000);
        assertThat(atlas.index(LayerCatalogue.GRIDS).size()).isEqualTo(before);
    }

    @Test
    void snappingAnswersAFittedGridForReviewWithoutStoringIt() throws Exception {
        String sloppy = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[121.49499,31.23],"
                + "[121.50,31.23],[121.50,31.24],[121.49499,31.24],[121.49499,31.23]]]},"
                + "\"properties\":{\"code\":\"LL-02-01-3\",\"name\":\"东微网格\",\"level\":\"micro\",\"parent_code\":\"LL-02-01\"}}";
        int before = atlas.index(LayerCatalogue.GRIDS).size();

        LiveServer.Answer proposal = server.send("POST", GRIDS + "?snap=true", "application/geo+json", sloppy, as("xiaodongmen"));

        assertThat(proposal.status()).isEqualTo(200);
        assertThat(proposal.json().get("stored").asBoolean()).isFalse();
        assertThat(proposal.header("etag")).isNull();
        assertThat(proposal.json().get("geometry").toString()).contains("121.495");
        assertThat(atlas.index(LayerCatalogue.GRIDS).size()).isEqualTo(before);
    }

    static Stream<Arguments> badBodies() {
        String polygon = "\"properties\":{\"name\":\"x\",\"category\":\"community_station\"}";
        return Stream.of(
                Arguments.of("not JSON", "{\"type\":\"Feature\",", 400),
                Arguments.of("not a feature", "{\"type\":\"FeatureCollection\",\"features\":[]}", 400),
                Arguments.of("no geometry", "{\"type\":\"Feature\"," + polygon + "}", 400),
                Arguments.of("longitude out of range", stationJson("x", 221.0, 31.2), 400),
                Arguments.of("NaN", "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[NaN,31]}," + polygon + "}", 400),
                Arguments.of("unclosed ring", "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                        + "[[[121.48,31.22],[121.49,31.22],[121.49,31.23],[121.48,31.23]]]}," + polygon + "}", 400),
                Arguments.of("wrong geometry type", "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
                        + "[[121.48,31.22],[121.49,31.22]]}," + polygon + "}", 422),
                Arguments.of("unknown attribute", stationJson("x", 121.486, 31.226).replace("\"category\"", "\"colour\""), 422),
                Arguments.of("wrong type", stationJson("x", 121.486, 31.226).replace("\"name\":\"x\"", "\"name\":{\"zh\":\"x\"}"), 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void aBadBodyIsAProblemAndStoresNothing(String what, String body, int status) throws Exception {
        List<Feature> before = atlas.index(LayerCatalogue.SERVICE_STATIONS).all();

        LiveServer.Answer answer = server.send("POST", STATIONS, "application/geo+json", body, as("admin"));

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.header("content-type")).startsWith(ProblemResponses.CONTENT_TYPE);
        assertThat(atlas.index(LayerCatalogue.SERVICE_STATIONS).all()).isEqualTo(before);
    }

    @Test
    void aHugeBodyIsRefusedUnread() throws Exception {
        String huge = stationJson("x".repeat(2_000_000), 121.486, 31.226);

        assertThat(server.send("POST", STATIONS, "application/geo+json", huge, as("admin")).status()).isEqualTo(413);
    }

    @Test
    void baseLayersUnknownCollectionsAndFeaturesAreRefusedClearly() throws Exception {
        LiveServer.Answer readOnly = server.send("POST", "/collections/streets/items", "application/geo+json",
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[121.48,31.22],[121.49,31.22]]},\"properties\":{}}",
                as("admin"));
        LiveServer.Answer unknownLayer = server.send("POST", "/collections/nowhere/items", "application/geo+json",
                stationJson("x", 121.486, 31.226), as("admin"));
        LiveServer.Answer unknownFeature = server.send("DELETE", STATIONS + "/999999", null, null, as("admin", "If-Match", "\"abc\""));
        LiveServer.Answer wrongType = server.send("POST", STATIONS, "text/plain", "x", as("admin"));

        assertThat(readOnly.status()).isEqualTo(405);
        assertThat(unknownLayer.status()).isEqualTo(404);
        assertThat(unknownFeature.status()).isEqualTo(404);
        assertThat(wrongType.status()).isEqualTo(415);
    }
}
