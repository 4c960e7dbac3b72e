package org.lilong.layers.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lilong.layers.model.LayerCatalogue.GRIDS;
import static org.lilong.layers.model.LayerCatalogue.POCKET_PARKS;
import static org.lilong.layers.model.LayerCatalogue.RENOVATION_PLOTS;
import static org.lilong.layers.model.LayerCatalogue.RESIDENTIAL_AREAS;
import static org.lilong.layers.model.LayerCatalogue.SUBDISTRICTS;
import static org.lilong.layers.store.StoreFixtures.CATALOGUE;
import static org.lilong.layers.store.StoreFixtures.MULTIPOLYGON;
import static org.lilong.layers.store.StoreFixtures.POLYGON;
import static org.lilong.layers.store.StoreFixtures.feature;
import static org.lilong.layers.store.StoreFixtures.fullFeature;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.GeometryType;
import org.lilong.layers.model.GridLevel;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.model.RenovationStage;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.InvalidChangeException;
import org.lilong.layers.store.StoreException;

/**
 * What only the PostGIS store does: Flyway migrations, the schema and its constraints as the
 * database itself enforces them, and the check that code and migrations agree. FeatureStore
 * behaviour is tested by {@link PostgisStoreContractTest}.
 */
class PostgisStoreTest {

    private static PostgisTestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = PostgisTestDatabase.create();
        PostgisStore.open(database.url(), CATALOGUE).close();
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void emptyTheTables() {
        String tables = CATALOGUE.layers().stream().map(l -> PostgisTable.tableName(l.id())).collect(Collectors.joining(", "));
        database.execute("TRUNCATE " + tables + ", " + MetadataTable.NAME);
    }

    // --- migrations

    @Test
    void openingAgainAppliesNoMigrationTwiceAndKeepsTheData() throws SQLException {
        try (PostgisStore store = PostgisStore.open(database.url(), CATALOGUE)) {
            store.apply(new ChangeSet().insert(GRIDS, fullFeature(CATALOGUE.get(GRIDS), 1)));
        }
        try (PostgisStore store = PostgisStore.open(database.url(), CATALOGUE)) {
            assertThat(store.readAll(GRIDS)).extracting(Feature::id).containsExactly(1L);
        }
        assertThat(queryStrings("SELECT version || ' ' || success FROM flyway_schema_history"
                + " WHERE version IS NOT NULL ORDER BY installed_rank")).containsExactly("1 true", "2 true", "3 true");
    }

    @Test
    void everyLayerIsAGistIndexedWgs84GeometryTable() throws SQLException {
        List<String> expected = CATALOGUE.layers().stream()
                .map(l -> PostgisTable.tableName(l.id()) + " geom 4326 GEOMETRY gist").toList();

        List<String> actual = queryStrings("SELECT c.f_table_name || ' ' || c.f_geometry_column || ' ' || c.srid || ' ' || c.type"
                + " || ' ' || (SELECT am.amname FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid"
                + " JOIN pg_am am ON am.oid = ic.relam JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]"
                + " WHERE i.indrelid = c.f_table_name::regclass AND a.attname = 'geom')"
                + " FROM geometry_columns c WHERE c.f_table_schema = current_schema()");

        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aDatabaseWhosePostgisExtensionADbaCreatedOpensToo() {
        try (PostgisTestDatabase prepared = PostgisTestDatabase.create()) {
            prepared.execute("CREATE EXTENSION postgis");

            try (PostgisStore store = PostgisStore.open(prepared.url(), CATALOGUE)) {
                assertThat(store.isEmpty()).isTrue();
            }
        }
    }

    // --- the model's constraints, enforced by the database

    @Test
    void theDatabaseItselfRefusesAStageThatIsNoRenovationStage() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("INSERT INTO renovation_plots (fid, geom, stage)"
                    + " VALUES (1, ST_GeomFromText('" + POLYGON + "', 4326), 'demolished')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("renovation_plots_stage_code")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
        }
    }

