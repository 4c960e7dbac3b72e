package org.lilong.layers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lilong.layers.model.LayerCatalogue.GRIDS;
import static org.lilong.layers.model.LayerCatalogue.SUBDISTRICTS;
import static org.lilong.layers.model.LayerCatalogue.RESIDENTIAL_AREAS;
import static org.lilong.layers.model.LayerCatalogue.POCKET_PARKS;
import static org.lilong.layers.model.LayerCatalogue.RENOVATION_PLOTS;
import static org.lilong.layers.model.LayerCatalogue.SERVICE_STATIONS;
import static org.lilong.layers.model.LayerCatalogue.STREETS;
import static org.lilong.layers.store.StoreFixtures.CATALOGUE;
import static org.lilong.layers.store.StoreFixtures.LINESTRING;
import static org.lilong.layers.store.StoreFixtures.MULTILINESTRING;
import static org.lilong.layers.store.StoreFixtures.MULTIPOINT;
import static org.lilong.layers.store.StoreFixtures.MULTIPOLYGON;
import static org.lilong.layers.store.StoreFixtures.POINT;
import static org.lilong.layers.store.StoreFixtures.POLYGON;
import static org.lilong.layers.store.StoreFixtures.assertSameFeatures;
import static org.lilong.layers.store.StoreFixtures.feature;
import static org.lilong.layers.store.StoreFixtures.fullFeature;
import static org.lilong.layers.store.StoreFixtures.sparseFeature;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.FeatureDigest;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.model.RenovationStage;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * What every {@link FeatureStore} does, whatever keeps the data: each store's test class extends
 * this one and says how to open it. A test belongs here when it is about the interface's promises;
 * tests of one store's storage (the GeoPackage file, the PostgreSQL schema) stay with that store.
 */
public abstract class FeatureStoreContract {

    protected FeatureStore store;

    /** An open store holding no feature and no metadata, with the standard catalogue. */
    protected abstract FeatureStore openStore() throws Exception;

    /** Opens the data of the last store {@link #openStore()} returned again (that store is closed). */
    protected abstract FeatureStore reopen() throws Exception;

    /**
     * Makes the store's storage refuse, with a failure of its own (a trigger, not a constraint the
     * model knows), every insert into the layer of a feature with that name.
     */
    protected abstract void failInsertsNamed(String layerId, String name) throws Exception;

    @BeforeEach
    void openTheStore() throws Exception {
        store = openStore();
    }

    @AfterEach
    void closeTheStore() {
        if (store != null) {
            store.close();
        }
    }

    // --- round trips

    static Stream<String> layerIds() {
        return CATALOGUE.layers().stream().map(LayerDefinition::id);
    }

    @ParameterizedTest
    @MethodSource("layerIds")
    void everyLayerReadsBackExactlyWhatWasWritten(String layerId) {
        LayerDefinition layer = CATALOGUE.get(layerId);
        List<Feature> written = List.of(fullFeature(layer, 1), sparseFeature(layer, 2));

        store.apply(new ChangeSet().insertAll(layerId, written));

        assertSameFeatures(store.readAll(layerId), written);
    }

    @Test
    void readFeaturesCarryWgs84Geometries() {
        store.apply(new ChangeSet().insert(STREETS, feature(1, LINESTRING, Map.of())));

        assertThat(store.readAll(STREETS).get(0).geometry().getSRID()).isEqualTo(4326);
    }

    @Test
    void valuesReadBackWithTheJavaTypeOfTheirAttribute() {
        store.apply(new ChangeSet()
                .insert(RENOVATION_PLOTS, feature(1, POLYGON, Map.of("households", 120, "start_date", "2021-03-15")))
                .insert(POCKET_PARKS, feature(1, POLYGON, Map.of("area_m2", 850)))
                .insert(STREETS, feature(1, LINESTRING, Map.of("bridge", "true"))));

        assertThat(store.readAll(RENOVATION_PLOTS).get(0).properties())
                .containsEntry("households", 120L)
                .containsEntry("start_date", LocalDate.of(2021, 3, 15));
        assertThat(store.readAll(POCKET_PARKS).get(0).get("area_m2")).isEqualTo(850.0);
        assertThat(store.readAll(STREETS).get(0).get("bridge")).isEqualTo(Boolean.TRUE);
    }

