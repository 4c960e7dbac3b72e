package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.Atlas;
import org.lilong.layers.accounts.Role;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.server.config.ServerConfig;

/**
 * Split and merge over real HTTP on the small district: residential grid LL-02-02 (id 5,
 * 121.49–121.50 × 31.22–31.23, no children) is cut along 121.494 and put back together.
 */
class GridEditRoutesTest {

    private static final String GRIDS = "/collections/grids/items";

    @TempDir
    static Path dir;

    private static LiveServer server;
    private static Atlas atlas;
    private static String bearer;

    @BeforeAll
    static void start() {
        server = LiveServer.overSmallDistrict(dir);
        atlas = server.atlas();
        bearer = server.bearer("editor", Role.EDITOR, "310101999");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String etag(long id) throws Exception {
        return server.get(GRIDS + "/" + id).header("etag");
    }

    private static LiveServer.Answer split(long id, String body, String... ifMatch) throws Exception {
        String[] headers = ifMatch.length == 0 ? new String[] {"Authorization", bearer}
                : new String[] {"Authorization", bearer, "If-Match", ifMatch[0]};
        return server.send("POST", GRIDS + "/" + id + "/split", "application/json", body, headers);
    }

    @Test
    void aGridIsSplitAlongALineAndMergedBack() throws Exception {
        double area = atlas.feature(LayerCatalogue.GRIDS, 5).orElseThrow().geometry().getArea();
        String line = "{\"line\":{\"type\":\"LineString\",\"coordinates\":[[121.494,31.219],[121.494,31.231]]},"
                + "\"properties\":{\"code\":\"LL-02-03\",\"name\":\"复兴西\"}}";

        LiveServer.Answer split = split(5, line, etag(5));

        assertThat(split.status()).as(split.body()).isEqualTo(200);
        JsonNode created = split.json().get("created");
        long newId = created.get("id").asLong();
        assertThat(created.get("properties").get("parent_code").asText()).isEqualTo("LL-02");
        assertThat('"' + created.get("etag").asText() + '"').isEqualTo(etag(newId));
        assertThat(atlas.feature(LayerCatalogue.GRIDS, 5).orElseThrow().geometry().getArea()).isLessThan(area);

        LiveServer.Answer merged = server.send("POST", GRIDS + "/5/merge", "application/json",
                "{\"with\":" + newId + ",\"withEtag\":" + etag(newId) + "}", "Authorization", bearer, "If-Match", etag(5));

        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(atlas.feature(LayerCatalogue.GRIDS, newId)).isEmpty();
        assertThat(atlas.feature(LayerCatalogue.GRIDS, 5).orElseThrow().geometry().getArea())
                .isCloseTo(area, org.assertj.core.data.Percentage.withPercentage(1e-6));
    }

    @Test
    void aSplitNeedsIfMatchALineAndALineThatCuts() throws Exception {
        String notCutting = "{\"line\":{\"type\":\"LineString\",\"coordinates\":[[121.493,31.225],[121.495,31.225]]},"
                + "\"properties\":{\"code\":\"X\"}}";
        String notALine = "{\"line\":{\"type\":\"Point\",\"coordinates\":[121.493,31.225]}}";

        assertThat(split(5, notCutting).status()).isEqualTo(428);
        assertThat(split(5, notALine, etag(5)).status()).isEqualTo(400);
        assertThat(split(5, "{}", etag(5)).status()).isEqualTo(400);
        LiveServer.Answer refused = split(5, notCutting, etag(5));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("edge to edge");
    }

    @Test
    void theGridToleranceIsTheDeploymentsToChoose() throws Exception {
        // A micro-grid under LL-02-01 (121.49–121.50 × 31.23–31.24) reaching 3 m past its east edge.
        double threeMetres = 3.0 / 95_300;
        String slipping = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[121.496,31.231],"
                + "[" + (121.50 + threeMetres) + ",31.231],[" + (121.50 + threeMetres) + ",31.232],[121.496,31.232],[121.496,31.231]]]},"
                + "\"properties\":{\"code\":\"LL-02-01-9\",\"name\":\"边\",\"level\":\"micro\",\"parent_code\":\"LL-02-01\"}}";
        LiveServer.Answer strict = server.send("POST", GRIDS + "?snap=false", "application/geo+json", slipping, "Authorization", bearer);

        try (LiveServer lenient = LiveServer.start(atlas, server.accounts(), ServerConfig.defaults().withGridTolerance(5))) {
            LiveServer.Answer accepted = lenient.send("POST", GRIDS, "application/geo+json", slipping, "Authorization", bearer);

            assertThat(strict.status()).isEqualTo(422);
            assertThat(strict.json().get("violations").get(0).get("rule").asText()).isEqualTo("outside-parent");
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        }
    }
}
