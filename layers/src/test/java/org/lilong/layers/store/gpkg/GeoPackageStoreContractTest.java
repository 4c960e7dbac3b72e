package org.lilong.layers.store.gpkg;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.store.FeatureStore;
import org.lilong.layers.store.FeatureStoreContract;
import org.lilong.layers.store.StoreFixtures;

/** The FeatureStore contract on a GeoPackage file in a fresh temporary directory per test. */
class GeoPackageStoreContractTest extends FeatureStoreContract {

    @TempDir
    Path directory;

    private Path file() {
        return directory.resolve("lilong.gpkg");
    }

    @Override
    protected FeatureStore openStore() {
        return GeoPackageStore.open(file(), StoreFixtures.CATALOGUE);
    }

    @Override
    protected FeatureStore reopen() {
        return GeoPackageStore.open(file(), StoreFixtures.CATALOGUE);
    }

    @Override
    protected void failInsertsNamed(String layerId, String name) throws SQLException {
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement statement = other.createStatement()) {
            statement.execute("CREATE TRIGGER refuse_" + name + " BEFORE INSERT ON " + layerId.replace('-', '_')
                    + " WHEN NEW.name = '" + name + "' BEGIN SELECT RAISE(ABORT, 'refused'); END");
        }
    }
}