    static Stream<Arguments> rowsTheDatabaseRefuses() {
        String polygon = "ST_GeomFromText('" + POLYGON + "', 4326)";
        return Stream.of(
                Arguments.of("grids (fid, geom, level) VALUES (1, " + polygon + ", 'district')", "grids_level_code"),
                Arguments.of("grids (fid, geom) VALUES (1, ST_GeomFromText('POINT (121.44 31.22)', 4326))", "grids_geom_type"),
                Arguments.of("grids (fid, geom) VALUES (1, ST_GeomFromText('POLYGON EMPTY', 4326))", "grids_geom_not_empty"),
                Arguments.of("service_stations (fid, geom) VALUES (1, ST_GeomFromText('LINESTRING (0 0, 1 1)', 4326))",
                        "service_stations_geom_type"),
                Arguments.of("streets (fid, geom) VALUES (1, ST_GeomFromText('POLYGON ((0 0, 1 0, 1 1, 0 0))', 4326))",
                        "streets_geom_type"),
                Arguments.of("water (fid, geom) VALUES (1, ST_GeomFromText('POINT (121.44 31.22)', 4326))", "water_geom_type"),
                Arguments.of("grids (fid, geom, residents) VALUES (1, " + polygon + ", -1)", "grids_residents_not_negative"),
                Arguments.of("residential_areas (fid, geom, households) VALUES (1, " + polygon + ", -3)",
                        "residential_areas_households_not_negative"),
                Arguments.of("renovation_plots (fid, geom, households, signed_households) VALUES (1, " + polygon + ", 10, 11)",
                        "renovation_plots_signed_within_households"),
                Arguments.of("renovation_plots (fid, geom, start_date, finish_date) VALUES (1, " + polygon
                        + ", '2024-05-01', '2024-04-30')", "renovation_plots_finish_not_before_start"),
                Arguments.of("pocket_parks (fid, geom, area_m2) VALUES (1, " + polygon + ", -0.5)", "pocket_parks_area_m2_not_negative"),
                Arguments.of("subdistricts (fid, geom, residents) VALUES (1, " + polygon + ", -1)", "subdistricts_residents_not_negative"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("rowsTheDatabaseRefuses")
    void theDatabaseRefusesRowsThatBreakTheModel(String insert, String constraint) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("INSERT INTO " + insert))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining(constraint);
        }
    }

    static Stream<Arguments> layersAndTheGeometriesTheyRefuse() {
        Map<GeometryType, List<String>> samples = Map.of(
                GeometryType.POINT, List.of("POINT (121.44 31.22)", "MULTIPOINT ((121.44 31.22), (121.45 31.23))"),
                GeometryType.LINESTRING, List.of("LINESTRING (121.44 31.22, 121.45 31.23)",
                        "MULTILINESTRING ((121.44 31.22, 121.45 31.23), (121.46 31.22, 121.47 31.23))"),
                GeometryType.POLYGON, List.of(POLYGON, MULTIPOLYGON));
        List<Arguments> cases = new ArrayList<>();
        for (LayerDefinition layer : CATALOGUE.layers()) {
            for (GeometryType other : GeometryType.values()) {
                if (other != layer.geometryType()) {
                    samples.get(other).forEach(wkt -> cases.add(Arguments.of(layer.id(), wkt)));
                }
            }
            cases.add(Arguments.of(layer.id(), "GEOMETRYCOLLECTION (" + samples.get(layer.geometryType()).get(0) + ")"));
        }
        return cases.stream();
    }

