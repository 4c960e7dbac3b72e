package org.lilong.layers.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lilong.layers.editing.GridFixtures.box;
import static org.lilong.layers.editing.GridFixtures.grid;
import static org.lilong.layers.model.LayerCatalogue.GRIDS;
import static org.lilong.layers.model.LayerCatalogue.SERVICE_STATIONS;
import static org.lilong.layers.model.LayerCatalogue.STREETS;
import static org.lilong.layers.model.LayerCatalogue.SUBDISTRICTS;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.Atlas;
import org.lilong.layers.accounts.Account;
import org.lilong.layers.accounts.Role;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.FeatureDigest;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.HistoryEntry;
import org.lilong.layers.store.PreconditionFailedException;
import org.lilong.layers.store.StoreFixtures;
import org.lilong.layers.store.gpkg.GeoPackageStore;

/**
 * Edits on a real GeoPackage-backed atlas holding the fixture grids, two sub-districts (S1 west, S2
 * east) and a station in each: who may change what, conditional writes, topology, history.
 */
class FeatureEditorTest {

    private static final Instant CREATED = Instant.parse("2026-11-22T08:00:00Z");
    private static final Account EDITOR_S1 = new Account("li", Role.EDITOR, Set.of("S1"), false, CREATED, 0);
    private static final Account PLANNER = new Account("zhao", Role.PLANNER, Set.of(), false, CREATED, 0);
    private static final Account ADMIN = new Account("root", Role.ADMIN, Set.of(), false, CREATED, 0);

    @TempDir
    Path dir;

    private Atlas atlas;
    private FeatureEditor editor;

    @BeforeEach
    void open() {
        atlas = new Atlas(GeoPackageStore.open(dir.resolve("edit.gpkg"), StoreFixtures.CATALOGUE));
        atlas.apply(new ChangeSet()
                .insert(SUBDISTRICTS, StoreFixtures.feature(1, GridFixtures.S1_BOX, Map.of("code", "S1", "name", "西")))
                .insert(SUBDISTRICTS, StoreFixtures.feature(2, GridFixtures.S2_BOX, Map.of("code", "S2", "name", "东")))
                .insertAll(GRIDS, List.of(GridFixtures.s1(), GridFixtures.s2(), GridFixtures.r1(), GridFixtures.r2(),
                        GridFixtures.m1(), GridFixtures.r3InS2()))
                .insert(SERVICE_STATIONS, StoreFixtures.feature(1, "POINT (121.483 31.223)", Map.of("name", "西站", "category", "elderly_canteen")))
                .insert(SERVICE_STATIONS, StoreFixtures.feature(2, "POINT (121.495 31.225)", Map.of("name", "东站", "category", "elderly_canteen"))));
        editor = new FeatureEditor(atlas, 0.5);
    }

    @AfterEach
    void close() {
        atlas.close();
    }

    private Feature current(String layer, long id) {
        return atlas.feature(layer, id).orElseThrow();
    }

