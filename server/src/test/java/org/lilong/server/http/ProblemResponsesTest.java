package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import org.junit.jupiter.api.Test;
import org.lilong.layers.store.InvalidChangeException;
import org.lilong.layers.store.StoreException;

/** Store failures as clients see them: a refused change is 422, an unreachable store a 503 to retry. */
class ProblemResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Javalin failingWith(RuntimeException failure) {
        return Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            new ProblemResponses(JSON).register(javalin);
            javalin.routes.get("/fail", ctx -> {
                throw failure;
            });
        });
    }

    @Test
    void anUnreachableStoreIs503WithoutItsInternals() {
        JavalinTest.test(failingWith(new StoreException("cannot read jdbc:postgresql://db:5432/lilong: Connection refused")),
                (server, client) -> {
                    Response response = client.get("/fail");
                    JsonNode problem = JSON.readTree(response.body().string());

                    assertThat(response.code()).isEqualTo(503);
                    assertThat(String.join(",", response.headers().get("Content-Type"))).startsWith(ProblemResponses.CONTENT_TYPE);
                    assertThat(String.join(",", response.headers().get("Retry-After"))).isEqualTo("5");
                    assertThat(problem.get("status").asInt()).isEqualTo(503);
                    assertThat(problem.get("detail").asText()).isEqualTo("the store is unavailable; try again");
                });
    }

    @Test
    void aChangeTheStoreRefusesIs422NamingWhy() {
        JavalinTest.test(failingWith(new InvalidChangeException("layer 'grids' has no feature 99")), (server, client) -> {
            Response response = client.get("/fail");
            JsonNode problem = JSON.readTree(response.body().string());

            assertThat(response.code()).isEqualTo(422);
            assertThat(problem.get("type").asText()).isEqualTo("urn:lilong:problem:invalid-change");
            assertThat(problem.get("detail").asText()).isEqualTo("layer 'grids' has no feature 99");
        });
    }
}
