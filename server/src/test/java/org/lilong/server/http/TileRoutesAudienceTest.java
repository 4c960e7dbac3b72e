package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.accounts.Role;

/**
 * Tiles per audience over HTTP: a signed-in planner's tiles carry internal attributes and are
 * private to the browser; the public's carry none and may be shared; asked in either order, neither
 * is ever served the other's (cached) tile.
 */
class TileRoutesAudienceTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String STATIONS = "/collections/service-stations/tiles/"
            + TileRoutesTest.tileAt(16, 121.493, 31.236) + ".mvt";

    @TempDir
    static Path dir;
    private static LiveServer server;
    private static String planner;

    @BeforeAll
    static void start() {
        server = LiveServer.overSmallDistrict(dir);
        planner = server.bearer("planner", Role.PLANNER).substring("Bearer ".length());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPlannersTileCarriesInternalAttributesAndIsPrivate() throws Exception {
        HttpResponse<byte[]> staff = fetch(STATIONS, planner);
        assertThat(staff.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        assertThat(keys(staff)).contains("manager_phone");
    }

    @Test
    void thePublicNeverGetsThePlannersCachedTileNorThePlannerThePublics() throws Exception {
        HttpResponse<byte[]> staffFirst = fetch(STATIONS, planner);
        HttpResponse<byte[]> open = fetch(STATIONS, null);
        HttpResponse<byte[]> staffAgain = fetch(STATIONS, planner);
        assertThat(keys(staffFirst)).contains("manager_phone");
        assertThat(keys(open)).doesNotContain("manager_phone");
        assertThat(open.headers().firstValue("Cache-Control")).hasValue("public, no-cache");
        assertThat(keys(staffAgain)).contains("manager_phone");
        assertThat(open.headers().firstValue("ETag")).isNotEqualTo(staffAgain.headers().firstValue("ETag"));
    }

    @Test
    void thePublicsEtagDoesNotMatchThePlannersTile() throws Exception {
        String publicEtag = fetch(STATIONS, null).headers().firstValue("ETag").orElseThrow();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + STATIONS))
                .header("Authorization", "Bearer " + planner).header("If-None-Match", publicEtag).build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(200);
    }

    private static java.util.List<String> keys(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        return VectorTile.Tile.parseFrom(response.body()).getLayers(0).getKeysList();
    }

    private static HttpResponse<byte[]> fetch(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
