package org.lilong.server.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.lilong.layers.Atlas;
import org.lilong.layers.store.StoreException;
import org.lilong.server.config.Basemap;
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

    @Option(names = "--basemap", description = "background tiles: none (default, works offline), osm, tianditu, or a URL template with {z}/{x}/{y}")
    String basemap = Basemap.NONE;

    @Option(names = "--tianditu-key", description = "the Tianditu key (tk) that --basemap tianditu needs")
    String tiandituKey;

    @Override
    public Integer call() throws InterruptedException {
        List<Basemap> basemaps = new ArrayList<>();
        String defaultBasemap = Basemap.NONE;
        switch (basemap) {
            case Basemap.NONE -> { }
            case "osm" -> basemaps.add(Basemap.openStreetMap());
            case "tianditu" -> {
                if (tiandituKey == null) {
                    System.err.println("lilong serve: --basemap tianditu needs --tianditu-key");
                    return 2;
                }
                basemaps.add(Basemap.tianditu(tiandituKey));
            }
            default -> {
                if (!basemap.contains("{z}") || !basemap.contains("{x}") || !basemap.contains("{y}")) {
                    System.err.println("lilong serve: --basemap must be none, osm, tianditu or a URL template with {z}, {x} and {y}");
                    return 2;
                }
                basemaps.add(Basemap.custom(basemap));
            }
        }
        if (!basemaps.isEmpty()) {
            defaultBasemap = basemaps.get(0).id();
        }
        StoreLocator location;
        try {
            location = StoreLocator.choose(store, data, ServerConfig.DEFAULT_DATA_DIR, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("lilong serve: " + e.getMessage());
            return 2;
        }
        Path dataDir = location.dataDir() != null ? location.dataDir() : ServerConfig.DEFAULT_DATA_DIR;
        ServerConfig config = new ServerConfig(host, port, dataDir, basemaps, defaultBasemap);
        long started = System.nanoTime();
        Atlas atlas;
        try {
            atlas = new Atlas(location.open());
        } catch (StoreException e) {
            System.err.println("lilong serve: " + e.getMessage());
            return 1;
        }
        if (demo) {
            int written = DataDirectory.loadDemoIfEmpty(atlas);
            if (written > 0) {
                System.out.println("Loaded the demo district (synthetic data): " + written + " features");
            }
        }
        LilongServer server = LilongServer.start(atlas, config);
        String shownHost = host.equals("0.0.0.0") ? "localhost" : host;
        System.out.printf("Lilong is serving %s at http://%s:%d/ (started in %d ms)%n",
                location.describe(), shownHost, server.port(), (System.nanoTime() - started) / 1_000_000);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            atlas.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
