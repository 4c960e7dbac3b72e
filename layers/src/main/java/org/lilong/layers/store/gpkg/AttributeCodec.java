package org.lilong.layers.store.gpkg;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import mil.nga.geopackage.db.GeoPackageDataType;
import org.lilong.layers.model.AttributeType;

/**
 * How each attribute type is stored in a GeoPackage column: DATE as ISO yyyy-MM-dd text and
 * BOOLEAN as 0/1, both as the GeoPackage specification defines them, so GDAL reads them typed.
 */
final class AttributeCodec {

    private AttributeCodec() {
    }

    static GeoPackageDataType columnType(AttributeType type) {
        return switch (type) {
            case TEXT -> GeoPackageDataType.TEXT;
            case INTEGER -> GeoPackageDataType.INTEGER;
            case REAL -> GeoPackageDataType.REAL;
            case DATE -> GeoPackageDataType.DATE;
            case BOOLEAN -> GeoPackageDataType.BOOLEAN;
        };
    }

    /** Binds a value already coerced to the type's Java type (see ChangeValidator); null binds SQL NULL. */
    static void bind(PreparedStatement statement, int index, AttributeType type, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
            return;
        }
        switch (type) {
            case TEXT -> statement.setString(index, (String) value);
            case INTEGER -> statement.setLong(index, (Long) value);
            case REAL -> statement.setDouble(index, (Double) value);
            case DATE -> statement.setString(index, value.toString());
            case BOOLEAN -> statement.setInt(index, (Boolean) value ? 1 : 0);
        }
    }

    /**
     * Reads a column as the type's Java type, or null for SQL NULL.
     *
     * @throws java.time.DateTimeException when a DATE column holds something else (a file edited elsewhere)
     */
    static Object read(ResultSet row, int index, AttributeType type) throws SQLException {
        Object raw = row.getObject(index);
        if (raw == null) {
            return null;
        }
        return switch (type) {
            case TEXT -> row.getString(index);
            case INTEGER -> row.getLong(index);
            case REAL -> row.getDouble(index);
            case DATE -> LocalDate.parse(row.getString(index));
            case BOOLEAN -> row.getLong(index) != 0;
        };
    }
}
