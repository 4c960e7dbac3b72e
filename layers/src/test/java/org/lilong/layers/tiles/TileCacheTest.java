package org.lilong.layers.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lilong.layers.tiles.TileFixtures.feature;
import static org.lilong.layers.tiles.TileFixtures.tileAt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.Visibility;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.gpkg.GeoPackageStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The tile cache over a real GeoPackage atlas: hits return the very same tile, an edit drops
 * exactly the cached tiles its old and new geometry touch (buffer included, every zoom and datum),
 * audiences never share an entry, the byte bound holds, and a tile encoded while an edit lands is
 * not kept.
 */
class TileCacheTest {

    private static final List<String> STATIONS = List.of(LayerCatalogue.SERVICE_STATIONS);
    /** A made-up datum: everything 0.0045° east and 0.002° south, about GCJ-02's shift in Shanghai. */
    private static final TileCrs SHIFTED = new TileCrs("shifted", (lon, lat) -> new double[] {lon + 0.0045, lat - 0.002});

    @TempDir
    Path dir;
    private Atlas atlas;

    @BeforeEach
    void openAtlas() {
        atlas = new Atlas(GeoPackageStore.open(dir.resolve("tiles.gpkg"), LayerCatalogue.standard()));
        atlas.apply(new ChangeSet()
                .insert(LayerCatalogue.SERVICE_STATIONS, station(1, 121.4810, 31.2310))
                .insert(LayerCatalogue.SERVICE_STATIONS, station(2, 121.5200, 31.2500))
                .insert(LayerCatalogue.GRIDS, feature(1, "POLYGON ((121.480 31.230, 121.482 31.230, 121.482 31.232, 121.480 31.232, 121.480 31.230))",
                        "code", "LL-01", "name", "西网格", "level", "micro", "households", 400L)));
    }

    @AfterEach
    void closeAtlas() {
        atlas.close();
    }

    @Test
    void aSecondRequestIsServedFromTheCacheUnchanged() {
        TileService tiles = new TileService(atlas, 1 << 20);
        TileAddress tile = tileAt(16, 121.4810, 31.2310);
        EncodedTile first = tiles.tile(STATIONS, tile, TileCrs.WGS84, Visibility.PUBLIC);
        EncodedTile second = tiles.tile(STATIONS, tile, TileCrs.WGS84, Visibility.PUBLIC);
        assertThat(second).isSameAs(first);
        assertThat(tiles.cacheStats().hits()).isEqualTo(1);
        assertThat(tiles.cacheStats().misses()).isEqualTo(1);
    }

    @Test
    void anEditTouchingACachedTileInvalidatesIt() {
        TileService tiles = new TileService(atlas, 1 << 20);
        TileAddress tile = tileAt(16, 121.4810, 31.2310);
        Coordinate before = stationInTile(tiles.tile(STATIONS, tile, TileCrs.WGS84, Visibility.PUBLIC), 1);

        atlas.apply(new ChangeSet().update(LayerCatalogue.SERVICE_STATIONS, station(1, 121.4812, 31.2311)));

        assertThat(tiles.cacheStats().invalidations()).isEqualTo(1);
        Coordinate after = stationInTile(tiles.tile(STATIONS, tile, TileCrs.WGS84, Visibility.PUBLIC), 1);
        assertThat(after.x).isGreaterThan(before.x);
    }

    @Test
    void anAttributeEditInvalidatesTheTilesOfTheUnmovedFeature() {
        TileService tiles = new TileService(atlas, 1 << 20);
        TileAddress tile = tileAt(16, 121.4810, 31.2310);
        tiles.tile(STATIONS, tile, TileCrs.WGS84, Visibility.PUBLIC);

        Feature renamed = new Feature(1, station(1, 121.4810, 31.2310).geometry(),
                java.util.Map.of("name", "改名驿站", "category", "community_station"));
        atlas.apply(new ChangeSet().update(LayerCatalogue.SERVICE_STATIONS, renamed));

        EncodedTile after = tiles.tile(STATIONS, tile, TileCrs.WGS84, Visibility.PUBLIC);
        assertThat(DecodedTile.of(after.bytes()).properties(LayerCatalogue.SERVICE_STATIONS).get(1L)).containsEntry("name", "改名驿站");
    }

    @Test
    void anEditElsewhereLeavesTheCachedTileAlone() {
        TileService tiles = new TileService(atlas, 1 << 20);
        TileAddress tile = tileAt(16, 121.4810, 31.2310);
        EncodedTile cached = tiles.tile(STATIONS, tile, TileCrs.WGS84, Visibility.PUBLIC);

        atlas.apply(new ChangeSet().update(LayerCatalogue.SERVICE_STATIONS, station(2, 121.5210, 31.2510)));

        assertThat(tiles.cacheStats().invalidations()).isZero();
        assertThat(tiles.tile(STATIONS, tile, TileCrs.WGS84, Visibility.PUBLIC)).isSameAs(cached);
    }

    @Test
    void anEditInTheBufferInvalidatesTheTileAndOneJustBeyondDoesNot() {
        TileService tiles = new TileService(atlas, 1 << 20);
        TileAddress tile = tileAt(16, 121.4810, 31.2310);
        Envelope bounds = tile.lonLatBounds();
        double unit = bounds.getWidth() / TileAddress.EXTENT;
        tiles.tile(STATIONS, tile, TileCrs.WGS84, Visibility.PUBLIC);

        atlas.apply(new ChangeSet().update(LayerCatalogue.SERVICE_STATIONS, station(2, bounds.getMaxX() + 100 * unit, bounds.centre().y)));
        assertThat(tiles.cacheStats().invalidations()).as("100 units beyond the edge").isZero();

        atlas.apply(new ChangeSet().update(LayerCatalogue.SERVICE_STATIONS, station(2, bounds.getMaxX() + 30 * unit, bounds.centre().y)));
        assertThat(tiles.cacheStats().invalidations()).as("30 units beyond the edge, in the buffer").isEqualTo(1);
    }

