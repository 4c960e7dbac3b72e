package org.lilong.layers.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lilong.layers.model.LayerCatalogue.GRIDS;
import static org.lilong.layers.model.LayerCatalogue.SERVICE_STATIONS;
import static org.lilong.layers.store.StoreFixtures.CATALOGUE;
import static org.lilong.layers.store.StoreFixtures.POINT;
import static org.lilong.layers.store.StoreFixtures.POLYGON;
import static org.lilong.layers.store.StoreFixtures.feature;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.Feature;
import org.lilong.layers.query.FeatureQuery;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.StoreException;
import org.locationtech.jts.geom.Envelope;

/**
 * Several servers, one database: each is an {@link Atlas} over its own {@link PostgisStore}; what
 * one writes reaches the others' read models through NOTIFY, and an outage of the database leaves
 * every read model serving and heals by itself. No sleeps: the tests wait on refresh listeners.
 */
class SharedDatabaseTest {

    private PostgisTestDatabase database;
    private Atlas a;
    private Atlas b;

    @BeforeEach
    void twoServersOnOneDatabase() {
        database = PostgisTestDatabase.create();
        a = new Atlas(PostgisStore.open(database.url(), CATALOGUE));
        b = new Atlas(PostgisStore.open(database.url(), CATALOGUE));
    }

    @AfterEach
    void closeEverything() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (database != null) {
            database.restore();
            database.close();
        }
    }

    @Test
    void aWriteThroughOneAtlasAppearsInTheOtherWithinASecond() throws InterruptedException {
        CountDownLatch seen = whenRefreshed(b, () -> b.feature(GRIDS, 42).isPresent());

        a.apply(new ChangeSet().insert(GRIDS, feature(42, POLYGON, Map.of("name", "武定路网格"))));

        assertThat(seen.await(1, TimeUnit.SECONDS)).as("B refreshed with A's grid within a second").isTrue();
        assertThat(b.feature(GRIDS, 42)).map(f -> f.get("name")).contains("武定路网格");
    }

    @Test
    void updatesDeletesAndMetadataReachTheOtherAtlasToo() throws InterruptedException {
        a.apply(new ChangeSet()
                .insert(SERVICE_STATIONS, feature(1, POINT, Map.of("name", "旧站")))
                .insert(SERVICE_STATIONS, feature(2, POINT, Map.of())));
        CountDownLatch seen = whenRefreshed(b, () -> b.feature(SERVICE_STATIONS, 1).map(f -> "新站".equals(f.get("name"))).orElse(false)
                && b.feature(SERVICE_STATIONS, 2).isEmpty() && "示范".equals(b.metadata().get("title")));

        a.apply(new ChangeSet()
                .update(SERVICE_STATIONS, feature(1, POINT, Map.of("name", "新站")))
                .delete(SERVICE_STATIONS, 2)
                .putMetadata("title", "示范"));

        assertThat(seen.await(1, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void freshIdsFromTwoServersWritingAtOnceNeverCollide() throws Exception {
        int perServer = 300;
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?> writesOfA = writers.submit(() -> insertOneByOne(a, perServer));
            Future<?> writesOfB = writers.submit(() -> insertOneByOne(b, perServer));
            writesOfA.get(60, TimeUnit.SECONDS);
            writesOfB.get(60, TimeUnit.SECONDS);
        } finally {
            writers.shutdownNow();
        }

        try (PostgisStore store = PostgisStore.open(database.url(), CATALOGUE)) {
            assertThat(store.readAll(SERVICE_STATIONS)).extracting(Feature::id)
                    .hasSize(2 * perServer)
                    .doesNotHaveDuplicates();
        }
    }

    private static void insertOneByOne(Atlas atlas, int count) {
        for (int i = 0; i < count; i++) {
            atlas.apply(new ChangeSet().insert(SERVICE_STATIONS, feature(0, POINT, Map.of())));
        }
    }

    @Test
    void anOutageLeavesReadsServedAndWritesRefusedAndHealsByItself() throws InterruptedException {
        CountDownLatch loaded = whenRefreshed(b, () -> b.feature(GRIDS, 1).isPresent());
        a.apply(new ChangeSet()
                .insert(GRIDS, feature(1, POLYGON, Map.of("name", "第一网格")))
                .insert(SERVICE_STATIONS, feature(1, POINT, Map.of("name", "市民驿站"))));
        assertThat(loaded.await(1, TimeUnit.SECONDS)).isTrue();

        database.cutOff();

        assertThat(b.feature(GRIDS, 1)).isPresent();
        assertThat(b.query(SERVICE_STATIONS, new FeatureQuery(new Envelope(121.4, 121.5, 31.2, 31.3), Map.of(), null, 0, 10))
                .features()).extracting(Feature::id).containsExactly(1L);
        assertThat(b.locate(121.447, 31.225)).isNotNull();
        assertThatThrownBy(() -> b.apply(new ChangeSet().insert(GRIDS, feature(2, POLYGON, Map.of("name", "停电时写的")))))
                .isInstanceOf(StoreException.class);
        assertThat(b.feature(GRIDS, 2)).isEmpty();
        assertThat(b.feature(GRIDS, 1)).isPresent();

        CountDownLatch caughtUp = whenRefreshed(b, () -> b.feature(GRIDS, 3).isPresent());
        database.restore();
        a.apply(new ChangeSet().insert(GRIDS, feature(3, POLYGON, Map.of("name", "恢复后写的"))));

        assertThat(caughtUp.await(10, TimeUnit.SECONDS)).as("B caught up after the outage by itself").isTrue();
        assertThat(b.index(GRIDS).all()).extracting(Feature::id).containsExactly(1L, 3L);
        try (PostgisStore store = PostgisStore.open(database.url(), CATALOGUE)) {
            assertThat(store.readAll(GRIDS)).extracting(Feature::id).containsExactly(1L, 3L);
        }
    }

    /** A latch released by the first refresh of the atlas after which the condition holds. */
    private static CountDownLatch whenRefreshed(Atlas atlas, BooleanSupplier condition) {
        CountDownLatch latch = new CountDownLatch(1);
        atlas.addRefreshListener(layers -> {
            if (condition.getAsBoolean()) {
                latch.countDown();
            }
        });
        return latch;
    }
}
