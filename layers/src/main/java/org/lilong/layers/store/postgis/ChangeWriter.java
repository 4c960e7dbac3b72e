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
 * <p>A layer that a change set only inserts into, at least {@link #COPY_INSERTS} times, is loaded
 * with COPY instead (see {@link CopyStream}), several times faster again, and its spatial index may
 * be built after the rows are in (see {@link DeferredIndexes}). Its ids are checked before the first
 * row goes out: COPY cannot answer for a taken id with our message, only with a broken primary key.
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

    /** From this many inserts into a layer that the change set neither updates nor deletes from, COPY loads it. */
    static final int COPY_INSERTS = 1000;

    private final Connection connection;
    private final Map<String, PostgisTable> tables;
    private final Map<String, LayerWrites> writes = new LinkedHashMap<>();
    /** The COPY in progress: a connection carries one at a time, so a change to another layer ends it. */
    private CopyStream copy;

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
        for (Map.Entry<String, List<Feature>> load : copiedLoads(changes).entrySet()) {
            writesFor(load.getKey()).copy(load.getValue());
        }
        List<Feature> stored = new ArrayList<>(changes.size());
        for (ChangeSet.Change change : changes) {
            LayerWrites layer = writesFor(change.layerId());
            if (copy != null && !(change instanceof ChangeSet.Insert && layer.copied)) {
                finishCopy();
            }
            if (change instanceof ChangeSet.Insert insert) {
                stored.add(layer.insert(insert.feature()));
            } else if (change instanceof ChangeSet.Update update) {
                stored.add(layer.update(update.feature()));
            } else if (change instanceof ChangeSet.Delete delete) {
                layer.delete(delete.featureId());
            }
        }
        finishCopy();
        for (LayerWrites layer : writes.values()) {
            layer.flush();
            layer.recreateIndexes();
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

    /** The inserts, in order, of each layer that COPY loads: enough of them, and no update or delete. */
    private static Map<String, List<Feature>> copiedLoads(List<ChangeSet.Change> changes) {
        Map<String, List<Feature>> inserts = new LinkedHashMap<>();
        Set<String> edited = new HashSet<>();
        for (ChangeSet.Change change : changes) {
            if (change instanceof ChangeSet.Insert insert) {
                inserts.computeIfAbsent(change.layerId(), id -> new ArrayList<>()).add(insert.feature());
            } else {
                edited.add(change.layerId());
            }
        }
        inserts.keySet().removeAll(edited);
        inserts.values().removeIf(features -> features.size() < COPY_INSERTS);
        return inserts;
    }

    /** The COPY of the table, started now if another one (or none) is in progress. */
    private CopyStream copyInto(PostgisTable table) throws SQLException {
        if (copy != null && copy.table() != table) {
            finishCopy();
        }
        if (copy == null) {
            copy = CopyStream.start(connection, table);
        }
        return copy;
    }

    private void finishCopy() throws SQLException {
        if (copy != null) {
            CopyStream finishing = copy;
            copy = null;
            finishing.finish();
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

    /** Cancels a COPY a failure interrupted, then closes the statements. */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        if (copy != null) {
            try {
                copy.cancel();
            } catch (SQLException e) {
                failure = e;
            }
            copy = null;
        }
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
        /** Whether COPY loads this layer's inserts, whose ids {@link #copy} has checked. */
        private boolean copied;
        /** The spatial indexes dropped for the COPY, or null. */
        private DeferredIndexes deferredIndexes;
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

        /**
         * Makes COPY load this layer's inserts, after checking their ids as {@link #insert} would
         * one by one: the ids they will get must neither be stored nor repeat.
         */
        void copy(List<Feature> inserts) throws SQLException {
            nextId = maxId() + 1;
            Set<Long> explicit = new LinkedHashSet<>();
            for (Feature feature : inserts) {
                if (feature.id() > 0) {
                    explicit.add(feature.id());
                }
            }
            if (!explicit.isEmpty()) {
                // Fresh ids are above every stored and earlier id: only explicit ones can clash.
                Set<Long> taken = takenIds(explicit);
                Set<Long> given = new HashSet<>();
                long next = nextId;
                for (Feature feature : inserts) {
                    long id = feature.id() > 0 ? feature.id() : next;
                    if (taken.contains(id) || !given.add(id)) {
                        throw taken(id);
                    }
                    next = Math.max(next, id + 1);
                }
            }
            copied = true;
            deferredIndexes = DeferredIndexes.dropBefore(connection, table, inserts.size());
        }

        void recreateIndexes() throws SQLException {
            if (deferredIndexes != null) {
                deferredIndexes.recreate();
                deferredIndexes = null;
            }
        }

        Feature insert(Feature feature) throws SQLException {
            if (nextId < 0) {
                nextId = maxId() + 1;
            }
            Feature stored = feature.id() <= 0 ? feature.withId(nextId) : feature;
            if (copied) {
                copyInto(table).write(stored);
                nextId = Math.max(nextId, stored.id() + 1);
                return stored;
            }
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
