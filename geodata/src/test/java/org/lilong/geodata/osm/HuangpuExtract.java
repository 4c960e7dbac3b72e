package org.lilong.geodata.osm;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.lilong.layers.network.WalkingNetwork;

/**
 * The real OSM extract of central Huangpu, {@code ../shared/geodata/huangpu-central.osm} beside the
 * repository (© OpenStreetMap contributors, ODbL). Read in place, never copied: nothing derived from
 * it may enter the repository. Tests that need it skip with a message when it is absent.
 *
 * <p>Found at the path in the system property {@value #PROPERTY} or the environment variable
 * {@value #VARIABLE}, else as {@code ../shared/geodata/huangpu-central.osm} relative to the
 * repository root, looked for from the working directory (a module's, under Maven) upwards.
 */
final class HuangpuExtract {

    static final String PROPERTY = "lilong.huangpu.osm";
    static final String VARIABLE = "LILONG_HUANGPU_OSM";
    private static final String RELATIVE = "../shared/geodata/huangpu-central.osm";

    private static WalkingNetwork network;
    private static OsmStreets streets;

    private HuangpuExtract() {
    }

    /** The extract's path; skips the calling test when it is absent. */
    static Path require() {
        Path file = locate();
        Assumptions.assumeTrue(file != null && Files.isRegularFile(file),
                "skipping: the real Huangpu extract is not at " + (file == null ? RELATIVE + " beside the repository" : file)
                        + " (set -D" + PROPERTY + " or " + VARIABLE + " to its path)");
        return file;
    }

    static Path locate() {
        String given = System.getProperty(PROPERTY, System.getenv(VARIABLE));
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        Path directory = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (int up = 0; up < 4 && directory != null; up++, directory = directory.getParent()) {
            if (Files.exists(directory.resolve("pom.xml")) && !Files.exists(directory.getParent().resolve("pom.xml"))) {
                return directory.resolve(RELATIVE).normalize();
            }
        }
        return null;
    }

    /** The extract's walkable streets, read once per test run. */
    static synchronized OsmStreets streets() {
        if (streets == null) {
            streets = new OsmStreetImporter().read(require());
        }
        return streets;
    }

    /** The walking network of those streets, built once per test run. */
    static synchronized WalkingNetwork network() {
        if (network == null) {
            network = WalkingNetwork.fromStreets(streets().streets());
        }
        return network;
    }

    /** The nodes of the largest connected part of the network. */
    static int[] largestComponent(WalkingNetwork network) {
        int[] parent = new int[network.nodeCount()];
        for (int n = 0; n < parent.length; n++) {
            parent[n] = n;
        }
        for (int e = 0; e < network.edgeCount(); e++) {
            parent[root(parent, network.edgeFrom(e))] = root(parent, network.edgeTo(e));
        }
        int[] size = new int[parent.length];
        int biggest = 0;
        for (int n = 0; n < parent.length; n++) {
            int r = root(parent, n);
            if (++size[r] > size[biggest]) {
                biggest = r;
            }
        }
        int largest = biggest;
        return IntStream.range(0, parent.length).filter(n -> root(parent, n) == largest).toArray();
    }

    private static int root(int[] parent, int n) {
        while (parent[n] != n) {
            parent[n] = parent[parent[n]];
            n = parent[n];
        }
        return n;
    }

    static List<Integer> boxed(int[] nodes) {
        return Arrays.stream(nodes).boxed().toList();
    }
}
