package org.lilong.layers.store.postgis;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lilong.layers.model.Feature;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.InvalidChangeException;

/**
 * Writes validated changes, in order, inside a transaction its caller opened and will commit or
 * roll back. Inserts are queued per layer and sent as JDBC batches (which the driver rewrites into
 * multi-row INSERTs), so a bulk load is a few hundred round trips rather than one per feature; a
 * layer's queue is flushed before an update or delete of that layer, so the set still behaves as if
 * its changes ran one by one.
 *
 * <p>Fresh ids (inserts with id ≤ 0) continue from the layer's largest id. Two servers may insert
 * into one database at once, so before reading that maximum the writer takes a transaction-scoped
 * advisory lock per layer it inserts into, all of them up front and in id order (so two writers
 * cannot deadlock on them); the locks are released at commit or rollback.
 */
final class ChangeWriter implements AutoCloseable {

    /** The NOTIFY channel that tells every instance which layers a commit changed. */
    static final String CHANNEL = "lilong_changes";

    /** First key of Lilong's advisory locks ("LiLo"); the second is the hash of the table name. */
    private static final int LOCK_NAMESPACE = 0x4C694C6F;

    /** Queued inserts sent at once; bounds the memory a huge load holds in the driver. */
    private static final int BATCH_SIZE = 2000;

    private final Connection connection;
    private final Map<String, PostgisTable> tables;
    private final Map<String, LayerWrites> writes = new LinkedHashMap<>();

    ChangeWriter(Connection connection, Map<String, PostgisTable> tables) {
        this.connection = connection;
        this.tables = tables;
    }

    /**
     * Writes every change, then the metadata, then announces the touched layers on {@link #CHANNEL}
     * (PostgreSQL delivers the notification only if the transaction commits).
     *
     * @param changes changes whose features the ChangeValidator has normalised
     * @return the inserted and updated features as stored, in order
     * @throws InvalidChangeException for an id that is taken (insert) or missing (update, delete)
     */
    List<Feature> write(List<ChangeSet.Change> changes, Map<String, String> metadata, Set<String> layerIds)
            throws SQLException {
        lockLayersWithInserts(changes);
        List<Feature> stored = new ArrayList<>(changes.size());
        for (ChangeSet.Change change : changes) {
            LayerWrites layer = writesFor(change.layerId());
            if (change instanceof ChangeSet.Insert insert) {
                stored.add(layer.insert(insert.feature()));
            } else if (change instanceof ChangeSet.Update update) {
                stored.add(layer.update(update.feature()));
            } else if (change instanceof ChangeSet.Delete delete) {
                layer.delete(delete.featureId());
            }
        }
        for (LayerWrites layer : writes.values()) {
            layer.flush();
        }
        MetadataTable.putAll(connection, metadata);
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, String.join(",", layerIds));
            notify.execute();
        }
        return stored;
    }

    private void lockLayersWithInserts(List<ChangeSet.Change> changes) throws SQLException {
        Set<String> names = new TreeSet<>();
        for (ChangeSet.Change change : changes) {
            if (change instanceof ChangeSet.Insert) {
                names.add(tables.get(change.layerId()).name());
            }
        }
        if (names.isEmpty()) {
            return;
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
            for (String name : names) {
                lock.setInt(1, LOCK_NAMESPACE);
                lock.setString(2, name);
                lock.execute();
            }
        }
    }

    private LayerWrites writesFor(String layerId) throws SQLException {
        LayerWrites layer = writes.get(layerId);
        if (layer == null) {
            layer = new LayerWrites(tables.get(layerId));
            writes.put(layerId, layer);
        }
        return layer;
    }

    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (LayerWrites layer : writes.values()) {
            try {
                layer.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The statements, insert queue and id counter of one layer. */
    private final class LayerWrites {

        private final PostgisTable table;
        private PreparedStatement insert;
        private PreparedStatement update;
        private PreparedStatement delete;
        private long nextId = -1;
        private int queued;
        /** Every id of the queued inserts, to refuse a second insert of one before it reaches the table. */
        private final Set<Long> queuedIds = new HashSet<>();
        /** Explicit ids of the queued inserts, in order, checked against the table when flushing. */
        private final Set<Long> explicitIds = new LinkedHashSet<>();

        LayerWrites(PostgisTable table) {
            this.table = table;
        }

        Feature insert(Feature feature) throws SQLException {
            if (nextId < 0) {
                nextId = maxId() + 1;
            }
            Feature stored = feature.id() <= 0 ? feature.withId(nextId) : feature;
            if (!queuedIds.add(stored.id())) {
                throw taken(stored.id());
            }
            if (feature.id() > 0) {
                explicitIds.add(feature.id());
            }
            if (insert == null) {
                insert = connection.prepareStatement(table.insertSql());
            }
            table.bindInsert(insert, stored);
            insert.addBatch();
            queued++;
            nextId = Math.max(nextId, stored.id() + 1);
            if (queued >= BATCH_SIZE) {
                flush();
            }
            return stored;
        }

        Feature update(Feature feature) throws SQLException {
            flush();
            if (update == null) {
                update = connection.prepareStatement(table.updateSql());
            }
            table.bindUpdate(update, feature);
            if (update.executeUpdate() == 0) {
                throw missing(feature.id());
            }
            return feature;
        }

        void delete(long featureId) throws SQLException {
            flush();
            if (delete == null) {
                delete = connection.prepareStatement(table.deleteSql());
            }
            delete.setLong(1, featureId);
            if (delete.executeUpdate() == 0) {
                throw missing(featureId);
            }
        }

        /** Sends the queued inserts, after checking that none of their explicit ids is already stored. */
        void flush() throws SQLException {
            if (queued == 0) {
                return;
            }
            if (!explicitIds.isEmpty()) {
                Set<Long> stored = takenIds(explicitIds);
                for (Long id : explicitIds) {
                    if (stored.contains(id)) {
                        throw taken(id);
                    }
                }
            }
            insert.executeBatch();
            queued = 0;
            queuedIds.clear();
            explicitIds.clear();
        }

        private Set<Long> takenIds(Set<Long> ids) throws SQLException {
            Set<Long> taken = new HashSet<>();
            Array array = connection.createArrayOf("bigint", ids.toArray());
            try (PreparedStatement statement = connection.prepareStatement(table.takenIdsSql())) {
                statement.setArray(1, array);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        taken.add(rows.getLong(1));
                    }
                }
            } finally {
                array.free();
            }
            return taken;
        }

        private long maxId() throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(table.maxIdSql());
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }

        private InvalidChangeException taken(long id) {
            return new InvalidChangeException("layer '" + table.layer().id() + "' already has a feature " + id);
        }

        private InvalidChangeException missing(long id) {
            return new InvalidChangeException("layer '" + table.layer().id() + "' has no feature " + id);
        }

        void close() throws SQLException {
            try (PreparedStatement i = insert; PreparedStatement u = update; PreparedStatement d = delete) {
                // closes those that were prepared, even when one fails
            }
        }
    }
}
