package org.lilong.layers.store.postgis;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway database for PostGIS tests, created on the cluster that {@code LILONG_TEST_PG_URL}
 * points at (run-tests starts one) and dropped by {@link #close()}.
 *
 * <p>Without that variable the tests are skipped, unless {@code LILONG_REQUIRE_POSTGIS=true}
 * (run-tests and CI set it), which turns the missing cluster into a failure so that a suite that
 * silently tested one store of two cannot pass.
 */
public final class PostgisTestDatabase implements AutoCloseable {

    public static final String URL_VARIABLE = "LILONG_TEST_PG_URL";
    public static final String REQUIRE_VARIABLE = "LILONG_REQUIRE_POSTGIS";

    private final String adminUrl;
    private final String name;
    private final String url;

    private PostgisTestDatabase(String adminUrl, String name) {
        this.adminUrl = adminUrl;
        this.name = name;
        this.url = withDatabase(adminUrl, name);
    }

    /** Creates an empty database named {@code lilong_t_<random>}; skips or fails the test when there is no cluster. */
    public static PostgisTestDatabase create() {
        String adminUrl = System.getenv(URL_VARIABLE);
        if (adminUrl == null || adminUrl.isBlank()) {
            String why = URL_VARIABLE + " is not set, so there is no PostgreSQL + PostGIS cluster to test against"
                    + " (./run-tests starts one)";
            if ("true".equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE))) {
                Assertions.fail(why + ", and " + REQUIRE_VARIABLE + "=true requires the PostGIS store tests");
            }
            Assumptions.abort("skipping the PostGIS store tests: " + why);
        }
        String name = "lilong_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        PostgisTestDatabase database = new PostgisTestDatabase(adminUrl, name);
        database.admin("CREATE DATABASE " + name);
        return database;
    }

    /** The JDBC URL of this database, with the cluster URL's parameters (user, ...). */
    public String url() {
        return url;
    }

    public String name() {
        return name;
    }

    /** A plain connection to this database (not through any store's pool). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** Runs statements on this database. */
    public void execute(String... sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + String.join("; ", sql) + " on " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs statements on the cluster's maintenance database (to create, drop or lock out this one). */
    public void admin(String... sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl); Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + String.join("; ", sql) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Cuts this database off: new connections are refused and every open one (pools, listeners) is
     * terminated, as when the database server goes away.
     */
    public void cutOff() {
        admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "' AND pid <> pg_backend_pid()");
    }

    /** Lets connections in again after {@link #cutOff()}. */
    public void restore() {
        admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
    }

    /** Drops the database, terminating whatever is still connected. */
    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** The URL with its database name replaced: jdbc:postgresql://host:port/NAME?params. */
    static String withDatabase(String url, String database) {
        String prefix = "jdbc:postgresql://";
        if (!url.startsWith(prefix)) {
            throw new IllegalArgumentException(URL_VARIABLE + " must be a jdbc:postgresql://host:port/database URL: " + url);
        }
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', prefix.length());
        String hostPort = slash < 0 ? base : base.substring(0, slash);
        return hostPort + "/" + database + parameters;
    }
}
