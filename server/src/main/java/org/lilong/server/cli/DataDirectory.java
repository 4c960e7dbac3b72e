package org.lilong.server.cli;

import java.nio.file.Path;
import org.lilong.geodata.demo.DemoDistrict;
import org.lilong.geodata.demo.DemoDistrictGenerator;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.store.FeatureStore;
import org.lilong.layers.store.gpkg.GeoPackageStore;

/** Opens the store in a data directory, and fills an empty one with the demo district. */
final class DataDirectory {

    static final String FILE_NAME = "lilong.gpkg";

    private DataDirectory() {
    }

    static FeatureStore open(Path dataDir) {
        return GeoPackageStore.open(dataDir.resolve(FILE_NAME), LayerCatalogue.standard());
    }

    /** @return the number of features written, 0 when the store already held data */
    static int loadDemoIfEmpty(Atlas atlas) {
        if (!atlas.isEmpty()) {
            return 0;
        }
        DemoDistrict district = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED);
        return atlas.apply(district.toChangeSet()).size();
    }
}
