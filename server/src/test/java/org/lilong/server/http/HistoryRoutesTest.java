package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.Atlas;
import org.lilong.layers.accounts.Role;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.spatial.GeometryFactories;
import org.locationtech.jts.geom.Coordinate;

/** History, diff, revert and restore over real HTTP, as the small district's editor (bearer token). */
class HistoryRoutesTest {

    private static final String STATIONS = "/collections/" + LayerCatalogue.SERVICE_STATIONS + "/items";

    @TempDir
    static Path dir;

    private static LiveServer server;
    private static Atlas atlas;
    private static String bearer;

    @BeforeAll
    static void start() {
        server = LiveServer.overSmallDistrict(dir);
        atlas = server.atlas();
        bearer = server.bearer("editor", Role.EDITOR, "310101999");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long station(String name) {
        return atlas.apply(new ChangeSet().insert(LayerCatalogue.SERVICE_STATIONS, new Feature(0,
                GeometryFactories.WGS84.createPoint(new Coordinate(121.486, 31.226)),
                Map.of("name", name, "category", "community_station")))).get(0).id();
    }

    private static String json(String name, double lat) {
        return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[121.486," + lat + "]},"
                + "\"properties\":{\"name\":\"" + name + "\",\"category\":\"community_station\"}}";
    }

    private static String put(long id, String name, double lat, String comment) throws Exception {
        String etag = server.get(STATIONS + "/" + id).header("etag");
        LiveServer.Answer answer = server.send("PUT", STATIONS + "/" + id + "?comment=" + comment, EditRequest.GEOJSON,
                json(name, lat), "Authorization", bearer, "If-Match", etag);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.header("etag");
    }

    @Test
    void theHistoryListsEveryVersionWithWhoWhenAndWhy() throws Exception {
        long id = station("初名");
        put(id, "二名", 31.226, "rename");
        put(id, "三名", 31.2265, "move");

        JsonNode history = server.get(STATIONS + "/" + id + "/history", "Authorization", bearer).json();

        assertThat(history.get("exists").asBoolean()).isTrue();
        JsonNode versions = history.get("versions");
        assertThat(versions).hasSize(3);
        assertThat(versions.get(0).get("operation").asText()).isEqualTo("baseline");
        assertThat(versions.get(1).get("author").asText()).isEqualTo("editor");
        assertThat(versions.get(1).get("comment").asText()).isEqualTo("rename");
        assertThat('"' + versions.get(2).get("etag").asText() + '"').isEqualTo(server.get(STATIONS + "/" + id).header("etag"));
    }

    @Test
    void aVersionIsServedAsItWas() throws Exception {
        long id = station("旧名");
        put(id, "新名", 31.226, "");

        JsonNode first = server.get(STATIONS + "/" + id + "/history/1", "Authorization", bearer).json();

        assertThat(first.get("properties").get("name").asText()).isEqualTo("旧名");
        assertThat(first.get("version").asInt()).isEqualTo(1);
    }

    @Test
    void aDiffNamesTheChangedAttributesAndTheMove() throws Exception {
        long id = station("甲");
        put(id, "乙", 31.2261, "");

        JsonNode diff = server.get(STATIONS + "/" + id + "/diff?from=1&to=2", "Authorization", bearer).json();

        assertThat(diff.get("attributes")).hasSize(1);
        assertThat(diff.get("attributes").get(0).get("from").asText()).isEqualTo("甲");
        assertThat(diff.get("attributes").get(0).get("to").asText()).isEqualTo("乙");
        assertThat(diff.get("geometry").get("changed").asBoolean()).isTrue();
        assertThat(diff.get("geometry").get("hausdorffMetres").asDouble()).isBetween(10.9, 11.2);
    }

    @Test
    void aRevertMakesAnOldVersionCurrentAgain() throws Exception {
        long id = station("本来");
        String etag = put(id, "改坏了", 31.226, "");

        LiveServer.Answer withoutIfMatch = server.send("POST", STATIONS + "/" + id + "/revert?version=1", null, null,
                "Authorization", bearer);
        LiveServer.Answer reverted = server.send("POST", STATIONS + "/" + id + "/revert?version=1", null, null,
                "Authorization", bearer, "If-Match", etag);

        assertThat(withoutIfMatch.status()).isEqualTo(428);
        assertThat(reverted.status()).isEqualTo(200);
        assertThat(atlas.feature(LayerCatalogue.SERVICE_STATIONS, id).orElseThrow().get("name")).isEqualTo("本来");
        assertThat(atlas.history(LayerCatalogue.SERVICE_STATIONS, id)).hasSize(3);
    }

    @Test
    void aDeletedFeatureIsRestoredOnce() throws Exception {
        long id = station("要删的");
        String etag = server.get(STATIONS + "/" + id).header("etag");
        assertThat(server.send("DELETE", STATIONS + "/" + id, null, null, "Authorization", bearer, "If-Match", etag).status())
                .isEqualTo(204);

        LiveServer.Answer restored = server.send("POST", STATIONS + "/" + id + "/restore", null, null, "Authorization", bearer);
        LiveServer.Answer again = server.send("POST", STATIONS + "/" + id + "/restore", null, null, "Authorization", bearer);

        assertThat(restored.status()).isEqualTo(201);
        assertThat(restored.header("location")).isEqualTo(STATIONS + "/" + id);
        assertThat(server.get(STATIONS + "/" + id).json().get("properties").get("name").asText()).isEqualTo("要删的");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void historyIsForLoggedInAccountsAndMistakesAreNamed() throws Exception {
        long id = station("私");

        assertThat(server.get(STATIONS + "/" + id + "/history").status()).isEqualTo(401);
        assertThat(server.get(STATIONS + "/" + id + "/history/7", "Authorization", bearer).status()).isEqualTo(404);
        assertThat(server.get(STATIONS + "/" + id + "/history/seven", "Authorization", bearer).status()).isEqualTo(400);
        assertThat(server.get(STATIONS + "/999999/history", "Authorization", bearer).status()).isEqualTo(404);
        assertThat(server.get(STATIONS + "/" + id + "/diff?from=1", "Authorization", bearer).status()).isEqualTo(400);
    }
}
