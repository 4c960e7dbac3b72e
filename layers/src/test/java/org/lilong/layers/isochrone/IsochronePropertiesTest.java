package org.lilong.layers.isochrone;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lilong.layers.network.EdgePosition;
import org.lilong.layers.network.ShortestPathTree;
import org.lilong.layers.network.WalkingNetwork;
import org.lilong.layers.network.WalkingNetworkBuilder;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * The properties of {@link IsochroneChecks} on generated networks: perturbed grids with missing
 * streets, bent streets and long edges, searched from one to three random points at once.
 */
class IsochronePropertiesTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void isochronesOfRandomGridsKeepEveryProperty(long seed) {
        Random random = new Random(seed);
        WalkingNetwork network = perturbedGrid(random, 10 + random.nextInt(6), 10 + random.nextInt(6));
        List<EdgePosition> origins = new ArrayList<>();
        for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
            origins.add(new EdgePosition(random.nextInt(network.edgeCount()), random.nextDouble()));
        }
        double[] distances = {150 + random.nextInt(100), 350 + random.nextInt(100), 600 + random.nextInt(200)};
        ShortestPathTree tree = new ShortestPathTree(network).fromAll(origins, distances[2] + random.nextInt(300));
        IsochroneBuilder builder = new IsochroneBuilder(network, List.of());

        List<Isochrone> isochrones = builder.build(tree, distances);

        new IsochroneChecks(network, tree, origins, builder).assertAll(isochrones, random);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void aCoarserOrFinerLatticeKeepsTheProperties(long seed) {
        Random random = new Random(seed);
        WalkingNetwork network = perturbedGrid(random, 8, 8);
        List<EdgePosition> origins = List.of(new EdgePosition(random.nextInt(network.edgeCount()), random.nextDouble()));
        ShortestPathTree tree = new ShortestPathTree(network).fromAll(origins, 500);
        IsochroneBuilder builder = seed == 11 ? new IsochroneBuilder(network, List.of(), 40, 25)
                : new IsochroneBuilder(network, List.of(), 12, 5);

        List<Isochrone> isochrones = builder.build(tree, 120, 260, 500);

        new IsochroneChecks(network, tree, origins, builder).assertAll(isochrones, random);
    }

    /**
     * A river 40–60 m wide across a random grid: the grid's north–south streets cross it as bridges,
     * the east–west streets beside it are banks.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24})
    void acrossARiverTheAreaFollowsOnlyTheBridges(long seed) {
        Random random = new Random(seed);
        WalkingNetwork network = perturbedGrid(random, 10, 10);
        double south = 300 + random.nextInt(100);
        double width = 40 + random.nextInt(20);
        Geometry river = MetricSketch.lonLat("POLYGON ((-500 " + south + ", 1500 " + (south + 30) + ", 1500 " + (south + 30 + width)
                + ", -500 " + (south + width) + ", -500 " + south + "))");
        List<EdgePosition> origins = List.of(new EdgePosition(random.nextInt(network.edgeCount()), random.nextDouble()));
        ShortestPathTree tree = new ShortestPathTree(network).fromAll(origins, 800);
        IsochroneBuilder builder = new IsochroneBuilder(network, List.of(river));

        List<Isochrone> isochrones = builder.build(tree, 250, 500, 800);

        IsochroneChecks checks = new IsochroneChecks(network, tree, origins, builder);
        checks.assertAll(isochrones, random);
        for (Isochrone iso : isochrones) {
            checks.assertWaterOnlyAlongStreets(iso, river, random);
        }
    }

    /**
     * A grid of columns × rows nodes 60–100 m apart, each moved up to 15 m; about one street in eight
     * left out, one in five bent through a shape point, and every fourth row walked as one long edge.
     */
    static WalkingNetwork perturbedGrid(Random random, int columns, int rows) {
        double spacing = 60 + random.nextInt(40);
        Coordinate[][] at = new Coordinate[columns][rows];
        for (int i = 0; i < columns; i++) {
            for (int j = 0; j < rows; j++) {
                at[i][j] = MetricSketch.lonLat(i * spacing + jitter(random, 15), j * spacing + jitter(random, 15));
            }
        }
        WalkingNetworkBuilder builder = new WalkingNetworkBuilder();
        long id = 1;
        for (int j = 0; j < rows; j++) {
            if (j % 4 == 3) {
                // A street with no side streets: one long edge the whole width.
                builder.add(id++, MetricSketch.lonLat(0, j * spacing - spacing / 2),
                        MetricSketch.lonLat((columns - 1) * spacing, j * spacing - spacing / 2 + jitter(random, 10)));
            }
            for (int i = 0; i + 1 < columns; i++) {
                if (random.nextInt(8) > 0) {
                    builder.add(id++, street(random, at[i][j], at[i + 1][j]));
                }
            }
        }
        for (int i = 0; i < columns; i++) {
            for (int j = 0; j + 1 < rows; j++) {
                if (random.nextInt(8) > 0) {
                    builder.add(id++, street(random, at[i][j], at[i][j + 1]));
                }
            }
        }
        return builder.build();
    }

    private static Coordinate[] street(Random random, Coordinate a, Coordinate b) {
        if (random.nextInt(5) > 0) {
            return new Coordinate[] {a, b};
        }
        Coordinate bend = new Coordinate((a.x + b.x) / 2 + jitter(random, 2e-4), (a.y + b.y) / 2 + jitter(random, 2e-4));
        return new Coordinate[] {a, bend, b};
    }

    private static double jitter(Random random, double size) {
        return (2 * random.nextDouble() - 1) * size;
    }
}
