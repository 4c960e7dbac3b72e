package org.lilong.layers.store.gpkg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.sf.GeometryType;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.LayerDefinition;

/**
 * Brings a GeoPackage up to the catalogue: adds the feature tables, attribute columns, spatial
 * indexes and metadata table that are missing, and leaves what exists alone.
 *
 * <p>Every table is declared with geometry type GEOMETRY: a layer of points also accepts
 * multi-points (see {@link org.lilong.layers.model.GeometryType}), and the GeoPackage specification
 * only lets a POINT column hold points, so a narrower declaration would make files GDAL warns about.
 */
final class GeoPackageSchema {

    private final GeoPackage geoPackage;
    private final Connection connection;

    GeoPackageSchema(GeoPackage geoPackage) {
        this.geoPackage = geoPackage;
        this.connection = geoPackage.getConnection().getConnection();
    }

    void ensure(List<LayerTable> tables) throws SQLException {
        RTreeIndexExtension spatialIndex = new RTreeIndexExtension(geoPackage);
        // The RTree triggers call ST_MinX, ST_IsEmpty, ...: SQLite functions NGA implements in Java,
        // which exist only once registered on this connection, so register them before any write.
        spatialIndex.createAllFunctions();
        for (LayerTable table : tables) {
            if (geoPackage.isFeatureTable(table.name())) {
                addMissingColumns(table);
            } else {
                createFeatureTable(table);
            }
            if (!spatialIndex.has(table.name(), LayerTable.GEOMETRY_COLUMN)) {
                spatialIndex.create(table.name(), LayerTable.GEOMETRY_COLUMN, LayerTable.ID_COLUMN);
            }
        }
        MetadataTable.create(connection);
        AccountTables.create(connection);
    }

    private void createFeatureTable(LayerTable table) throws SQLException {
        GeometryColumns geometryColumns = new GeometryColumns();
        geometryColumns.setTableName(table.name());
        geometryColumns.setColumnName(LayerTable.GEOMETRY_COLUMN);
        geometryColumns.setGeometryType(GeometryType.GEOMETRY);
        geometryColumns.setZ((byte) 0);
        geometryColumns.setM((byte) 0);
        geometryColumns.setSrsId(GeometryCodec.WGS84);

        List<FeatureColumn> columns = new ArrayList<>();
        for (AttributeDefinition attribute : table.layer().attributes()) {
            columns.add(FeatureColumn.createColumn(attribute.name(), AttributeCodec.columnType(attribute.type())));
        }
        geoPackage.createFeatureTable(FeatureTableMetadata.create(geometryColumns, LayerTable.ID_COLUMN, columns));
        describe(table);
    }

    /** Titles the table in gpkg_contents, which GDAL and QGIS show; NGA defaults both to the table name. */
    private void describe(LayerTable table) throws SQLException {
        LayerDefinition layer = table.layer();
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE gpkg_contents SET identifier = ?, description = ? WHERE table_name = ?")) {
            statement.setString(1, layer.id());
            statement.setString(2, layer.titleZh() + " / " + layer.titleEn());
            statement.setString(3, table.name());
            statement.executeUpdate();
        }
    }

    /** A catalogue that gained attributes still opens files written before. */
    private void addMissingColumns(LayerTable table) throws SQLException {
        Set<String> existing = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA table_info(" + LayerTable.quote(table.name()) + ")")) {
            while (rows.next()) {
                existing.add(rows.getString("name"));
            }
        }
        for (AttributeDefinition attribute : table.layer().attributes()) {
            if (!existing.contains(attribute.name())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("ALTER TABLE " + LayerTable.quote(table.name()) + " ADD COLUMN "
                            + LayerTable.quote(attribute.name()) + " "
                            + AttributeCodec.columnType(attribute.type()).name());
                }
            }
        }
    }
}
