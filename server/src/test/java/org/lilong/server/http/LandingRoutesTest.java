package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.lilong.server.config.ServerConfig;
import org.lilong.layers.model.LayerCatalogue;

class LandingRoutesTest extends ServerTestSupport {

    @Test
    void landingPageLinksTheApiConformanceAndCollections() {
        JsonNode landing = get("/?f=json").json();
        List<String> rels = new ArrayList<>();
        landing.get("links").forEach(l -> rels.add(l.get("rel").asText()));
        assertThat(rels).contains("self", "service-desc", "conformance", "data");
        assertThat(landing.get("title").asText()).contains("测试街道");
    }

    @Test
    void anApiClientWithoutPreferencesGetsTheJsonLandingPage() {
        Answer answer = get("/", Map.of("Accept", "application/json"));
        assertThat(answer.contentType()).startsWith("application/json");
    }

    @Test
    void aBrowserAtTheRootGetsTheMapPage() {
        Answer answer = get("/", Map.of("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body()).contains("/webjars/leaflet/1.9.4/dist/leaflet.js");
    }

    @Test
    void conformanceDeclaresCoreGeoJsonHtmlAndOpenApi() {
        JsonNode conformance = get("/conformance").json();
        List<String> classes = new ArrayList<>();
        conformance.get("conformsTo").forEach(c -> classes.add(c.asText()));
        assertThat(classes).containsExactlyInAnyOrderElementsOf(LandingRoutes.CONFORMANCE);
    }

    @Test
    void theApiDocumentIsOpenApi3AndListsTheItemsPath() {
        Answer answer = get("/api");
        assertThat(answer.contentType()).startsWith("application/vnd.oai.openapi+json");
        JsonNode api = answer.json();
        assertThat(api.get("openapi").asText()).startsWith("3.0");
        assertThat(api.get("paths").has("/collections/{collectionId}/items")).isTrue();
        assertThat(api.at("/components/parameters/collectionId/schema/enum")).hasSize(LayerCatalogue.standard().layers().size());
    }

    @Test
    void leafletIsServedFromTheWebjarSoThePageWorksOffline() {
        Answer answer = get("/webjars/leaflet/1.9.4/dist/leaflet.js");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("Leaflet");
    }

    private static Response post(String path, String body) {
        AtomicReference<Response> answer = new AtomicReference<>();
        JavalinTest.test(LilongServer.create(atlas, ServerConfig.defaults().withPort(0)), (server, client) ->
                answer.set(client.post(path, body, request -> { })));
        return answer.get();
    }

    @Test
    void aWriteToAReadOnlyResourceIsAProblemJson405EvenWithAHugeBody() {
        Response answer = post("/collections/grids", "x".repeat(3_000_000));

        assertThat(answer.code()).isEqualTo(405);
        assertThat(answer.headers().get("Content-Type")).anySatisfy(t -> assertThat(t).startsWith(ProblemResponses.CONTENT_TYPE));
        assertThat(atlas.index("grids").size()).isEqualTo(7);
    }

    @Test
    void anAnonymousWriteToTheItemsIsAProblemJson401() {
        // A small body: with a huge one the 401 (sent before the body is read) races the upload, and
        // the client may see the connection closed instead of the answer (bodies over the limit: EditRoutesTest).
        Response answer = post("/collections/grids/items", "{\"type\":\"Feature\"}");

        assertThat(answer.code()).isEqualTo(401);
        assertThat(answer.headers().get("Content-Type")).anySatisfy(t -> assertThat(t).startsWith(ProblemResponses.CONTENT_TYPE));
        assertThat(atlas.index("grids").size()).isEqualTo(7);
    }

    @Test
    void anUnknownPathIsAProblemJson404() {
        Answer answer = get("/no/such/thing");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith(ProblemResponses.CONTENT_TYPE);
        assertThat(answer.json().get("status").asInt()).isEqualTo(404);
    }
}
