package org.lilong.layers.store.gpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lilong.layers.model.LayerCatalogue.GRIDS;
import static org.lilong.layers.model.LayerCatalogue.STREETS;
import static org.lilong.layers.store.StoreFixtures.CATALOGUE;
import static org.lilong.layers.store.StoreFixtures.LINESTRING;
import static org.lilong.layers.store.StoreFixtures.feature;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.AttributeType;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.store.ChangeSet;

/**
 * What only the GeoPackage store does: the file itself (created with its directories, a valid
 * GeoPackage with RTree-indexed feature tables GDAL reads) and growing it in place when the
 * catalogue gains layers or attributes. The FeatureStore behaviour is tested by
 * {@link GeoPackageStoreContractTest}.
 */
class GeoPackageStoreTest {

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
            // Generic over the catalogue: every layer, whatever layers it gains.
            assertThat(tables).containsExactlyInAnyOrderElementsOf(CATALOGUE.layers().stream()
                    .map(l -> l.id().replace('-', '_') + " features geom GEOMETRY 4326 1").toList());
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
    void aBulkInsertIndexesEveryFeatureAndKeepsTheIndexTrigger() throws SQLException {
        int count = ChangeSetWriter.BULK_INSERTS + 20;
        store.apply(new ChangeSet().insertAll(GRIDS, squares(count)));
        store.apply(new ChangeSet().insert(GRIDS, feature(count + 1, square(count + 1), Map.of())));
        store.close();

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            // Every feature has its RTree row (float bounds: within 1e-4°), and the one inserted after the
            // bulk load came through the trigger.
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM rtree_grids_geom r JOIN grids g ON g.fid = r.id"
                    + " WHERE abs(r.minx - (121.40 + g.fid * 0.001)) < 1e-4 AND abs(r.maxx - (121.4005 + g.fid * 0.001)) < 1e-4"
                    + " AND abs(r.miny - 31.2) < 1e-4 AND abs(r.maxy - 31.2005) < 1e-4")) {
                assertThat(rows.getInt(1)).isEqualTo(count + 1);
            }
            assertThat(triggers(statement)).contains("rtree_grids_geom_insert");
        }
    }

    @Test
    void aFailedBulkInsertLeavesTheIndexTriggerInPlace() throws SQLException {
        List<Feature> features = new ArrayList<>(squares(ChangeSetWriter.BULK_INSERTS));
        features.add(feature(1, square(1), Map.of()));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.apply(new ChangeSet().insertAll(GRIDS, features)))
                .isInstanceOf(org.lilong.layers.store.InvalidChangeException.class);
        store.close();

        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            assertThat(triggers(statement)).contains("rtree_grids_geom_insert");
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM rtree_grids_geom")) {
                assertThat(rows.getInt(1)).isZero();
            }
        }
    }

    private static List<String> triggers(Statement statement) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'trigger'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    /** Squares of 0.0005° with ids 1..n, the square of id i starting at 121.40 + i × 0.001. */
    private static List<Feature> squares(int count) {
        List<Feature> squares = new ArrayList<>();
        for (int id = 1; id <= count; id++) {
            squares.add(feature(id, square(id), Map.of()));
        }
        return squares;
    }

    private static String square(long id) {
        double x = 121.40 + id * 0.001;
        return String.format(java.util.Locale.ROOT, "POLYGON ((%.4f 31.2, %.4f 31.2, %.4f 31.2005, %.4f 31.2005, %.4f 31.2))",
                x, x + 0.0005, x + 0.0005, x, x);
    }
}
