package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lilong.layers.accounts.Role;

/**
 * No internal attribute reaches the public, on any read path and in any format: the raw bytes of
 * every public answer hold neither an internal attribute's name nor one of the small district's
 * internal values (the station manager's phone 13900000000, the residential area's 1300 households).
 * The same requests with a planner's token do carry them where the format shows attributes, so the
 * check is not vacuous.
 */
class PublicReadPathsTest {

    private static final List<String> INTERNAL = List.of("households", "manager_phone", "13900000000", "manager_ph");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static LiveServer server;
    private static String planner;

    @BeforeAll
    static void start() {
        server = LiveServer.overSmallDistrict(dir);
        planner = server.bearer("planner", Role.PLANNER);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Every GET that answers data, in every format it offers. */
    static Stream<String> readPaths() {
        Stream<String> perLayer = Stream.of("grids", "residential-areas", "service-stations", "renovation-plots").flatMap(layer -> Stream.of(
                "/collections/" + layer + "/items?f=json", "/collections/" + layer + "/items?f=html",
                "/collections/" + layer + "/items?f=csv", "/collections/" + layer + "/items?f=gpkg",
                "/collections/" + layer + "/items?f=shp", "/collections/" + layer + "?f=json",
                "/collections/" + layer + "/tiles", "/collections/" + layer + "/tiles/14/13718/6692.mvt",
                "/collections/" + layer + "/tiles/15/27437/13384.mvt"));
        Stream<String> single = Stream.of(
                "/collections/service-stations/items/1?f=json", "/collections/service-stations/items/1?f=html",
                "/collections/residential-areas/items/1?f=json", "/collections/residential-areas/items/1?f=html",
                "/collections/grids/items/4?f=json", "/tiles", "/tiles/14/13718/6692.mvt", "/tiles/15/27437/13384.mvt",
                "/tiles/16/54875/26768.mvt", "/map-config", "/collections?f=json", "/api",
                "/where?lon=121.493&lat=31.236", "/analysis/life-circle?lon=121.493&lat=31.236",
                "/analysis/coverage", "/analysis/coverage?category=community_station",
                "/analysis/coverage/gaps?category=community_station", "/analysis/coverage/gaps?category=community_station&f=csv",
                "/analysis/suggest-sites?category=community_station&k=1");
        return Stream.concat(perLayer, single);
    }

    private static HttpResponse<byte[]> fetch(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (token != null) {
            request.header("Authorization", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The answer's bytes as text, a zip (shapefile download) unpacked first so that its .dbf is read. */
    private static String raw(HttpResponse<byte[]> response) throws Exception {
        byte[] body = response.body();
        if (body.length > 4 && body[0] == 'P' && body[1] == 'K') {
            StringBuilder entries = new StringBuilder();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    entries.append(new String(zip.readAllBytes(), StandardCharsets.ISO_8859_1));
                }
            }
            assertThat(entries).as("an unpacked zip").isNotEmpty();
            return entries.toString();
        }
        return new String(body, StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readPaths")
    void aPublicAnswerHoldsNoInternalAttribute(String path) throws Exception {
        HttpResponse<byte[]> response = fetch(path, null);

        assertThat(response.statusCode()).as(path).isIn(200, 204);
        String raw = raw(response);
        for (String internal : INTERNAL) {
            assertThat(raw).as(path + " must not hold " + internal).doesNotContain(internal);
        }
    }

    @Test
    void theSameRequestsWithAnAccountDoCarryThem() throws Exception {
        for (String path : List.of("/collections/service-stations/items?f=json", "/collections/service-stations/items?f=csv",
                "/collections/service-stations/items/1?f=html", "/collections/service-stations/items?f=shp",
                "/collections/service-stations/items?f=gpkg")) {
            String raw = raw(fetch(path, planner));
            assertThat(raw).as(path).containsAnyOf("13900000000", "households");
        }
    }
}
