package org.lilong.geodata.osm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lilong.layers.isochrone.Isochrone;
import org.lilong.layers.isochrone.IsochroneBuilder;
import org.lilong.layers.isochrone.IsochroneChecks;
import org.lilong.layers.network.EdgePosition;
import org.lilong.layers.network.ShortestPathTree;
import org.lilong.layers.network.WalkingNetwork;
import org.locationtech.jts.geom.Polygon;

/**
 * Isochrones on the real central-Huangpu network (read in place; skipped when absent): the properties
 * of {@link IsochroneChecks} for 5, 10 and 15 minutes at 1.1 m/s from 24 random points of the largest
 * connected part, and from pairs of points searched together. The extract has no water polygons.
 */
class HuangpuIsochroneTest {

    private static final double[] MINUTES_5_10_15 = {330, 660, 990};

    @Test
    void isochronesFromTwentyFourPointsKeepEveryProperty() {
        WalkingNetwork network = HuangpuExtract.network();
        IsochroneBuilder builder = new IsochroneBuilder(network, List.of());
        ShortestPathTree tree = new ShortestPathTree(network);
        Random random = new Random(20240615);
        List<Integer> edges = edgesOfTheLargestPart(network);

        for (int k = 0; k < 24; k++) {
            List<EdgePosition> origins = new ArrayList<>();
            origins.add(new EdgePosition(edges.get(random.nextInt(edges.size())), random.nextDouble()));
            if (k % 4 == 3) {
                origins.add(new EdgePosition(edges.get(random.nextInt(edges.size())), random.nextDouble()));
            }
            tree.fromAll(origins, 990);

            List<Isochrone> isochrones = builder.build(tree, MINUTES_5_10_15);

            new IsochroneChecks(network, tree, origins, builder).assertAll(isochrones, random);
        }
    }

    /** The anchors' sanity figures at 1000 m: about 152–158 nodes and 0.57–0.99 km² (hull and contour). */
    @Test
    void aFifteenMinuteAreaIsOfTheSizeThePeersReport() {
        WalkingNetwork network = HuangpuExtract.network();
        IsochroneBuilder builder = new IsochroneBuilder(network, List.of());
        ShortestPathTree tree = new ShortestPathTree(network);
        Random random = new Random(42);
        List<Integer> edges = edgesOfTheLargestPart(network);
        List<Double> areas = new ArrayList<>();

        for (int k = 0; k < 25; k++) {
            tree.from(new EdgePosition(edges.get(random.nextInt(edges.size())), random.nextDouble()), 1000);
            Isochrone iso = builder.build(tree, 1000).get(0);
            areas.add(iso.areaSquareMetres());
            assertThat(iso.area()).isInstanceOf(Polygon.class);
        }

        double median = areas.stream().sorted().toList().get(areas.size() / 2);
        assertThat(median).isBetween(0.3e6, 1.5e6);
    }

    private static List<Integer> edgesOfTheLargestPart(WalkingNetwork network) {
        boolean[] inLargest = new boolean[network.nodeCount()];
        for (int n : HuangpuExtract.largestComponent(network)) {
            inLargest[n] = true;
        }
        List<Integer> edges = new ArrayList<>();
        for (int e = 0; e < network.edgeCount(); e++) {
            if (inLargest[network.edgeFrom(e)]) {
                edges.add(e);
            }
        }
        return edges;
    }
}
