package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every mistake on the tile routes is a problem+json: 400 naming the parameter, 404 naming what does not exist. */
class TileRoutesBadInputTest extends ServerTestSupport {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/tiles/a/1/1.mvt                              | z",
            "/tiles/14/1.5/1.mvt                           | x",
            "/tiles/14/1/0x1.mvt                           | y",
            "/tiles/14/1/%20.mvt                           | y",
            "/collections/grids/tiles/z/1/1.mvt            | z",
            "/tiles/14/13721/6694.mvt?crs=EPSG:3857        | crs",
            "/tiles/14/13721/6694.mvt?crs=GCJ02x           | crs",
            "/collections/grids/tiles/14/13721/6694.mvt?crs= | crs",
            "/tiles/14/13721/6694.mvt?layers=grids,nope    | layers",
            "/tiles/14/13721/6694.mvt?layers=              | layers",
            "/tiles/14/13721/6694.mvt?layers=grids,,streets | layers",
            "/tiles?layers=nope                            | layers",
            "/tiles?crs=wgs-84                             | crs",
            "/collections/grids/tiles?crs=baidu            | crs",
    })
    void aMalformedParameterIs400NamingIt(String path, String parameter) {
        JsonNode problem = problem(path, 400);
        assertThat(problem.get("parameter").asText()).isEqualTo(parameter);
    }

    @ParameterizedTest
    @CsvSource({
            "/tiles/23/0/0.mvt", "/tiles/2/4/0.mvt", "/tiles/2/0/4.mvt", "/tiles/2/-1/0.mvt", "/tiles/-1/0/0.mvt",
            "/tiles/14/99999999999/0.mvt", "/collections/grids/tiles/30/0/0.mvt"})
    void aTileOutsideTheMatrixIs404(String path) {
        assertThat(problem(path, 404).get("detail").asText()).contains("no such tile");
    }

    @ParameterizedTest
    @CsvSource({"service-stations, 10, 13 to 20", "grids, 11, 12 to 20", "streets, 21, 12 to 20", "subdistricts, 7, 8 to 20"})
    void aZoomOutsideTheLayersRangeIs404NamingTheLayerAndRange(String layer, int z, String range) {
        String detail = problem("/collections/" + layer + "/tiles/" + z + "/0/0.mvt", 404).get("detail").asText();
        assertThat(detail).contains(layer).contains(range);
    }

    @ParameterizedTest
    @CsvSource({"/collections/nope/tiles/14/0/0.mvt", "/collections/nope/tiles", "/collections/%3Cimg%3E/tiles"})
    void anUnknownLayerInThePathIs404(String path) {
        problem(path, 404);
    }

    private static JsonNode problem(String path, int status) {
        Answer answer = get(path);
        assertThat(answer.status()).as(path).isEqualTo(status);
        assertThat(answer.contentType()).as(path).startsWith(ProblemResponses.CONTENT_TYPE);
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("type").asText()).startsWith("urn:lilong:problem:");
        return problem;
    }
}
