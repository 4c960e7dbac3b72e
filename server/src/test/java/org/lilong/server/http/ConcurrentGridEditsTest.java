package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.Atlas;
import org.lilong.layers.accounts.Role;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.HistoryEntry;
import org.locationtech.jts.io.WKTReader;

/**
 * A hundred building groups under one micro-grid of the small district, edited at once by eight
 * clients over HTTP: every edit lands, and every grid's history holds its baseline and its edit.
 */
class ConcurrentGridEditsTest {

    private static final String GRIDS = "/collections/grids/items";

    @TempDir
    static Path dir;

    private static LiveServer server;
    private static Atlas atlas;
    private static String bearer;
    private static final List<Long> IDS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = LiveServer.overSmallDistrict(dir);
        atlas = server.atlas();
        // Micro-grid LL-02-01-1 spans 121.490–121.495 × 31.230–31.240; its building group LL-02-01-1-01
        // takes the north half, so the hundred go in a 10 × 10 block in the south half.
        ChangeSet groups = new ChangeSet();
        WKTReader wkt = new WKTReader(GeometryFactories.WGS84);
        for (int i = 0; i < 100; i++) {
            double lon = 121.4901 + (i % 10) * 0.00048;
            double lat = 31.2301 + (i / 10) * 0.00048;
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("code", "LL-02-01-1-B" + i);
            properties.put("name", "楼组 " + i);
            properties.put("level", "building-group");
            properties.put("parent_code", "LL-02-01-1");
            groups.insert(LayerCatalogue.GRIDS, new Feature(0, wkt.read(String.format(Locale.ROOT,
                    "POLYGON ((%.5f %.5f, %.5f %.5f, %.5f %.5f, %.5f %.5f, %.5f %.5f))", lon, lat, lon + 0.0004, lat,
                    lon + 0.0004, lat + 0.0004, lon, lat + 0.0004, lon, lat)), properties));
        }
        atlas.apply(groups).forEach(f -> IDS.add(f.id()));
        bearer = server.bearer("editor", Role.EDITOR, "310101999");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aHundredConcurrentEditsOfDifferentGridsAllLandWithCompleteHistory() throws Exception {
        Map<Long, String> etags = new LinkedHashMap<>();
        for (long id : IDS) {
            etags.put(id, server.get(GRIDS + "/" + id).header("etag"));
        }
        ExecutorService clients = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (long id : IDS) {
            statuses.add(clients.submit(() -> {
                go.await();
                return server.send("PATCH", GRIDS + "/" + id + "?comment=leader", "application/merge-patch+json",
                        "{\"properties\":{\"leader_name\":\"组长" + id + "\"}}", "Authorization", bearer, "If-Match", etags.get(id)).status();
            }));
        }
        go.countDown();
        for (Future<Integer> status : statuses) {
            assertThat(status.get()).isEqualTo(200);
        }
        clients.shutdown();

        for (long id : IDS) {
            assertThat(atlas.feature(LayerCatalogue.GRIDS, id).orElseThrow().get("leader_name")).isEqualTo("组长" + id);
            assertThat(atlas.history(LayerCatalogue.GRIDS, id)).extracting(HistoryEntry::operation, HistoryEntry::comment)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(HistoryEntry.BASELINE, ""),
                            org.assertj.core.groups.Tuple.tuple(HistoryEntry.UPDATE, "leader"));
        }
    }
}
