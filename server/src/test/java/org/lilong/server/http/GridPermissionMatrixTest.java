package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lilong.layers.Atlas;
import org.lilong.layers.accounts.Accounts;
import org.lilong.layers.accounts.Role;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.store.ChangeSet;
import org.lilong.server.SmallDistrict;
import org.locationtech.jts.io.WKTReader;

/**
 * The grid operations beyond Part 4's verbs — split, merge, revert, restore — for every role, on a
 * grid of the editor's own sub-district (小东门, 310101999) and one of the neighbour's (外滩,
 * 310101888), each on a fresh district: the status, and for a refusal proof that nothing changed.
 */
class GridPermissionMatrixTest {

    private static final String GRIDS = "/collections/grids/items";

    @TempDir
    Path dir;

    private Atlas atlas;
    private LiveServer server;
    private final Map<String, String> tokens = new LinkedHashMap<>();

    @BeforeEach
    void start() throws Exception {
        atlas = SmallDistrict.create(dir);
        WKTReader wkt = new WKTReader(GeometryFactories.WGS84);
        atlas.apply(new ChangeSet()
                .insert(LayerCatalogue.SUBDISTRICTS, new Feature(2, wkt.read("POLYGON ((121.50 31.22, 121.52 31.22, 121.52 31.24, 121.50 31.24, 121.50 31.22))"),
                        Map.of("code", "310101888", "name", "外滩")))
                .insert(LayerCatalogue.GRIDS, new Feature(20, wkt.read("POLYGON ((121.50 31.22, 121.52 31.22, 121.52 31.24, 121.50 31.24, 121.50 31.22))"),
                        Map.of("code", "WT", "name", "外滩街道", "level", "subdistrict")))
                .insert(LayerCatalogue.GRIDS, new Feature(21, wkt.read("POLYGON ((121.50 31.22, 121.51 31.22, 121.51 31.24, 121.50 31.24, 121.50 31.22))"),
                        Map.of("code", "WT-01", "name", "外滩西", "level", "comprehensive", "parent_code", "WT")))
                .insert(LayerCatalogue.GRIDS, new Feature(22, wkt.read("POLYGON ((121.51 31.22, 121.515 31.22, 121.515 31.24, 121.51 31.24, 121.51 31.22))"),
                        Map.of("code", "WT-02", "name", "外滩中", "level", "comprehensive", "parent_code", "WT")))
                .insert(LayerCatalogue.GRIDS, new Feature(23, wkt.read("POLYGON ((121.515 31.22, 121.52 31.22, 121.52 31.24, 121.515 31.24, 121.515 31.22))"),
                        Map.of("code", "WT-03", "name", "外滩东", "level", "comprehensive", "parent_code", "WT"))));
        Accounts accounts = LiveServer.fastAccounts(atlas);
        accounts.add("xiaodongmen", "a long enough passphrase".toCharArray(), Role.EDITOR, Set.of("310101999"));
        accounts.add("planner", "a long enough passphrase".toCharArray(), Role.PLANNER, Set.of());
        accounts.add("admin", "a long enough passphrase".toCharArray(), Role.ADMIN, Set.of());
        for (String name : List.of("xiaodongmen", "planner", "admin")) {
            tokens.put(name, accounts.issueToken(name, "test").secret());
        }
        server = LiveServer.start(atlas, accounts);
    }

    @AfterEach
    void stop() {
        server.close();
        atlas.close();
    }

    private String[] as(String role, String... more) {
        return Stream.concat(role == null ? Stream.of() : Stream.of("Authorization", "Bearer " + tokens.get(role)), Stream.of(more))
                .toArray(String[]::new);
    }

    private String etag(long id) throws Exception {
        return server.get(GRIDS + "/" + id).header("etag");
    }

    /** Neighbouring comprehensive grids (2, 3) in 小东门 and (21, 22) in 外滩 are merged; a childless one is split. */
    static Stream<Arguments> matrix() {
        return Stream.of(
                // role, own sub-district?, split, merge, revert, restore
                Arguments.of(null, true, 401, 401, 401, 401),
                Arguments.of("planner", true, 403, 403, 403, 403),
                Arguments.of("xiaodongmen", true, 200, 200, 200, 201),
                Arguments.of("xiaodongmen", false, 403, 403, 403, 403),
                Arguments.of("admin", false, 200, 200, 200, 201));
    }

    @ParameterizedTest(name = "{0}, own sub-district {1}")
    @MethodSource("matrix")
    void everyGridOperationAnswersEveryRoleAsExpected(String role, boolean own, int split, int merge, int revert, int restore)
            throws Exception {
        long west = own ? 2 : 21;
        long east = own ? 3 : 22;
        double cut = own ? 121.485 : 121.505;
        // Prepare, as an admin, a version to revert to and a deleted grid to restore (a leaf, so it may go).
        String admin = "Bearer " + tokens.get("admin");
        String leafBody = "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[" + (cut - 0.001) + ",31.221],["
                + (cut + 0.001) + ",31.221],[" + (cut + 0.001) + ",31.222],[" + (cut - 0.001) + ",31.222],[" + (cut - 0.001) + ",31.221]]]},"
                + "\"properties\":{\"code\":\"LEAF\",\"name\":\"叶\",\"level\":\"residential\",\"parent_code\":\"" + (own ? "LL-01" : "WT-01") + "\"}}";
        leafBody = leafBody.replace(String.valueOf(cut + 0.001), String.valueOf(cut - 0.0005)); // inside the west grid
        long leaf = Long.parseLong(server.send("POST", GRIDS, EditRequest.GEOJSON, leafBody, "Authorization", admin)
                .header("location").replaceAll(".*/", ""));
        assertThat(server.send("DELETE", GRIDS + "/" + leaf, null, null, "Authorization", admin, "If-Match", etag(leaf)).status())
                .isIn(200, 204);
        assertThat(server.send("PATCH", GRIDS + "/" + east, "application/merge-patch+json", "{\"properties\":{\"name\":\"改\"}}",
                "Authorization", admin, "If-Match", etag(east)).status()).isEqualTo(200);
        List<Feature> before = atlas.index(LayerCatalogue.GRIDS).all();

        int reverted = server.send("POST", GRIDS + "/" + east + "/revert?version=1", null, null, as(role, "If-Match", etag(east))).status();
        int restored = server.send("POST", GRIDS + "/" + leaf + "/restore", null, null, as(role)).status();
        int merged = server.send("POST", GRIDS + "/" + west + "/merge", "application/json",
                "{\"with\":" + east + ",\"withEtag\":" + etag(east) + "}", as(role, "If-Match", etag(west))).status();
        // A grid without children (LL-02-02, or WT-03), cut north to south.
        long childless = own ? 5 : 23;
        double x = own ? 121.494 : 121.5175;
        int splitStatus = server.send("POST", GRIDS + "/" + childless + "/split", "application/json",
                "{\"line\":{\"type\":\"LineString\",\"coordinates\":[[" + x + ",31.219],[" + x + ",31.241]]},"
                        + "\"properties\":{\"code\":\"NEW\",\"name\":\"新\"}}", as(role, "If-Match", etag(childless))).status();

        assertThat(List.of(splitStatus, merged, reverted, restored)).as("split, merge, revert, restore")
                .containsExactly(split, merge, revert, restore);
        if (split >= 400) {
            assertThat(atlas.index(LayerCatalogue.GRIDS).all()).isEqualTo(before);
        }
    }
}
