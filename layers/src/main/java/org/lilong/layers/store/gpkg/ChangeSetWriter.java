package org.lilong.layers.store.gpkg;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lilong.layers.model.Feature;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.InvalidChangeException;

/**
 * Writes validated changes, in order, inside a transaction its caller opened and will commit or
 * roll back. Each layer's statements are prepared once per change set, so a bulk load of thousands
 * of inserts is thousands of executions of one statement in one transaction.
 */
final class ChangeSetWriter implements AutoCloseable {

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
            nextId = Math.max(nextId, stored.id() + 1);
            return stored;
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
            try (insert; update; delete; exists) {
                // closes all four, even when one fails
            }
        }
    }
}
