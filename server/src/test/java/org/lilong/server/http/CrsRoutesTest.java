package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lilong.geodata.crs.ChinaOffsets;
import org.lilong.geodata.crs.CoordinateTransform;
import org.lilong.geodata.crs.CrsRegistry;
import org.lilong.layers.model.Feature;
import org.lilong.server.config.ServerConfig;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * OGC API – Features Part 2 on the items: {@code crs} and {@code bbox-crs} in the CRS's own axis
 * order, {@code Content-Crs}, and the Chinese web-map offsets, checked against the stored WGS84
 * coordinates of the small district.
 */
class CrsRoutesTest extends ServerTestSupport {

    private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    private static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";
    private static final List<String> LAYERS = List.of("grids", "streets", "service-stations", "renovation-plots");

    /** Status, Content-Crs and body of one request. */
    record CrsAnswer(int status, String contentCrs, String body) {

        JsonNode json() {
            return new Answer(status, "", body).json();
        }
    }

    /** Fetches paths from one started server. */
    interface Client {
        CrsAnswer fetch(String path);
    }

    /** Runs the requests of {@code body} against one server started for them. */
    static void session(java.util.function.Consumer<Client> body) {
        JavalinTest.test(LilongServer.create(atlas, ServerConfig.defaults().withPort(0)), (server, client) -> body.accept(path -> {
            Response response = client.get(path);
            List<String> contentCrs = response.headers().get("Content-Crs");
            return new CrsAnswer(response.code(), contentCrs == null || contentCrs.isEmpty() ? null : String.join(",", contentCrs),
                    response.body().string());
        }));
    }

