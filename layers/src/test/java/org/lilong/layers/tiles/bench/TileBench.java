package org.lilong.layers.tiles.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.model.Visibility;
import org.lilong.layers.store.gpkg.GeoPackageStore;
import org.lilong.layers.tiles.EncodedTile;
import org.lilong.layers.tiles.TileAddress;
import org.lilong.layers.tiles.TileCrs;
import org.lilong.layers.tiles.TileService;

/**
 * In-process vector-tile timings (issue 7), a command rather than a test; {@code bench/tiles.sh}
 * runs it.
 * <pre>
 *   TileBench tiles  DATA_DIR TILES_TXT WARMUP ROUNDS    the anchors' tile list, uncached then cached
 *   TileBench city   DATA_DIR SIDE                       make the generated city in DATA_DIR/lilong.gpkg if missing
 *   TileBench zooms  DATA_DIR SAMPLES WARMUP ROUNDS      median / p95 per zoom z12–z16 over tiles sampled from the data
 *   TileBench list   DATA_DIR Z SAMPLES                  print that zoom's sample as z/x/y lines (for wrk)
 * </pre>
 */
public final class TileBench {

    private TileBench() {
    }

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "tiles" -> tileList(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "city" -> GeneratedCity.writeIfMissing(Path.of(args[1]), Integer.parseInt(args[2]));
            case "zooms" -> zooms(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "list" -> {
                try (Atlas atlas = open(Path.of(args[1]))) {
                    CityTiles.sample(atlas.index(LayerCatalogue.STREETS).extent(), Integer.parseInt(args[2]), Integer.parseInt(args[3]))
                            .forEach(System.out::println);
                }
            }
            default -> throw new IllegalArgumentException("tiles | city | zooms, not " + args[0]);
        }
    }

    private static void tileList(Path dataDir, Path tileList, int warmup, int rounds) throws IOException {
        List<TileAddress> tiles = new ArrayList<>();
        for (String line : Files.readAllLines(tileList)) {
            String[] zxy = line.trim().split("/");
            if (zxy.length == 3) {
                tiles.add(new TileAddress(Integer.parseInt(zxy[0]), Integer.parseInt(zxy[1]), Integer.parseInt(zxy[2])));
            }
        }
        try (Atlas atlas = open(dataDir)) {
            List<String> layers = layerIds(atlas);
            memory("after loading the store", atlas);
            for (long cacheBytes : new long[] {0, 256L << 20}) {
                TileService service = new TileService(atlas, cacheBytes);
                long start = System.nanoTime();
                service.prepare(layers);
                System.out.printf(Locale.ROOT, "projection of %s: %.0f ms%n", layers, (System.nanoTime() - start) / 1e6);
                String label = cacheBytes == 0 ? "uncached" : "cached";
                Map<Integer, List<Double>> byZoom = new TreeMap<>();
                long bytesPerPass = 0;
                for (int round = 0; round < warmup + rounds; round++) {
                    bytesPerPass = 0;
                    for (TileAddress tile : tiles) {
                        long t0 = System.nanoTime();
                        EncodedTile encoded = service.tile(layers, tile, TileCrs.WGS84, Visibility.PUBLIC);
                        double ms = (System.nanoTime() - t0) / 1e6;
                        bytesPerPass += encoded.bytes().length;
                        if (round >= warmup) {
                            byZoom.computeIfAbsent(tile.z(), z -> new ArrayList<>()).add(ms);
                        }
                    }
                }
                List<Double> all = new ArrayList<>();
                byZoom.values().forEach(all::addAll);
                report(label + " all tiles", all);
                byZoom.forEach((z, times) -> report(label + " z" + z + " (" + times.size() / rounds + " tiles)", times));
                System.out.printf(Locale.ROOT, "%s bytes per pass of %d tiles: %,d%n", label, tiles.size(), bytesPerPass);
                memory("after the " + label + " runs", atlas);
            }
        }
    }

    private static void zooms(Path dataDir, int samples, int warmup, int rounds) {
        try (Atlas atlas = open(dataDir)) {
            List<String> layers = layerIds(atlas);
            int features = layers.stream().mapToInt(id -> atlas.index(id).size()).sum();
            System.out.printf(Locale.ROOT, "layers %s, %,d features%n", layers, features);
            memory("after loading the store", atlas);
            var extent = atlas.index(LayerCatalogue.STREETS).extent();
            for (long cacheBytes : new long[] {0, 256L << 20}) {
                TileService service = new TileService(atlas, cacheBytes);
                long start = System.nanoTime();
                service.prepare(layers);
                System.out.printf(Locale.ROOT, "projection: %.0f ms%n", (System.nanoTime() - start) / 1e6);
                memory("after projection", atlas);
                String label = cacheBytes == 0 ? "uncached" : "cached";
                for (int z = 12; z <= 16; z++) {
                    List<TileAddress> tiles = CityTiles.sample(extent, z, samples);
                    List<Double> times = new ArrayList<>();
                    long bytes = 0;
                    for (int round = 0; round < warmup + rounds; round++) {
                        for (TileAddress tile : tiles) {
                            long t0 = System.nanoTime();
                            EncodedTile encoded = service.tile(layers, tile, TileCrs.WGS84, Visibility.PUBLIC);
                            double ms = (System.nanoTime() - t0) / 1e6;
                            if (round >= warmup) {
                                times.add(ms);
                                bytes += encoded.bytes().length;
                            }
                        }
                    }
                    report(label + " z" + z + " (" + tiles.size() + " tiles, mean " + bytes / Math.max(1, times.size()) + " B)", times);
                }
                memory("after the " + label + " runs", atlas);
            }
        }
    }

    static Atlas open(Path dataDir) {
        return new Atlas(GeoPackageStore.open(dataDir.resolve("lilong.gpkg"), LayerCatalogue.standard()));
    }

    /** The layers holding features, in catalogue order. */
    static List<String> layerIds(Atlas atlas) {
        return atlas.catalogue().layers().stream().map(LayerDefinition::id).filter(id -> atlas.index(id).size() > 0).toList();
    }

    static void report(String label, List<Double> millis) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double total = Arrays.stream(sorted).sum();
        System.out.printf(Locale.ROOT, "%-44s median %.3f ms  p95 %.3f ms  %,.0f tiles/s (one thread)%n",
                label, percentile(sorted, 50), percentile(sorted, 95), sorted.length / (total / 1000));
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static void memory(String when, Atlas atlas) {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long heap = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf(Locale.ROOT, "memory %s: heap used %,d MiB, RSS %s%n", when, heap >> 20, rss());
    }

    private static String rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return line.substring(6).trim();
                }
            }
        } catch (IOException e) {
            return "?";
        }
        return "?";
    }
}