    private static Feature renamed(Feature feature, String name) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>(feature.properties());
        properties.put("name", name);
        return new Feature(feature.id(), feature.geometry(), properties);
    }

    @Test
    void anEditorAddsAMicroGridInItsSubdistrictWithHistory() {
        Feature m2 = grid(0, box(121.4825, 31.220, 121.485, 31.225), "M2", "micro", "R1");

        EditResult result = editor.insert(EDITOR_S1, GRIDS, m2, "设立园区微网格", false);

        assertThat(result.stored()).isTrue();
        assertThat(result.feature().id()).isPositive();
        assertThat(result.etag()).isEqualTo(FeatureDigest.of(current(GRIDS, result.feature().id())));
        List<HistoryEntry> history = atlas.history(GRIDS, result.feature().id());
        assertThat(history).extracting(HistoryEntry::operation, HistoryEntry::author, HistoryEntry::comment)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(HistoryEntry.INSERT, "li", "设立园区微网格"));
    }

    @Test
    void anEditorCannotTouchAnotherSubdistrictAndNothingChanges() {
        Feature east = current(SERVICE_STATIONS, 2);
        List<Feature> before = atlas.index(SERVICE_STATIONS).all();

        assertThatThrownBy(() -> editor.replace(EDITOR_S1, SERVICE_STATIONS, renamed(east, "改"), FeatureDigest.of(east), "", false))
                .isInstanceOf(EditForbiddenException.class).hasMessageContaining("S2");
        assertThatThrownBy(() -> editor.delete(EDITOR_S1, SERVICE_STATIONS, 2, FeatureDigest.of(east), ""))
                .isInstanceOf(EditForbiddenException.class);

        assertThat(atlas.index(SERVICE_STATIONS).all()).isEqualTo(before);
        assertThat(atlas.history(SERVICE_STATIONS, 2)).isEmpty();
    }

    @Test
    void anEditorCannotMoveAFeatureOutOfItsSubdistrict() {
        Feature west = current(SERVICE_STATIONS, 1);
        Feature moved = new Feature(1, StoreFixtures.geometry("POINT (121.495 31.223)"), west.properties());

        assertThatThrownBy(() -> editor.replace(EDITOR_S1, SERVICE_STATIONS, moved, FeatureDigest.of(west), "", false))
                .isInstanceOf(EditForbiddenException.class);
        assertThat(current(SERVICE_STATIONS, 1)).isEqualTo(west);
    }

    @Test
    void aPlannerReadsButCannotWrite() {
        Feature west = current(SERVICE_STATIONS, 1);

        assertThatThrownBy(() -> editor.replace(PLANNER, SERVICE_STATIONS, renamed(west, "改"), FeatureDigest.of(west), "", false))
                .isInstanceOf(EditForbiddenException.class).hasMessageContaining("planner");
    }

    @Test
    void anAdminMayEditAnywhere() {
        Feature east = current(SERVICE_STATIONS, 2);

        EditResult result = editor.replace(ADMIN, SERVICE_STATIONS, renamed(east, "东站（新）"), FeatureDigest.of(east), "更名", false);

        assertThat(current(SERVICE_STATIONS, 2).get("name")).isEqualTo("东站（新）");
        assertThat(atlas.history(SERVICE_STATIONS, 2)).extracting(HistoryEntry::operation)
                .containsExactly(HistoryEntry.BASELINE, HistoryEntry.UPDATE);
        assertThat(result.etag()).isNotEqualTo(FeatureDigest.of(east));
    }

    @Test
    void baseLayersAreReadOnly() {
        assertThatThrownBy(() -> editor.insert(ADMIN, STREETS, StoreFixtures.feature(0, "LINESTRING (121.481 31.221, 121.482 31.221)",
                Map.of()), "", false)).isInstanceOf(ReadOnlyLayerException.class);
    }

    @Test
    void ofTwoClientsHoldingTheSameVersionOneWinsAndTheOtherIsToldWhatChanged() {
        Feature seen = current(SERVICE_STATIONS, 1);
        String etag = FeatureDigest.of(seen);

        editor.replace(EDITOR_S1, SERVICE_STATIONS, renamed(seen, "第一"), etag, "", false);

        assertThatThrownBy(() -> editor.replace(EDITOR_S1, SERVICE_STATIONS, renamed(seen, "第二"), etag, "", false))
                .isInstanceOfSatisfying(PreconditionFailedException.class,
                        e -> assertThat(e.currentEtag()).isEqualTo(FeatureDigest.of(current(SERVICE_STATIONS, 1))));
        assertThat(current(SERVICE_STATIONS, 1).get("name")).isEqualTo("第一");
        assertThat(atlas.history(SERVICE_STATIONS, 1)).hasSize(2);
    }

    @Test
    void anOverlappingGridIsRefusedAndNothingIsStored() {
        Feature overlapping = grid(0, box(121.482, 31.220, 121.485, 31.225), "M2", "micro", "R1");

        assertThatThrownBy(() -> editor.insert(EDITOR_S1, GRIDS, overlapping, "", false))
                .isInstanceOfSatisfying(TopologyViolationException.class,
                        e -> assertThat(e.violations()).extracting(TopologyProblem::rule).containsExactly("sibling-overlap"));
        assertThat(atlas.index(GRIDS).size()).isEqualTo(6);
    }

    @Test
    void snappingProposesAFittedGridWithoutStoringIt() {
        // Drawn 20 m into its sibling M1 and 0.3 m past R1's east edge: both within reach of the snap.
        double metre = 1.0 / 95_300;
        Feature sloppy = grid(0, box(121.4825 - 0.3 * metre, 31.220, 121.485 + 0.3 * metre, 31.225), "M2", "micro", "R1");

        EditResult proposal = editor.insert(EDITOR_S1, GRIDS, sloppy, "", true);

        assertThat(proposal.stored()).isFalse();
        assertThat(proposal.etag()).isNull();
        assertThat(atlas.index(GRIDS).size()).isEqualTo(6);
        GridTopology strict = new GridTopology(0.0);
        assertThat(strict.checkWrite(atlas.index(GRIDS), proposal.feature(), null).violations()).isEmpty();
        assertThat(proposal.feature().geometry().getArea()).isCloseTo(0.0025 * 0.005, org.assertj.core.data.Percentage.withPercentage(1));
    }

    @Test
    void aHundredConcurrentEditsOfDifferentFeaturesAllLandWithTheirHistory() throws Exception {
        List<Feature> created = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            double lon = 121.4805 + (i % 10) * 0.0008;
            double lat = 31.2205 + (i / 10) * 0.0008;
            created.add(editor.insert(ADMIN, SERVICE_STATIONS, StoreFixtures.feature(0, String.format(java.util.Locale.ROOT,
                    "POINT (%.5f %.5f)", lon, lat), Map.of("name", "站" + i, "category", "elderly_canteen")), "", false).feature());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<EditResult>> edits = new ArrayList<>();
        for (Feature station : created) {
            edits.add(pool.submit(() -> {
                start.await();
                return editor.replace(EDITOR_S1, SERVICE_STATIONS, renamed(station, station.get("name") + "（改）"),
                        FeatureDigest.of(station), "并发", false);
            }));
        }
        start.countDown();
        for (Future<EditResult> edit : edits) {
            assertThat(edit.get().stored()).isTrue();
        }
        pool.shutdown();

        for (Feature station : created) {
            assertThat(current(SERVICE_STATIONS, station.id()).text("name")).endsWith("（改）");
            assertThat(atlas.history(SERVICE_STATIONS, station.id())).extracting(HistoryEntry::operation)
                    .containsExactly(HistoryEntry.INSERT, HistoryEntry.UPDATE);
        }
    }

    @Test
    void aRevertBringsBackAnEarlierVersionAsANewOne() {
        Feature original = current(SERVICE_STATIONS, 1);
        EditResult renamed = editor.replace(EDITOR_S1, SERVICE_STATIONS, renamed(original, "改过"), FeatureDigest.of(original), "", false);

        EditResult reverted = editor.revert(EDITOR_S1, SERVICE_STATIONS, 1, 1, renamed.etag(), "");

        assertThat(current(SERVICE_STATIONS, 1)).isEqualTo(original);
        assertThat(reverted.etag()).isEqualTo(FeatureDigest.of(original));
        List<HistoryEntry> history = atlas.history(SERVICE_STATIONS, 1);
        assertThat(history).extracting(HistoryEntry::version).containsExactly(1, 2, 3);
        assertThat(history.get(2).comment()).isEqualTo("revert to version 1");
    }

    @Test
    void aDeletedFeatureIsRestoredWithItsIdAndLastState() {
        Feature original = current(SERVICE_STATIONS, 1);
        EditResult renamed = editor.replace(EDITOR_S1, SERVICE_STATIONS, renamed(original, "最后的名字"), FeatureDigest.of(original), "", false);
        editor.delete(EDITOR_S1, SERVICE_STATIONS, 1, renamed.etag(), "撤");

        EditResult restored = editor.restore(EDITOR_S1, SERVICE_STATIONS, 1, "");

        assertThat(restored.feature().id()).isEqualTo(1);
        assertThat(current(SERVICE_STATIONS, 1).get("name")).isEqualTo("最后的名字");
        assertThat(atlas.history(SERVICE_STATIONS, 1)).extracting(HistoryEntry::operation).containsExactly(
                HistoryEntry.BASELINE, HistoryEntry.UPDATE, HistoryEntry.DELETE, HistoryEntry.INSERT);
        assertThatThrownBy(() -> editor.restore(EDITOR_S1, SERVICE_STATIONS, 1, ""))
                .isInstanceOf(EditConflictException.class);
    }

    @Test
    void aDiffNamesTheChangedAttributesAndHowFarTheGeometryMoved() {
        Feature a = StoreFixtures.feature(1, "POINT (121.483 31.223)", Map.of("name", "甲", "hours", "9-17"));
        Feature b = StoreFixtures.feature(1, "POINT (121.483 31.2231)", Map.of("name", "乙", "phone", "021"));

        FeatureDiff diff = FeatureDiff.between(a, b);

        assertThat(diff.attributes()).extracting(FeatureDiff.AttributeChange::name).containsExactly("hours", "name", "phone");
        assertThat(diff.attributes().get(1)).isEqualTo(new FeatureDiff.AttributeChange("name", "甲", "乙"));
        assertThat(diff.geometryChanged()).isTrue();
        assertThat(diff.hausdorffMetres()).isCloseTo(11.09, org.assertj.core.data.Offset.offset(0.05));
        assertThat(FeatureDiff.between(a, a).attributes()).isEmpty();
        assertThat(FeatureDiff.between(a, a).geometryChanged()).isFalse();
    }

    private static org.locationtech.jts.geom.LineString line(String wkt) {
        return (org.locationtech.jts.geom.LineString) StoreFixtures.geometry(wkt);
    }

    @Test
    void aSplitKeepsTheLargerPieceAndAddsTheOtherAsASibling() {
        Feature r1 = current(GRIDS, 3);

        List<EditResult> pieces = editor.split(EDITOR_S1, 3, FeatureDigest.of(r1), line("LINESTRING (121.479 31.226, 121.486 31.226)"),
                Map.of("code", "R1b", "name", "北片"), "");

        Feature kept = current(GRIDS, 3);
        Feature created = current(GRIDS, pieces.get(1).feature().id());
        assertThat(kept.geometry().getEnvelopeInternal().getMaxY()).isCloseTo(31.226, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(created.geometry().getEnvelopeInternal().getMinY()).isCloseTo(31.226, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(created.properties()).containsEntry("code", "R1b").containsEntry("level", "residential").containsEntry("parent_code", "S1");
        assertThat(kept.geometry().getArea() + created.geometry().getArea()).isCloseTo(r1.geometry().getArea(),
                org.assertj.core.data.Percentage.withPercentage(1e-9));
        assertThat(atlas.history(GRIDS, 3)).extracting(HistoryEntry::operation).containsExactly(HistoryEntry.BASELINE, HistoryEntry.UPDATE);
    }

    @Test
    void aSplitThatWouldStrandAChildIsRefusedAndChangesNothing() {
        Feature r1 = current(GRIDS, 3);

        assertThatThrownBy(() -> editor.split(EDITOR_S1, 3, FeatureDigest.of(r1), line("LINESTRING (121.479 31.2235, 121.486 31.2235)"),
                Map.of("code", "R1b", "name", "南片"), ""))
                .isInstanceOfSatisfying(TopologyViolationException.class, e -> assertThat(e.violations())
                        .extracting(TopologyProblem::rule).contains("child-outside"));
        assertThat(current(GRIDS, 3)).isEqualTo(r1);
        assertThat(atlas.index(GRIDS).size()).isEqualTo(6);
    }

    @Test
    void aLineThatDoesNotCrossTheGridSplitsNothing() {
        Feature r1 = current(GRIDS, 3);

        assertThatThrownBy(() -> editor.split(EDITOR_S1, 3, FeatureDigest.of(r1), line("LINESTRING (121.481 31.226, 121.483 31.226)"),
                Map.of("code", "R1b"), "")).isInstanceOf(EditConflictException.class).hasMessageContaining("edge to edge");
    }

    @Test
    void aMergeTakesTheNeighbourInAndAdoptsItsChildren() {
        Feature r1 = current(GRIDS, 3);
        Feature r2 = current(GRIDS, 4);

        EditResult merged = editor.merge(EDITOR_S1, 4, FeatureDigest.of(r2), 3, FeatureDigest.of(r1), "");

        assertThat(atlas.feature(GRIDS, 3)).isEmpty();
        assertThat(current(GRIDS, 4).geometry().getArea()).isCloseTo(current(GRIDS, 1).geometry().getArea(),
                org.assertj.core.data.Percentage.withPercentage(1e-6));
        assertThat(current(GRIDS, 5).get("parent_code")).isEqualTo("R2");
        assertThat(merged.etag()).isEqualTo(FeatureDigest.of(current(GRIDS, 4)));
        assertThat(atlas.history(GRIDS, 3)).extracting(HistoryEntry::operation).containsExactly(HistoryEntry.BASELINE, HistoryEntry.DELETE);
    }

    @Test
    void onlyGridsOfOneLevelAndParentMerge() {
        Feature r1 = current(GRIDS, 3);
        Feature m1 = current(GRIDS, 5);

        assertThatThrownBy(() -> editor.merge(EDITOR_S1, 3, FeatureDigest.of(r1), 5, FeatureDigest.of(m1), ""))
                .isInstanceOf(EditConflictException.class).hasMessageContaining("same level and parent");
    }
}
