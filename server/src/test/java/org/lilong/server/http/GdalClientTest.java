package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.server.config.ServerConfig;

/**
 * A real OGC API – Features client: GDAL's OAPIF driver ({@code ogrinfo}, Debian gdal-bin) reads
 * every collection from the running server. Skipped when ogrinfo is absent, unless
 * LILONG_REQUIRE_GDAL=true (as in the README's test command), where absence fails.
 */
class GdalClientTest extends ServerTestSupport {

    private static final Path OGRINFO = Path.of("/usr/bin/ogrinfo");
    private static LilongServer server;

    @BeforeAll
    static void startServer() {
        boolean present = Files.isExecutable(OGRINFO);
        if (!present && "true".equals(System.getenv("LILONG_REQUIRE_GDAL"))) {
            throw new AssertionError("ogrinfo is required (LILONG_REQUIRE_GDAL=true) but " + OGRINFO + " is missing: apt-get install gdal-bin");
        }
        assumeTrue(present, "ogrinfo not installed (apt-get install gdal-bin); skipping the GDAL client test");
        server = LilongServer.start(atlas, ServerConfig.defaults().withPort(0));
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void gdalListsEveryCollection() throws Exception {
        String listing = ogrinfo("-ro", "-q", "OAPIF:" + url());
        for (LayerDefinition layer : LayerCatalogue.standard().layers()) {
            assertThat(listing).contains(layer.id());
        }
    }

    @Test
    void gdalReadsEveryFeatureOfEveryCollection() throws Exception {
        for (LayerDefinition layer : LayerCatalogue.standard().layers()) {
            String summary = ogrinfo("-ro", "-so", "-al", "OAPIF:" + url() + "collections/" + layer.id());
            int expected = atlas.index(layer.id()).size();
            assertThat(summary).as(layer.id()).contains("Feature Count: " + expected);
            String features = ogrinfo("-ro", "-al", "OAPIF:" + url() + "collections/" + layer.id());
            assertThat(features.split("OGRFeature\\(", -1).length - 1).as(layer.id() + " features read").isEqualTo(expected);
        }
    }

    @Test
    void gdalSeesTheAttributesAndTheirValues() throws Exception {
        String grids = ogrinfo("-ro", "-al", "-where", "code = 'LL-02-01'", "OAPIF:" + url() + "collections/grids");
        assertThat(grids).contains("code (String) = LL-02-01", "金坛居民区网格");
    }

    private static String url() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    private static String ogrinfo(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(OGRINFO.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ogrinfo finished").isTrue();
        assertThat(process.exitValue()).as("ogrinfo exit code, output:\n" + output).isZero();
        assertThat(output).as("ogrinfo reported no errors").doesNotContain("ERROR");
        return output;
    }
}
