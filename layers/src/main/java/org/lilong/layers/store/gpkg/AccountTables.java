package org.lilong.layers.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.lilong.layers.store.InstantColumns;

/**
 * The accounts, API tokens, sessions and the edit history ({@link org.lilong.layers.store.EditJournal}) in
 * the GeoPackage file. They are deliberately not registered in
 * gpkg_contents: GDAL and QGIS list what is there as layers, and password hashes are not a layer.
 * Timestamps are ISO-8601 text in UTC, as the GeoPackage keeps its own, always with nine fractional
 * digits so that text order is time order (expired sessions are found with {@code expires <= ?}).
 */
final class AccountTables {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    static final InstantColumns DIALECT = new InstantColumns() {
        @Override
        public void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
            statement.setString(index, TIMESTAMP.format(instant));
        }

        @Override
        public Instant getInstant(ResultSet rows, int index) throws SQLException {
            return Instant.parse(rows.getString(index));
        }
    };

    private AccountTables() {
    }

    /** Creates the tables unless they exist. */
    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS lilong_accounts ("
                    + " username TEXT PRIMARY KEY,"
                    + " role TEXT NOT NULL CHECK (role IN ('planner', 'editor', 'admin')),"
                    + " scopes TEXT NOT NULL DEFAULT '',"
                    + " disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),"
                    + " created TEXT NOT NULL,"
                    + " session_epoch INTEGER NOT NULL DEFAULT 0,"
                    + " password_hash TEXT NOT NULL,"
                    + " CHECK (role = 'editor' OR scopes = ''))");
            statement.execute("CREATE TABLE IF NOT EXISTS lilong_api_tokens ("
                    + " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " username TEXT NOT NULL REFERENCES lilong_accounts (username),"
                    + " label TEXT NOT NULL,"
                    + " secret_hash TEXT NOT NULL UNIQUE,"
                    + " created TEXT NOT NULL,"
                    + " revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)))");
            statement.execute("CREATE TABLE IF NOT EXISTS lilong_sessions ("
                    + " id_hash TEXT PRIMARY KEY,"
                    + " username TEXT NOT NULL REFERENCES lilong_accounts (username),"
                    + " session_epoch INTEGER NOT NULL,"
                    + " csrf_token TEXT NOT NULL,"
                    + " created TEXT NOT NULL,"
                    + " expires TEXT NOT NULL)");
            statement.execute("CREATE TABLE IF NOT EXISTS lilong_history ("
                    + " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " layer_id TEXT NOT NULL,"
                    + " feature_id INTEGER NOT NULL,"
                    + " version INTEGER NOT NULL CHECK (version > 0),"
                    + " operation TEXT NOT NULL CHECK (operation IN ('baseline', 'insert', 'update', 'delete')),"
                    + " author TEXT NOT NULL,"
                    + " at TEXT NOT NULL,"
                    + " comment TEXT NOT NULL,"
                    + " wkb BLOB,"
                    + " attributes TEXT,"
                    + " UNIQUE (layer_id, feature_id, version))");
        }
    }
}
