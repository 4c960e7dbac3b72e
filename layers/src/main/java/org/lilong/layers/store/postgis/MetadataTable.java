package org.lilong.layers.store.postgis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The data set's key/value facts, in {@code lilong_metadata(key, value)} (created by V1). */
final class MetadataTable {

    static final String NAME = "lilong_metadata";

    private MetadataTable() {
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
                + " (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                statement.setString(1, entry.getKey());
                statement.setString(2, entry.getValue());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
