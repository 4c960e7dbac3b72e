package org.lilong.geodata.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.lilong.geodata.demo.DemoDistrict;
import org.lilong.geodata.demo.DemoDistrictGenerator;
import org.lilong.layers.coverage.CategoryCoverage;
import org.lilong.layers.coverage.CoverageAnalysis;
import org.lilong.layers.coverage.SiteSuggestion;
import org.lilong.layers.lifecircle.LifeCircleAnalysis;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.GridLevel;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.network.LocalScale;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.standard.FacilityCategory;
import org.lilong.layers.standard.LifeCircleProfile;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * The coverage benchmark behind {@code bench/coverage.sh}: the all-categories summary on the demo
 * district, and on a generated city of over a million street edges, 20,000+ residential units and
 * 5,000+ facilities, the summary and site suggestions for k = 5.
 *
 * <p>A hand-made harness like {@link IsochroneBench} (no JMH offline): several JVM forks, warm-up
 * runs, then measured runs each timed with {@link System#nanoTime()}, results consumed. Figures are
 * the median over forks of each fork's median, with the range of fork medians.
 *
 * <pre>
 *   CoverageBench [forks=3] [gridSide=710] [units=24000] [facilities=5200]
 * </pre>
 */
public final class CoverageBench {

    private static final int DEMO_WARMUP = 10;
    private static final int DEMO_MEASURED = 30;
    private static final int CITY_WARMUP = 2;
    private static final int CITY_MEASURED = 5;
    /** Street spacing of the generated city (as in {@link IsochroneBench#perturbedGrid}). */
    private static final double SPACING = 80;

    private static volatile double sink;

    private CoverageBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--fork")) {
            fork(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        int forks = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String side = args.length > 1 ? args[1] : "710";
        String units = args.length > 2 ? args[2] : "24000";
        String facilities = args.length > 3 ? args[3] : "5200";
        Map<String, List<String[]>> results = new LinkedHashMap<>();
        for (int f = 0; f < forks; f++) {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms4g", "-Xmx4g", "-XX:+UseParallelGC", "-cp", System.getProperty("java.class.path"),
                    CoverageBench.class.getName(), "--fork", side, units, facilities, f == 0 ? "notes" : "quiet");
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

    private static void fork(String[] args) {
        boolean notes = args[3].equals("notes");
        demo(notes);
        city(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), notes);
    }

    private static void demo(boolean notes) {
        long start = System.nanoTime();
        DemoDistrict district = DemoDistrictGenerator.generate();
        LifeCircleAnalysis lifeCircle = LifeCircleAnalysis.build(district.features(LayerCatalogue.STREETS),
                district.features(LayerCatalogue.WATER), district.features(LayerCatalogue.SERVICE_STATIONS),
                district.features(LayerCatalogue.POCKET_PARKS), LifeCircleProfile.defaults());
        long built = System.nanoTime();
        CoverageAnalysis coverage = CoverageAnalysis.build(lifeCircle, district.features(LayerCatalogue.RESIDENTIAL_AREAS),
                district.features(LayerCatalogue.GRIDS));
        double coverageBuild = (System.nanoTime() - built) / 1e6;
        if (notes) {
            System.out.printf(Locale.ROOT, "demo: %s, %d units, %d facilities; generated and life circle built in %.0f ms,"
                            + " coverage analysis built in %.0f ms%n", lifeCircle.network(), coverage.units().size(),
                    lifeCircle.facilityCount(), (built - start) / 1e6, coverageBuild);
        }
        System.out.printf(Locale.ROOT, "RESULT\tdemo|build: coverage analysis (units attached, grids assigned), ms\t%.2f%n",
                coverageBuild);
        time("demo|summary, all categories", DEMO_WARMUP, DEMO_MEASURED, () -> coverage.summary().size());
        time("demo|coverage, canteen 300 m", DEMO_WARMUP, DEMO_MEASURED, () -> coverage.coverage("canteen", 300).coveredResidents());
        time("demo|suggest, canteen 300 m, k = 5, street nodes", DEMO_WARMUP, DEMO_MEASURED,
                () -> coverage.suggest("canteen", 300, 5, null).totalGain());
    }

    private static void city(int side, int unitCount, int facilityCount, boolean notes) {
        long start = System.nanoTime();
        City city = City.generate(side, unitCount, facilityCount, new SplittableRandom(20240615));
        long generated = System.nanoTime();
        LifeCircleAnalysis lifeCircle = LifeCircleAnalysis.build(city.streets, List.of(), city.stations, List.of(),
                LifeCircleProfile.defaults());
        long lifeCircleBuilt = System.nanoTime();
        CoverageAnalysis coverage = CoverageAnalysis.build(lifeCircle, List.of(), city.grids);
        long coverageBuilt = System.nanoTime();
        String name = "city";
        System.out.printf(Locale.ROOT, "RESULT\t%s|size\tedges, units, facilities attached\t%d\t%d\t%d%n", name,
                lifeCircle.network().edgeCount(), coverage.units().size(), lifeCircle.facilityCount());
        System.out.printf(Locale.ROOT, "RESULT\t%s|build: life circle (network, snapper, isochrone lattice, facilities), s\t%.2f%n",
                name, (lifeCircleBuilt - generated) / 1e9);
        System.out.printf(Locale.ROOT, "RESULT\t%s|build: coverage analysis (units attached, grids assigned), s\t%.2f%n", name,
                (coverageBuilt - lifeCircleBuilt) / 1e9);
        if (notes) {
            System.out.printf(Locale.ROOT, "city: %s, %d units (%d off the network), %d facilities; generated in %.1f s%n",
                    lifeCircle.network(), coverage.units().size(), coverage.offNetworkUnits().size(), lifeCircle.facilityCount(),
                    (generated - start) / 1e9);
            for (CategoryCoverage row : coverage.summary()) {
                System.out.printf(Locale.ROOT, "  %-18s %5.0f m  %4d facilities  covered %5.1f%%%n", row.category().id(),
                        row.thresholdMetres(), row.facilities(), 100 * row.coveredShare());
            }
        }
        time(name + "|summary, all categories", CITY_WARMUP, CITY_MEASURED, () -> coverage.summary().size());
        for (String category : List.of("canteen", "market", "health_centre")) {
            FacilityCategory c = lifeCircle.profile().category(category).orElseThrow();
            time(name + "|suggest, " + category + " " + (int) c.maxWalkMetres() + " m, k = 5, street nodes", CITY_WARMUP,
                    CITY_MEASURED, () -> {
                        SiteSuggestion suggestion = coverage.suggest(category, c.maxWalkMetres(), 5, null);
                        return suggestion.totalGain();
                    });
        }
    }

    /** A generated city: a perturbed street grid, building groups in its blocks with their grid chain, stations. */
    private record City(List<Feature> streets, List<Feature> grids, List<Feature> stations) {

        /** Micro-grids are 8 × 8 blocks, residential-area grids 32 × 32, comprehensive 128 × 128, sub-districts 256 × 256. */
        private static final int[] LEVEL_BLOCKS = {256, 128, 32, 8};
        private static final GridLevel[] LEVELS = {GridLevel.SUBDISTRICT, GridLevel.COMPREHENSIVE, GridLevel.RESIDENTIAL,
                GridLevel.MICRO};

        static City generate(int side, int unitCount, int facilityCount, SplittableRandom random) {
            LocalScale scale = LocalScale.at(31.1);
            Coordinate[] at = new Coordinate[side * side];
            for (int i = 0; i < side; i++) {
                for (int j = 0; j < side; j++) {
                    double x = i * SPACING + (2 * random.nextDouble() - 1) * 15;
                    double y = j * SPACING + (2 * random.nextDouble() - 1) * 15;
                    at[i * side + j] = lonLat(scale, x, y);
                }
            }
            List<Feature> streets = new ArrayList<>(2 * side * side);
            long id = 1;
            for (int i = 0; i < side; i++) {
                for (int j = 0; j < side; j++) {
                    if (i + 1 < side) {
                        streets.add(street(id++, at[i * side + j], at[(i + 1) * side + j]));
                    }
                    if (j + 1 < side) {
                        streets.add(street(id++, at[i * side + j], at[i * side + j + 1]));
                    }
                }
            }
            int blocks = side - 1;
            List<Feature> grids = new ArrayList<>();
            Map<String, Boolean> made = new LinkedHashMap<>();
            // Building groups: 40 m squares set 20 m into distinct random blocks, so 5–35 m from the jittered streets.
            boolean[] taken = new boolean[blocks * blocks];
            long gridId = 1;
            List<Feature> groups = new ArrayList<>(unitCount);
            while (groups.size() < unitCount) {
                int i = random.nextInt(blocks);
                int j = random.nextInt(blocks);
                if (taken[i * blocks + j]) {
                    continue;
                }
                taken[i * blocks + j] = true;
                String parent = code(3, i, j);
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("code", "B" + i + "_" + j);
                properties.put("level", GridLevel.BUILDING_GROUP.code());
                properties.put("parent_code", parent);
                properties.put("residents", 200L + random.nextInt(1800));
                groups.add(new Feature(gridId++, rectangle(scale, i * SPACING + 20, j * SPACING + 20, 40, 40), properties));
                for (int level = 0; level < LEVELS.length; level++) {
                    String code = code(level, i, j);
                    if (made.putIfAbsent(code, true) == null) {
                        int size = LEVEL_BLOCKS[level];
                        int gi = i / size * size;
                        int gj = j / size * size;
                        Map<String, Object> grid = new LinkedHashMap<>();
                        grid.put("code", code);
                        grid.put("level", LEVELS[level].code());
                        if (level > 0) {
                            grid.put("parent_code", code(level - 1, i, j));
                        }
                        grids.add(new Feature(gridId++, rectangle(scale, gi * SPACING, gj * SPACING,
                                Math.min(size, blocks - gi) * SPACING, Math.min(size, blocks - gj) * SPACING), grid));
                    }
                }
            }
            grids.addAll(groups);
            List<FacilityCategory> categories = LifeCircleProfile.defaults().categories();
            List<Feature> stations = new ArrayList<>(facilityCount);
            double extent = blocks * SPACING;
            for (int s = 0; s < facilityCount; s++) {
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("category", categories.get(random.nextInt(categories.size())).id());
                stations.add(new Feature(s + 1, GeometryFactories.WGS84.createPoint(
                        lonLat(scale, random.nextDouble() * extent, random.nextDouble() * extent)), properties));
            }
            return new City(streets, grids, stations);
        }

        private static String code(int level, int i, int j) {
            int size = LEVEL_BLOCKS[level];
            return LEVELS[level].code().charAt(0) + "" + level + "_" + i / size + "_" + j / size;
        }

        private static Feature street(long id, Coordinate a, Coordinate b) {
            return new Feature(id, GeometryFactories.WGS84.createLineString(new Coordinate[] {a, b}), Map.of());
        }

        private static Polygon rectangle(LocalScale scale, double x, double y, double width, double height) {
            return GeometryFactories.WGS84.createPolygon(new Coordinate[] {lonLat(scale, x, y), lonLat(scale, x + width, y),
                    lonLat(scale, x + width, y + height), lonLat(scale, x, y + height), lonLat(scale, x, y)});
        }

        private static Coordinate lonLat(LocalScale scale, double x, double y) {
            return new Coordinate(121.5 + x / scale.metresPerDegreeLon(), 31.0 + y / scale.metresPerDegreeLat());
        }
    }

    private static void time(String workload, int warmup, int measured, Supplier<Number> run) {
        for (int r = 0; r < warmup; r++) {
            sink += run.get().doubleValue();
        }
        double[] samples = new double[measured];
        for (int r = 0; r < measured; r++) {
            long t0 = System.nanoTime();
            sink += run.get().doubleValue();
            samples[r] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(samples);
        System.out.printf(Locale.ROOT, "RESULT\t%s\t%.3f\t%.3f\t%.3f%n", workload, samples[(measured - 1) / 2], samples[0],
                samples[measured - 1]);
    }

    private static void report(Map<String, List<String[]>> results, int forks) {
        System.out.printf("%nResults: %d forks; demo %d measured runs after %d warm-up, city %d after %d; ms unless marked;"
                + " median over forks of fork medians [range of fork medians]%n", forks, DEMO_MEASURED, DEMO_WARMUP,
                CITY_MEASURED, CITY_WARMUP);
        Map<String, Double> medians = new LinkedHashMap<>();
        for (Map.Entry<String, List<String[]>> entry : results.entrySet()) {
            String key = entry.getKey();
            List<String[]> rows = entry.getValue();
            if (key.endsWith("|size")) {
                String[] last = rows.get(rows.size() - 1);
                System.out.printf("%-72s %s%n", key.replace('|', ' ') + " (" + last[2] + ")",
                        String.join("  ", Arrays.copyOfRange(last, 3, last.length)));
                continue;
            }
            double[] values = rows.stream().mapToDouble(r -> Double.parseDouble(r[2])).sorted().toArray();
            double median = values[(values.length - 1) / 2];
            medians.put(key, median);
            System.out.printf(Locale.ROOT, "%-72s median %9.2f  [%.2f–%.2f]%n", key.replace('|', ' '), median, values[0],
                    values[values.length - 1]);
        }
        System.out.println();
        target(medians, "demo|summary, all categories", 200);
        target(medians, "city|summary, all categories", 3000);
        medians.keySet().stream().filter(k -> k.startsWith("city|suggest")).forEach(k -> target(medians, k, 5000));
    }

    private static void target(Map<String, Double> medians, String key, double targetMillis) {
        double median = medians.getOrDefault(key, Double.NaN);
        System.out.printf(Locale.ROOT, "  %-70s %9.2f ms, target < %.0f ms: %s%n", key.replace('|', ' '), median, targetMillis,
                median < targetMillis ? "met" : "NOT met");
    }
}
