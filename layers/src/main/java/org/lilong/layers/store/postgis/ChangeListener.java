package org.lilong.layers.store.postgis;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells this process which layers other processes changed. A daemon thread holds its own
 * connection (not one of the pool's: it stays open for the life of the store), LISTENs on
 * {@link ChangeWriter#CHANNEL} and hands each batch of notifications to the listeners as one set of
 * layer ids; our own commits come back too, which costs a harmless second refresh.
 *
 * <p>When the connection fails (database restarted, network gone, session terminated), the thread
 * reconnects with a backoff from 250 ms doubling to 5 s, and once LISTENing again tells the
 * listeners that every layer changed, since notifications sent meanwhile are lost. A connection
 * that dies silently is noticed by a validity check after 5 s without notifications.
 */
final class ChangeListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);
    private static final long FIRST_BACKOFF_MILLIS = 250;
    private static final long MAX_BACKOFF_MILLIS = 5000;
    private static final int POLL_MILLIS = 500;
    private static final long CHECK_AFTER_MILLIS = 5000;

    private final String jdbcUrl;
    private final String where;
    private final Set<String> allLayerIds;
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstAttempt = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean stopping;

    ChangeListener(String jdbcUrl, String where, Set<String> allLayerIds) {
        this.jdbcUrl = jdbcUrl;
        this.where = where;
        this.allLayerIds = Set.copyOf(allLayerIds);
        this.thread = new Thread(this::run, "lilong-postgis-listener");
        thread.setDaemon(true);
    }

    /**
     * Adds a listener, starting the thread on the first call and waiting (up to 10 s) for its first
     * LISTEN, so that a caller that reads the store afterwards misses no commit.
     */
    void add(Consumer<Set<String>> listener) {
        listeners.add(listener);
        synchronized (this) {
            if (thread.getState() == Thread.State.NEW) {
                thread.start();
            }
        }
        try {
            firstAttempt.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long backoff = FIRST_BACKOFF_MILLIS;
        boolean missedSome = false;
        while (!stopping) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + ChangeWriter.CHANNEL);
                }
                firstAttempt.countDown();
                if (missedSome) {
                    LOG.info("listening for changes to {} again; reloading every layer", where);
                    deliver(allLayerIds);
                    missedSome = false;
                }
                backoff = FIRST_BACKOFF_MILLIS;
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                firstAttempt.countDown();
                if (stopping) {
                    break;
                }
                if (!missedSome) {
                    LOG.warn("lost the connection that listens for changes to {}; retrying: {}", where, e.getMessage());
                } else {
                    LOG.debug("still cannot listen for changes to {}: {}", where, e.getMessage());
                }
                missedSome = true;
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    break;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /** Polls for notifications until stopped or the connection fails. */
    private void listen(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (!stopping) {
            PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
            if (notifications != null && notifications.length > 0) {
                Set<String> layerIds = new TreeSet<>();
                for (PGNotification notification : notifications) {
                    layerIds.addAll(parse(notification.getParameter()));
                }
                deliver(layerIds);
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > TimeUnit.MILLISECONDS.toNanos(CHECK_AFTER_MILLIS)) {
                if (!connection.isValid(2)) {
                    throw new SQLException("the listening connection is no longer valid");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    /** The payload is the comma-separated ids of the changed layers; empty when only metadata changed. */
    static Set<String> parse(String payload) {
        Set<String> layerIds = new TreeSet<>();
        if (payload != null) {
            Arrays.stream(payload.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(layerIds::add);
        }
        return layerIds;
    }

    private void deliver(Set<String> layerIds) {
        for (Consumer<Set<String>> listener : listeners) {
            try {
                listener.accept(Set.copyOf(layerIds));
            } catch (RuntimeException e) {
                LOG.warn("a listener for changes to {} failed", where, e);
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "lilong-listener");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection = new org.postgresql.Driver().connect(jdbcUrl, properties);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + where);
        }
        return connection;
    }

    /** Stops the thread and closes its connection; waits at most a second or so. */
    @Override
    public void close() {
        stopping = true;
        thread.interrupt();
        if (thread.getState() != Thread.State.NEW) {
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
