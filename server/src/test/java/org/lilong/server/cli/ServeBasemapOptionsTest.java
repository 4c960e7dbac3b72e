package org.lilong.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code serve --basemap} (repeated or comma-separated) and {@code --basemaps FILE}, seen through {@code /map-config}. */
class ServeBasemapOptionsTest extends CliTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = """
            [{"id": "mirror", "name": "OSM mirror", "url": "/tiles/{z}/{x}/{y}.png", "attribution": "© OpenStreetMap contributors",
              "crs": "wgs84", "osm": true}]""";

    @TempDir
    Path dir;

    @Test
    void repeatedAndCommaSeparatedBasemapsAreOfferedInOrderWithTheFirstAsDefault() throws Exception {
        JsonNode config = mapConfig("--basemap", "amap,osm", "--basemap", "tianditu", "--tianditu-key", "k1");

        assertThat(ids(config.get("basemaps"))).containsExactly("amap", "osm", "tianditu");
        assertThat(config.get("defaultBasemap").asText()).isEqualTo("amap");
        assertThat(config.at("/basemaps/0/crs").asText()).isEqualTo("gcj02");
        assertThat(config.at("/basemaps/2/crs").asText()).isEqualTo("cgcs2000");
    }

    @Test
    void aBasemapsFileAddsItsBasemapsAfterTheNamedOnes() throws Exception {
        Path file = Files.writeString(dir.resolve("basemaps.json"), FILE);

        JsonNode config = mapConfig("--basemap", "none,osm", "--basemaps", file.toString());

        assertThat(ids(config.get("basemaps"))).containsExactly("osm", "mirror");
        assertThat(config.get("defaultBasemap").asText()).isEqualTo("none");
        assertThat(config.at("/basemaps/1/url").asText()).isEqualTo("/tiles/{z}/{x}/{y}.png");
    }

    @Test
    void withoutBasemapOptionsThePageStartsOfflineAsBefore() throws Exception {
        JsonNode config = mapConfig();

        assertThat(config.get("basemaps")).isEmpty();
        assertThat(config.get("defaultBasemap").asText()).isEqualTo("none");
    }

    @Test
    void aBadBasemapsFileStopsServeWithExit2NamingTheEntryAndField() throws IOException {
        Path file = Files.writeString(dir.resolve("basemaps.json"), FILE.replace("\"wgs84\"", "\"bd09\""));

        int exit = LilongCommand.run("serve", "--data", dir.toString(), "--port", "0", "--basemaps", file.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("lilong serve: --basemaps " + file + ": entry 1 (id 'mirror'): field 'crs': 'bd09' is not one of");
        assertThat(dir.resolve(DataDirectory.FILE_NAME)).doesNotExist(); // refused before the store was opened
    }

    @Test
    void tiandituWithoutAKeyStopsServeWithExit2() {
        assertThat(LilongCommand.run("serve", "--data", dir.toString(), "--port", "0", "--basemap", "osm,tianditu")).isEqualTo(2);
        assertThat(err()).contains("--basemap tianditu needs --tianditu-key");
    }

    @Test
    void anUnknownBasemapStopsServeWithExit2() {
        assertThat(LilongCommand.run("serve", "--data", dir.toString(), "--port", "0", "--basemap", "baidu")).isEqualTo(2);
        assertThat(err()).contains("--basemap 'baidu' is not a basemap");
    }

    private JsonNode mapConfig(String... basemapOptions) throws Exception {
        List<String> args = new ArrayList<>(List.of("--data", smallDistrictData(Files.createDirectories(dir.resolve("data"))).toString(),
                "--port", "0"));
        args.addAll(List.of(basemapOptions));
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        try (ServeCommand.Serving serving = command.start()) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serving.server().port()
                    + "/map-config")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            return JSON.readTree(answer.body());
        }
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
