package org.lilong.geodata.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsmPbfReaderTest {

    @TempDir
    Path directory;

    /** The split-at-shared-nodes fixture, written as PBF. */
    private Path splitFixture(String name) {
        return new PbfFixtureWriter()
                .node(1, 121.47, 31.23).node(2, 121.471, 31.23).node(3, 121.473, 31.23).node(4, 121.471, 31.229)
                .node(8, 121.472, 31.23).node(9, 121.472, 31.231)
                .way(10, Map.of("highway", "residential"), 1, 2, 8, 3)
                .way(11, Map.of("highway", "footway"), 2, 4)
                .way(12, Map.of("highway", "motorway"), 8, 9)
                .write(directory.resolve(name));
    }

    @Test
    void pbfAndXmlOfTheSameDataGiveTheSameStreets() {
        OsmStreets fromPbf = new OsmStreetImporter().read(splitFixture("split.osm.pbf"));
        OsmStreets fromXml = OsmFixtures.read("split-at-shared-nodes.osm.xml");

        assertThat(fromPbf.streets()).isEqualTo(fromXml.streets());
        assertThat(fromPbf.nodesRead()).isEqualTo(6);
        assertThat(fromPbf.waysRead()).isEqualTo(3);
    }

    @Test
    void aTruncatedFileIsAnErrorNamingTheBlockAndItsOffset() throws IOException {
        Path whole = splitFixture("whole.osm.pbf");
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(directory.resolve("cut.osm.pbf"), Arrays.copyOf(bytes, bytes.length - 10));

        assertThatThrownBy(() -> new OsmStreetImporter().read(cut)).isInstanceOf(OsmFormatException.class)
                .hasMessageMatching("cut\\.osm\\.pbf: block 2 at byte \\d+: the file ends inside the blob \\(\\d+ of \\d+ bytes; truncated\\?\\)");
    }

    @Test
    void anXmlFileNamedPbfIsNotTakenForOne() throws IOException {
        Path file = Files.copy(OsmFixtures.fixture("footway.osm.xml"), directory.resolve("footway.osm.pbf"));

        assertThatThrownBy(() -> new OsmStreetImporter().read(file)).isInstanceOf(OsmFormatException.class)
                .hasMessageStartingWith("footway.osm.pbf: block 1 at byte 0: a blob header of ")
                .hasMessageEndingWith("; is this an OSM PBF file?");
    }

    @Test
    void anEmptyFileIsAnError() throws IOException {
        Path file = Files.write(directory.resolve("empty.osm.pbf"), new byte[0]);

        assertThatThrownBy(() -> new OsmStreetImporter().read(file)).isInstanceOf(OsmFormatException.class)
                .hasMessage("empty.osm.pbf: block 0 at byte 0: the file is empty");
    }
}
