package org.lilong.layers.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data set's key/value facts, in {@code lilong_metadata(id, key, value)}. It is registered in
 * gpkg_contents as an attributes table, the GeoPackage's own kind of non-spatial table, so GDAL and
 * QGIS show it with a description next to the layers; the integer id is there because the
 * specification requires attributes tables to have one. (The GeoPackage metadata extension,
 * gpkg_metadata, holds documents such as ISO 19115 XML rather than key/value pairs.)
 */
final class MetadataTable {

    static final String NAME = "lilong_metadata";

    private MetadataTable() {
    }

    /** Creates and registers the table unless it exists. */
    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + NAME
                    + " (id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, value TEXT NOT NULL)");
            statement.execute("INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description)"
                    + " VALUES ('" + NAME + "', 'attributes', '" + NAME + "', 'Lilong: key/value facts about the data set')");
        }
    }

    /** Every entry, sorted by key. */
    static Map<String, String> readAll(Connection connection) throws SQLException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT key, value FROM " + NAME + " ORDER BY key")) {
            while (rows.next()) {
                entries.put(rows.getString(1), rows.getString(2));
            }
        }
        return Collections.unmodifiableMap(entries);
    }

    /** Adds or replaces entries; the caller owns the transaction. */
    static void putAll(Connection connection, Map<String, String> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + NAME
                + " (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                statement.setString(1, entry.getKey());
                statement.setString(2, entry.getValue());
                statement.executeUpdate();
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("UPDATE gpkg_contents"
                + " SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE table_name = ?")) {
            statement.setString(1, NAME);
            statement.executeUpdate();
        }
    }
}
