package org.lilong.layers.store.postgis;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.store.StoreException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The table of one layer: its name, the SQL that reads and writes it, and the mapping between a row
 * and a {@link Feature}. Names follow the GeoPackage store ({@code renovation-plots} →
 * {@code renovation_plots}, {@code fid}, {@code geom}, a column per attribute), so both stores look
 * alike to GDAL and QGIS. Geometries travel as WKB: {@code ST_GeomFromWKB(?, 4326)} in,
 * {@code ST_AsBinary(geom)} out, read and written by JTS.
 */
final class PostgisTable {

    static final String ID_COLUMN = "fid";
    static final String GEOMETRY_COLUMN = "geom";
    static final int WGS84 = 4326;

    /** Tables of the schema that are not layers. */
    static final Set<String> RESERVED_NAMES = Set.of(MetadataTable.NAME, "flyway_schema_history", "spatial_ref_sys");

    private final LayerDefinition layer;
    private final String name;

    PostgisTable(LayerDefinition layer) {
        this.layer = layer;
        this.name = tableName(layer.id());
        if (RESERVED_NAMES.contains(name)) {
            throw new IllegalArgumentException("layer id '" + layer.id() + "' clashes with the table " + name);
        }
        for (AttributeDefinition attribute : layer.attributes()) {
            if (attribute.name().equals(ID_COLUMN) || attribute.name().equals(GEOMETRY_COLUMN)) {
                throw new IllegalArgumentException("layer '" + layer.id() + "' may not have an attribute named '"
                        + attribute.name() + "': the table uses that column");
            }
        }
    }

    /** Layer ids are lower kebab case and never contain '_', so the mapping is one to one. */
    static String tableName(String layerId) {
        return layerId.replace('-', '_');
    }

    LayerDefinition layer() {
        return layer;
    }

    String name() {
        return name;
    }

    String selectAllSql() {
        return "SELECT " + ID_COLUMN + ", ST_AsBinary(" + GEOMETRY_COLUMN + ")" + attributeList(", ")
                + " FROM " + quote(name) + " ORDER BY " + ID_COLUMN;
    }

    /** One row by id, locked until the transaction ends, so that a precondition stays true while it writes. */
    String selectOneForUpdateSql() {
        return "SELECT " + ID_COLUMN + ", ST_AsBinary(" + GEOMETRY_COLUMN + ")" + attributeList(", ")
                + " FROM " + quote(name) + " WHERE " + ID_COLUMN + " = ? FOR UPDATE";
    }

    String insertSql() {
        return "INSERT INTO " + quote(name) + " (" + ID_COLUMN + ", " + GEOMETRY_COLUMN + attributeList(", ")
                + ") VALUES (?, ST_GeomFromWKB(?, " + WGS84 + ")" + ", ?".repeat(layer.attributes().size()) + ")";
    }

    /** Rows in PostgreSQL's text format, in the columns {@link CopyStream} writes. */
    String copySql() {
        return "COPY " + quote(name) + " (" + ID_COLUMN + ", " + GEOMETRY_COLUMN + attributeList(", ") + ") FROM STDIN";
    }

    /** Replaces the geometry and every attribute; the last parameter is the id. */
    String updateSql() {
        String assignments = layer.attributes().stream()
                .map(a -> ", " + quote(a.name()) + " = ?")
                .collect(Collectors.joining());
        return "UPDATE " + quote(name) + " SET " + GEOMETRY_COLUMN + " = ST_GeomFromWKB(?, " + WGS84 + ")"
                + assignments + " WHERE " + ID_COLUMN + " = ?";
    }

    String deleteSql() {
        return "DELETE FROM " + quote(name) + " WHERE " + ID_COLUMN + " = ?";
    }

    /** The ids of a bigint[] parameter that are taken. */
    String takenIdsSql() {
        return "SELECT " + ID_COLUMN + " FROM " + quote(name) + " WHERE " + ID_COLUMN + " = ANY (?)";
    }

    /**
     * The highest id the layer has used: in the table, or in the history of deleted features, so that
     * a fresh id never takes a deleted feature's (its history and a restore stay its own).
     */
    String maxIdSql() {
        return "SELECT GREATEST(COALESCE((SELECT MAX(" + ID_COLUMN + ") FROM " + quote(name) + "), 0),"
                + " COALESCE((SELECT MAX(feature_id) FROM lilong_history WHERE layer_id = '" + layer.id().replace("'", "''") + "'), 0))";
    }

    /** A boolean expression, true when the table holds a row. */
    String anyRowExpression() {
        return "EXISTS (SELECT 1 FROM " + quote(name) + ")";
    }

    /** Binds a feature to {@link #insertSql()}. */
    void bindInsert(PreparedStatement statement, Feature feature) throws SQLException {
        statement.setLong(1, feature.id());
        bindContent(statement, 2, feature);
    }

    /** Binds a feature to {@link #updateSql()}. */
    void bindUpdate(PreparedStatement statement, Feature feature) throws SQLException {
        int next = bindContent(statement, 1, feature);
        statement.setLong(next, feature.id());
    }

    /** Binds geometry then attributes from {@code index}; returns the next free parameter index. */
    private int bindContent(PreparedStatement statement, int index, Feature feature) throws SQLException {
        statement.setBytes(index++, new WKBWriter(2).write(feature.geometry()));
        for (AttributeDefinition attribute : layer.attributes()) {
            ColumnCodec.bind(statement, index++, attribute.type(), feature.get(attribute.name()));
        }
        return index;
    }

    /** Reads every row of {@link #selectAllSql()}; null columns are left out of the properties. */
    List<Feature> readAll(ResultSet rows) throws SQLException {
        // One reader per call: WKBReader keeps parsing state and is not thread-safe.
        WKBReader geometries = new WKBReader(GeometryFactories.WGS84);
        List<Feature> features = new ArrayList<>();
        while (rows.next()) {
            features.add(read(rows, geometries));
        }
        return features;
    }

    private Feature read(ResultSet row, WKBReader geometries) throws SQLException {
        long id = row.getLong(1);
        byte[] wkb = row.getBytes(2);
        if (wkb == null) {
            throw new StoreException("feature " + id + " of layer '" + layer.id() + "' has no geometry");
        }
        Geometry geometry;
        try {
            geometry = geometries.read(wkb);
        } catch (ParseException e) {
            throw new StoreException("feature " + id + " of layer '" + layer.id() + "' is unreadable: " + e.getMessage(), e);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        int index = 3;
        for (AttributeDefinition attribute : layer.attributes()) {
            Object value = ColumnCodec.read(row, index++, attribute.type());
            if (value != null) {
                properties.put(attribute.name(), value);
            }
        }
        return new Feature(id, geometry, properties);
    }

    private String attributeList(String prefix) {
        return layer.attributes().stream().map(a -> prefix + quote(a.name())).collect(Collectors.joining());
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
