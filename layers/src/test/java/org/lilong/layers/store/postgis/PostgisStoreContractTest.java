package org.lilong.layers.store.postgis;

import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.lilong.layers.store.FeatureStore;
import org.lilong.layers.store.FeatureStoreContract;
import org.lilong.layers.store.StoreFixtures;

/**
 * The FeatureStore contract on PostgreSQL + PostGIS: one database for the class, emptied before
 * each test (tables truncated, test triggers dropped).
 */
class PostgisStoreContractTest extends FeatureStoreContract {

    private static PostgisTestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = PostgisTestDatabase.create();
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected FeatureStore openStore() {
        PostgisStore store = PostgisStore.open(database.url(), StoreFixtures.CATALOGUE);
        String tables = StoreFixtures.CATALOGUE.layers().stream()
                .map(l -> PostgisTable.tableName(l.id())).collect(Collectors.joining(", "));
        database.execute("DROP FUNCTION IF EXISTS lilong_test_refuse() CASCADE",
                "TRUNCATE " + tables + ", " + MetadataTable.NAME + ", lilong_history");
        return store;
    }

    @Override
    protected FeatureStore reopen() {
        return PostgisStore.open(database.url(), StoreFixtures.CATALOGUE);
    }

    @Override
    protected void failInsertsNamed(String layerId, String name) {
        database.execute("CREATE FUNCTION lilong_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$"
                        + " BEGIN IF NEW.name = '" + name + "' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$",
                "CREATE TRIGGER lilong_test_refuse BEFORE INSERT ON " + PostgisTable.tableName(layerId)
                        + " FOR EACH ROW EXECUTE FUNCTION lilong_test_refuse()");
    }
}
