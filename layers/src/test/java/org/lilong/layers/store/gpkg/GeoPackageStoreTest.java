package org.lilong.layers.store.gpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lilong.layers.model.LayerCatalogue.GRIDS;
import static org.lilong.layers.model.LayerCatalogue.POCKET_PARKS;
import static org.lilong.layers.model.LayerCatalogue.RENOVATION_PLOTS;
import static org.lilong.layers.model.LayerCatalogue.SERVICE_STATIONS;
import static org.lilong.layers.model.LayerCatalogue.STREETS;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.AttributeType;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.InvalidChangeException;
import org.lilong.layers.store.StoreException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class GeoPackageStoreTest {

    private static final LayerCatalogue CATALOGUE = LayerCatalogue.standard();

    private static final String POLYGON =
            "POLYGON ((121.4451234567891 31.2231, 121.4502 31.2231, 121.4502 31.2276, 121.4451234567891 31.2276, 121.4451234567891 31.2231))";
    private static final String POLYGON_WITH_HOLE = "POLYGON ((121.43 31.21, 121.44 31.21, 121.44 31.22, 121.43 31.22, 121.43 31.21),"
            + " (121.433 31.213, 121.437 31.213, 121.437 31.217, 121.433 31.213))";
    private static final String MULTIPOLYGON = "MULTIPOLYGON (((121.40 31.20, 121.41 31.20, 121.41 31.21, 121.40 31.20)),"
            + " ((121.42 31.20, 121.43 31.20, 121.43 31.21, 121.42 31.20)))";
    private static final String POINT = "POINT (121.44518765432 31.22354321)";
    private static final String MULTIPOINT = "MULTIPOINT ((121.441 31.221), (121.452 31.232))";
    private static final String LINESTRING = "LINESTRING (121.44 31.22, 121.4455 31.2250001, 121.46 31.23)";
    private static final String MULTILINESTRING = "MULTILINESTRING ((121.44 31.22, 121.45 31.22), (121.45 31.23, 121.46 31.24))";

    @TempDir
    Path directory;

    private Path file;
    private GeoPackageStore store;

    @BeforeEach
    void openStore() {
        file = directory.resolve("lilong.gpkg");
        store = GeoPackageStore.open(file, CATALOGUE);
    }

    @AfterEach
    void closeStore() {
        store.close();
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
    void dataSurvivesCloseAndReopen() {
        List<Feature> written = List.of(fullFeature(CATALOGUE.get(GRIDS), 7), sparseFeature(CATALOGUE.get(GRIDS), 9));
        store.apply(new ChangeSet().insertAll(GRIDS, written).putMetadata("title", "静安区示范街道"));
        store.close();

        store = GeoPackageStore.open(file, CATALOGUE);

        assertSameFeatures(store.readAll(GRIDS), written);
        assertThat(store.metadata()).containsEntry("title", "静安区示范街道");
    }

    @Test
    void openingCreatesMissingParentDirectories() {
        Path nested = directory.resolve("data/district/lilong.gpkg");

        GeoPackageStore.open(nested, CATALOGUE).close();

        assertThat(nested).isRegularFile();
    }

    @Test
    void reopeningWithALargerCatalogueAddsTheMissingLayers() {
        store.close();
        Path small = directory.resolve("small.gpkg");
        LayerCatalogue streetsOnly = new LayerCatalogue(List.of(CATALOGUE.get(STREETS)));
        try (GeoPackageStore smallStore = GeoPackageStore.open(small, streetsOnly)) {
            smallStore.apply(new ChangeSet().insert(STREETS, feature(1, LINESTRING, Map.of("name", "武定路"))));
        }

        store = GeoPackageStore.open(small, CATALOGUE);

        assertThat(store.readAll(STREETS)).extracting(f -> f.get("name")).containsExactly("武定路");
        assertThat(store.readAll(GRIDS)).isEmpty();
    }

    @Test
    void reopeningWithALayerThatGainedAnAttributeAddsItsColumn() {
        store.apply(new ChangeSet().insert(STREETS, feature(1, LINESTRING, Map.of("name", "武定路"))));
        store.close();
        LayerDefinition streets = CATALOGUE.get(STREETS);
        List<AttributeDefinition> attributes = new ArrayList<>(streets.attributes());
        attributes.add(AttributeDefinition.publicAttribute("lanes", AttributeType.INTEGER, "车道数", "Lanes"));
        LayerDefinition widened = new LayerDefinition(streets.id(), streets.titleZh(), streets.titleEn(),
                streets.descriptionZh(), streets.descriptionEn(), streets.geometryType(), attributes, null, true);

        store = GeoPackageStore.open(file, new LayerCatalogue(List.of(widened)));
        store.apply(new ChangeSet().update(STREETS, feature(1, LINESTRING, Map.of("name", "武定路", "lanes", 2))));

        assertThat(store.readAll(STREETS).get(0).properties()).containsEntry("lanes", 2L);
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
    void aStoreFailureMidTransactionRollsBackAndThrowsStoreException() throws SQLException {
        storeSomeData();
        Snapshot before = snapshot();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = other.createStatement()) {
            statement.execute("CREATE TRIGGER refuse_boom BEFORE INSERT ON grids WHEN NEW.name = 'boom'"
                    + " BEGIN SELECT RAISE(ABORT, 'refused'); END");
        }

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

    // --- the file itself

    @Test
    void everyLayerIsAnIndexedWgs84FeatureTableOfTheGeoPackage() throws SQLException {
        store.close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT c.table_name, c.data_type, g.column_name, g.geometry_type_name,"
                     + " g.srs_id, (SELECT COUNT(*) FROM gpkg_extensions e WHERE e.table_name = c.table_name"
                     + " AND e.extension_name = 'gpkg_rtree_index') FROM gpkg_contents c"
                     + " JOIN gpkg_geometry_columns g ON g.table_name = c.table_name ORDER BY c.table_name")) {
            List<String> tables = new ArrayList<>();
            while (rows.next()) {
                tables.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
                        + rows.getString(4) + " " + rows.getInt(5) + " " + rows.getInt(6));
            }
            assertThat(tables).containsExactlyInAnyOrder(
                    "grids features geom GEOMETRY 4326 1",
                    "renovation_plots features geom GEOMETRY 4326 1",
                    "pocket_parks features geom GEOMETRY 4326 1",
                    "service_stations features geom GEOMETRY 4326 1",
                    "streets features geom GEOMETRY 4326 1",
                    "water features geom GEOMETRY 4326 1",
                    "residential_areas features geom GEOMETRY 4326 1",
                    "subdistricts features geom GEOMETRY 4326 1");
        }
    }

    @Test
    void theMetadataIsAnAttributesTableOfTheGeoPackage() throws SQLException {
        store.close();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT data_type FROM gpkg_contents WHERE table_name = 'lilong_metadata'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("attributes");
        }
    }

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

    // --- fixtures

    /** Grids 1 and 2, street 1 and a metadata entry. */
    private void storeSomeData() {
        store.apply(new ChangeSet()
                .insert(GRIDS, fullFeature(CATALOGUE.get(GRIDS), 1))
                .insert(GRIDS, sparseFeature(CATALOGUE.get(GRIDS), 2))
                .insert(SERVICE_STATIONS, fullFeature(CATALOGUE.get(SERVICE_STATIONS), 1))
                .putMetadata("title", "静安区示范街道"));
    }

    private record Snapshot(Map<String, List<Feature>> layers, Map<String, String> metadata) {
    }

    private Snapshot snapshot() {
        Map<String, List<Feature>> layers = new LinkedHashMap<>();
        CATALOGUE.layers().forEach(l -> layers.put(l.id(), store.readAll(l.id())));
        return new Snapshot(layers, store.metadata());
    }

    /** Every attribute set, Chinese text included, on the layer's single-part geometry. */
    private static Feature fullFeature(LayerDefinition layer, long id) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (AttributeDefinition attribute : layer.attributes()) {
            properties.put(attribute.name(), switch (attribute.type()) {
                case TEXT -> "静安寺街道 · Jing'an \"Temple\" " + attribute.name();
                case INTEGER -> 1_234_567_890_123L;
                case REAL -> 1234.5678;
                case DATE -> LocalDate.of(2023, 5, 17);
                case BOOLEAN -> true;
            });
        }
        return feature(id, switch (layer.geometryType()) {
            case POINT -> POINT;
            case LINESTRING -> LINESTRING;
            case POLYGON -> POLYGON_WITH_HOLE;
        }, properties);
    }

    /** Every other attribute set, to edge values, on the layer's multi-part geometry. */
    private static Feature sparseFeature(LayerDefinition layer, long id) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<AttributeDefinition> attributes = layer.attributes();
        for (int i = 1; i < attributes.size(); i += 2) {
            AttributeDefinition attribute = attributes.get(i);
            properties.put(attribute.name(), switch (attribute.type()) {
                case TEXT -> "";
                case INTEGER -> -7L;
                case REAL -> 0.1;
                case DATE -> LocalDate.of(1999, 12, 31);
                case BOOLEAN -> false;
            });
        }
        return feature(id, switch (layer.geometryType()) {
            case POINT -> MULTIPOINT;
            case LINESTRING -> MULTILINESTRING;
            case POLYGON -> MULTIPOLYGON;
        }, properties);
    }

    private static Feature feature(long id, String wkt, Map<String, Object> properties) {
        return new Feature(id, geometry(wkt), properties);
    }

    private static Geometry geometry(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }

    private static void assertSameFeatures(List<Feature> actual, List<Feature> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Feature read = actual.get(i);
            Feature written = expected.get(i);
            assertThat(read.id()).isEqualTo(written.id());
            assertThat(read.geometry().equalsExact(written.geometry()))
                    .as("geometry of feature %d: %s", written.id(), read.geometry())
                    .isTrue();
            assertThat(read.properties()).isEqualTo(written.properties());
        }
    }
}
