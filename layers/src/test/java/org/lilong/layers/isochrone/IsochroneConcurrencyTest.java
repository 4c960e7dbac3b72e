package org.lilong.layers.isochrone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.lilong.layers.network.EdgePosition;
import org.lilong.layers.network.ShortestPathTree;
import org.lilong.layers.network.WalkingNetwork;

/** One builder shared by several threads gives each the same isochrones as it gives one thread alone. */
class IsochroneConcurrencyTest {

    @Test
    void buildsRunningAtOnceDoNotDisturbEachOther() throws Exception {
        WalkingNetwork network = IsochronePropertiesTest.perturbedGrid(new Random(5), 14, 14);
        IsochroneBuilder builder = new IsochroneBuilder(network, List.of());
        Random random = new Random(9);
        List<EdgePosition> origins = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            origins.add(new EdgePosition(random.nextInt(network.edgeCount()), random.nextDouble()));
        }
        List<String> alone = new ArrayList<>();
        ShortestPathTree tree = new ShortestPathTree(network);
        for (EdgePosition origin : origins) {
            alone.add(builder.build(tree.from(origin, 700), 300, 700).toString());
        }

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    ShortestPathTree own = new ShortestPathTree(network);
                    List<String> results = new ArrayList<>();
                    for (EdgePosition origin : origins) {
                        results.add(builder.build(own.from(origin, 700), 300, 700).toString());
                    }
                    return results;
                }));
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(alone);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
