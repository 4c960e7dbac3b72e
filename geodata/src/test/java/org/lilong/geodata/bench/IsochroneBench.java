package org.lilong.geodata.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.lilong.geodata.osm.OsmStreetImporter;
import org.lilong.layers.isochrone.Isochrone;
import org.lilong.layers.isochrone.IsochroneBuilder;
import org.lilong.layers.network.EdgePosition;
import org.lilong.layers.network.LocalScale;
import org.lilong.layers.network.NearestEdgeSnapper;
import org.lilong.layers.network.ShortestPathTree;
import org.lilong.layers.network.SnapResult;
import org.lilong.layers.network.WalkingNetwork;
import org.lilong.layers.network.WalkingNetworkBuilder;
import org.locationtech.jts.geom.Coordinate;

/**
 * The in-process isochrone benchmark behind {@code bench/isochrones.sh}: walking search alone, and
 * search plus polygon, from the anchors' 50 fixed origins on the real Huangpu extract and on the
 * anchors' synthetic grid, and searches on a generated network of over a million edges.
 *
 * <p>A hand-made harness rather than JMH, because JMH's annotation processor is not in the offline
 * repository; it follows JMH's sample-time mode: several JVM forks (each a fresh {@code java}
 * process started by this one), warm-up rounds over all origins, then measured rounds timing every
 * single operation with {@link System#nanoTime()}, results consumed so the JIT cannot drop them.
 * Figures are the median over forks of each fork's median and 95th percentile, with the forks'
 * range of medians, as the anchors' GraphHopper rows give them.
 *
 * <pre>
 *   IsochroneBench huangpu.osm origins-huangpu.csv synth.osm origins-synth.csv [forks] [gridSide]
 * </pre>
 */
public final class IsochroneBench {

    private static final int WARMUP_ROUNDS = 20;
    private static final int MEASURED_ROUNDS = 20;
    private static final double FIFTEEN_MINUTES_AT_1_1 = 990;
    private static final double FIFTEEN_MINUTES_AT_5_KMH = 1250;

    /** Figures from /work/shared/anchors/RESULTS.md (huangpu, synth), medians in ms. */
    private static final Map<String, double[]> ANCHORS = new LinkedHashMap<>();

    static {
        ANCHORS.put("GraphHopper 11 full isochrone 15 min (SPT + triangulation + contour)", new double[] {1.39, 3.70});
        ANCHORS.put("GraphHopper 11 full isochrone 1000 m", new double[] {5.21, 16.5});
        ANCHORS.put("GraphHopper 11 snap + ShortestPathTree 1000 m", new double[] {0.30, 0.32});
        ANCHORS.put("pgRouting pgr_drivingDistance 1000 m, whole table", new double[] {1.11, 270.5});
        ANCHORS.put("pgRouting pgr_drivingDistance 1000 m, edges in a box", new double[] {1.11, 1.52});
        ANCHORS.put("PostGIS 25 m buffer of reached edges (polygon alone)", new double[] {13.5, 13.6});
        ANCHORS.put("pgRouting + PostGIS concave hull, one statement", new double[] {1.59, 2.86});
    }

    private static volatile double sink;