    /** Generic over the catalogue, so a layer whose migration forgets its geometry CHECK fails here. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("layersAndTheGeometriesTheyRefuse")
    void everyLayersTableRefusesGeometriesOfAnotherType(String layerId, String wkt) throws SQLException {
        String table = PostgisTable.tableName(layerId);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("INSERT INTO " + table + " (fid, geom)"
                    + " VALUES (1, ST_GeomFromText('" + wkt + "', 4326))"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining(table + "_geom_type");
        }
    }

    @Test
    void aGeometryInAnotherReferenceSystemIsRefused() throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("INSERT INTO grids (fid, geom)"
                    + " VALUES (1, ST_GeomFromText('POLYGON ((0 0, 1 0, 1 1, 0 0))', 3857))"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("SRID");
        }
    }

    @Test
    void everyGridLevelAndRenovationStageOfTheModelIsAccepted() {
        ChangeSet all = new ChangeSet();
        Arrays.stream(GridLevel.values()).forEach(l -> all.insert(GRIDS, feature(0, POLYGON, Map.of("level", l.code()))));
        Arrays.stream(RenovationStage.values()).forEach(s -> all.insert(RENOVATION_PLOTS, feature(0, POLYGON, Map.of("stage", s.code()))));

        try (PostgisStore store = PostgisStore.open(database.url(), CATALOGUE)) {
            store.apply(all);

            assertThat(store.readAll(GRIDS)).extracting(f -> f.get("level"))
                    .containsExactlyElementsOf(Arrays.stream(GridLevel.values()).map(GridLevel::code).toList());
            assertThat(store.readAll(RENOVATION_PLOTS)).extracting(f -> f.get("stage"))
                    .containsExactlyElementsOf(Arrays.stream(RenovationStage.values()).map(RenovationStage::code).toList());
        }
    }

    // --- bulk loads (COPY, with the spatial index built afterwards)

    @Test
    void aLargeLoadLeavesTheSpatialIndexBuiltAndValid() throws SQLException {
        try (PostgisStore store = PostgisStore.open(database.url(), CATALOGUE)) {
            store.apply(new ChangeSet().insertAll(GRIDS, squares(ChangeWriter.COPY_INSERTS + 20)));
            // a second load, smaller than the table, keeps the index as it is
            store.apply(new ChangeSet().insertAll(GRIDS, squares(ChangeWriter.COPY_INSERTS)));

            assertThat(store.readAll(GRIDS)).hasSize(2 * ChangeWriter.COPY_INSERTS + 20);
        }
        assertThat(gistIndexesOf("grids")).containsExactly("grids_geom_gist valid");
        assertThat(queryStrings("SELECT count(*)::text FROM grids WHERE geom && ST_MakeEnvelope(121.40, 31.2, 121.4015, 31.21, 4326)"))
                .containsExactly("4");
    }

    @Test
    void aLargeLoadTheDatabaseRefusesMidwayLeavesTheTableAndItsIndexAsTheyWere() throws SQLException {
        database.execute("ALTER TABLE grids ADD CONSTRAINT test_no_boom CHECK (name IS DISTINCT FROM 'boom')");
        try (PostgisStore store = PostgisStore.open(database.url(), CATALOGUE)) {
            List<Feature> load = new ArrayList<>(squares(ChangeWriter.COPY_INSERTS + 20));
            load.add(feature(0, POLYGON, Map.of("name", "boom")));

            assertThatThrownBy(() -> store.apply(new ChangeSet().insertAll(GRIDS, load).putMetadata("title", "不该写入")))
                    .isInstanceOf(InvalidChangeException.class)
                    .hasMessageContaining("test_no_boom");

            assertThat(store.readAll(GRIDS)).isEmpty();
            assertThat(store.metadata()).isEmpty();
            store.apply(new ChangeSet().insert(GRIDS, feature(0, POLYGON, Map.of())));
            assertThat(store.readAll(GRIDS)).hasSize(1);
        } finally {
            database.execute("ALTER TABLE grids DROP CONSTRAINT test_no_boom");
        }
        assertThat(gistIndexesOf("grids")).containsExactly("grids_geom_gist valid");
    }

    /** Squares of 0.0005° without ids, the i-th (from 0) starting at 121.40 + i × 0.001. */
    private static List<Feature> squares(int count) {
        List<Feature> squares = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double x = 121.40 + i * 0.001;
            squares.add(feature(0, String.format(java.util.Locale.ROOT,
                    "POLYGON ((%.4f 31.2, %.4f 31.2, %.4f 31.2005, %.4f 31.2005, %.4f 31.2))", x, x + 0.0005, x + 0.0005, x, x),
                    Map.of("name", "网格" + i)));
        }
        return squares;
    }

    private static List<String> gistIndexesOf(String table) throws SQLException {
        return queryStrings("SELECT c.relname || CASE WHEN i.indisvalid THEN ' valid' ELSE ' invalid' END FROM pg_index i"
                + " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam"
                + " WHERE i.indrelid = '" + table + "'::regclass AND am.amname = 'gist'");
    }

    // --- code and migrations agree, or the store does not open

    @Test
    void aColumnMissingFromTheDatabaseStopsTheStoreAtOpenNamingIt() {
        try (PostgisTestDatabase drifted = PostgisTestDatabase.create()) {
            PostgisStore.open(drifted.url(), CATALOGUE).close();
            drifted.execute("ALTER TABLE renovation_plots DROP COLUMN signed_households", "DROP TABLE water");

            assertThatThrownBy(() -> PostgisStore.open(drifted.url(), CATALOGUE))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("renovation_plots.signed_households")
                    .hasMessageContaining("attribute 'signed_households' of layer 'renovation-plots'")
                    .hasMessageContaining("table water of layer 'water' is missing");
        }
    }

    @Test
    void aColumnOfTheWrongTypeStopsTheStoreAtOpenNamingIt() {
        try (PostgisTestDatabase drifted = PostgisTestDatabase.create()) {
            PostgisStore.open(drifted.url(), CATALOGUE).close();
            drifted.execute("ALTER TABLE streets ALTER COLUMN bridge TYPE text");

            assertThatThrownBy(() -> PostgisStore.open(drifted.url(), CATALOGUE))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("streets.bridge")
                    .hasMessageContaining("is text, not boolean");
        }
    }

    @Test
    void aLayerOfTheCatalogueWithoutAMigrationStopsTheStoreAtOpen() {
        LayerDefinition grids = CATALOGUE.get(GRIDS);
        LayerDefinition parkingLots = new LayerDefinition("parking-lots", "停车场", "Parking lots", "", "",
                grids.geometryType(), grids.attributes(), null, false);
        List<LayerDefinition> layers = new ArrayList<>(CATALOGUE.layers());
        layers.add(parkingLots);

        assertThatThrownBy(() -> PostgisStore.open(database.url(), new org.lilong.layers.model.LayerCatalogue(layers)))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("table parking_lots of layer 'parking-lots' is missing");
    }

    // --- connecting

    @Test
    void anUnreachableDatabaseIsAStoreExceptionAtOnce() {
        long start = System.nanoTime();

        assertThatThrownBy(() -> PostgisStore.open("jdbc:postgresql://127.0.0.1:1/lilong?user=postgres", CATALOGUE))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/lilong")
                .hasMessageNotContaining("user=postgres");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void aUrlThatIsNotPostgresIsAnIllegalArgument() {
        assertThatThrownBy(() -> PostgisStore.open("jdbc:sqlite:lilong.gpkg", CATALOGUE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> queryStrings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
