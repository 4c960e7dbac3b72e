package org.lilong.server.cli;

import java.nio.file.Path;
import java.util.Map;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.store.FeatureStore;
import org.lilong.layers.store.gpkg.GeoPackageStore;
import org.lilong.layers.store.postgis.PostgisStore;

/**
 * Which store a command opens: a PostgreSQL + PostGIS database named by {@code --store} (or the
 * {@value #ENVIRONMENT_VARIABLE} environment variable), else the GeoPackage in the data directory.
 * An option given on the command line wins over the environment: {@code --data DIR} opens the
 * GeoPackage even where {@value #ENVIRONMENT_VARIABLE} is set.
 *
 * @param jdbcUrl the database, or null for the GeoPackage
 * @param dataDir the data directory holding {@value DataDirectory#FILE_NAME}, or null for the database
 */
record StoreLocator(String jdbcUrl, Path dataDir) {

    static final String ENVIRONMENT_VARIABLE = "LILONG_STORE";
    static final String URL_PREFIX = "jdbc:postgresql://";

    /**
     * @param store the {@code --store} option, or null
     * @param data the {@code --data} option, or null
     * @param defaultDataDir the data directory when nothing else is named, or null when one must be named
     * @throws IllegalArgumentException when both options are given, a URL is not PostgreSQL's, or nothing is named
     */
    static StoreLocator choose(String store, Path data, Path defaultDataDir, Map<String, String> environment) {
        if (store != null && data != null) {
            throw new IllegalArgumentException("give --store or --data, not both");
        }
        if (store != null) {
            return database(store, "--store");
        }
        if (data != null) {
            return new StoreLocator(null, data);
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return database(fromEnvironment.trim(), ENVIRONMENT_VARIABLE);
        }
        if (defaultDataDir == null) {
            throw new IllegalArgumentException("give --data DIR (a GeoPackage) or --store " + URL_PREFIX
                    + "host:port/database (or set " + ENVIRONMENT_VARIABLE + ")");
        }
        return new StoreLocator(null, defaultDataDir);
    }

    private static StoreLocator database(String url, String source) {
        if (!url.startsWith(URL_PREFIX)) {
            throw new IllegalArgumentException(source + " must be a PostgreSQL JDBC URL, " + URL_PREFIX
                    + "host:port/database?user=…&password=…");
        }
        return new StoreLocator(url, null);
    }

    boolean isDatabase() {
        return jdbcUrl != null;
    }

    FeatureStore open() {
        return isDatabase() ? PostgisStore.open(jdbcUrl, LayerCatalogue.standard()) : DataDirectory.open(dataDir);
    }

    /** Where the data is, for messages: the URL without its parameters (which may hold a password). */
    String describe() {
        if (isDatabase()) {
            int query = jdbcUrl.indexOf('?');
            return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        }
        return dataDir.resolve(DataDirectory.FILE_NAME).toString();
    }
}
