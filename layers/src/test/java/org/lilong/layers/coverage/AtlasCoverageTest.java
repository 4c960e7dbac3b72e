package org.lilong.layers.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.StoreFixtures;
import org.lilong.layers.store.gpkg.GeoPackageStore;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * The atlas keeps one coverage analysis while its layers stay as they are, and a what-if leaves the
 * store alone. A street of 1 km along 31.23 N, a canteen by its west end, homes along it.
 */
class AtlasCoverageTest {

    @TempDir
    Path directory;

    private Atlas streetWithACanteen() {
        Atlas atlas = new Atlas(GeoPackageStore.open(directory.resolve("lilong.gpkg"), StoreFixtures.CATALOGUE));
        atlas.apply(new ChangeSet()
                .insert(LayerCatalogue.STREETS, StoreFixtures.feature(1, "LINESTRING (121.47 31.23, 121.4805 31.23)", Map.of()))
                .insert(LayerCatalogue.SERVICE_STATIONS, StoreFixtures.feature(1, "POINT (121.4701 31.2299)",
                        Map.of("name", "助餐点", "category", "canteen")))
                .insert(LayerCatalogue.RESIDENTIAL_AREAS, home(1, 121.4710, 600)));
        return atlas;
    }

    /** A residential area of about 40 m × 40 m whose south edge is 10 m north of the street. */
    private static Feature home(long id, double westLon, long residents) {
        double east = westLon + 0.0004;
        String wkt = "POLYGON ((" + westLon + " 31.23009, " + east + " 31.23009, " + east + " 31.23045, " + westLon + " 31.23045, "
                + westLon + " 31.23009))";
        return StoreFixtures.feature(id, wkt, Map.of("name", "小区" + id, "residents", residents));
    }

    @Test
    void theAnalysisIsReusedWhileNothingChanges() {
        try (Atlas atlas = streetWithACanteen()) {
            CoverageAnalysis first = atlas.coverage();

            assertThat(atlas.coverage()).isSameAs(first);
            assertThat(first.lifeCircle()).isSameAs(atlas.lifeCircle());
        }
    }

    @Test
    void aNewHomeRebuildsTheCoverageButNotTheWalkingNetwork() {
        try (Atlas atlas = streetWithACanteen()) {
            CoverageAnalysis before = atlas.coverage();

            atlas.apply(new ChangeSet().insert(LayerCatalogue.RESIDENTIAL_AREAS, home(2, 121.4790, 900)));

            CoverageAnalysis after = atlas.coverage();
            assertThat(after).isNotSameAs(before);
            assertThat(after.lifeCircle()).isSameAs(before.lifeCircle());
            assertThat(after.residents()).isEqualTo(1500);
            assertThat(after.coverage("canteen", 300).coveredResidents()).isEqualTo(600);
        }
    }

    @Test
    void aNewStationRebuildsBothAndIsCounted() {
        try (Atlas atlas = streetWithACanteen()) {
            atlas.apply(new ChangeSet().insert(LayerCatalogue.RESIDENTIAL_AREAS, home(2, 121.4790, 900)));
            CoverageAnalysis before = atlas.coverage();

            atlas.apply(new ChangeSet().insert(LayerCatalogue.SERVICE_STATIONS, StoreFixtures.feature(2, "POINT (121.4795 31.2299)",
                    Map.of("name", "东助餐点", "category", "canteen"))));

            CoverageAnalysis after = atlas.coverage();
            assertThat(after.lifeCircle()).isNotSameAs(before.lifeCircle());
            assertThat(after.coverage("canteen", 300).coveredResidents()).isEqualTo(1500);
        }
    }

    @Test
    void aWhatIfWritesNothingToTheStoreAndLeavesTheReadModelAsItWas() {
        List<Feature> streets;
        List<Feature> stations;
        try (Atlas atlas = streetWithACanteen()) {
            atlas.apply(new ChangeSet().insert(LayerCatalogue.RESIDENTIAL_AREAS, home(2, 121.4790, 900)));
            CoverageAnalysis coverage = atlas.coverage();
            streets = atlas.index(LayerCatalogue.STREETS).all();
            stations = atlas.index(LayerCatalogue.SERVICE_STATIONS).all();
            AtomicInteger refreshes = new AtomicInteger();
            atlas.addRefreshListener(layers -> refreshes.incrementAndGet());

            WhatIfResult result = coverage.whatIf("canteen", 300, new WhatIfProposal(
                    List.of((Point) StoreFixtures.geometry("POINT (121.4795 31.2299)")),
                    List.of((LineString) StoreFixtures.geometry("LINESTRING (121.475 31.2301, 121.475 31.2309)"))));

            assertThat(result.gainResidents()).isEqualTo(900);
            assertThat(refreshes).hasValue(0);
            assertThat(atlas.index(LayerCatalogue.STREETS).all()).isEqualTo(streets);
            assertThat(atlas.index(LayerCatalogue.SERVICE_STATIONS).all()).isEqualTo(stations);
            assertThat(atlas.coverage()).isSameAs(coverage);
            assertThat(atlas.coverage().coverage("canteen", 300).coveredResidents()).isEqualTo(600);
        }
        try (Atlas reopened = new Atlas(GeoPackageStore.open(directory.resolve("lilong.gpkg"), StoreFixtures.CATALOGUE))) {
            StoreFixtures.assertSameFeatures(reopened.index(LayerCatalogue.STREETS).all(), streets);
            StoreFixtures.assertSameFeatures(reopened.index(LayerCatalogue.SERVICE_STATIONS).all(), stations);
        }
    }
}
