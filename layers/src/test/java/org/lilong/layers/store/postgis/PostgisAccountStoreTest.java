package org.lilong.layers.store.postgis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.lilong.layers.store.AccountStoreContract;
import org.lilong.layers.store.FeatureStore;
import org.lilong.layers.store.StoreFixtures;

/** The account contract on PostgreSQL: one database for the class, accounts emptied before each test. */
class PostgisAccountStoreTest extends AccountStoreContract {

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
        database.execute("TRUNCATE lilong_sessions, lilong_api_tokens, lilong_accounts");
        return store;
    }

    @Override
    protected FeatureStore reopen() {
        return PostgisStore.open(database.url(), StoreFixtures.CATALOGUE);
    }
}