    static CrsAnswer fetch(String path) {
        AtomicReference<CrsAnswer> answer = new AtomicReference<>();
        session(client -> answer.set(client.fetch(path)));
        return answer.get();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"EPSG:4549", "EPSG:3857"})
    void everyVertexFetchedInAProjectedCrsTransformsBackToTheStoredWgs84(String code) {
        CoordinateTransform transform = CrsRegistry.resolve(code);
        boolean northFirst = code.equals("EPSG:4549");
        for (String layer : LAYERS) {
            JsonNode items = fetch("/collections/" + layer + "/items?limit=1000&crs=" + EPSG + code.substring(5)).json();
            for (JsonNode feature : items.get("features")) {
                Geometry stored = atlas.feature(layer, feature.get("id").asLong()).orElseThrow().geometry();
                List<double[]> back = new ArrayList<>();
                for (double[] served : positions(feature.get("geometry"))) {
                    double[] xy = northFirst ? new double[] {served[1], served[0]} : served;
                    Coordinate c = transform.toWgs84(point(xy[0], xy[1])).getCoordinate();
                    back.add(new double[] {c.x, c.y});
                }

                assertSameVertices(back, stored.getCoordinates(), 1e-7, layer + " " + feature.get("id"));
            }
        }
    }

    @Test
    void epsg4549ComesBackNorthingFirstAtTheValuesGdalGives() {
        // Street 1 has a vertex at (121.49, 31.23); GDAL 3.6.2 puts it at E 641966.119, N 3457431.965 (see CrsRegistryTest).
        JsonNode street = fetch("/collections/streets/items/1?crs=" + EPSG + "4549").json();

        JsonNode vertex = street.at("/geometry/coordinates/2");
        assertThat(vertex.get(0).asDouble()).isCloseTo(3457431.965, within(0.01));
        assertThat(vertex.get(1).asDouble()).isCloseTo(641966.119, within(0.01));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {EPSG + "4326", "EPSG:4326", EPSG + "4490", "[EPSG:4490]"})
    void aGeographicEpsgCrsPutsLatitudeFirst(String crs) {
        // Station 1 is stored at POINT (121.493 31.236).
        JsonNode station = fetch("/collections/service-stations/items/1?crs=" + encode(crs)).json();

        assertThat(station.at("/geometry/coordinates/0").asDouble()).isEqualTo(31.236);
        assertThat(station.at("/geometry/coordinates/1").asDouble()).isEqualTo(121.493);
    }

    @Test
    void crs84IsTheDefaultAndKeepsLongitudeFirst() {
        CrsAnswer station = fetch("/collections/service-stations/items/1");

        assertThat(station.contentCrs()).isEqualTo("<" + CRS84 + ">");
        assertThat(station.json().at("/geometry/coordinates/0").asDouble()).isEqualTo(121.493);
        assertThat(fetch("/collections/service-stations/items/1?crs=CRS84").json().get("geometry"))
                .isEqualTo(station.json().get("geometry"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gcj02", "urn:lilong:def:crs:gcj02", "bd09"})
    void chineseWebMapOutputIsTheOffsetOfTheStoredCoordinates(String crs) {
        boolean baidu = crs.equals("bd09");
        for (String layer : LAYERS) {
            JsonNode items = fetch("/collections/" + layer + "/items?limit=1000&crs=" + encode(crs)).json();
            for (JsonNode feature : items.get("features")) {
                Coordinate[] stored = atlas.feature(layer, feature.get("id").asLong()).orElseThrow().geometry().getCoordinates();
                Coordinate[] expected = new Coordinate[stored.length];
                for (int i = 0; i < stored.length; i++) {
                    double[] shifted = baidu ? ChinaOffsets.wgs84ToBd09(stored[i].x, stored[i].y)
                            : ChinaOffsets.wgs84ToGcj02(stored[i].x, stored[i].y);
                    expected[i] = new Coordinate(shifted[0], shifted[1]);
                }

                assertSameVertices(positions(feature.get("geometry")), expected, 0.6e-7, layer + " " + feature.get("id"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/collections/grids/items                                  | " + CRS84,
            "/collections/grids/items?crs=EPSG:4549                    | " + EPSG + "4549",
            "/collections/grids/items?f=html&crs=EPSG:3857             | " + EPSG + "3857",
            "/collections/grids/items/1?crs=gcj02                      | urn:lilong:def:crs:gcj02",
            "/collections/grids/items/1?f=html&crs=bd09                | urn:lilong:def:crs:bd09",
            "/collections/grids/items/1?f=html                         | " + CRS84,
            "/collections/grids/items?f=csv&crs=EPSG:4490              | " + EPSG + "4490",
            "/collections/grids/items?f=shp&crs=EPSG:4549              | " + EPSG + "4549",
            "/collections/grids/items?f=gpkg                           | " + CRS84})
    void everyFeatureResponseNamesItsCrsInContentCrs(String path, String uri) {
        CrsAnswer answer = fetch(path.strip());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentCrs()).isEqualTo("<" + uri.strip() + ">");
    }

    @Test
    void aBboxIn4549SelectsWhatABruteForceScanInThe4549PlaneSelects() {
        CoordinateTransform cgcs = CrsRegistry.resolve("EPSG:4549");
        GeometryFactory plane = new GeometryFactory();
        Random random = new Random(7);
        List<Integer> counts = new ArrayList<>();
        session(client -> {
            for (int trial = 0; trial < 40; trial++) {
                // Random boxes over the district (easting 641 013–642 919, northing 3 456 322–3 458 540).
                double e1 = 640_800 + random.nextDouble() * 2_000;
                double e2 = e1 + random.nextDouble() * 1_200;
                double n1 = 3_456_100 + random.nextDouble() * 2_300;
                double n2 = n1 + random.nextDouble() * 1_200;
                Geometry box = plane.toGeometry(new Envelope(e1, e2, n1, n2));
                for (String layer : LAYERS) {
                    TreeSet<Long> expected = new TreeSet<>();
                    for (Feature feature : atlas.index(layer).all()) {
                        if (cgcs.fromWgs84(feature.geometry()).intersects(box)) {
                            expected.add(feature.id());
                        }
                    }
                    JsonNode items = client.fetch("/collections/" + layer + "/items?limit=1000&bbox-crs=EPSG:4549&bbox="
                            + n1 + "," + e1 + "," + n2 + "," + e2).json();

                    assertThat(ids(items)).as("%s in %s", layer, box).containsExactlyElementsOf(expected);
                    assertThat(items.get("numberMatched").asInt()).isEqualTo(expected.size());
                    counts.add(expected.size());
                }
            }
        });
        assertThat(counts).as("boxes that select something and boxes that select nothing").contains(0).anyMatch(n -> n > 1);
    }

    @Test
    void aBboxInLatitudeFirst4326Or3857SelectsTheSameAsTheEquivalentCrs84Bbox() {
        CoordinateTransform mercator = CrsRegistry.resolve("EPSG:3857");
        Random random = new Random(11);
        session(client -> {
            for (int trial = 0; trial < 20; trial++) {
                double lon1 = 121.479 + random.nextDouble() * 0.02;
                double lon2 = lon1 + random.nextDouble() * 0.012;
                double lat1 = 31.219 + random.nextDouble() * 0.02;
                double lat2 = lat1 + random.nextDouble() * 0.012;
                Coordinate min = mercator.fromWgs84(point(lon1, lat1)).getCoordinate();
                Coordinate max = mercator.fromWgs84(point(lon2, lat2)).getCoordinate();
                for (String layer : LAYERS) {
                    List<Long> crs84 = ids(client.fetch("/collections/" + layer + "/items?limit=1000&bbox=" + lon1 + "," + lat1 + "," + lon2 + "," + lat2).json());

                    assertThat(ids(client.fetch("/collections/" + layer + "/items?limit=1000&bbox-crs=" + EPSG + "4326&bbox="
                            + lat1 + "," + lon1 + "," + lat2 + "," + lon2).json())).as("4326 %s", layer).isEqualTo(crs84);
                    assertThat(ids(client.fetch("/collections/" + layer + "/items?limit=1000&bbox-crs=EPSG:3857&bbox="
                            + min.x + "," + min.y + "," + max.x + "," + max.y).json())).as("3857 %s", layer).isEqualTo(crs84);
                }
            }
        });
    }

    @Test
    void aBboxInGcj02SelectsTheFeaturesWhoseGcj02CoordinatesFallInIt() {
        // The box around station 1 in GCJ-02: in WGS84 it lies some 500 m away, where there is nothing.
        double[] gcj = ChinaOffsets.wgs84ToGcj02(121.493, 31.236);
        String box = (gcj[0] - 0.0002) + "," + (gcj[1] - 0.0002) + "," + (gcj[0] + 0.0002) + "," + (gcj[1] + 0.0002);

        assertThat(ids(fetch("/collections/service-stations/items?bbox-crs=gcj02&bbox=" + box).json())).containsExactly(1L);
        assertThat(ids(fetch("/collections/service-stations/items?bbox=" + box).json())).isEmpty();
    }

    @Test
    void pagingLinksKeepCrsAndBboxCrs() {
        JsonNode first = fetch("/collections/grids/items?limit=2&crs=EPSG:4549&bbox-crs=EPSG:4326&bbox=31.2,121.4,31.3,121.6").json();

        String next = link(first, "next");
        assertThat(next).contains("crs=EPSG%3A4549", "bbox-crs=EPSG%3A4326");
        CrsAnswer second = fetch(next.substring(next.indexOf("/collections")));
        assertThat(second.contentCrs()).isEqualTo("<" + EPSG + "4549>");
        assertThat(ids(second.json())).containsExactly(3L, 4L);
    }

    @Test
    void theGeoPackageDownloadLinkLeavesOutTheCrsItCannotHold() {
        JsonNode page = fetch("/collections/grids/items?crs=EPSG:4549").json();

        List<String> enclosures = new ArrayList<>();
        page.get("links").forEach(l -> {
            if (l.get("rel").asText().equals("enclosure")) {
                enclosures.add(l.get("href").asText());
            }
        });
        assertThat(enclosures).anySatisfy(href -> assertThat(href).contains("f=csv", "crs=EPSG%3A4549"));
        assertThat(enclosures).anySatisfy(href -> assertThat(href).contains("f=gpkg").doesNotContain("crs="));
    }

    @Test
    void aCsvDownloadInGcj02HoldsTheOffsetCoordinates() {
        String csv = fetch("/collections/service-stations/items?f=csv&crs=gcj02").body();
        double[] gcj = ChinaOffsets.wgs84ToGcj02(121.493, 31.236);

        String row = csv.lines().filter(l -> l.startsWith("1,")).findFirst().orElseThrow();
        String[] xy = row.substring(row.indexOf("POINT (") + 7, row.indexOf(')', row.indexOf("POINT ("))).split(" ");
        assertThat(Double.parseDouble(xy[0])).isCloseTo(gcj[0], within(1e-9));
        assertThat(Double.parseDouble(xy[1])).isCloseTo(gcj[1], within(1e-9));
    }

    @Test
    void everyCollectionListsTheSupportedCrsAndStoresInCrs84() {
        JsonNode collection = fetch("/collections/grids").json();

        List<String> crs = new ArrayList<>();
        collection.get("crs").forEach(c -> crs.add(c.asText()));
        assertThat(crs).containsExactly(CRS84, EPSG + "4326", EPSG + "3857", EPSG + "4490", EPSG + "4549",
                "urn:lilong:def:crs:gcj02", "urn:lilong:def:crs:bd09");
        assertThat(collection.get("storageCrs").asText()).isEqualTo(CRS84);
        fetch("/collections").json().get("collections").forEach(c -> assertThat(c.get("crs")).hasSize(crs.size()));
    }

    @Test
    void everyListedCrsIsAcceptedByItsUri() {
        fetch("/collections/grids").json().get("crs").forEach(uri ->
                assertThat(fetch("/collections/grids/items/1?crs=" + encode(uri.asText())).status()).as(uri.asText()).isEqualTo(200));
    }

    @Test
    void conformanceDeclaresPart2Crs() {
        JsonNode conformance = fetch("/conformance").json();

        List<String> classes = new ArrayList<>();
        conformance.get("conformsTo").forEach(c -> classes.add(c.asText()));
        assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");
    }

    @Test
    void theApiDefinitionOffersCrsOnItemsAndFeatureAndBboxCrsOnItems() {
        JsonNode paths = fetch("/api").json().get("paths");

        assertThat(parameterNames(paths.at("/~1collections~1{collectionId}~1items/get/parameters"))).contains("crs", "bbox-crs");
        assertThat(parameterNames(paths.at("/~1collections~1{collectionId}~1items~1{featureId}/get/parameters"))).contains("crs");
    }

    @Test
    void theHtmlPageOfAFeatureLinksItsGeoJsonInTheSameCrs() {
        CrsAnswer page = fetch("/collections/grids/items/1?f=html&crs=EPSG:4549");

        assertThat(page.body()).contains("/collections/grids/items/1?f=json&amp;crs=http%3A%2F%2Fwww.opengis.net%2Fdef%2Fcrs%2FEPSG%2F0%2F4549");
    }

    @Test
    void anUnsupportedCrsIsRefusedListingTheSupportedOnes() {
        CrsAnswer answer = fetch("/collections/grids/items?crs=EPSG:32651");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("parameter").asText()).isEqualTo("crs");
        assertThat(answer.json().get("detail").asText()).contains("EPSG:32651", CRS84, EPSG + "4549", "urn:lilong:def:crs:gcj02");
    }

    @Test
    void aLongitudeFirstBboxIn4326IsRefusedWithAHintAtTheAxisOrder() {
        CrsAnswer answer = fetch("/collections/grids/items?bbox-crs=EPSG:4326&bbox=121.48,31.22,121.50,31.24");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("parameter").asText()).isEqualTo("bbox");
        assertThat(answer.json().get("detail").asText()).contains("latitude first");
    }

    /**
     * Every expected vertex has a served one within the tolerance, and as many of them: rings may
     * come back in the other direction (the writer makes exteriors counter-clockwise in the order
     * written, which a latitude-first order mirrors).
     */
    private static void assertSameVertices(List<double[]> served, Coordinate[] expected, double tolerance, String what) {
        assertThat(served).as(what).hasSize(expected.length);
        for (Coordinate c : expected) {
            assertThat(served).as("%s: vertex %s", what, c)
                    .anySatisfy(p -> assertThat(Math.max(Math.abs(p[0] - c.x), Math.abs(p[1] - c.y))).isLessThanOrEqualTo(tolerance));
        }
    }

    private static List<String> parameterNames(JsonNode parameters) {
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.path("name").asText()));
        return names;
    }

    private static List<double[]> positions(JsonNode geometry) {
        List<double[]> out = new ArrayList<>();
        collect(geometry.get("coordinates"), out);
        return out;
    }

    private static void collect(JsonNode node, List<double[]> out) {
        if (node.get(0).isNumber()) {
            out.add(new double[] {node.get(0).asDouble(), node.get(1).asDouble()});
            return;
        }
        node.forEach(child -> collect(child, out));
    }

    private static Geometry point(double x, double y) {
        return new GeometryFactory().createPoint(new Coordinate(x, y));
    }

    private static List<Long> ids(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.get("features").forEach(f -> ids.add(f.get("id").asLong()));
        return ids;
    }

    private static String link(JsonNode body, String rel) {
        for (JsonNode link : body.get("links")) {
            if (link.get("rel").asText().equals(rel)) {
                return link.get("href").asText();
            }
        }
        return null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
