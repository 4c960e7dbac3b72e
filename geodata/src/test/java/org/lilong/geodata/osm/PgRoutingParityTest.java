package org.lilong.geodata.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lilong.layers.network.ShortestPathTree;
import org.lilong.layers.network.WalkingNetwork;
import org.lilong.layers.store.postgis.PostgisTestDatabase;

/**
 * Walking distances on the real Huangpu network equal pgRouting's {@code pgr_dijkstraCost} on the
 * same edges (cost = reverse_cost = our length, undirected), for sampled origin–target pairs of the
 * largest connected part: the correctness test. Needs the extract (skipped without it) and
 * the PostGIS test cluster with pgRouting ({@code LILONG_TEST_PG_URL}; skipped without it unless
 * {@code LILONG_REQUIRE_POSTGIS=true}).
 */
class PgRoutingParityTest {

    private static final int PAIRS = 120;

    @Test
    void walkingDistancesEqualPgRoutingsOnTheRealNetwork() throws SQLException {
        WalkingNetwork network = HuangpuExtract.network();
        int[] largest = HuangpuExtract.largestComponent(network);
        Random random = new Random(20240615);
        long[][] pairs = new long[PAIRS][];
        for (int i = 0; i < PAIRS; i++) {
            int origin = largest[random.nextInt(largest.length)];
            int target = largest[random.nextInt(largest.length)];
            pairs[i] = new long[] {origin, target};
        }
        Map<String, Double> theirs;
        try (PostgisTestDatabase database = PostgisTestDatabase.create()) {
            database.execute("CREATE EXTENSION pgrouting CASCADE",
                    "CREATE TABLE edges (id bigint PRIMARY KEY, source bigint NOT NULL, target bigint NOT NULL,"
                            + " cost float8 NOT NULL, reverse_cost float8 NOT NULL)",
                    "CREATE TABLE pairs (source bigint NOT NULL, target bigint NOT NULL)");
            try (Connection connection = database.connect()) {
                load(connection, network, pairs);
                theirs = pgRoutingDistances(connection);
            }
        }

        ShortestPathTree tree = new ShortestPathTree(network);
        int compared = 0;
        double largestDifference = 0;
        for (long[] pair : pairs) {
            double ours = tree.fromNode((int) pair[0], Double.MAX_VALUE).distanceMetres((int) pair[1]);
            if (pair[0] == pair[1]) {
                assertThat(ours).isZero();
                continue;
            }
            Double pgRouting = theirs.get(pair[0] + 1 + "→" + (pair[1] + 1));
            assertThat(pgRouting).as("pgRouting's distance %d → %d", pair[0], pair[1]).isNotNull();
            assertThat(ours).as("%d → %d", pair[0], pair[1]).isCloseTo(pgRouting, within(0.5));
            largestDifference = Math.max(largestDifference, Math.abs(ours - pgRouting));
            compared++;
        }
        System.out.printf("pgRouting parity on Huangpu: %d pairs, largest difference %.2e m%n", compared, largestDifference);
        assertThat(compared).isGreaterThanOrEqualTo(50);
    }

    /** Edges and nodes are numbered from 1 in the database: pgRouting takes 0 for "no vertex". */
    private static void load(Connection connection, WalkingNetwork network, long[][] pairs) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO edges VALUES (?, ?, ?, ?, ?)")) {
            for (int e = 0; e < network.edgeCount(); e++) {
                insert.setLong(1, e + 1);
                insert.setLong(2, network.edgeFrom(e) + 1);
                insert.setLong(3, network.edgeTo(e) + 1);
                insert.setDouble(4, network.edgeLengthMetres(e));
                insert.setDouble(5, network.edgeLengthMetres(e));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pairs VALUES (?, ?)")) {
            for (long[] pair : pairs) {
                insert.setLong(1, pair[0] + 1);
                insert.setLong(2, pair[1] + 1);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    private static Map<String, Double> pgRoutingDistances(Connection connection) throws SQLException {
        Map<String, Double> distances = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT start_vid, end_vid, agg_cost FROM pgr_dijkstraCost("
                        + "'SELECT id, source, target, cost, reverse_cost FROM edges', 'SELECT source, target FROM pairs',"
                        + " directed => false)")) {
            while (rows.next()) {
                distances.put(rows.getLong(1) + "→" + rows.getLong(2), rows.getDouble(3));
            }
        }
        return distances;
    }
}
