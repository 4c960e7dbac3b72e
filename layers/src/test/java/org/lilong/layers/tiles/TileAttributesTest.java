package org.lilong.layers.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lilong.layers.tiles.TileFixtures.feature;
import static org.lilong.layers.tiles.TileFixtures.tileAt;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.Visibility;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.gpkg.GeoPackageStore;

/** Every attribute rule holds in tiles: internal attributes reach staff only, public ones everyone. */
class TileAttributesTest {

    private static final String BOX = "POLYGON ((121.480 31.230, 121.482 31.230, 121.482 31.232, 121.480 31.232, 121.480 31.230))";

    @TempDir
    static Path dir;
    static Atlas atlas;
    static TileService tiles;

    @BeforeAll
    static void openAtlas() {
        atlas = new Atlas(GeoPackageStore.open(dir.resolve("attributes.gpkg"), LayerCatalogue.standard()));
        atlas.apply(new ChangeSet()
                .insert(LayerCatalogue.GRIDS, feature(1, BOX, "code", "LL-01", "name", "西网格", "level", "micro",
                        "leader_name", "网格长", "residents", 900L, "households", 400L))
                .insert(LayerCatalogue.SERVICE_STATIONS, feature(1, "POINT (121.481 31.231)", "name", "市民驿站",
                        "category", "community_station", "phone", "021-63280000", "manager_phone", "13900000000"))
                .insert(LayerCatalogue.RENOVATION_PLOTS, feature(1, BOX, "name", "地块1", "stage", "signing",
                        "households", 300L, "signed_households", 290L, "start_date", LocalDate.of(2022, 5, 1)))
                .insert(LayerCatalogue.RESIDENTIAL_AREAS, feature(1, BOX, "name", "金坛居民区", "residents", 3200L, "households", 1300L)));
        tiles = new TileService(atlas, 1 << 20);
    }

    @AfterAll
    static void closeAtlas() {
        atlas.close();
    }

    @ParameterizedTest
    @CsvSource({"grids, households", "service-stations, manager_phone", "renovation-plots, signed_households",
            "renovation-plots, households", "residential-areas, households"})
    void aPublicTileNeverCarriesAnInternalAttribute(String layer, String internal) {
        assertThat(properties(layer, Visibility.PUBLIC)).doesNotContainKey(internal).isNotEmpty();
        assertThat(properties(layer, Visibility.PUBLIC).keySet()).allSatisfy(name ->
                assertThat(atlas.layer(layer).attribute(name).orElseThrow().isPublic()).isTrue());
    }

    @ParameterizedTest
    @CsvSource({"grids, households, 400", "service-stations, manager_phone, 13900000000",
            "renovation-plots, signed_households, 290", "residential-areas, households, 1300"})
    void staffTilesCarryTheInternalAttributes(String layer, String internal, String value) {
        assertThat(properties(layer, Visibility.INTERNAL)).containsKey(internal);
        assertThat(String.valueOf(properties(layer, Visibility.INTERNAL).get(internal))).isEqualTo(value);
    }

    private static Map<String, Object> properties(String layer, Visibility audience) {
        EncodedTile tile = tiles.tile(List.of(layer), tileAt(16, 121.481, 31.231), TileCrs.WGS84, audience);
        return DecodedTile.of(tile.bytes()).properties(layer).get(1L);
    }
}
