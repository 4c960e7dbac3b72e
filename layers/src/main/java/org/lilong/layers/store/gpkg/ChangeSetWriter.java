package org.lilong.layers.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lilong.layers.model.Feature;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.InvalidChangeException;

/**
 * Writes validated changes, in order, inside a transaction its caller opened and will commit or
 * roll back. Each layer's statements are prepared once per change set. Inserts are queued per layer
 * and sent as JDBC batches: sqlite-jdbc follows every single executeUpdate of an INSERT with a
 * freshly prepared {@code SELECT last_insert_rowid()} for getGeneratedKeys, which cost as much as
 * the insert itself, and a batch does not. A layer's queue is flushed before an update or delete of
 * that layer, so the set still behaves as if its changes ran one by one.
 */
final class ChangeSetWriter implements AutoCloseable {

    /**
     * From this many inserts into one layer, the writer fills the RTree itself instead of through
     * its insert trigger: the trigger calls five ST_* functions, which NGA implements in Java and
     * which each decode the geometry blob again, and they took most of a bulk load's time.
     */
    static final int BULK_INSERTS = 500;

    /** Queued inserts sent at once; bounds the memory a huge load holds in the driver. */
    private static final int BATCH_SIZE = 2000;

    private final Connection connection;
    private final Map<String, LayerTable> tables;
    private final Map<String, LayerWrites> writes = new LinkedHashMap<>();

    ChangeSetWriter(Connection connection, Map<String, LayerTable> tables) {
        this.connection = connection;
        this.tables = tables;
    }

    /**
     * Writes every change and refreshes the touched layers' gpkg_contents rows.
     *
     * @param changes changes whose features the ChangeValidator has normalised
     * @return the inserted and updated features as stored, in order
     * @throws InvalidChangeException for an id that is taken (insert) or missing (update, delete)
     */
    List<Feature> write(List<ChangeSet.Change> changes) throws SQLException {
        Map<String, Integer> inserts = new LinkedHashMap<>();
        for (ChangeSet.Change change : changes) {
            if (change instanceof ChangeSet.Insert) {
                inserts.merge(change.layerId(), 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Integer> layer : inserts.entrySet()) {
            if (layer.getValue() >= BULK_INSERTS) {
                writesFor(layer.getKey()).indexDirectly();
            }
        }
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
            layer.flushAll();
            layer.restoreIndexTrigger();
            layer.refreshContents();
        }
        return stored;
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

    /** The prepared statements, insert queue and id counter of one layer. */
    private final class LayerWrites {

        private final LayerTable table;
        private final PreparedStatement insert;
        private final PreparedStatement update;
        private final PreparedStatement delete;
        private final PreparedStatement exists;
        /** Every id below this one may be taken; fresh ids start here, explicit ids at or above it are free. */
        private long nextId;
        private int queued;
        /** The dropped RTree insert trigger's SQL while this writer indexes directly, else null. */
        private String droppedTrigger;
        private PreparedStatement indexInsert;
        /** The index rows of the queued and sent inserts, while this writer indexes directly. */
        private RTreeRows indexRows;

        LayerWrites(LayerTable table) throws SQLException {
            this.table = table;
            this.insert = connection.prepareStatement(table.insertSql());
            this.update = connection.prepareStatement(table.updateSql());
            this.delete = connection.prepareStatement(table.deleteSql());
            this.exists = connection.prepareStatement(table.existsSql());
            this.nextId = maxId() + 1;
        }

        Feature insert(Feature feature) throws SQLException {
            Feature stored = feature;
            if (feature.id() <= 0) {
                stored = feature.withId(nextId);
            } else if (feature.id() < nextId) {
                // It may be stored, or queued: send the queue so that the table answers for both.
                flush();
                if (exists(feature.id())) {
                    throw new InvalidChangeException("layer '" + table.layer().id() + "' already has a feature " + feature.id());
                }
            }
            table.bindInsert(insert, stored);
            insert.addBatch();
            if (indexRows != null) {
                indexRows.add(stored.id(), stored.geometry().getEnvelopeInternal());
            }
            nextId = Math.max(nextId, stored.id() + 1);
            if (++queued >= BATCH_SIZE) {
                flush();
            }
            return stored;
        }

        /** Sends the queued inserts. */
        void flush() throws SQLException {
            if (queued == 0) {
                return;
            }
            insert.executeBatch();
            queued = 0;
        }

        /** Sends the queued inserts and writes their index rows: before anything that may read or change them. */
        void flushAll() throws SQLException {
            flush();
            if (indexRows != null) {
                indexRows.insert(indexInsert);
            }
        }

        /**
         * Drops the RTree insert trigger for the rest of this change set and writes index rows from
         * the envelopes we already have (see {@link RTreeRows}). SQLite's DDL is transactional: a
         * rollback brings the trigger back, and {@link #restoreIndexTrigger} recreates it before a
         * commit.
         */
        void indexDirectly() throws SQLException {
            String trigger = table.spatialIndexName() + "_insert";
            try (PreparedStatement find = connection.prepareStatement(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?")) {
                find.setString(1, trigger);
                try (ResultSet rows = find.executeQuery()) {
                    if (!rows.next()) {
                        return;
                    }
                    droppedTrigger = rows.getString(1);
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TRIGGER " + LayerTable.quote(trigger));
            }
            indexInsert = connection.prepareStatement("INSERT INTO " + LayerTable.quote(table.spatialIndexName())
                    + " (id, minx, maxx, miny, maxy) VALUES (?, ?, ?, ?, ?)");
            indexRows = new RTreeRows();
        }

        /** Recreates the dropped trigger; the index rows must have been written ({@link #flushAll}). */
        void restoreIndexTrigger() throws SQLException {
            if (droppedTrigger == null) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(droppedTrigger);
            }
            droppedTrigger = null;
            indexInsert.close();
            indexInsert = null;
            indexRows = null;
        }

        Feature update(Feature feature) throws SQLException {
            flushAll();
            table.bindUpdate(update, feature);
            if (update.executeUpdate() == 0) {
                throw missing(feature.id());
            }
            return feature;
        }

        void delete(long featureId) throws SQLException {
            flushAll();
            delete.setLong(1, featureId);
            if (delete.executeUpdate() == 0) {
                throw missing(featureId);
            }
        }

        /**
         * Records the change time and the layer's new extent, which GDAL reports; the extent comes
         * from the RTree, whose float bounds are rounded outwards and so still cover every feature.
         */
        void refreshContents() throws SQLException {
            String index = LayerTable.quote(table.spatialIndexName());
            try (PreparedStatement statement = connection.prepareStatement("UPDATE gpkg_contents SET"
                    + " last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),"
                    + " min_x = (SELECT MIN(minx) FROM " + index + "), min_y = (SELECT MIN(miny) FROM " + index + "),"
                    + " max_x = (SELECT MAX(maxx) FROM " + index + "), max_y = (SELECT MAX(maxy) FROM " + index + ")"
                    + " WHERE table_name = ?")) {
                statement.setString(1, table.name());
                statement.executeUpdate();
            }
        }

        private boolean exists(long id) throws SQLException {
            exists.setLong(1, id);
            try (ResultSet rows = exists.executeQuery()) {
                return rows.next();
            }
        }

        private long maxId() throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(table.maxIdSql());
                 ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }

        private InvalidChangeException missing(long id) {
            return new InvalidChangeException("layer '" + table.layer().id() + "' has no feature " + id);
        }

        void close() throws SQLException {
            try (insert; update; delete; exists; PreparedStatement index = indexInsert) {
                // closes them all, even when one fails
            }
        }
    }
}
