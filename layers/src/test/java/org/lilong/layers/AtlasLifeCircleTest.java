package org.lilong.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.lifecircle.CategoryResult;
import org.lilong.layers.lifecircle.LifeCircleAnalysis;
import org.lilong.layers.lifecircle.LifeCircleReport;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.StoreFixtures;
import org.lilong.layers.store.gpkg.GeoPackageStore;

/** The atlas keeps one life-circle analysis while its source layers stay as they are. */
class AtlasLifeCircleTest {

    /**
     * Two parallel streets 33 m apart, not connected; the home is by the south one, a canteen by the
     * north one, so until a street joins them the canteen cannot be walked to.
     */
    private static final String SOUTH_STREET = "LINESTRING (121.47 31.23, 121.471 31.23)";
    private static final String NORTH_STREET = "LINESTRING (121.47 31.2303, 121.471 31.2303)";
    private static final String CONNECTING_STREET = "LINESTRING (121.47 31.23, 121.47 31.2303)";
    private static final double HOME_LON = 121.4701;
    private static final double HOME_LAT = 31.22995;

    @TempDir
    Path directory;

    private Atlas twoStreetsAndACanteen() {
        Atlas atlas = new Atlas(GeoPackageStore.open(directory.resolve("lilong.gpkg"), StoreFixtures.CATALOGUE));
        atlas.apply(new ChangeSet()
                .insert(LayerCatalogue.STREETS, StoreFixtures.feature(1, SOUTH_STREET, Map.of("name", "南街")))
                .insert(LayerCatalogue.STREETS, StoreFixtures.feature(2, NORTH_STREET, Map.of("name", "北街")))
                .insert(LayerCatalogue.SERVICE_STATIONS, StoreFixtures.feature(1, "POINT (121.4705 31.23035)",
                        Map.of("name", "助餐点", "category", "canteen"))));
        return atlas;
    }

    private static CategoryResult canteenFromHome(LifeCircleAnalysis analysis) {
        LifeCircleReport report = analysis.report(analysis.startAt(HOME_LON, HOME_LAT), analysis.profile().defaultSpeed());
        return report.categories().stream().filter(c -> c.category().id().equals("canteen")).findFirst().orElseThrow();
    }

    @Test
    void theAnalysisIsReusedWhileNothingChanges() {
        try (Atlas atlas = twoStreetsAndACanteen()) {
            LifeCircleAnalysis first = atlas.lifeCircle();

            assertThat(atlas.lifeCircle()).isSameAs(first);
        }
    }

    @Test
    void aChangeToALayerTheAnalysisDoesNotReadKeepsIt() {
        try (Atlas atlas = twoStreetsAndACanteen()) {
            LifeCircleAnalysis first = atlas.lifeCircle();

            atlas.apply(new ChangeSet().insert(LayerCatalogue.RESIDENTIAL_AREAS, StoreFixtures.feature(1, StoreFixtures.POLYGON,
                    Map.of("name", "小区"))));

            assertThat(atlas.lifeCircle()).isSameAs(first);
        }
    }

    @Test
    void aNewStreetRebuildsTheAnalysisAndItsWalks() {
        try (Atlas atlas = twoStreetsAndACanteen()) {
            LifeCircleAnalysis before = atlas.lifeCircle();
            assertThat(canteenFromHome(before).nearest()).as("no way across yet").isNull();

            atlas.apply(new ChangeSet().insert(LayerCatalogue.STREETS, StoreFixtures.feature(3, CONNECTING_STREET, Map.of())));

            LifeCircleAnalysis after = atlas.lifeCircle();
            assertThat(after).isNotSameAs(before);
            assertThat(after.network().edgeCount()).isEqualTo(3);
            CategoryResult canteen = canteenFromHome(after);
            assertThat(canteen.status()).isEqualTo(CategoryResult.Status.PASS);
            assertThat(canteen.nearest().route().getNumPoints()).isGreaterThan(3);
        }
    }

    @Test
    void aNewStationRebuildsTheAnalysis() {
        try (Atlas atlas = twoStreetsAndACanteen()) {
            LifeCircleAnalysis before = atlas.lifeCircle();

            atlas.apply(new ChangeSet().insert(LayerCatalogue.SERVICE_STATIONS, StoreFixtures.feature(2, "POINT (121.4702 31.22995)",
                    Map.of("name", "助餐点二", "category", "canteen"))));

            LifeCircleAnalysis after = atlas.lifeCircle();
            assertThat(after).isNotSameAs(before);
            assertThat(after.facilityCount()).isEqualTo(2);
            assertThat(canteenFromHome(after).nearest().featureId()).isEqualTo(2);
        }
    }
}
