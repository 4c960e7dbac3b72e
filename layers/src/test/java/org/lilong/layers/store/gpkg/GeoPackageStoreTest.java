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
}
