package org.lilong.layers.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** How a store binds and reads a point in time: PostgreSQL has timestamptz, SQLite keeps ISO-8601 text. */
public interface InstantColumns {

    void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException;

    Instant getInstant(ResultSet rows, int index) throws SQLException;
}
