package org.lilong.layers.store.gpkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageException;
import mil.nga.geopackage.GeoPackageManager;
import org.lilong.layers.accounts.AccountStore;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.ChangeValidator;
import org.lilong.layers.store.EditJournal;
import org.lilong.layers.store.FeatureStore;
import org.lilong.layers.store.HistoryEntry;
import org.lilong.layers.store.InvalidChangeException;
import org.lilong.layers.store.JdbcAccountStore;
import org.lilong.layers.store.PreconditionFailedException;
import org.lilong.layers.store.StoreException;

/**
 * The embedded store: one GeoPackage file that GDAL and QGIS open as it is. Each layer is a feature
 * table in EPSG:4326 with a spatial index (see {@link LayerTable} for names, {@link GeoPackageSchema}
 * for the declared geometry type); the data set's metadata lives in {@link MetadataTable}.
 *
 * <p>NGA writes GeoPackage 1.4 files (user_version 10400, with the 1.4 RTree triggers); GDAL reads
 * them, but versions before 3.7.1 warn that 1.4 "may only be partially supported".
 *
 * <p>One JDBC connection serves everything, so every method is synchronized: a single writer, and
 * readers that never see a change set half applied.
 */
public final class GeoPackageStore implements FeatureStore {

    private final Path file;
    private final LayerCatalogue catalogue;
    private final ChangeValidator validator;
    private final GeoPackage geoPackage;
    private final Connection connection;
    private final Map<String, LayerTable> tables;
    private final JdbcAccountStore accounts;
    private final EditJournal journal;
    private boolean closed;

    private GeoPackageStore(Path file, LayerCatalogue catalogue, GeoPackage geoPackage, Map<String, LayerTable> tables) {
        this.file = file;
        this.catalogue = catalogue;
        this.validator = new ChangeValidator(catalogue);
        this.geoPackage = geoPackage;
        this.connection = geoPackage.getConnection().getConnection();
        this.tables = tables;
        this.accounts = new JdbcAccountStore(this::lendConnection, AccountTables.DIALECT, file.toString());
        this.journal = new EditJournal(catalogue, AccountTables.DIALECT);
    }

    /**
     * Opens the GeoPackage at {@code file}, creating it (and its directories) when missing, and adds
     * the tables and columns the catalogue needs that it lacks.
     *
     * @param file a path ending in .gpkg, as the GeoPackage specification requires
     * @throws StoreException when the file cannot be created or is not a GeoPackage
     */
    public static GeoPackageStore open(Path file, LayerCatalogue catalogue) {
        GeometryCodec geometries = new GeometryCodec();
        Map<String, LayerTable> tables = new LinkedHashMap<>();
        for (LayerDefinition layer : catalogue.layers()) {
            tables.put(layer.id(), new LayerTable(layer, geometries));
        }
        GeoPackage geoPackage = connect(file);
        try {
            new GeoPackageSchema(geoPackage).ensure(List.copyOf(tables.values()));
        } catch (SQLException | RuntimeException e) {
            geoPackage.close();
            throw new StoreException("cannot prepare the tables of GeoPackage " + file + ": " + e.getMessage(), e);
        }
        return new GeoPackageStore(file, catalogue, geoPackage, tables);
    }

