package org.lilong.layers.store.gpkg;

import java.io.IOException;
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
import org.locationtech.jts.geom.Envelope;

/**
 * Writes validated changes, in order, inside a transaction its caller opened and will commit or
 * roll back. Each layer's statements are prepared once per change set, so a bulk load of thousands
 * of inserts is thousands of executions of one statement in one transaction.
 */
final class ChangeSetWriter implements AutoCloseable {

    /**
     * From this many inserts into one layer, the writer fills the RTree itself instead of through
     * its insert trigger: the trigger calls five ST_* functions, which NGA implements in Java and
     * which each decode the geometry blob again, and they took most of a bulk load's time.
     */
    static final int BULK_INSERTS = 500;

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
    List<Feature> write(List<ChangeSet.Change> changes) throws SQLException, IOException {
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
        List<Feature> stored = new ArrayList<>();
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

    /** The prepared statements and id counter of one layer. */
    private final class LayerWrites {

        private final LayerTable table;
        private final PreparedStatement insert;
        private final PreparedStatement update;
        private final PreparedStatement delete;
        private final PreparedStatement exists;
        private long nextId;
        /** The dropped RTree insert trigger's SQL while this writer indexes directly, else null. */
        private String droppedTrigger;
        private PreparedStatement indexInsert;

        LayerWrites(LayerTable table) throws SQLException {
            this.table = table;
            this.insert = connection.prepareStatement(table.insertSql());
            this.update = connection.prepareStatement(table.updateSql());
            this.delete = connection.prepareStatement(table.deleteSql());
            this.exists = connection.prepareStatement(table.existsSql());
            this.nextId = maxId() + 1;
        }

        Feature insert(Feature feature) throws SQLException, IOException {
            Feature stored = feature;
            if (feature.id() <= 0) {
                stored = feature.withId(nextId);
            } else if (exists(feature.id())) {
                throw new InvalidChangeException("layer '" + table.layer().id() + "' already has a feature " + feature.id());
            }
            table.bindInsert(insert, stored);
            insert.executeUpdate();
            if (indexInsert != null) {
                Envelope envelope = stored.geometry().getEnvelopeInternal();
                indexInsert.setLong(1, stored.id());
                indexInsert.setDouble(2, envelope.getMinX());
                indexInsert.setDouble(3, envelope.getMaxX());
                indexInsert.setDouble(4, envelope.getMinY());
                indexInsert.setDouble(5, envelope.getMaxY());
                indexInsert.executeUpdate();
            }
            nextId = Math.max(nextId, stored.id() + 1);
            return stored;
        }

        /**
         * Drops the RTree insert trigger for the rest of this change set and writes index rows from
         * the envelopes we already have. SQLite's DDL is transactional: a rollback brings the trigger
         * back, and {@link #restoreIndexTrigger} recreates it before a commit.
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
        }

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
        }

        Feature update(Feature feature) throws SQLException, IOException {
            table.bindUpdate(update, feature);
            if (update.executeUpdate() == 0) {
                throw missing(feature.id());
            }
            return feature;
        }

        void delete(long featureId) throws SQLException {
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
