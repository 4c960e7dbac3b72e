package org.lilong.layers.store.postgis;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.lilong.layers.accounts.AccountStore;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.ChangeValidator;
import org.lilong.layers.store.EditJournal;
import org.lilong.layers.store.FeatureStore;
import org.lilong.layers.store.HistoryEntry;
import org.lilong.layers.store.InstantColumns;
import org.lilong.layers.store.InvalidChangeException;
import org.lilong.layers.store.JdbcAccountStore;
import org.lilong.layers.store.PreconditionFailedException;
import org.lilong.layers.store.StoreException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The shared store: a PostgreSQL database with PostGIS, which several Lilong servers may use at
 * once. Each layer is a table (see {@link PostgisTable} and the migrations under
 * {@code db/migration/postgis}, which Flyway applies at open); the constraints the model implies
 * are CHECK constraints, so the database refuses bad data from any client.
 *
 * <p>Connections come from a small HikariCP pool, so the methods may be called from many threads.
 * Every committed change set is announced with NOTIFY; {@link #onExternalChange} listens for them
 * (see {@link ChangeListener}) so that each server's read model follows the others' writes.
 */
public final class PostgisStore implements FeatureStore {

    static final String MIGRATIONS = "classpath:db/migration/postgis";
    private static final int MAX_POOL_SIZE = 8;
    /** How long a caller waits for a connection before the store counts as unavailable. */
    private static final long CONNECTION_TIMEOUT_MILLIS = 3000;

    private final String jdbcUrl;
    private final String where;
    private final LayerCatalogue catalogue;
    private final ChangeValidator validator;
    private final HikariDataSource pool;
    private final Map<String, PostgisTable> tables;
    private final JdbcAccountStore accounts;
    private final EditJournal journal;
    private ChangeListener listener;
    private volatile boolean closed;

    private PostgisStore(String jdbcUrl, LayerCatalogue catalogue, HikariDataSource pool, Map<String, PostgisTable> tables) {
        this.jdbcUrl = jdbcUrl;
        this.where = describe(jdbcUrl);
        this.catalogue = catalogue;
        this.validator = new ChangeValidator(catalogue);
        this.pool = pool;
        this.tables = tables;
        this.accounts = new JdbcAccountStore(this::lendConnection, TIMESTAMPTZ, where);
        this.journal = new EditJournal(catalogue, TIMESTAMPTZ);
    }

    private static final InstantColumns TIMESTAMPTZ = new InstantColumns() {
        @Override
        public void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }

        @Override
        public Instant getInstant(ResultSet rows, int index) throws SQLException {
            return rows.getObject(index, OffsetDateTime.class).toInstant();
        }
    };

    @Override
    public AccountStore accounts() {
        return accounts;
    }

    private <T> T lendConnection(JdbcAccountStore.SqlWork<T> work) throws SQLException {
        ensureOpen();
        return withConnection(work::run);
    }

    /**
     * Connects to the database, creates or upgrades its schema with the migrations, and checks that
     * every layer and attribute of the catalogue has its table and column.
     *
     * @param jdbcUrl a {@code jdbc:postgresql://host:port/database?user=…&password=…} URL
     * @throws StoreException when the database cannot be reached or migrated, or lacks a table or column
     */
    public static PostgisStore open(String jdbcUrl, LayerCatalogue catalogue) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://…): " + describe(jdbcUrl));
        }
        Map<String, PostgisTable> tables = new LinkedHashMap<>();
        for (LayerDefinition layer : catalogue.layers()) {
            tables.put(layer.id(), new PostgisTable(layer));
        }
        HikariDataSource pool = connect(jdbcUrl);
        try {
            Flyway.configure().dataSource(pool).locations(MIGRATIONS).load().migrate();
            try (Connection connection = pool.getConnection()) {
                SchemaCheck.verify(connection, List.copyOf(tables.values()));
            }
            return new PostgisStore(jdbcUrl, catalogue, pool, tables);
        } catch (StoreException e) {
            pool.close();
            throw e;
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new StoreException("cannot prepare the tables of " + describe(jdbcUrl) + ": " + e.getMessage(), e);
        }
    }

    private static HikariDataSource connect(String jdbcUrl) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("lilong-postgis");
        config.setMaximumPoolSize(MAX_POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        // Batched INSERTs become multi-row INSERTs: the difference between minutes and seconds for a bulk load.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", "lilong");
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new StoreException("cannot connect to " + describe(jdbcUrl) + ": " + cause.getMessage(), e);
        }
    }

    @Override
    public LayerCatalogue catalogue() {
        return catalogue;
    }

    /** @throws IllegalArgumentException for a layer the catalogue does not have */
    @Override
    public List<Feature> readAll(String layerId) {
        ensureOpen();
        PostgisTable table = table(layerId);
        try {
            return withConnection(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(table.selectAllSql());
                     ResultSet rows = statement.executeQuery()) {
                    return table.readAll(rows);
                }
            });
        } catch (SQLException e) {
            throw new StoreException("cannot read layer '" + layerId + "' from " + where + ": " + reason(e), e);
        }
    }

    /**
     * Runs the work on a pooled connection, and once more on a new one when the first turns out to
     * be dead (the database restarted, or terminated the session, since the pool last used it): the
     * work has not committed anything, and HikariCP discards connections that failed so.
     */
    private <T> T withConnection(SqlWork<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            // A failure to get a connection is not retried: the pool has already waited for one.
            Connection connection = pool.getConnection();
            try (connection) {
                return work.run(connection);
            } catch (SQLException e) {
                if (attempt > 1 || e instanceof CommitFailed || !isConnectionFailure(e) || closed) {
                    throw e;
                }
                // The other idle connections most likely died with this one (a restart, an outage):
                // have the pool replace them all rather than hand out the next dead one.
                pool.getHikariPoolMXBean().softEvictConnections();
            }
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** SQLState class 08 (connection exception) or 57P0x (the server terminated the session or is shutting down). */
    private static boolean isConnectionFailure(SQLException e) {
        String state = sqlState(e);
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    @Override
    public List<Feature> apply(ChangeSet changes) {
        ensureOpen();
        List<ChangeSet.Change> normalised = validator.normalise(changes.changes());
        if (normalised.isEmpty() && changes.metadata().isEmpty()) {
            return List.of();
        }
        try {
            return withConnection(connection -> write(connection, normalised, changes));
        } catch (CommitFailed e) {
            throw new StoreException("the database " + where + " failed while committing; the change set may or may not"
                    + " have been written: " + reason(e.getCause()), e.getCause());
        } catch (SQLException e) {
            throw translate(e);
        } catch (InvalidChangeException | PreconditionFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException("cannot write to " + where + ", nothing was written: " + e.getMessage(), e);
        }
    }

    /** One transaction; rolled back on any failure before the commit. */
    private List<Feature> write(Connection connection, List<ChangeSet.Change> normalised, ChangeSet changes)
            throws SQLException {
        connection.setAutoCommit(false);
        List<Feature> stored;
        try (ChangeWriter writer = new ChangeWriter(connection, tables)) {
            EditJournal.Before before = journal.prepare(changes, normalised, (layerId, id) -> current(connection, layerId, id));
            stored = writer.write(normalised, changes.metadata(), changes.layerIds());
            journal.record(connection, changes, normalised, before, stored);
        } catch (SQLException | RuntimeException e) {
            rollBack(connection, e);
            throw e;
        }
        try {
            connection.commit();
        } catch (SQLException e) {
            throw new CommitFailed(e);
        }
        return stored;
    }

    /** A feature as it is now, its row locked until the write transaction ends. */
    private Optional<Feature> current(Connection connection, String layerId, long featureId) throws SQLException {
        PostgisTable table = tables.get(layerId);
        if (table == null) {
            throw new IllegalArgumentException("unknown layer '" + layerId + "'");
        }
        try (PreparedStatement statement = connection.prepareStatement(table.selectOneForUpdateSql())) {
            statement.setLong(1, featureId);
            try (ResultSet rows = statement.executeQuery()) {
                List<Feature> found = table.readAll(rows);
                return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
            }
        }
    }

    @Override
    public List<HistoryEntry> history(String layerId, long featureId) {
        ensureOpen();
        if (!tables.containsKey(layerId)) {
            throw new IllegalArgumentException("unknown layer '" + layerId + "'");
        }
        try {
            return withConnection(connection -> journal.read(connection, layerId, featureId));
        } catch (SQLException e) {
            throw new StoreException("cannot read the history of feature " + featureId + " of '" + layerId + "' in "
                    + where + ": " + reason(e), e);
        }
    }

    /** A failure of the commit itself, after which the outcome is unknown: never retried. */
    private static final class CommitFailed extends SQLException {
        CommitFailed(SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause);
        }
    }

    /**
     * A broken constraint (SQLState class 23) or a value the database cannot hold (class 22) is the
     * change's fault; anything else (connection lost, deadlock, disk full) is the store's.
     */
    private RuntimeException translate(SQLException e) {
        PSQLException server = serverError(e);
        String state = sqlState(e);
        String message = server != null ? server.getMessage() : reason(e);
        if (state != null && state.startsWith("23")) {
            ServerErrorMessage detail = server == null ? null : server.getServerErrorMessage();
            String constraint = detail == null ? null : detail.getConstraint();
            String layer = detail == null ? null : layerOfTable(detail.getTable());
            if (constraint != null) {
                return new InvalidChangeException((layer == null ? "" : "layer '" + layer + "': ")
                        + "the change breaks the database constraint " + constraint);
            }
            return new InvalidChangeException("the database refuses the change: " + message);
        }
        if (state != null && state.startsWith("22")) {
            return new InvalidChangeException("the database refuses a value: " + message);
        }
        return new StoreException("cannot write to " + where + ", nothing was written: " + message, e);
    }

    /** The SQLState of the server's error if there is one, else the first of the chain (batches chain theirs). */
    private static String sqlState(SQLException e) {
        PSQLException server = serverError(e);
        if (server != null) {
            return server.getSQLState();
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException link = sql; link != null; link = link.getNextException()) {
                    if (link.getSQLState() != null) {
                        return link.getSQLState();
                    }
                }
            }
        }
        return null;
    }

    /** The server's error behind a batch failure, which JDBC reports as a chain of exceptions. */
    private static PSQLException serverError(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p && p.getServerErrorMessage() != null) {
                return p;
            }
            if (t instanceof SQLException sql) {
                for (SQLException next = sql.getNextException(); next != null; next = next.getNextException()) {
                    if (next instanceof PSQLException p && p.getServerErrorMessage() != null) {
                        return p;
                    }
                }
            }
        }
        return null;
    }

    /** The message, with its cause's when the pool wraps the driver's (connection timeouts). */
    private static String reason(Throwable e) {
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !cause.getMessage().equals(e.getMessage())) {
            return e.getMessage() + " (" + cause.getMessage() + ")";
        }
        return e.getMessage();
    }

    private String layerOfTable(String tableName) {
        if (tableName == null) {
            return null;
        }
        return tables.values().stream().filter(t -> t.name().equals(tableName)).map(t -> t.layer().id())
                .findFirst().orElse(null);
    }

    private static void rollBack(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public Map<String, String> metadata() {
        ensureOpen();
        try {
            return withConnection(MetadataTable::readAll);
        } catch (SQLException e) {
            throw new StoreException("cannot read the metadata of " + where + ": " + reason(e), e);
        }
    }

    /** One query: an EXISTS per table. */
    @Override
    public boolean isEmpty() {
        ensureOpen();
        String anyRow = tables.values().stream().map(PostgisTable::anyRowExpression).collect(Collectors.joining(" OR "));
        if (anyRow.isEmpty()) {
            return true;
        }
        try {
            return withConnection(connection -> {
                try (PreparedStatement statement = connection.prepareStatement("SELECT " + anyRow);
                     ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return !rows.getBoolean(1);
                }
            });
        } catch (SQLException e) {
            throw new StoreException("cannot read " + where + ": " + reason(e), e);
        }
    }

    /**
     * Calls the listener with the ids of the layers each commit changed, this process's own
     * included, and with every layer id after the listening connection recovered from a failure.
     * Calls come from one daemon thread; returns once that thread listens.
     */
    @Override
    public void onExternalChange(Consumer<Set<String>> changed) {
        ChangeListener current;
        synchronized (this) {
            ensureOpen();
            if (listener == null) {
                listener = new ChangeListener(jdbcUrl, where, tables.keySet());
            }
            current = listener;
        }
        current.add(changed);
    }

    /** Stops listening and closes the pool; later calls fail with IllegalStateException. Closing twice is harmless. */
    @Override
    public void close() {
        ChangeListener current;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            current = listener;
        }
        if (current != null) {
            current.close();
        }
        pool.close();
    }

    private PostgisTable table(String layerId) {
        PostgisTable table = tables.get(layerId);
        if (table == null) {
            throw new IllegalArgumentException("unknown layer '" + layerId + "'");
        }
        return table;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("PostGIS store " + where + " is closed");
        }
    }

    /** The URL without its parameters, which may hold a password. */
    static String describe(String jdbcUrl) {
        if (jdbcUrl == null) {
            return "(no URL)";
        }
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    @Override
    public String toString() {
        return "PostgisStore[" + where + "]";
    }
}
