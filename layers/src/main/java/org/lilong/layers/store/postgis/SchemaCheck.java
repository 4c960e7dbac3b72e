package org.lilong.layers.store.postgis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.store.StoreException;

/**
 * Compares the migrated schema with the catalogue, so that a layer or attribute added in code but
 * not in a migration (or a column dropped by hand) stops the store at open with a message naming
 * every gap, instead of failing on the first write that touches it.
 */
final class SchemaCheck {

    private SchemaCheck() {
    }

    /** @throws StoreException naming every missing or mistyped table and column */
    static void verify(Connection connection, List<PostgisTable> tables) throws SQLException {
        Map<String, Map<String, String>> schema = columnTypes(connection);
        List<String> problems = new ArrayList<>();
        for (PostgisTable table : tables) {
            String layer = "layer '" + table.layer().id() + "'";
            Map<String, String> columns = schema.get(table.name());
            if (columns == null) {
                problems.add("table " + table.name() + " of " + layer + " is missing");
                continue;
            }
            expect(columns, table.name(), PostgisTable.ID_COLUMN, "bigint", "the feature id of " + layer, problems);
            expect(columns, table.name(), PostgisTable.GEOMETRY_COLUMN, "geometry", "the geometry of " + layer, problems);
            for (AttributeDefinition attribute : table.layer().attributes()) {
                expect(columns, table.name(), attribute.name(), ColumnCodec.sqlType(attribute.type()),
                        "attribute '" + attribute.name() + "' of " + layer, problems);
            }
        }
        Map<String, String> metadata = schema.get(MetadataTable.NAME);
        if (metadata == null) {
            problems.add("table " + MetadataTable.NAME + " is missing");
        } else {
            expect(metadata, MetadataTable.NAME, "key", "text", "the metadata keys", problems);
            expect(metadata, MetadataTable.NAME, "value", "text", "the metadata values", problems);
        }
        if (!problems.isEmpty()) {
            throw new StoreException("the database schema does not match the layer catalogue ("
                    + "does a layer or attribute lack its migration under db/migration/postgis?): "
                    + String.join("; ", problems));
        }
    }

    private static void expect(Map<String, String> columns, String table, String column, String type, String holds,
            List<String> problems) {
        String actual = columns.get(column);
        if (actual == null) {
            problems.add("column " + table + "." + column + " (" + type + ", for " + holds + ") is missing");
        } else if (!actual.equals(type)) {
            problems.add("column " + table + "." + column + " (" + holds + ") is " + actual + ", not " + type);
        }
    }

    /** Table → column → type, for the tables of the current schema; user-defined types by name (geometry). */
    private static Map<String, Map<String, String>> columnTypes(Connection connection) throws SQLException {
        Map<String, Map<String, String>> schema = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT table_name, column_name,"
                + " CASE WHEN data_type = 'USER-DEFINED' THEN udt_name ELSE data_type END"
                + " FROM information_schema.columns WHERE table_schema = current_schema()");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                schema.computeIfAbsent(rows.getString(1), t -> new HashMap<>()).put(rows.getString(2), rows.getString(3));
            }
        }
        return schema;
    }
}
