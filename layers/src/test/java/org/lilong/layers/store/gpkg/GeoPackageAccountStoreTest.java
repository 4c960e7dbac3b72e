package org.lilong.layers.store.gpkg;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.store.AccountStoreContract;
import org.lilong.layers.store.FeatureStore;
import org.lilong.layers.store.StoreFixtures;

/** The account contract on a GeoPackage file in a fresh temporary directory per test. */
class GeoPackageAccountStoreTest extends AccountStoreContract {

    @TempDir
    Path directory;

    @Override
    protected FeatureStore openStore() {
        return GeoPackageStore.open(directory.resolve("lilong.gpkg"), StoreFixtures.CATALOGUE);
    }

    @Override
    protected FeatureStore reopen() {
        return openStore();
    }
}
