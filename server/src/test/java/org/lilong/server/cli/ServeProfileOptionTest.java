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

/** {@code serve --profile FILE}: the file replaces the shipped life-circle profile, or serve refuses to start. */
class ServeProfileOptionTest extends CliTestSupport {

    private static final String MINI_PROFILE = """
            # Two categories and one speed: a deployment that checks only canteens and pocket parks.
            @speed\tstroll\t1.0\t散步\tStroll
            canteen\t社区食堂\tCanteen\t5\t400
            pocket_park\t口袋公园\tPocket park\t5\t300
            """;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aProfileFileReplacesTheCategoriesAndSpeedsAndNamesTheProfile() throws Exception {
        Path file = Files.writeString(dir.resolve("mini.tsv"), MINI_PROFILE);
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--data", data(), "--port", "0",
                "--profile", file.toString());

        try (ServeCommand.Serving serving = command.start()) {
            String origin = "http://127.0.0.1:" + serving.server().port();
            JsonNode profile = getJson(origin + "/analysis/profile");
            assertThat(profile.get("name").asText()).isEqualTo("mini");
            assertThat(ids(profile.get("categories"))).containsExactly("canteen", "pocket_park");
            assertThat(ids(profile.get("speeds"))).containsExactly("stroll");
            assertThat(profile.get("defaultSpeed").asText()).isEqualTo("stroll");

            JsonNode report = getJson(origin + "/analysis/life-circle?lon=121.4905&lat=31.2303&profile=mini");
            assertThat(ids(report.get("categories"))).containsExactly("canteen", "pocket_park");
            assertThat(report.get("categories").get(0).get("maxWalkMetres").asDouble()).isEqualTo(400);
            assertThat(report.get("speed").get("id").asText()).isEqualTo("stroll");
            assertThat(ids(getJson(origin + "/map-config").get("categories"))).containsExactly("canteen", "pocket_park");
        }
        assertThat(out()).contains("Life-circle profile 'mini'", "2 categories");
    }

    @Test
    void theDefaultProfileNameIsNoLongerAcceptedUnderAReplacement() throws Exception {
        Path file = Files.writeString(dir.resolve("mini.tsv"), MINI_PROFILE);
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs("--data", data(), "--port", "0",
                "--profile", file.toString());

        try (ServeCommand.Serving serving = command.start()) {
            HttpResponse<String> answer = get("http://127.0.0.1:" + serving.server().port()
                    + "/analysis/life-circle?lon=121.4905&lat=31.2303&profile=default");
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(answer.body()).get("parameter").asText()).isEqualTo("profile");
        }
    }

    @Test
    void aMalformedProfileFileIsAClearErrorWithExit2() throws IOException {
        Path file = Files.writeString(dir.resolve("broken.tsv"), "canteen\t社区食堂\tCanteen\tfive\t300\n");

        int exit = LilongCommand.run("serve", "--data", data(), "--port", "0",
                "--profile", file.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("lilong serve: --profile " + file, "profile line 1", "must be numbers");
    }

    @Test
    void aProfileWithoutASpeedIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("nospeed.tsv"), "canteen\t社区食堂\tCanteen\t5\t300\n");

        assertThat(LilongCommand.run("serve", "--data", dir.toString(), "--port", "0", "--profile", file.toString())).isEqualTo(2);
        assertThat(err()).contains("at least one walking speed");
    }

    @Test
    void aMissingProfileFileIsAClearErrorWithExit2() {
        Path file = dir.resolve("absent.tsv");

        assertThat(LilongCommand.run("serve", "--data", dir.toString(), "--port", "0", "--profile", file.toString())).isEqualTo(2);
        assertThat(err()).contains("--profile " + file + ": no such file");
        assertThat(dir.resolve(DataDirectory.FILE_NAME)).doesNotExist(); // refused before the store was opened
    }

    /** A data directory holding the small district (its two main roads, no lanes). */
    private String data() throws IOException {
        return smallDistrictData(Files.createDirectories(dir.resolve("data"))).toString();
    }

    private static JsonNode getJson(String url) throws IOException, InterruptedException {
        HttpResponse<String> answer = get(url);
        assertThat(answer.statusCode()).as(url + " → " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