    private IsochroneBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--fork")) {
            fork(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length < 4) {
            System.err.println("usage: IsochroneBench huangpu.osm origins-huangpu.csv synth.osm origins-synth.csv [forks] [gridSide]");
            System.exit(2);
        }
        int forks = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        Map<String, List<String[]>> results = new LinkedHashMap<>();
        for (int f = 0; f < forks; f++) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms3g", "-Xmx3g", "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                    IsochroneBench.class.getName(), "--fork"));
            command.addAll(Arrays.asList(args).subList(0, Math.min(args.length, 4)));
            command.add(args.length > 5 ? args[5] : "710");
            command.add(f == 0 ? "notes" : "quiet");
            System.out.printf("fork %d of %d …%n", f + 1, forks);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("RESULT\t")) {
                        String[] cells = line.split("\t");
                        results.computeIfAbsent(cells[1], k -> new ArrayList<>()).add(cells);
                    } else {
                        System.out.println("  " + line);
                    }
                }
            }
            if (process.waitFor() != 0) {
                throw new IllegalStateException("fork " + (f + 1) + " failed");
            }
        }
        report(results, forks);
    }

    /** One fork: loads the networks, runs every workload, prints RESULT lines for the parent. */
    private static void fork(String[] args) throws IOException {
        boolean notes = args.length > 5 && args[5].equals("notes");
        runNetwork("huangpu", loadOsm(Path.of(args[0]), notes), Path.of(args[1]), notes);
        runNetwork("synth", loadOsm(Path.of(args[2]), notes), Path.of(args[3]), notes);
        runMillion(Integer.parseInt(args[4]), notes);
    }

    private static WalkingNetwork loadOsm(Path file, boolean notes) {
        long start = System.nanoTime();
        WalkingNetwork network = WalkingNetwork.fromStreets(new OsmStreetImporter().read(file).streets());
        if (notes) {
            System.out.printf("%s: %s, read and built in %.1f s, %d bytes/edge%n", file.getFileName(), network,
                    (System.nanoTime() - start) / 1e9, network.memoryBytes() / Math.max(1, network.edgeCount()));
        }
        return network;
    }

    private static void runNetwork(String name, WalkingNetwork network, Path originsCsv, boolean notes) throws IOException {
        long start = System.nanoTime();
        IsochroneBuilder builder = new IsochroneBuilder(network, List.of());
        NearestEdgeSnapper snapper = new NearestEdgeSnapper(network);
        if (notes) {
            System.out.printf("%s: isochrone builder and snapper ready in %.0f ms%n", name, (System.nanoTime() - start) / 1e6);
        }
        double[][] origins = readOrigins(originsCsv);
        ShortestPathTree tree = new ShortestPathTree(network);
        for (double[] o : origins) {
            SnapResult snap = snapper.snap(o[0], o[1]);
            if (snap.isTooFar()) {
                throw new IllegalStateException(name + ": origin " + Arrays.toString(o) + " is off the network");
            }
        }
        time(name, "search 1000 m (snap + search)", origins, (o) -> {
            tree.from(snapper.snap(o[0], o[1]).position(), 1000);
            return tree.reachedCount();
        });
        time(name, "isochrone 990 m = 15 min at 1.1 m/s (snap + search + polygon)", origins, (o) -> {
            tree.from(snapper.snap(o[0], o[1]).position(), FIFTEEN_MINUTES_AT_1_1);
            return builder.build(tree, FIFTEEN_MINUTES_AT_1_1).get(0).areaSquareMetres();
        });
        time(name, "isochrone 1250 m = 15 min at 5 km/h (snap + search + polygon)", origins, (o) -> {
            tree.from(snapper.snap(o[0], o[1]).position(), FIFTEEN_MINUTES_AT_5_KMH);
            return builder.build(tree, FIFTEEN_MINUTES_AT_5_KMH).get(0).areaSquareMetres();
        });
        time(name, "isochrones 5, 10, 15 min at 1.1 m/s in one call", origins, (o) -> {
            tree.from(snapper.snap(o[0], o[1]).position(), FIFTEEN_MINUTES_AT_1_1);
            return builder.build(tree, 330, 660, 990).get(2).areaSquareMetres();
        });
        time(name, "isochrone 1000 m (snap + search + polygon)", origins, (o) -> {
            tree.from(snapper.snap(o[0], o[1]).position(), 1000);
            return builder.build(tree, 1000).get(0).areaSquareMetres();
        });
        time(name, "polygon alone, 1000 m", origins, new Op() {
            @Override
            public void prepare(double[] o) {
                tree.from(snapper.snap(o[0], o[1]).position(), 1000);
            }

            @Override
            public double run(double[] o) {
                return builder.build(tree, 1000).get(0).areaSquareMetres();
            }
        });
        figure(name, "reached nodes within 1000 m", origins, o -> {
            tree.from(snapper.snap(o[0], o[1]).position(), 1000);
            return tree.reachedCount();
        }, "nodes");
        figure(name, "isochrone area at 1000 m", origins, o -> {
            tree.from(snapper.snap(o[0], o[1]).position(), 1000);
            return builder.build(tree, 1000).get(0).areaSquareMetres() / 1e6;
        }, "km²");
        figure(name, "isochrone area at 990 m", origins, o -> {
            tree.from(snapper.snap(o[0], o[1]).position(), 990);
            return builder.build(tree, 990).get(0).areaSquareMetres() / 1e6;
        }, "km²");
        figure(name, "polygon vertices at 990 m", origins, o -> {
            tree.from(snapper.snap(o[0], o[1]).position(), 990);
            return builder.build(tree, 990).get(0).area().getNumPoints();
        }, "vertices");
    }

    /** The generated network of side × side nodes (2·side·(side−1) edges), searched from 50 random points. */
    private static void runMillion(int side, boolean notes) {
        long start = System.nanoTime();
        WalkingNetwork network = perturbedGrid(side, new Random(20240615));
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        String name = "grid" + side;
        System.out.printf("RESULT\t%s\t%s\t%d\t%d\t%.1f%n", name + "|size", "edges, bytes/edge, build s", network.edgeCount(),
                network.memoryBytes() / network.edgeCount(), buildSeconds);
        if (notes) {
            System.out.printf("%s: %s, generated and built in %.1f s%n", name, network, buildSeconds);
        }
        Random random = new Random(42);
        double[][] origins = new double[50][];
        for (int k = 0; k < origins.length; k++) {
            origins[k] = new double[] {random.nextInt(network.edgeCount()), random.nextDouble()};
        }
        ShortestPathTree tree = new ShortestPathTree(network);
        IsochroneBuilder builder = new IsochroneBuilder(network, List.of());
        time(name, "search 1000 m", origins, o -> {
            tree.from(new EdgePosition((int) o[0], o[1]), 1000);
            return tree.reachedCount();
        });
        time(name, "search 990 m = 15 min at 1.1 m/s", origins, o -> {
            tree.from(new EdgePosition((int) o[0], o[1]), 990);
            return tree.reachedCount();
        });
        time(name, "isochrone 990 m (search + polygon)", origins, o -> {
            tree.from(new EdgePosition((int) o[0], o[1]), 990);
            return builder.build(tree, 990).get(0).areaSquareMetres();
        });
        double[][] few = Arrays.copyOf(origins, 5);
        long whole = System.nanoTime();
        for (double[] o : few) {
            tree.from(new EdgePosition((int) o[0], o[1]), Double.MAX_VALUE);
            sink += tree.reachedCount();
        }
        System.out.printf("RESULT\t%s\t%s\t%.1f%n", name + "|whole", "search of the whole network (ms, mean of 5)",
                (System.nanoTime() - whole) / 1e6 / few.length);
        figure(name, "reached nodes within 1000 m", origins, o -> {
            tree.from(new EdgePosition((int) o[0], o[1]), 1000);
            return tree.reachedCount();
        }, "nodes");
    }

    /** A perturbed grid, 80 m apart with ±15 m jitter, south-west corner in Pudong. */
    static WalkingNetwork perturbedGrid(int side, Random random) {
        LocalScale scale = LocalScale.at(31.1);
        Coordinate[] at = new Coordinate[side * side];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                double x = i * 80 + (2 * random.nextDouble() - 1) * 15;
                double y = j * 80 + (2 * random.nextDouble() - 1) * 15;
                at[i * side + j] = new Coordinate(121.5 + x / scale.metresPerDegreeLon(), 31.0 + y / scale.metresPerDegreeLat());
            }
        }
        WalkingNetworkBuilder builder = new WalkingNetworkBuilder();
        long id = 1;
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                if (i + 1 < side) {
                    builder.add(id++, at[i * side + j], at[(i + 1) * side + j]);
                }
                if (j + 1 < side) {
                    builder.add(id++, at[i * side + j], at[i * side + j + 1]);
                }
            }
        }
        return builder.build();
    }

    /** An operation on one origin; {@link #prepare} is not timed. */
    private interface Op {
        default void prepare(double[] origin) {
        }

        double run(double[] origin);
    }

    private static void time(String network, String workload, double[][] origins, Op op) {
        for (int round = 0; round < WARMUP_ROUNDS; round++) {
            for (double[] o : origins) {
                op.prepare(o);
                sink += op.run(o);
            }
        }
        double[] samples = new double[MEASURED_ROUNDS * origins.length];
        int n = 0;
        for (int round = 0; round < MEASURED_ROUNDS; round++) {
            for (double[] o : origins) {
                op.prepare(o);
                long t0 = System.nanoTime();
                sink += op.run(o);
                samples[n++] = (System.nanoTime() - t0) / 1e6;
            }
        }
        Arrays.sort(samples);
        System.out.printf(Locale.ROOT, "RESULT\t%s|%s\t%.4f\t%.4f%n", network, workload, percentile(samples, 0.5),
                percentile(samples, 0.95));
    }

    private static void figure(String network, String what, double[][] origins, ToDoubleFunction<double[]> f, String unit) {
        double[] values = new double[origins.length];
        for (int k = 0; k < origins.length; k++) {
            values[k] = f.applyAsDouble(origins[k]);
        }
        Arrays.sort(values);
        System.out.printf(Locale.ROOT, "RESULT\t%s|%s\t%.3f\t%.3f\t%.3f\t%s%n", network, "figure: " + what,
                percentile(values, 0.5), values[0], values[values.length - 1], unit);
    }

    private static double percentile(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double[][] readOrigins(Path csv) throws IOException {
        List<double[]> origins = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            if (line.isBlank() || line.startsWith("idx")) {
                continue;
            }
            String[] cells = line.split(",");
            origins.add(new double[] {Double.parseDouble(cells[3]), Double.parseDouble(cells[2])});
        }
        return origins.toArray(double[][]::new);
    }

    private static void report(Map<String, List<String[]>> results, int forks) {
        System.out.printf("%nResults: %d forks × %d rounds × 50 origins measured after %d warm-up rounds; ms; median over forks"
                + " [range of fork medians]%n", forks, MEASURED_ROUNDS, WARMUP_ROUNDS);
        Map<String, Double> medians = new LinkedHashMap<>();
        for (Map.Entry<String, List<String[]>> entry : results.entrySet()) {
            List<String[]> rows = entry.getValue();
            String key = entry.getKey();
            if (key.endsWith("|size") || key.endsWith("|whole")) {
                String[] last = rows.get(rows.size() - 1);
                System.out.printf("%-78s %s%n", key.replace('|', ' ') + " (" + last[2] + ")",
                        String.join("  ", Arrays.copyOfRange(last, 3, last.length)));
                continue;
            }
            double[] first = column(rows, 2);
            double[] second = column(rows, 3);
            double median = middle(first);
            medians.put(key, median);
            if (key.contains("figure: ")) {
                System.out.printf(Locale.ROOT, "%-78s median %.3f %s (min %s, max %s)%n", key.replace('|', ' '), median,
                        rows.get(0)[5], rows.get(0)[3], rows.get(0)[4]);
            } else {
                System.out.printf(Locale.ROOT, "%-78s median %7.3f  p95 %7.3f  [%.3f–%.3f]%n", key.replace('|', ' '), median,
                        middle(second), first[0], first[first.length - 1]);
            }
        }
        System.out.printf("%nAgainst the anchors (RESULTS.md), ratio = peer median ÷ Lilong median:%n");
        for (int net = 0; net < 2; net++) {
            String name = net == 0 ? "huangpu" : "synth";
            double iso990 = medians.getOrDefault(name + "|isochrone 990 m = 15 min at 1.1 m/s (snap + search + polygon)", Double.NaN);
            double iso1000 = medians.getOrDefault(name + "|isochrone 1000 m (snap + search + polygon)", Double.NaN);
            double search = medians.getOrDefault(name + "|search 1000 m (snap + search)", Double.NaN);
            double polygon = medians.getOrDefault(name + "|polygon alone, 1000 m", Double.NaN);
            double target = net == 0 ? 0.5 : 1.5;
            System.out.printf(Locale.ROOT, "  %s: 15-min isochrone %.3f ms, target ≤ %.1f ms: %s%n", name, iso990, target,
                    iso990 <= target ? "met" : "NOT met");
            for (Map.Entry<String, double[]> anchor : ANCHORS.entrySet()) {
                String label = anchor.getKey();
                double ours = label.contains("15 min") ? iso990
                        : label.contains("full isochrone 1000") || label.contains("concave hull") ? iso1000
                        : label.contains("polygon alone") ? polygon : search;
                System.out.printf(Locale.ROOT, "    %-70s %8.2f ms  vs ours %.3f ms: %6.1f×%s%n", label, anchor.getValue()[net],
                        ours, anchor.getValue()[net] / ours, label.startsWith("pgRouting pgr") ? " (target ≥ 20×)" : "");
            }
        }
    }

    private static double[] column(List<String[]> rows, int index) {
        return rows.stream().mapToDouble(r -> Double.parseDouble(r[index])).sorted().toArray();
    }

    private static double middle(double[] sorted) {
        return sorted[(sorted.length - 1) / 2];
    }
}
