package org.lilong.layers.store.postgis;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import org.lilong.layers.model.AttributeType;

/**
 * How each attribute type is stored in a PostgreSQL column: each gets its native type, so psql,
 * QGIS and ogr2ogr see typed values and the CHECK constraints of the migrations can compare them.
 */
final class ColumnCodec {

    private ColumnCodec() {
    }

    /** The column's type as {@code information_schema.columns.data_type} spells it. */
    static String sqlType(AttributeType type) {
        return switch (type) {
            case TEXT -> "text";
            case INTEGER -> "bigint";
            case REAL -> "double precision";
            case DATE -> "date";
            case BOOLEAN -> "boolean";
        };
    }

    private static int jdbcType(AttributeType type) {
        return switch (type) {
            case TEXT -> Types.VARCHAR;
            case INTEGER -> Types.BIGINT;
            case REAL -> Types.DOUBLE;
            case DATE -> Types.DATE;
            case BOOLEAN -> Types.BOOLEAN;
        };
    }

    /** Binds a value already coerced to the type's Java type (see ChangeValidator); null binds SQL NULL. */
    static void bind(PreparedStatement statement, int index, AttributeType type, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, jdbcType(type));
            return;
        }
        switch (type) {
            case TEXT -> statement.setString(index, (String) value);
            case INTEGER -> statement.setLong(index, (Long) value);
            case REAL -> statement.setDouble(index, (Double) value);
            case DATE -> statement.setObject(index, (LocalDate) value, Types.DATE);
            case BOOLEAN -> statement.setBoolean(index, (Boolean) value);
        }
    }

    /** Reads a column as the type's Java type, or null for SQL NULL. */
    static Object read(ResultSet row, int index, AttributeType type) throws SQLException {
        Object value = switch (type) {
            case TEXT -> row.getString(index);
            case INTEGER -> row.getLong(index);
            case REAL -> row.getDouble(index);
            case DATE -> row.getObject(index, LocalDate.class);
            case BOOLEAN -> row.getBoolean(index);
        };
        return row.wasNull() ? null : value;
    }
}