    @Test
    void anEditInvalidatesItsTilesAtEveryZoomAndInEveryDatumAndNothingElse() {
        TileService tiles = new TileService(atlas, 1 << 22);
        for (int z = 13; z <= 18; z++) {
            tiles.tile(STATIONS, tileAt(z, 121.4810, 31.2310), TileCrs.WGS84, Visibility.PUBLIC);
            tiles.tile(STATIONS, tileAt(z, 121.4810 + 0.0045, 31.2310 - 0.002), SHIFTED, Visibility.PUBLIC);
        }
        EncodedTile elsewhere = tiles.tile(STATIONS, tileAt(16, 121.5200, 31.2500), TileCrs.WGS84, Visibility.PUBLIC);
        long cached = tiles.cacheStats().entries();

        atlas.apply(new ChangeSet().update(LayerCatalogue.SERVICE_STATIONS, station(1, 121.48101, 31.23101)));

        assertThat(tiles.cacheStats().invalidations()).isEqualTo(12);
        assertThat(tiles.cacheStats().entries()).isEqualTo(cached - 12);
        assertThat(tiles.tile(STATIONS, tileAt(16, 121.5200, 31.2500), TileCrs.WGS84, Visibility.PUBLIC)).isSameAs(elsewhere);
    }

    @Test
    void anEditOfOneLayerLeavesTheTilesOfAnother() {
        TileService tiles = new TileService(atlas, 1 << 20);
        TileAddress tile = tileAt(16, 121.4810, 31.2310);
        EncodedTile grids = tiles.tile(List.of(LayerCatalogue.GRIDS), tile, TileCrs.WGS84, Visibility.PUBLIC);

        atlas.apply(new ChangeSet().update(LayerCatalogue.SERVICE_STATIONS, station(1, 121.4812, 31.2311)));

        assertThat(tiles.tile(List.of(LayerCatalogue.GRIDS), tile, TileCrs.WGS84, Visibility.PUBLIC)).isSameAs(grids);
    }

    @Test
    void audiencesNeverShareAnEntry() {
        TileService tiles = new TileService(atlas, 1 << 20);
        TileAddress tile = tileAt(16, 121.4810, 31.2310);
        EncodedTile internal = tiles.tile(STATIONS, tile, TileCrs.WGS84, Visibility.INTERNAL);
        EncodedTile open = tiles.tile(STATIONS, tile, TileCrs.WGS84, Visibility.PUBLIC);

        assertThat(tiles.cacheStats().hits()).isZero();
        assertThat(tiles.cacheStats().entries()).isEqualTo(2);
        assertThat(DecodedTile.of(open.bytes()).properties(LayerCatalogue.SERVICE_STATIONS).get(1L)).doesNotContainKey("manager_phone");
        assertThat(DecodedTile.of(internal.bytes()).properties(LayerCatalogue.SERVICE_STATIONS).get(1L)).containsKey("manager_phone");
    }

    @Test
    void theCacheStaysWithinItsByteBound() {
        long bound = 4 * (TileCache.ENTRY_OVERHEAD_BYTES + 200);
        TileService tiles = new TileService(atlas, bound);
        List<EncodedTile> made = new ArrayList<>();
        for (int z = 8; z <= 20; z++) {
            made.add(tiles.tile(List.of(LayerCatalogue.GRIDS, LayerCatalogue.SERVICE_STATIONS), tileAt(z, 121.4810, 31.2310),
                    TileCrs.WGS84, Visibility.PUBLIC));
        }
        assertThat(made).allSatisfy(tile -> assertThat(tile.bytes().length).isLessThan(200));
        assertThat(tiles.cacheStats().bytes()).isLessThanOrEqualTo(bound);
        assertThat(tiles.cacheStats().evictions()).isPositive();
    }

    @Test
    void aTileEncodedWhileAnEditLandsIsNotCached() {
        AtomicBoolean edited = new AtomicBoolean();
        Runnable editOnce = () -> {
            if (edited.compareAndSet(false, true)) {
                atlas.apply(new ChangeSet().update(LayerCatalogue.SERVICE_STATIONS, station(1, 121.4812, 31.2311)));
            }
        };
        TileService tiles = new TileService(atlas, 1 << 20, editOnce);
        TileAddress tile = tileAt(16, 121.4810, 31.2310);
        Coordinate racing = stationInTile(tiles.tile(STATIONS, tile, TileCrs.WGS84, Visibility.PUBLIC), 1);

        Coordinate next = stationInTile(tiles.tile(STATIONS, tile, TileCrs.WGS84, Visibility.PUBLIC), 1);

        assertThat(next.x).as("the tile after the edit shows it").isGreaterThan(racing.x);
    }

    private static Coordinate stationInTile(EncodedTile tile, long id) {
        return DecodedTile.of(tile.bytes()).geometries(LayerCatalogue.SERVICE_STATIONS).get(id).getCoordinate();
    }

    static Feature station(long id, double lon, double lat) {
        return feature(id, "POINT (" + lon + " " + lat + ")", "name", "驿站" + id, "category", "community_station",
                "manager_phone", "1390000000" + id);
    }
}
