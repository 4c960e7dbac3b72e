package org.lilong.server.http;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.lilong.layers.Atlas;
import org.lilong.server.config.ServerConfig;

/** A started server over an atlas, and a client that fetches tiles and their headers from it. */
final class TileRoutesClient implements AutoCloseable {

    /** What came back: status, headers that matter, body bytes. */
    record Reply(int status, HttpResponse<byte[]> response) {

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        byte[] body() {
            return response.body();
        }

        String text() {
            return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        }

        VectorTile.Tile tile() {
            try {
                return VectorTile.Tile.parseFrom(response.body());
            } catch (IOException e) {
                throw new AssertionError("not an MVT", e);
            }
        }
    }

    private final LilongServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    TileRoutesClient(Atlas atlas, ServerConfig config) {
        this.server = LilongServer.start(atlas, config.withPort(0));
    }

    Reply get(String path) {
        return get(path, Map.of());
    }

    Reply get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