    @Test
    void nullValuesReadBackAsAbsent() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("name", "南京西路");
        properties.put("name_en", null);
        properties.put("bridge", null);
        store.apply(new ChangeSet().insert(STREETS, feature(1, LINESTRING, properties)));

        assertThat(store.readAll(STREETS).get(0).properties()).containsOnlyKeys("name");
    }

    @Test
    void featuresReadBackInIdOrder() {
        store.apply(new ChangeSet()
                .insert(SERVICE_STATIONS, feature(30, POINT, Map.of()))
                .insert(SERVICE_STATIONS, feature(4, POINT, Map.of()))
                .insert(SERVICE_STATIONS, feature(17, POINT, Map.of())));

        assertThat(store.readAll(SERVICE_STATIONS)).extracting(Feature::id).containsExactly(4L, 17L, 30L);
    }

    @Test
    void dataSurvivesCloseAndReopen() throws Exception {
        List<Feature> written = List.of(fullFeature(CATALOGUE.get(GRIDS), 7), sparseFeature(CATALOGUE.get(GRIDS), 9));
        store.apply(new ChangeSet().insertAll(GRIDS, written).putMetadata("title", "静安区示范街道"));
        store.close();

        store = reopen();

        assertSameFeatures(store.readAll(GRIDS), written);
        assertThat(store.metadata()).containsEntry("title", "静安区示范街道");
    }

    // --- ids, updates, deletes

    @Test
    void insertsWithoutAnIdGetTheNextFreeIds() {
        store.apply(new ChangeSet().insert(GRIDS, feature(5, POLYGON, Map.of())));

        List<Feature> stored = store.apply(new ChangeSet()
                .insert(GRIDS, feature(0, POLYGON, Map.of()))
                .insert(GRIDS, feature(-1, POLYGON, Map.of())));

        assertThat(stored).extracting(Feature::id).containsExactly(6L, 7L);
        assertThat(store.readAll(GRIDS)).extracting(Feature::id).containsExactly(5L, 6L, 7L);
    }

    @Test
    void freshIdsFollowExplicitIdsOfTheSameChangeSet() {
        List<Feature> stored = store.apply(new ChangeSet()
                .insert(GRIDS, feature(0, POLYGON, Map.of()))
                .insert(GRIDS, feature(40, POLYGON, Map.of()))
                .insert(GRIDS, feature(0, POLYGON, Map.of())));

        assertThat(stored).extracting(Feature::id).containsExactly(1L, 40L, 41L);
    }

    @Test
    void freshIdsAreCountedPerLayer() {
        store.apply(new ChangeSet().insert(GRIDS, feature(12, POLYGON, Map.of())));

        List<Feature> stored = store.apply(new ChangeSet().insert(POCKET_PARKS, feature(0, POLYGON, Map.of())));

        assertThat(stored).extracting(Feature::id).containsExactly(1L);
    }

    @Test
    void explicitIdsAreKept() {
        List<Feature> stored = store.apply(new ChangeSet()
                .insert(SERVICE_STATIONS, feature(1001, POINT, Map.of()))
                .insert(SERVICE_STATIONS, feature(3, POINT, Map.of())));

        assertThat(stored).extracting(Feature::id).containsExactly(1001L, 3L);
        assertThat(store.readAll(SERVICE_STATIONS)).extracting(Feature::id).containsExactly(3L, 1001L);
    }

    @Test
    void applyReturnsInsertsAndUpdatesAsStoredInTheirOrder() {
        store.apply(new ChangeSet().insert(STREETS, feature(1, LINESTRING, Map.of("name", "旧名"))));

        List<Feature> stored = store.apply(new ChangeSet()
                .insert(STREETS, feature(0, LINESTRING, Map.of("bridge", "false")))
                .delete(STREETS, 2)
                .update(STREETS, feature(1, MULTILINESTRING, Map.of("name", "新名"))));

        assertThat(stored).containsExactly(
                feature(2, LINESTRING, Map.of("bridge", false)),
                feature(1, MULTILINESTRING, Map.of("name", "新名")));
    }

    @Test
    void updateReplacesGeometryAndEveryAttribute() {
        store.apply(new ChangeSet().insert(POCKET_PARKS, feature(1, POLYGON,
                Map.of("name", "康定路口袋公园", "area_m2", 420.5, "opened", LocalDate.of(2019, 9, 1)))));

        store.apply(new ChangeSet().update(POCKET_PARKS, feature(1, MULTIPOLYGON, Map.of("name", "康定口袋公园"))));

        assertSameFeatures(store.readAll(POCKET_PARKS), List.of(feature(1, MULTIPOLYGON, Map.of("name", "康定口袋公园"))));
    }

    @Test
    void deleteRemovesOnlyThatFeature() {
        store.apply(new ChangeSet()
                .insert(SERVICE_STATIONS, feature(1, POINT, Map.of()))
                .insert(SERVICE_STATIONS, feature(2, POINT, Map.of())));

        store.apply(new ChangeSet().delete(SERVICE_STATIONS, 1));

        assertThat(store.readAll(SERVICE_STATIONS)).extracting(Feature::id).containsExactly(2L);
    }

    @Test
    void aDeletedIdMayBeInsertedAgainInTheSameChangeSet() {
        store.apply(new ChangeSet().insert(SERVICE_STATIONS, feature(1, POINT, Map.of("name", "旧站"))));

        store.apply(new ChangeSet()
                .delete(SERVICE_STATIONS, 1)
                .insert(SERVICE_STATIONS, feature(1, MULTIPOINT, Map.of("name", "新站"))));

        assertSameFeatures(store.readAll(SERVICE_STATIONS), List.of(feature(1, MULTIPOINT, Map.of("name", "新站"))));
    }

    @Test
    void anUpdateSeesTheInsertsBeforeItInTheSameChangeSet() {
        store.apply(new ChangeSet()
                .insert(STREETS, feature(0, LINESTRING, Map.of("name", "草稿")))
                .update(STREETS, feature(1, LINESTRING, Map.of("name", "定稿")))
                .insert(STREETS, feature(0, LINESTRING, Map.of()))
                .delete(STREETS, 2));

        assertSameFeatures(store.readAll(STREETS), List.of(feature(1, LINESTRING, Map.of("name", "定稿"))));
    }

    // --- failed writes

    static Stream<Arguments> invalidChangeSets() {
        return Stream.of(
                Arguments.of("an attribute of the wrong type", new ChangeSet()
                        .insert(STREETS, feature(0, LINESTRING, Map.of("name", "新路")))
                        .insert(GRIDS, feature(0, POLYGON, Map.of()))
                        .insert(GRIDS, feature(0, POLYGON, Map.of("residents", "很多")))),
                Arguments.of("an unknown attribute", new ChangeSet()
                        .insert(STREETS, feature(0, LINESTRING, Map.of()))
                        .insert(GRIDS, feature(0, POLYGON, Map.of()))
                        .insert(GRIDS, feature(0, POLYGON, Map.of("colour", "red")))),
                Arguments.of("a geometry of the wrong type", new ChangeSet()
                        .insert(STREETS, feature(0, LINESTRING, Map.of()))
                        .insert(GRIDS, feature(0, POLYGON, Map.of()))
                        .insert(SERVICE_STATIONS, feature(0, POLYGON, Map.of()))),
                Arguments.of("an unknown layer", new ChangeSet()
                        .insert(STREETS, feature(0, LINESTRING, Map.of()))
                        .delete("bus-stops", 1)),
                Arguments.of("an id already stored", new ChangeSet()
                        .insert(STREETS, feature(0, LINESTRING, Map.of()))
                        .insert(GRIDS, feature(0, POLYGON, Map.of()))
                        .insert(GRIDS, feature(1, POLYGON, Map.of()))),
                Arguments.of("an id taken earlier in the same set", new ChangeSet()
                        .insert(STREETS, feature(0, LINESTRING, Map.of()))
                        .insert(GRIDS, feature(50, POLYGON, Map.of()))
                        .insert(GRIDS, feature(50, POLYGON, Map.of()))),
                Arguments.of("an id given to a fresh insert earlier in the same set", new ChangeSet()
                        .insert(STREETS, feature(0, LINESTRING, Map.of()))
                        .insert(STREETS, feature(1, LINESTRING, Map.of()))),
                Arguments.of("an update of a missing feature", new ChangeSet()
                        .insert(STREETS, feature(0, LINESTRING, Map.of()))
                        .update(GRIDS, feature(1, MULTIPOLYGON, Map.of("name", "改名")))
                        .update(GRIDS, feature(99, POLYGON, Map.of()))),
                Arguments.of("a delete of a missing feature", new ChangeSet()
                        .insert(STREETS, feature(0, LINESTRING, Map.of()))
                        .delete(GRIDS, 1)
                        .delete(GRIDS, 99)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidChangeSets")
    void aRefusedChangeSetLeavesTheStoreUnchanged(String problem, ChangeSet invalid) {
        storeSomeData();
        Snapshot before = snapshot();

        assertThatThrownBy(() -> store.apply(invalid.putMetadata("title", "不该写入")))
                .isInstanceOf(InvalidChangeException.class);

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void refusalsNameTheLayerAndTheId() {
        storeSomeData();

        assertThatThrownBy(() -> store.apply(new ChangeSet().insert(GRIDS, feature(2, POLYGON, Map.of()))))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessage("layer 'grids' already has a feature 2");
        assertThatThrownBy(() -> store.apply(new ChangeSet().update(GRIDS, feature(99, POLYGON, Map.of()))))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessage("layer 'grids' has no feature 99");
        assertThatThrownBy(() -> store.apply(new ChangeSet().delete(SERVICE_STATIONS, 98)))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessage("layer 'service-stations' has no feature 98");
    }

    @Test
    void aTakenIdFarIntoALargeChangeSetRefusesAllOfIt() {
        storeSomeData();
        Snapshot before = snapshot();
        ChangeSet load = new ChangeSet();
        for (int i = 0; i < 4500; i++) {
            load.insert(SERVICE_STATIONS, feature(0, POINT, Map.of("name", "站" + i)));
        }
        load.insert(SERVICE_STATIONS, feature(3, POINT, Map.of()));

        assertThatThrownBy(() -> store.apply(load))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessage("layer 'service-stations' already has a feature 3");

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aStoreFailureMidTransactionRollsBackAndThrowsStoreException() throws Exception {
        storeSomeData();
        Snapshot before = snapshot();
        failInsertsNamed(GRIDS, "boom");

        assertThatThrownBy(() -> store.apply(new ChangeSet()
                .insert(STREETS, feature(0, LINESTRING, Map.of()))
                .insert(GRIDS, feature(0, POLYGON, Map.of("name", "boom")))
                .putMetadata("title", "不该写入")))
                .isInstanceOf(StoreException.class);

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theStoreStillWritesAfterARefusedChangeSet() {
        assertThatThrownBy(() -> store.apply(new ChangeSet().delete(GRIDS, 99))).isInstanceOf(InvalidChangeException.class);

        store.apply(new ChangeSet().insert(GRIDS, feature(0, POLYGON, Map.of())));

        assertThat(store.readAll(GRIDS)).hasSize(1);
    }

    @Test
    void readingAnUnknownLayerIsAnIllegalArgument() {
        assertThatThrownBy(() -> store.readAll("bus-stops"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown layer");
    }

    @Test
    void anEmptyChangeSetWritesNothing() {
        assertThat(store.apply(new ChangeSet())).isEmpty();

        assertThat(store.isEmpty()).isTrue();
    }

    // --- metadata and emptiness

    @Test
    void metadataReadsBackWhatWasPut() {
        store.apply(new ChangeSet().putMetadata("title", "静安区示范街道").putMetadata("synthetic", "true"));

        assertThat(store.metadata()).isEqualTo(Map.of("title", "静安区示范街道", "synthetic", "true"));
    }

    @Test
    void puttingAMetadataKeyAgainReplacesItsValue() {
        store.apply(new ChangeSet().putMetadata("title", "旧标题"));

        store.apply(new ChangeSet().putMetadata("title", "新标题"));

        assertThat(store.metadata()).isEqualTo(Map.of("title", "新标题"));
    }

    @Test
    void aFreshStoreIsEmpty() {
        assertThat(store.isEmpty()).isTrue();
        assertThat(store.metadata()).isEmpty();
    }

    @Test
    void aStoreWithOneFeatureIsNotEmpty() {
        store.apply(new ChangeSet().insert(SERVICE_STATIONS, feature(0, POINT, Map.of())));

        assertThat(store.isEmpty()).isFalse();
    }

    @Test
    void aStoreWhoseFeaturesWereAllDeletedIsEmptyAgain() {
        store.apply(new ChangeSet().insert(SERVICE_STATIONS, feature(0, POINT, Map.of())));

        store.apply(new ChangeSet().delete(SERVICE_STATIONS, 1));

        assertThat(store.isEmpty()).isTrue();
    }

    // --- life cycle

    @Test
    void aClosedStoreRefusesToWorkAndClosingTwiceIsHarmless() {
        store.close();
        store.close();

        assertThatThrownBy(() -> store.readAll(GRIDS)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.apply(new ChangeSet().delete(GRIDS, 1))).isInstanceOf(IllegalStateException.class);
        store = null;
    }

    // --- volume

    @Test
    void thousandsOfFeaturesLoadInOneQuickTransaction() {
        ChangeSet load = new ChangeSet();
        for (int i = 0; i < 5000; i++) {
            load.insert(GRIDS, fullFeature(CATALOGUE.get(GRIDS), 0));
        }

        long start = System.nanoTime();
        store.apply(load);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(store.readAll(GRIDS)).hasSize(5000);
        // Generous for slow CI machines; a statement per transaction would take far longer.
        assertThat(millis).isLessThan(5000);
    }

    /** Above both stores' bulk paths (COPY in PostGIS from 1,000 inserts, a direct RTree fill in the GeoPackage from 500). */
    private static final int LARGE_LOAD = 1200;

    /** Text that each store's bulk encoding must carry unchanged: separators, escapes, quotes, Chinese, emoji. */
    private static final List<String> AWKWARD_TEXT = List.of("静安寺街道 · 长乐路", "tab\there", "line\nbreak\r\nend",
            "back\\slash \\N \\t", "\\.", "quotes \" ' `", "", " leading and trailing ", "\u0001control", "emoji 😀 里弄");

    @Test
    void aLargeLoadIntoSeveralLayersReadsBackExactlyEveryValue() {
        ChangeSet load = new ChangeSet();
        Map<String, List<Feature>> expected = new LinkedHashMap<>();
        for (int i = 0; i < LARGE_LOAD; i++) {
            // Interleaved, so that the stores' bulk paths switch between layers as they go.
            largeLoadFeature(load, expected, RENOVATION_PLOTS, i, POLYGON, renovationPlot(i));
            largeLoadFeature(load, expected, POCKET_PARKS, i, i % 3 == 0 ? MULTIPOLYGON : POLYGON, pocketPark(i));
            largeLoadFeature(load, expected, STREETS, i, i % 2 == 0 ? LINESTRING : MULTILINESTRING, street(i));
        }

        List<Feature> stored = store.apply(load.putMetadata("title", "大批导入"));

        assertThat(stored).hasSize(3 * LARGE_LOAD);
        expected.forEach((layerId, features) -> assertSameFeatures(store.readAll(layerId), features));
        assertThat(store.metadata()).containsEntry("title", "大批导入");
    }

    /** Adds feature i with its properties to the load; expects it back with id i + 1 and without its null values. */
    private static void largeLoadFeature(ChangeSet load, Map<String, List<Feature>> expected, String layerId, int i, String wkt,
            Map<String, Object> properties) {
        Feature feature = feature(0, wkt, properties);
        Geometry moved = feature.geometry().copy();
        moved.apply((CoordinateFilter) c -> c.setX(c.getX() + i * 1.0e-5));
        moved.geometryChanged();
        load.insert(layerId, new Feature(0, moved, properties));
        Map<String, Object> present = new LinkedHashMap<>(properties);
        present.values().removeIf(Objects::isNull);
        expected.computeIfAbsent(layerId, id -> new ArrayList<>()).add(new Feature(i + 1, moved, present));
    }

    private static Map<String, Object> renovationPlot(int i) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", AWKWARD_TEXT.get(i % AWKWARD_TEXT.size()));
        properties.put("stage", RenovationStage.values()[i % RenovationStage.values().length].code());
        properties.put("households", 1_234_567_890_123L + i);
        properties.put("signed_households", i % 4 == 0 ? null : (long) i);
        properties.put("start_date", LocalDate.of(1899, 12, 31).plusDays(i * 17L));
        properties.put("finish_date", i % 5 == 0 ? null : LocalDate.of(2024, 2, 29).plusDays(i));
        return properties;
    }

    private static Map<String, Object> pocketPark(int i) {
        double[] areas = {0.1, 1234.5678, 1.0e-300, 2.5e20, 12345678.123456789, 0.0, Double.MIN_VALUE, 4.35};
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", AWKWARD_TEXT.get((i + 3) % AWKWARD_TEXT.size()) + i);
        properties.put("area_m2", areas[i % areas.length]);
        properties.put("opened", i % 7 == 0 ? null : LocalDate.of(2019, 9, 1).minusDays(i));
        properties.put("maintained_by", i % 2 == 0 ? null : AWKWARD_TEXT.get((i + 5) % AWKWARD_TEXT.size()));
        return properties;
    }

    private static Map<String, Object> street(int i) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", "路" + i + AWKWARD_TEXT.get((i + 7) % AWKWARD_TEXT.size()));
        properties.put("bridge", i % 3 == 0 ? null : i % 3 == 1);
        return properties;
    }

    @Test
    void anIdRepeatedWithinALargeLoadRefusesAllOfIt() {
        storeSomeData();
        Snapshot before = snapshot();
        ChangeSet load = new ChangeSet();
        for (int i = 0; i < LARGE_LOAD; i++) {
            load.insert(SERVICE_STATIONS, feature(100 + i, POINT, Map.of("name", "站" + i)));
        }
        load.insert(SERVICE_STATIONS, feature(700, POINT, Map.of()));

        assertThatThrownBy(() -> store.apply(load.putMetadata("title", "不该写入")))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessage("layer 'service-stations' already has a feature 700");

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anExplicitIdThatALargeLoadGaveAFreshFeatureRefusesAllOfIt() {
        storeSomeData();
        Snapshot before = snapshot();
        ChangeSet load = new ChangeSet();
        for (int i = 0; i < LARGE_LOAD; i++) {
            load.insert(SERVICE_STATIONS, feature(0, POINT, Map.of("name", "站" + i)));
        }
        load.insert(SERVICE_STATIONS, feature(800, POINT, Map.of()));

        assertThatThrownBy(() -> store.apply(load.putMetadata("title", "不该写入")))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessage("layer 'service-stations' already has a feature 800");

        assertThat(snapshot()).isEqualTo(before);
    }

    // --- fixtures

    /** Grids 1 and 2, service station 1 and a metadata entry. */
    protected void storeSomeData() {
        store.apply(new ChangeSet()
                .insert(GRIDS, fullFeature(CATALOGUE.get(GRIDS), 1))
                .insert(GRIDS, sparseFeature(CATALOGUE.get(GRIDS), 2))
                .insert(SERVICE_STATIONS, fullFeature(CATALOGUE.get(SERVICE_STATIONS), 1))
                .putMetadata("title", "静安区示范街道"));
    }

    protected record Snapshot(Map<String, List<Feature>> layers, Map<String, String> metadata) {
    }

    protected Snapshot snapshot() {
        Map<String, List<Feature>> layers = new LinkedHashMap<>();
        CATALOGUE.layers().forEach(l -> layers.put(l.id(), store.readAll(l.id())));
        return new Snapshot(layers, store.metadata());
    }

    static Stream<Arguments> changesTheModelRefuses() {
        return Stream.of(
                Arguments.of(GRIDS, Map.of("level", "district"), "'level'"),
                Arguments.of(GRIDS, Map.of("residents", -1), "'residents'"),
                Arguments.of(RENOVATION_PLOTS, Map.of("stage", "demolished"), "'stage'"),
                Arguments.of(RENOVATION_PLOTS, Map.of("households", 10, "signed_households", 12),
                        "'signed_households' (12) may not exceed 'households' (10)"),
                Arguments.of(RENOVATION_PLOTS, Map.of("start_date", LocalDate.of(2024, 5, 1), "finish_date", LocalDate.of(2023, 1, 1)),
                        "'start_date' (2024-05-01) may not exceed 'finish_date' (2023-01-01)"),
                Arguments.of(POCKET_PARKS, Map.of("area_m2", -12.5), "'area_m2'"),
                Arguments.of(RESIDENTIAL_AREAS, Map.of("households", -2), "'households'"),
                Arguments.of(SUBDISTRICTS, Map.of("residents", -2), "'residents'"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("changesTheModelRefuses")
    void aChangeThatBreaksAModelRuleIsRefusedNamingItAndWritesNothing(String layerId, Map<String, Object> properties,
            String reason) {
        store.apply(new ChangeSet().insert(layerId, feature(1, POLYGON, Map.of())));

        assertThatThrownBy(() -> store.apply(new ChangeSet()
                .insert(GRIDS, feature(0, POLYGON, Map.of("name", "先写入")))
                .insert(layerId, feature(0, POLYGON, properties))
                .putMetadata("title", "不该写入")))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessageContaining(reason)
                .hasMessageContaining("layer '" + layerId + "'");

        assertThat(store.readAll(layerId)).extracting(Feature::id).containsExactly(1L);
        assertThat(store.readAll(GRIDS)).extracting(Feature::id).containsExactlyElementsOf(
                layerId.equals(GRIDS) ? List.of(1L) : List.of());
        assertThat(store.metadata()).isEmpty();
    }


    // ---- conditional writes and history (the editing API's guarantees) -------------------------

    private static final String SQUARE = "POLYGON ((121.40 31.20, 121.41 31.20, 121.41 31.21, 121.40 31.21, 121.40 31.20))";

    private Feature station(long id, String name) {
        return feature(id, POINT, Map.of("name", name, "category", "elderly_canteen"));
    }

    @Test
    void aConditionalUpdateLandsWhenTheFeatureIsAsExpected() {
        Feature original = store.apply(new ChangeSet().insert(SERVICE_STATIONS, station(1, "老年食堂"))).get(0);

        store.apply(new ChangeSet().update(SERVICE_STATIONS, station(1, "长者食堂"))
                .expect(SERVICE_STATIONS, 1, FeatureDigest.of(original)));

        assertThat(store.readAll(SERVICE_STATIONS).get(0).get("name")).isEqualTo("长者食堂");
    }

    @Test
    void aConditionalUpdateOfAChangedFeatureWritesNothingAndNamesTheCurrentState() {
        Feature original = store.apply(new ChangeSet().insert(SERVICE_STATIONS, station(1, "老年食堂"))).get(0);
        String seen = FeatureDigest.of(original);
        Feature changedMeanwhile = store.apply(new ChangeSet().update(SERVICE_STATIONS, station(1, "长者食堂"))).get(0);

        assertThatThrownBy(() -> store.apply(new ChangeSet().update(SERVICE_STATIONS, station(1, "社区食堂"))
                .insert(SERVICE_STATIONS, station(2, "另一个")).expect(SERVICE_STATIONS, 1, seen)))
                .isInstanceOfSatisfying(PreconditionFailedException.class, e ->
                        assertThat(e.currentEtag()).isEqualTo(FeatureDigest.of(changedMeanwhile)));

        assertSameFeatures(store.readAll(SERVICE_STATIONS), List.of(changedMeanwhile));
    }

    @Test
    void aConditionalChangeOfADeletedFeatureSaysItIsGone() {
        Feature original = store.apply(new ChangeSet().insert(SERVICE_STATIONS, station(1, "老年食堂"))).get(0);
        store.apply(new ChangeSet().delete(SERVICE_STATIONS, 1));

        assertThatThrownBy(() -> store.apply(new ChangeSet().delete(SERVICE_STATIONS, 1)
                .expect(SERVICE_STATIONS, 1, FeatureDigest.of(original))))
                .isInstanceOfSatisfying(PreconditionFailedException.class, e -> assertThat(e.currentEtag()).isNull());
    }

    @Test
    void aChangeWithoutAnAuthorLeavesNoHistory() {
        store.apply(new ChangeSet().insert(SERVICE_STATIONS, station(1, "老年食堂")));
        store.apply(new ChangeSet().update(SERVICE_STATIONS, station(1, "长者食堂")));

        assertThat(store.history(SERVICE_STATIONS, 1)).isEmpty();
    }

    @Test
    void aRecordedInsertIsTheFirstVersion() {
        Feature stored = store.apply(new ChangeSet().insert(GRIDS, feature(0, SQUARE, Map.of("name", "新微网格", "level", "micro")))
                .recordedAs("li", "设立园区微网格")).get(0);

        List<HistoryEntry> history = store.history(GRIDS, stored.id());

        assertThat(history).hasSize(1);
        HistoryEntry first = history.get(0);
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.operation()).isEqualTo(HistoryEntry.INSERT);
        assertThat(first.author()).isEqualTo("li");
        assertThat(first.comment()).isEqualTo("设立园区微网格");
        assertSameFeatures(List.of(first.feature()), List.of(stored));
    }

    @Test
    void theFirstRecordedChangeOfAnImportedFeatureKeepsWhatItFoundAsABaseline() {
        Feature imported = store.apply(new ChangeSet().insert(RENOVATION_PLOTS, feature(4, SQUARE,
                Map.of("name", "建国东路", "households", 120, "start_date", "2021-03-15")))).get(0);

        Feature edited = store.apply(new ChangeSet().update(RENOVATION_PLOTS, feature(4, SQUARE,
                Map.of("name", "建国东路", "households", 120, "signed_households", 100, "start_date", "2021-03-15")))
                .recordedAs("li", "签约进度")).get(0);

        List<HistoryEntry> history = store.history(RENOVATION_PLOTS, 4);
        assertThat(history).extracting(HistoryEntry::version).containsExactly(1, 2);
        assertThat(history).extracting(HistoryEntry::operation).containsExactly(HistoryEntry.BASELINE, HistoryEntry.UPDATE);
        assertSameFeatures(List.of(history.get(0).feature()), List.of(imported));
        assertSameFeatures(List.of(history.get(1).feature()), List.of(edited));
    }

    @Test
    void aRecordedDeleteKeepsTheEarlierVersions() {
        store.apply(new ChangeSet().insert(SERVICE_STATIONS, station(1, "老年食堂")).recordedAs("li", ""));
        store.apply(new ChangeSet().update(SERVICE_STATIONS, station(1, "长者食堂")).recordedAs("wang", "改名"));

        store.apply(new ChangeSet().delete(SERVICE_STATIONS, 1).recordedAs("li", "撤站"));

        List<HistoryEntry> history = store.history(SERVICE_STATIONS, 1);
        assertThat(history).extracting(HistoryEntry::operation)
                .containsExactly(HistoryEntry.INSERT, HistoryEntry.UPDATE, HistoryEntry.DELETE);
        assertThat(history.get(2).feature()).isNull();
        assertThat(history.get(2).isDeletion()).isTrue();
        assertThat(history.get(1).feature().get("name")).isEqualTo("长者食堂");
        assertThat(history).extracting(HistoryEntry::author).containsExactly("li", "wang", "li");
    }

    @Test
    void aRefusedChangeSetLeavesNoHistory() {
        store.apply(new ChangeSet().insert(SERVICE_STATIONS, station(1, "老年食堂")));

        assertThatThrownBy(() -> store.apply(new ChangeSet().update(SERVICE_STATIONS, station(1, "长者食堂"))
                .update(SERVICE_STATIONS, station(99, "不存在")).recordedAs("li", "")))
                .isInstanceOf(InvalidChangeException.class);

        assertThat(store.history(SERVICE_STATIONS, 1)).isEmpty();
        assertThat(store.readAll(SERVICE_STATIONS).get(0).get("name")).isEqualTo("老年食堂");
    }

    @Test
    void aFreshIdNeverTakesThatOfARecordedDeletedFeature() {
        store.apply(new ChangeSet().insert(SERVICE_STATIONS, station(7, "旧站")).recordedAs("li", ""));
        store.apply(new ChangeSet().delete(SERVICE_STATIONS, 7).recordedAs("li", "撤站"));

        Feature next = store.apply(new ChangeSet().insert(SERVICE_STATIONS, station(0, "新站"))).get(0);

        assertThat(next.id()).isEqualTo(8);
        assertThat(store.history(SERVICE_STATIONS, 7)).hasSize(2);
    }
}