    private static GeoPackage connect(Path file) {
        try {
            Path absolute = file.toAbsolutePath();
            if (!Files.exists(absolute)) {
                Files.createDirectories(absolute.getParent());
                GeoPackageManager.create(absolute.toFile());
            }
            return GeoPackageManager.open(absolute.toFile());
        } catch (IOException | GeoPackageException e) {
            throw new StoreException("cannot open GeoPackage " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public LayerCatalogue catalogue() {
        return catalogue;
    }

    /** @throws IllegalArgumentException for a layer the catalogue does not have */
    @Override
    public synchronized List<Feature> readAll(String layerId) {
        ensureOpen();
        LayerTable table = table(layerId);
        try (PreparedStatement statement = connection.prepareStatement(table.selectAllSql());
             ResultSet rows = statement.executeQuery()) {
            return table.readAll(rows);
        } catch (SQLException e) {
            throw new StoreException("cannot read layer '" + layerId + "' from " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<Feature> apply(ChangeSet changes) {
        ensureOpen();
        List<ChangeSet.Change> normalised = validator.normalise(changes.changes());
        if (normalised.isEmpty() && changes.metadata().isEmpty()) {
            return List.of();
        }
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new StoreException("cannot begin a transaction on " + file + ": " + e.getMessage(), e);
        }
        try {
            List<Feature> stored = write(normalised, changes);
            connection.commit();
            return stored;
        } catch (InvalidChangeException | PreconditionFailedException e) {
            rollBack(e);
            throw e;
        } catch (SQLException | RuntimeException e) {
            rollBack(e);
            throw new StoreException("cannot write to " + file + ", nothing was written: " + e.getMessage(), e);
        } finally {
            restoreAutoCommit();
        }
    }

    private List<Feature> write(List<ChangeSet.Change> normalised, ChangeSet changes) throws SQLException {
        EditJournal.Before before = journal.prepare(changes, normalised, this::current);
        try (ChangeSetWriter writer = new ChangeSetWriter(connection, tables)) {
            List<Feature> stored = writer.write(normalised);
            MetadataTable.putAll(connection, changes.metadata());
            journal.record(connection, changes, normalised, before, stored);
            return stored;
        }
    }

    /** A feature as it is now, inside the write transaction (the one connection sees its own writes). */
    private Optional<Feature> current(String layerId, long featureId) throws SQLException {
        LayerTable table = table(layerId);
        try (PreparedStatement statement = connection.prepareStatement(table.selectOneSql())) {
            statement.setLong(1, featureId);
            try (ResultSet rows = statement.executeQuery()) {
                List<Feature> found = table.readAll(rows);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        }
    }

    @Override
    public synchronized List<HistoryEntry> history(String layerId, long featureId) {
        ensureOpen();
        table(layerId);
        try {
            return journal.read(connection, layerId, featureId);
        } catch (SQLException e) {
            throw new StoreException("cannot read the history of feature " + featureId + " of '" + layerId + "' in "
                    + file + ": " + e.getMessage(), e);
        }
    }

    private void rollBack(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void restoreAutoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new StoreException("cannot end the transaction on " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Map<String, String> metadata() {
        ensureOpen();
        try {
            return MetadataTable.readAll(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot read the metadata of " + file + ": " + e.getMessage(), e);
        }
    }

    /** Asks each table for one row instead of reading every feature. */
    @Override
    public synchronized boolean isEmpty() {
        ensureOpen();
        try {
            for (LayerTable table : tables.values()) {
                try (PreparedStatement statement = connection.prepareStatement(table.anyRowSql());
                     ResultSet rows = statement.executeQuery()) {
                    if (rows.next() && rows.getBoolean(1)) {
                        return false;
                    }
                }
            }
            return true;
        } catch (SQLException e) {
            throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Closes the file; later calls fail with IllegalStateException. Closing twice is harmless. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            geoPackage.close();
        }
    }

    @Override
    public AccountStore accounts() {
        return accounts;
    }

    /** The one connection, to one caller at a time, as for every other method. */
    private synchronized <T> T lendConnection(JdbcAccountStore.SqlWork<T> work) throws SQLException {
        ensureOpen();
        return work.run(connection);
    }

    private LayerTable table(String layerId) {
        LayerTable table = tables.get(layerId);
        if (table == null) {
            throw new IllegalArgumentException("unknown layer '" + layerId + "'");
        }
        return table;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("GeoPackage store " + file + " is closed");
        }
    }

    @Override
    public String toString() {
        return "GeoPackageStore[" + file + "]";
    }
}
