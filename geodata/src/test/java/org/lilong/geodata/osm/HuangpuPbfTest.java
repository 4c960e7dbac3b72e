package org.lilong.geodata.osm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.model.Feature;
import org.lilong.layers.network.WalkingNetwork;

/**
 * The PBF reader on a real file: the Huangpu extract converted by osmium (the reference OSM tool)
 * into a temporary directory, never into the repository, reads into exactly the streets of the XML.
 *
 * <p>Skipped when the extract is absent, or when osmium is not installed unless
 * LILONG_REQUIRE_OSMIUM=true (as in the README's test command, which installs osmium-tool).
 */
class HuangpuPbfTest {

    private static final Path OSMIUM = Path.of("/usr/bin/osmium");

    @TempDir
    static Path directory;
    private static OsmStreets fromPbf;

    @BeforeAll
    static void convertTheExtractWithOsmium() throws IOException, InterruptedException {
        Path xml = HuangpuExtract.require();
        boolean present = Files.isExecutable(OSMIUM);
        if (!present && "true".equals(System.getenv("LILONG_REQUIRE_OSMIUM"))) {
            throw new AssertionError("LILONG_REQUIRE_OSMIUM=true but " + OSMIUM + " is missing: apt-get install osmium-tool");
        }
        Assumptions.assumeTrue(present, "skipping: osmium is not installed (apt-get install osmium-tool)");
        Path pbf = directory.resolve("huangpu.osm.pbf");
        Process osmium = new ProcessBuilder(OSMIUM.toString(), "sort", "--no-progress", "-o", pbf.toString(), xml.toString())
                .redirectErrorStream(true).start();
        String output = new String(osmium.getInputStream().readAllBytes());
        assertThat(osmium.waitFor(60, TimeUnit.SECONDS)).as("osmium finished").isTrue();
        assertThat(osmium.exitValue()).as("osmium: " + output).isZero();
        fromPbf = new OsmStreetImporter().read(pbf);
    }

    @Test
    void readsAsManyNodesAndWaysAsTheXml() {
        OsmStreets fromXml = HuangpuExtract.streets();

        assertThat(fromPbf.nodesRead()).isEqualTo(fromXml.nodesRead());
        assertThat(fromPbf.waysRead()).isEqualTo(fromXml.waysRead());
        assertThat(fromPbf.walkableWays()).isEqualTo(fromXml.walkableWays());
        assertThat(fromPbf.waysMissingNodes()).isZero();
    }

    @Test
    void everyStreetHasTheSameIdAttributesAndGeometryAsInTheXml() {
        List<Feature> xml = HuangpuExtract.streets().streets();
        List<Feature> pbf = fromPbf.streets();

        assertThat(pbf).hasSameSizeAs(xml);
        for (int i = 0; i < xml.size(); i++) {
            assertThat(pbf.get(i).id()).isEqualTo(xml.get(i).id());
            assertThat(pbf.get(i).properties()).isEqualTo(xml.get(i).properties());
            // PBF stores coordinates in 1e-7 degree units by default, as OSM does: equal to ~1 cm.
            assertThat(pbf.get(i).geometry().equalsExact(xml.get(i).geometry(), 1e-7))
                    .as("street %d", xml.get(i).id()).isTrue();
        }
    }

    @Test
    void buildsTheSameWalkingNetwork() {
        WalkingNetwork xml = HuangpuExtract.network();
        WalkingNetwork pbf = WalkingNetwork.fromStreets(fromPbf.streets());

        assertThat(pbf.nodeCount()).isEqualTo(xml.nodeCount());
        assertThat(pbf.edgeCount()).isEqualTo(xml.edgeCount());
        assertThat(pbf.totalLengthMetres()).isCloseTo(xml.totalLengthMetres(), org.assertj.core.data.Offset.offset(0.01));
    }
}
