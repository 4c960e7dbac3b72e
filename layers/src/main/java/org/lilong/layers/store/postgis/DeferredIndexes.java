package org.lilong.layers.store.postgis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The GiST indexes of a table that a bulk load drops and builds again once its rows are in, within
 * the load's transaction: PostgreSQL builds a GiST index over sorted geometries several times faster than it
 * inserts them one row at a time, which took half of a load's time in the database. DDL is
 * transactional, so a rollback brings the indexes back unchanged.
 *
 * <p>Only worth it when the load is larger than what the table holds, and only possible for indexes
 * the current role owns. The dropped index's ACCESS EXCLUSIVE lock makes other sessions' reads of
 * that table wait until the commit, as they would for any long write to a table that small.
 */
final class DeferredIndexes {

    private final Connection connection;
    private final List<String> definitions;

    private DeferredIndexes(Connection connection, List<String> definitions) {
        this.connection = connection;
        this.definitions = definitions;
    }

    /** Drops the table's GiST indexes if the table holds fewer rows than the load will add. */
    static DeferredIndexes dropBefore(Connection connection, PostgisTable table, int inserts) throws SQLException {
        List<String> definitions = new ArrayList<>();
        if (rowsUpTo(connection, table, inserts) >= inserts) {
            return new DeferredIndexes(connection, definitions);
        }
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT quote_ident(n.nspname) || '.' ||"
                + " quote_ident(c.relname), pg_get_indexdef(i.indexrelid) FROM pg_index i"
                + " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_am am ON am.oid = c.relam"
                + " WHERE i.indrelid = to_regclass(?) AND am.amname = 'gist' AND pg_has_role(c.relowner, 'USAGE')")) {
            statement.setString(1, PostgisTable.quote(table.name()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                    definitions.add(rows.getString(2));
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : names) {
                statement.execute("DROP INDEX " + name);
            }
        }
        return new DeferredIndexes(connection, definitions);
    }

    /** Counts the table's rows, but reads no more than {@code limit} of them. */
    private static long rowsUpTo(Connection connection, PostgisTable table, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM (SELECT 1 FROM " + PostgisTable.quote(table.name()) + " LIMIT ?) r")) {
            statement.setInt(1, limit);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Builds the dropped indexes again; once only. */
    void recreate() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String definition : definitions) {
                statement.execute(definition);
            }
        }
        definitions.clear();
    }
}
