package org.lilong.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.lilong.layers.Atlas;
import org.lilong.layers.standard.LifeCircleProfile;
import org.lilong.layers.store.StoreException;
import org.lilong.server.config.Basemap;
import org.lilong.server.config.BasemapCatalogue;
import org.lilong.server.config.BasemapFile;
import org.lilong.server.config.ServerConfig;
import org.lilong.server.http.LilongServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lilong serve}: opens the store, loads the read model and serves until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the layers, the API and the map page.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--host", description = "address to bind (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String host = ServerConfig.DEFAULT_HOST;

    @Option(names = "--data", description = "data directory holding lilong.gpkg (default: data, unless LILONG_STORE is set)")
    Path data;

    @Option(names = "--store", description = "a PostgreSQL + PostGIS database instead of the GeoPackage:"
            + " jdbc:postgresql://host:port/database?user=…&password=… (default: the LILONG_STORE environment variable)")
    String store;

    @Option(names = "--demo", description = "fill an empty store with the demo district first")
    boolean demo;

    @Option(names = "--basemap", split = ",", paramLabel = "NAME",
            description = "background tiles the page offers, repeated or comma-separated, the first shown at start:"
                    + " none (the default: works offline), osm, tianditu, amap (GCJ-02), an id from --basemaps, or a URL"
                    + " template with {z}/{x}/{y}; the page always offers none too")
    List<String> basemap = new ArrayList<>();

    @Option(names = "--basemaps", paramLabel = "FILE", description = "a JSON list of basemaps to offer as well"
            + " ([{\"id\", \"name\", \"url\", \"subdomains\", \"attribution\", \"maxZoom\", \"crs\": wgs84|cgcs2000|gcj02}])")
    Path basemapsFile;

    @Option(names = "--tianditu-key", description = "the Tianditu key (tk) that --basemap tianditu needs")
    String tiandituKey;

    @Option(names = "--tile-cache-mb", paramLabel = "MB",
            description = "memory for cached vector tiles (default ${DEFAULT-VALUE}; 0 turns the cache off)")
    int tileCacheMegabytes = ServerConfig.DEFAULT_TILE_CACHE_MB;

    @Option(names = "--grid-tolerance", paramLabel = "METRES",
            description = "how far a grid may cross its parent's or a sibling's edge before an edit is refused"
                    + " (default ${DEFAULT-VALUE}; 0–10)")
    double gridTolerance = ServerConfig.DEFAULT_GRID_TOLERANCE_METRES;

    @Option(names = "--profile", paramLabel = "FILE", description = "a life-circle profile (tab-separated, as the shipped"
            + " life-circle-profile.tsv) replacing the default categories, limits and walking speeds; the analysis"
            + " routes accept its base name as profile=")
    Path profile;

    @Override
    public Integer call() throws InterruptedException {
        Serving serving;
        try {
            serving = start();
        } catch (ServeFailure e) {
            System.err.println("lilong serve: " + e.getMessage());
            return e.exitCode;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            serving.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** A server that {@link #start()} started, with the atlas it serves; closing stops both. */
    record Serving(LilongServer server, Atlas atlas) implements AutoCloseable {

        @Override
        public void close() {
            server.stop();
            atlas.close();
        }
    }

    /** The options could not be served: a usage mistake (exit 2) or a store that cannot be read (exit 1). */
    static final class ServeFailure extends Exception {

        final int exitCode;

        ServeFailure(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    /** Checks the options, opens the store, loads the read model and starts serving; the caller stops it. */
    Serving start() throws ServeFailure {
        if (!(gridTolerance >= 0 && gridTolerance <= ServerConfig.MAX_GRID_TOLERANCE_METRES)) {
            throw new ServeFailure(2, "--grid-tolerance must be 0–" + ServerConfig.MAX_GRID_TOLERANCE_METRES + " metres, not " + gridTolerance);
        }
        if (tileCacheMegabytes < 0) {
            throw new ServeFailure(2, "--tile-cache-mb cannot be negative: " + tileCacheMegabytes);
        }
        BasemapCatalogue.Choice choice = basemaps();
        List<Basemap> basemaps = choice.basemaps();
        String defaultBasemap = choice.defaultBasemap();
        LifeCircleProfile lifeCircleProfile = lifeCircleProfile();
        String profileName = profile == null ? ServerConfig.DEFAULT_PROFILE_NAME : baseName(profile);
        StoreLocator location;
        try {
            location = StoreLocator.choose(store, data, ServerConfig.DEFAULT_DATA_DIR, System.getenv());
        } catch (IllegalArgumentException e) {
            throw new ServeFailure(2, e.getMessage());
        }
        Path dataDir = location.dataDir() != null ? location.dataDir() : ServerConfig.DEFAULT_DATA_DIR;
        ServerConfig config = new ServerConfig(host, port, dataDir, basemaps, defaultBasemap, profileName,
                tileCacheMegabytes * 1024L * 1024L, gridTolerance);
        long started = System.nanoTime();
        Atlas atlas;
        try {
            atlas = new Atlas(location.open(), lifeCircleProfile);
        } catch (StoreException e) {
            throw new ServeFailure(1, e.getMessage());
        }
        if (demo) {
            int written = DataDirectory.loadDemoIfEmpty(atlas);
            if (written > 0) {
                System.out.println("Loaded the demo district (synthetic data): " + written + " features");
            }
        }
        LilongServer server;
        try {
            server = LilongServer.start(atlas, config);
        } catch (RuntimeException e) {
            atlas.close(); // the port is taken, say: do not leave the store open behind the error
            throw e;
        }
        String shownHost = host.equals("0.0.0.0") ? "localhost" : host;
        System.out.printf("Lilong is serving %s at http://%s:%d/ (started in %d ms)%n",
                location.describe(), shownHost, server.port(), (System.nanoTime() - started) / 1_000_000);
        if (profile != null) {
            System.out.printf("Life-circle profile '%s' from %s: %d categories, %d walking speeds%n", profileName, profile,
                    lifeCircleProfile.categories().size(), lifeCircleProfile.speeds().size());
        }
        return new Serving(server, atlas);
    }

    /** The --basemap choice among the presets and the --basemaps file, checked before the store is opened. */
    private BasemapCatalogue.Choice basemaps() throws ServeFailure {
        try {
            List<Basemap> fromFile = basemapsFile == null ? List.of() : BasemapFile.read(basemapsFile);
            return new BasemapCatalogue(fromFile, tiandituKey).choose(basemap);
        } catch (IllegalArgumentException e) {
            throw new ServeFailure(2, (e.getMessage().startsWith("--basemap") ? "" : "--basemaps ") + e.getMessage());
        }
    }

    /** The --profile file, read before the store is opened, so a bad file costs nothing; else the shipped profile. */
    private LifeCircleProfile lifeCircleProfile() throws ServeFailure {
        if (profile == null) {
            return LifeCircleProfile.defaults();
        }
        try (InputStream in = Files.newInputStream(profile)) {
            LifeCircleProfile read = LifeCircleProfile.read(in);
            if (read.categories().isEmpty()) {
                throw new ServeFailure(2, "--profile " + profile + ": the profile has no facility categories");
            }
            return read;
        } catch (NoSuchFileException e) {
            throw new ServeFailure(2, "--profile " + profile + ": no such file");
        } catch (IOException e) {
            throw new ServeFailure(2, "--profile " + profile + ": " + e.getMessage());
        }
    }

    /** "elderly-first" for elderly-first.tsv: the name the analysis routes accept as profile=. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
