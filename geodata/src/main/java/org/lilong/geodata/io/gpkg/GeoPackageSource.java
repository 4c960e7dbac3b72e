package org.lilong.geodata.io.gpkg;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.lilong.geodata.crs.CrsRegistry;
import org.lilong.geodata.io.FeatureSource;
import org.lilong.geodata.io.FeatureSourceException;
import org.lilong.geodata.io.RecordException;
import org.lilong.geodata.io.SourceField;
import org.lilong.geodata.io.SourceRecord;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * One feature table of a GeoPackage (opened read-only with NGA GeoPackage), read in primary-key
 * order. The CRS is the table's SRS: "EPSG:" + its organisation id when the organisation is EPSG,
 * else whatever {@link CrsRegistry#codeFromWkt} recognises in its definition. BOOLEAN columns come
 * out as Boolean, integers as Long, DATE columns as their ISO text.
 */
public final class GeoPackageSource implements FeatureSource {

    private final Path file;
    private final GeoPackage geoPackage;
    private final String table;
    private final String geometryColumn;
    private final String idColumn;
    private final List<FeatureColumn> columns;
    private final List<SourceField> fields;
    private final Optional<String> crsCode;
    private final String declaredCrs;
    private final long size;
    private final List<Statement> open = new ArrayList<>();
    private final GeometryFactory factory = new GeometryFactory();

    private GeoPackageSource(Path file, GeoPackage geoPackage, String table) throws SQLException {
        this.file = file;
        this.geoPackage = geoPackage;
        this.table = table;
        FeatureDao dao = geoPackage.getFeatureDao(table);
        this.geometryColumn = dao.getGeometryColumnName();
        this.idColumn = dao.getTable().getPkColumnName();
        this.columns = dao.getTable().getColumns().stream()
                .filter(c -> !c.isPrimaryKey() && !c.getName().equals(geometryColumn))
                .toList();
        this.fields = columns.stream().map(c -> new SourceField(c.getName(), c.getType())).toList();
        SpatialReferenceSystem srs = dao.getSrs();
        String code = null;
        String declared = null;
        if (srs != null) {
            declared = srs.getDefinition();
            boolean undefined = srs.getSrsId() == 0 || srs.getSrsId() == -1;
            if (!undefined && "EPSG".equalsIgnoreCase(srs.getOrganization())) {
                code = "EPSG:" + srs.getOrganizationCoordsysId();
            } else if (!undefined) {
                code = CrsRegistry.codeFromWkt(declared).orElse(null);
            } else {
                declared = null; // "undefined geographic/cartesian SRS": nothing declared
            }
        }
        this.crsCode = Optional.ofNullable(code);
        this.declaredCrs = declared == null || declared.isBlank() || declared.equalsIgnoreCase("undefined") ? code : declared;
        try (Statement statement = connection().createStatement();
             ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM " + quote(table))) {
            this.size = count.next() ? count.getLong(1) : 0;
        }
    }

    /**
     * @param table the feature table to read; null for the only one, or the first when there are several
     * @throws FeatureSourceException when the file is not a GeoPackage, has no feature table, or not this one
     */
    public static GeoPackageSource open(Path file, String table) {
        GeoPackage geoPackage;
        try {
            geoPackage = GeoPackageManager.open(false, file.toFile());
        } catch (RuntimeException e) {
            throw new FeatureSourceException(file, "not a GeoPackage: " + e.getMessage(), e);
        }
        try {
            List<String> tables = geoPackage.getFeatureTables();
            if (tables.isEmpty()) {
                throw new FeatureSourceException(file, "the GeoPackage has no feature table");
            }
            String chosen = table;
            if (chosen == null) {
                chosen = tables.get(0);
            } else if (!tables.contains(chosen)) {
                String wanted = chosen;
                chosen = tables.stream().filter(t -> t.equalsIgnoreCase(wanted)).findFirst()
                        .orElseThrow(() -> new FeatureSourceException(file, "no feature table '" + wanted + "'; its feature tables are "
                                + String.join(", ", tables)));
            }
            return new GeoPackageSource(file, geoPackage, chosen);
        } catch (SQLException | RuntimeException e) {
            geoPackage.close();
            if (e instanceof FeatureSourceException fse) {
                throw fse;
            }
            throw new FeatureSourceException(file, "cannot read the GeoPackage: " + e.getMessage(), e);
        }
    }

    private Connection connection() {
        return geoPackage.getConnection().getConnection();
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The feature table read. */
    public String table() {
        return table;
    }

    @Override
    public Path path() {
        return file;
    }

    @Override
    public List<SourceField> fields() {
        return fields;
    }

    @Override
    public Optional<String> crsCode() {
        return crsCode;
    }

    @Override
    public Optional<String> declaredCrs() {
        return Optional.ofNullable(declaredCrs);
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.of(size);
    }

    @Override
    public Iterator<SourceRecord> iterator() {
        StringBuilder sql = new StringBuilder("SELECT ").append(quote(geometryColumn));
        columns.forEach(c -> sql.append(", ").append(quote(c.getName())));
        sql.append(" FROM ").append(quote(table));
        if (idColumn != null) {
            sql.append(" ORDER BY ").append(quote(idColumn));
        }
        ResultSet rows;
        try {
            PreparedStatement statement = connection().prepareStatement(sql.toString());
            synchronized (open) {
                open.add(statement);
            }
            rows = statement.executeQuery();
        } catch (SQLException e) {
            throw new FeatureSourceException(file, "cannot read table '" + table + "': " + e.getMessage(), e);
        }
        return new Iterator<>() {
            private int number;
            private Boolean hasRow;

            @Override
            public boolean hasNext() {
                if (hasRow == null) {
                    try {
                        hasRow = rows.next();
                    } catch (SQLException e) {
                        throw new FeatureSourceException(file, "cannot read table '" + table + "': " + e.getMessage(), e);
                    }
                }
                return hasRow;
            }

            @Override
            public SourceRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                hasRow = null;
                number++;
                try {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        values.put(columns.get(i).getName(), value(columns.get(i), rows.getObject(i + 2)));
                    }
                    return new SourceRecord(number, geometry(number, rows.getBytes(1)), values);
                } catch (SQLException e) {
                    throw new FeatureSourceException(file, "cannot read table '" + table + "': " + e.getMessage(), e);
                }
            }
        };
    }

    private Geometry geometry(int number, byte[] blob) {
        if (blob == null) {
            return null;
        }
        try {
            GeoPackageGeometryData data = GeoPackageGeometryData.create(blob);
            if (data.isEmpty()) {
                return null;
            }
            return new WKBReader(factory).read(data.getWkb());
        } catch (IOException | ParseException | RuntimeException e) {
            throw new RecordException(number, "unreadable geometry: " + e.getMessage());
        }
    }

    private static Object value(FeatureColumn column, Object value) {
        if (value == null) {
            return null;
        }
        GeoPackageDataType type = column.getDataType();
        if (type == GeoPackageDataType.BOOLEAN && value instanceof Number n) {
            return n.longValue() != 0;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof byte[] bytes) {
            StringBuilder hex = new StringBuilder();
            for (byte b : bytes) {
                hex.append(String.format(Locale.ROOT, "%02x", b));
            }
            return hex.toString();
        }
        return value;
    }

    @Override
    public void close() {
        synchronized (open) {
            for (Statement statement : open) {
                try {
                    statement.close();
                } catch (SQLException e) {
                    // closing a reader; nothing to lose
                }
            }
            open.clear();
        }
        geoPackage.close();
    }
}
