package org.lilong.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.Atlas;
import org.lilong.server.SmallDistrict;
import org.lilong.server.config.ServerConfig;

/** Starts the real server over the small district, once per request, on a free port. */
abstract class ServerTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Atlas atlas;

    @BeforeAll
    static void openDistrict() {
        atlas = SmallDistrict.create(dir);
    }

    @AfterAll
    static void closeDistrict() {
        atlas.close();
    }

    /** What the server answered: status, content type and body. */
    record Answer(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    static Answer get(String path) {
        return get(path, Map.of());
    }

    static Answer get(String path, Map<String, String> headers) {
        AtomicReference<Answer> answer = new AtomicReference<>();
        JavalinTest.test(LilongServer.create(atlas, ServerConfig.defaults().withPort(0)), (server, client) -> {
            Response response = client.get(path, request -> headers.forEach(request::header));
            answer.set(new Answer(response.code(), String.join(",", response.headers().get("Content-Type")), response.body().string()));
        });
        return answer.get();
    }
}
