package org.lilong.layers.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lilong.layers.model.LayerCatalogue.GRIDS;
import static org.lilong.layers.model.LayerCatalogue.SERVICE_STATIONS;
import static org.lilong.layers.model.LayerCatalogue.SUBDISTRICTS;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lilong.layers.Atlas;
import org.lilong.layers.accounts.Account;
import org.lilong.layers.accounts.Role;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.FeatureDigest;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.HistoryEntry;
import org.lilong.layers.store.PreconditionFailedException;
import org.lilong.layers.store.StoreFixtures;
import org.lilong.layers.store.postgis.PostgisStore;
import org.lilong.layers.store.postgis.PostgisTestDatabase;

/**
 * Editing with two servers on one PostGIS database: the entity tag is checked against the row in
 * the database, not against a server's read model, so a server that has not yet heard of another's
 * edit still cannot overwrite it; both see one history.
 */
class SharedDatabaseEditingTest {

    private static final Account EDITOR = new Account("li", Role.EDITOR, Set.of("S1"), false, Instant.EPOCH, 0);

    private PostgisTestDatabase database;
    private Atlas a;
    private Atlas b;

    @BeforeEach
    void twoServers() {
        database = PostgisTestDatabase.create();
        a = new Atlas(PostgisStore.open(database.url(), StoreFixtures.CATALOGUE));
        a.apply(new ChangeSet()
                .insert(SUBDISTRICTS, StoreFixtures.feature(1, GridFixtures.S1_BOX, Map.of("code", "S1", "name", "西")))
                .insertAll(GRIDS, List.of(GridFixtures.s1(), GridFixtures.r1(), GridFixtures.r2(), GridFixtures.m1()))
                .insert(SERVICE_STATIONS, StoreFixtures.feature(1, "POINT (121.483 31.223)", Map.of("name", "西站", "category", "canteen"))));
        b = new Atlas(PostgisStore.open(database.url(), StoreFixtures.CATALOGUE));
    }

    @AfterEach
    void close() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static Feature renamed(Feature feature, String name) {
        Map<String, Object> properties = new LinkedHashMap<>(feature.properties());
        properties.put("name", name);
        return new Feature(feature.id(), feature.geometry(), properties);
    }

    @Test
    void aStaleTagIsRefusedEvenByAServerThatHasNotHeardOfTheEdit() {
        Feature seen = b.feature(SERVICE_STATIONS, 1).orElseThrow();
        String etag = FeatureDigest.of(seen);

        // Whether or not b's read model has heard of a's edit by now, the check is made in the database.
        new FeatureEditor(a, 0.5).replace(EDITOR, SERVICE_STATIONS, renamed(seen, "甲改"), etag, "", false);

        assertThatThrownBy(() -> new FeatureEditor(b, 0.5).replace(EDITOR, SERVICE_STATIONS, renamed(seen, "乙改"), etag, "", false))
                .isInstanceOf(PreconditionFailedException.class);
        assertThat(a.feature(SERVICE_STATIONS, 1).orElseThrow().get("name")).isEqualTo("甲改");
        assertThat(b.history(SERVICE_STATIONS, 1)).extracting(HistoryEntry::author, HistoryEntry::operation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("", HistoryEntry.BASELINE),
                        org.assertj.core.groups.Tuple.tuple("li", HistoryEntry.UPDATE));
    }

    @Test
    void aGridEditOnOneServerReachesTheOtherWithItsHistory() throws Exception {
        CountDownLatch heard = new CountDownLatch(1);
        b.addRefreshListener(layers -> {
            if (layers.contains(GRIDS)) {
                heard.countDown();
            }
        });
        Feature m2 = GridFixtures.grid(0, GridFixtures.box(121.4825, 31.220, 121.485, 31.225), "M2", "micro", "R1");

        EditResult added = new FeatureEditor(a, 0.5).insert(EDITOR, GRIDS, m2, "设立", false);

        assertThat(heard.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(b.feature(GRIDS, added.feature().id())).isPresent();
        assertThat(b.history(GRIDS, added.feature().id())).extracting(HistoryEntry::comment).containsExactly("设立");
        // b's topology check now sees M2: an overlapping sibling drawn on b is refused.
        Feature overlapping = GridFixtures.grid(0, GridFixtures.box(121.484, 31.220, 121.485, 31.223), "M3", "micro", "R1");
        assertThatThrownBy(() -> new FeatureEditor(b, 0.5).insert(EDITOR, GRIDS, overlapping, "", false))
                .isInstanceOf(TopologyViolationException.class);
    }
}
