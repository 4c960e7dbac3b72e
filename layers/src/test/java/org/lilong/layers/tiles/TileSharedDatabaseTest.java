package org.lilong.layers.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lilong.layers.tiles.TileFixtures.tileAt;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.Visibility;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.postgis.PostgisStore;
import org.lilong.layers.store.postgis.PostgisTestDatabase;

/**
 * Two atlases on one PostGIS database, as two servers behind a load balancer: an edit committed
 * through one invalidates the right cached tiles of the other (its change notice names only the
 * layer; the diff finds the feature), and leaves the others.
 */
class TileSharedDatabaseTest {

    private static final List<String> STATIONS = List.of(LayerCatalogue.SERVICE_STATIONS);

    private PostgisTestDatabase database;
    private Atlas atlasA;
    private Atlas atlasB;

    @BeforeEach
    void openTwoAtlases() {
        database = PostgisTestDatabase.create();
        atlasA = new Atlas(PostgisStore.open(database.url(), LayerCatalogue.standard()));
        atlasA.apply(new ChangeSet()
                .insert(LayerCatalogue.SERVICE_STATIONS, TileCacheTest.station(1, 121.4810, 31.2310))
                .insert(LayerCatalogue.SERVICE_STATIONS, TileCacheTest.station(2, 121.5200, 31.2500)));
        atlasB = new Atlas(PostgisStore.open(database.url(), LayerCatalogue.standard()));
    }

    @AfterEach
    void close() {
        if (atlasB != null) {
            atlasB.close();
        }
        if (atlasA != null) {
            atlasA.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void anEditThroughTheOtherServerInvalidatesExactlyTheTilesItTouches() throws Exception {
        TileService tilesB = new TileService(atlasB, 1 << 20);
        TileAddress edited = tileAt(16, 121.4810, 31.2310);
        TileAddress elsewhere = tileAt(16, 121.5200, 31.2500);
        EncodedTile before = tilesB.tile(STATIONS, edited, TileCrs.WGS84, Visibility.PUBLIC);
        EncodedTile untouched = tilesB.tile(STATIONS, elsewhere, TileCrs.WGS84, Visibility.PUBLIC);
        // Registered after the tile service's own listener, so it fires once the cache is updated.
        CountDownLatch refreshed = new CountDownLatch(1);
        atlasB.addRefreshListener((Set<String> layers) -> {
            if (layers.contains(LayerCatalogue.SERVICE_STATIONS)) {
                refreshed.countDown();
            }
        });

        atlasA.apply(new ChangeSet().update(LayerCatalogue.SERVICE_STATIONS, TileCacheTest.station(1, 121.4812, 31.2311)));

        assertThat(refreshed.await(5, TimeUnit.SECONDS)).as("B refreshed").isTrue();
        assertThat(tilesB.cacheStats().invalidations()).isEqualTo(1);
        EncodedTile after = tilesB.tile(STATIONS, edited, TileCrs.WGS84, Visibility.PUBLIC);
        assertThat(after.etag()).isNotEqualTo(before.etag());
        assertThat(tilesB.tile(STATIONS, elsewhere, TileCrs.WGS84, Visibility.PUBLIC)).isSameAs(untouched);
    }
}
