package org.lilong.layers.store.gpkg;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.store.StoreException;
import org.locationtech.jts.geom.Geometry;

/**
 * The feature table of one layer: its name, its columns, the SQL that reads and writes it, and the
 * mapping between a row and a {@link Feature}.
 *
 * <p>The table is named after the layer id with '-' replaced by '_' ({@code renovation-plots} →
 * {@code renovation_plots}), so that it needs no quoting in GDAL, QGIS or the sqlite3 shell. Layer
 * ids never contain '_', so the mapping is one to one. The feature id is the INTEGER PRIMARY KEY
 * {@code fid} (GDAL's default name, so GDAL keeps our ids as its FIDs), the geometry is {@code geom}
 * and every attribute is a column of the same name.
 */
final class LayerTable {

    static final String ID_COLUMN = "fid";
    static final String GEOMETRY_COLUMN = "geom";

    private final LayerDefinition layer;
    private final String name;
    private final GeometryCodec geometries;

    LayerTable(LayerDefinition layer, GeometryCodec geometries) {
        this.layer = layer;
        this.name = layer.id().replace('-', '_');
        this.geometries = geometries;
        if (name.startsWith("gpkg_") || name.startsWith("rtree_") || name.startsWith("sqlite_")
                || name.equals(MetadataTable.NAME)) {
            throw new IllegalArgumentException("layer id '" + layer.id() + "' clashes with a GeoPackage table name");
        }
        for (AttributeDefinition attribute : layer.attributes()) {
            if (attribute.name().equals(ID_COLUMN) || attribute.name().equals(GEOMETRY_COLUMN)) {
                throw new IllegalArgumentException("layer '" + layer.id() + "' may not have an attribute named '"
                        + attribute.name() + "': the GeoPackage table uses that column");
            }
        }
    }

    LayerDefinition layer() {
        return layer;
    }

    String name() {
        return name;
    }

    /** The RTree virtual table of the GeoPackage spatial index extension. */
    String spatialIndexName() {
        return "rtree_" + name + "_" + GEOMETRY_COLUMN;
    }

    String selectAllSql() {
        return "SELECT " + quote(ID_COLUMN) + ", " + quote(GEOMETRY_COLUMN) + attributeList(", ")
                + " FROM " + quote(name) + " ORDER BY " + quote(ID_COLUMN);
    }

    /** One row by id, for reading a feature's current state inside a write transaction. */
    String selectOneSql() {
        return "SELECT " + quote(ID_COLUMN) + ", " + quote(GEOMETRY_COLUMN) + attributeList(", ")
                + " FROM " + quote(name) + " WHERE " + quote(ID_COLUMN) + " = ?";
    }

    String insertSql() {
        String placeholders = "?, ?" + ", ?".repeat(layer.attributes().size());
        return "INSERT INTO " + quote(name) + " (" + quote(ID_COLUMN) + ", " + quote(GEOMETRY_COLUMN)
                + attributeList(", ") + ") VALUES (" + placeholders + ")";
    }

    /** Replaces the geometry and every attribute; the last parameter is the id. */
    String updateSql() {
        String assignments = layer.attributes().stream()
                .map(a -> ", " + quote(a.name()) + " = ?")
                .collect(Collectors.joining());
        return "UPDATE " + quote(name) + " SET " + quote(GEOMETRY_COLUMN) + " = ?" + assignments
                + " WHERE " + quote(ID_COLUMN) + " = ?";
    }

    String deleteSql() {
        return "DELETE FROM " + quote(name) + " WHERE " + quote(ID_COLUMN) + " = ?";
    }

    String existsSql() {
        return "SELECT 1 FROM " + quote(name) + " WHERE " + quote(ID_COLUMN) + " = ?";
    }

    /**
     * The highest id the layer has used: in the table, or in the history of deleted features, so that
     * a fresh id never takes a deleted feature's (its history and a restore stay its own).
     */
    String maxIdSql() {
        return "SELECT MAX(COALESCE((SELECT MAX(" + quote(ID_COLUMN) + ") FROM " + quote(name) + "), 0),"
                + " COALESCE((SELECT MAX(feature_id) FROM lilong_history WHERE layer_id = '" + layer.id().replace("'", "''") + "'), 0))";
    }

    String anyRowSql() {
        return "SELECT EXISTS (SELECT 1 FROM " + quote(name) + ")";
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
        statement.setBytes(index++, geometries.encode(feature.geometry()));
        for (AttributeDefinition attribute : layer.attributes()) {
            AttributeCodec.bind(statement, index++, attribute.type(), feature.get(attribute.name()));
        }
        return index;
    }

    /** Reads every row of {@link #selectAllSql()}; null columns are left out of the properties. */
    List<Feature> readAll(ResultSet rows) throws SQLException {
        List<Feature> features = new ArrayList<>();
        while (rows.next()) {
            features.add(read(rows));
        }
        return features;
    }

    private Feature read(ResultSet row) throws SQLException {
        long id = row.getLong(1);
        Geometry geometry;
        Map<String, Object> properties = new LinkedHashMap<>();
        try {
            geometry = geometries.decode(row.getBytes(2));
            int index = 3;
            for (AttributeDefinition attribute : layer.attributes()) {
                Object value = AttributeCodec.read(row, index++, attribute.type());
                if (value != null) {
                    properties.put(attribute.name(), value);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Only a file edited by another tool can get here: our writes are validated first.
            throw new StoreException("feature " + id + " of layer '" + layer.id() + "' is unreadable: " + e.getMessage(), e);
        }
        if (geometry == null) {
            throw new StoreException("feature " + id + " of layer '" + layer.id() + "' has no geometry");
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
