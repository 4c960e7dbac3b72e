package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.postgis.PostgisStore;
import org.lilong.layers.store.postgis.PostgisTestDatabase;
import org.lilong.server.SmallDistrict;
import org.lilong.server.config.ServerConfig;
import org.locationtech.jts.geom.Coordinate;

/**
 * Two servers on one PostGIS database, as behind a load balancer: an edit committed through one is
 * served by the other within a second, and the other keeps serving reads while the database is gone.
 */
class SharedDatabaseServersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private PostgisTestDatabase database;
    private Atlas atlasA;
    private Atlas atlasB;
    private LilongServer serverB;

    @BeforeEach
    void startTwoServers() {
        database = PostgisTestDatabase.create();
        atlasA = new Atlas(PostgisStore.open(database.url(), LayerCatalogue.standard()));
        atlasA.apply(SmallDistrict.changes());
        atlasB = new Atlas(PostgisStore.open(database.url(), LayerCatalogue.standard()));
        serverB = LilongServer.start(atlasB, ServerConfig.defaults().withPort(0));
    }

    @AfterEach
    void stopServers() {
        if (serverB != null) {
            serverB.stop();
        }
        if (atlasB != null) {
            atlasB.close();
        }
        if (atlasA != null) {
            atlasA.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aStationAddedThroughOneServerIsServedByTheOtherWithinOneSecond() throws Exception {
        CountDownLatch refreshed = refreshOf(atlasB, LayerCatalogue.SERVICE_STATIONS);
        atlasA.apply(new ChangeSet().insert(LayerCatalogue.SERVICE_STATIONS, new Feature(0,
                GeometryFactories.WGS84.createPoint(new Coordinate(121.494, 31.232)),
                Map.of("name", "新开市民驿站", "category", "community_station"))));

        assertThat(refreshed.await(1, TimeUnit.SECONDS)).as("server B refreshed within 1 s").isTrue();
        JsonNode found = getJson("/collections/service-stations/items?name=" + encode("新开市民驿站"));
        assertThat(found.get("numberMatched").asInt()).isEqualTo(1);
    }

    @Test
    void theOtherServerKeepsServingReadsWhileTheDatabaseIsUnreachable() throws Exception {
        database.admin("ALTER DATABASE " + database.name() + " ALLOW_CONNECTIONS false",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database.name() + "'");
        try {
            JsonNode grids = getJson("/collections/grids/items?limit=100");
            assertThat(grids.get("numberMatched").asInt()).isEqualTo(7);
            JsonNode where = getJson("/where?lon=" + SmallDistrict.INSIDE_BUILDING_GROUP_LON + "&lat=" + SmallDistrict.INSIDE_BUILDING_GROUP_LAT);
            assertThat(where.get("grids")).hasSize(5);
        } finally {
            database.admin("ALTER DATABASE " + database.name() + " ALLOW_CONNECTIONS true");
        }
    }

    private static CountDownLatch refreshOf(Atlas atlas, String layerId) {
        CountDownLatch latch = new CountDownLatch(1);
        atlas.addRefreshListener((Set<String> layers) -> {
            if (layers.contains(layerId)) {
                latch.countDown();
            }
        });
        return latch;
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + serverB.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
