package org.lilong.geodata.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OsmXmlReaderTest {

    @TempDir
    Path directory;

    @Test
    void aTruncatedFileIsAnErrorAtTheLineAndColumnWhereItEnds() {
        assertThatThrownBy(() -> OsmFixtures.read("truncated.osm.xml"))
                .isInstanceOf(OsmFormatException.class)
                .hasMessageStartingWith("truncated.osm.xml: line 9, column ")
                .satisfies(e -> assertThat(((OsmFormatException) e).position()).startsWith("line 9, column "));
    }

    @Test
    void aNodeWhoseLatitudeIsNotANumberIsAnErrorAtItsLine() {
        assertThatThrownBy(() -> OsmFixtures.read("bad-latitude.osm.xml"))
                .isInstanceOf(OsmFormatException.class)
                .hasMessageStartingWith("bad-latitude.osm.xml: line 5, column ")
                .hasMessageEndingWith(": node 2: lat=\"north\" is not a number");
    }

    @Test
    void aCoordinateOutOfRangeIsAnError() throws IOException {
        Path file = write("far.osm", "<osm version=\"0.6\">\n<node id=\"1\" lat=\"31.23\" lon=\"221.47\"/>\n</osm>\n");

        assertThatThrownBy(() -> new OsmStreetImporter().read(file)).isInstanceOf(OsmFormatException.class)
                .hasMessageContaining("line 2").hasMessageEndingWith("node 1: lon=\"221.47\" is outside -180..180");
    }

    @Test
    void anotherXmlDocumentIsNotOsm() throws IOException {
        Path file = write("page.osm", "<html><body/></html>");

        assertThatThrownBy(() -> new OsmStreetImporter().read(file)).isInstanceOf(OsmFormatException.class)
                .hasMessage("page.osm: line 1, column 7: this is not OSM XML: the root element is <html>, not <osm>");
    }

    @Test
    void anEmptyFileIsAnError() throws IOException {
        Path file = write("empty.osm", "");

        assertThatThrownBy(() -> new OsmStreetImporter().read(file)).isInstanceOf(OsmFormatException.class)
                .hasMessageStartingWith("empty.osm: line 1, column ");
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsFetched() throws IOException {
        Path file = write("entity.osm", "<?xml version=\"1.0\"?>\n<!DOCTYPE osm [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<osm><way id=\"1\"><tag k=\"name\" v=\"&x;\"/></way></osm>\n");

        assertThatThrownBy(() -> new OsmStreetImporter().read(file)).isInstanceOf(OsmFormatException.class);
    }

    @Test
    void elementsDeletedInAnEditorAreSkipped() throws IOException {
        Path file = write("edited.osm", """
                <osm version="0.6">
                  <node id="1" lat="31.23" lon="121.47"/>
                  <node id="2" lat="31.23" lon="121.471"/>
                  <way id="10" action="delete"><nd ref="1"/><nd ref="2"/><tag k="highway" v="footway"/></way>
                  <way id="11"><nd ref="1"/><nd ref="2"/><tag k="highway" v="footway"/></way>
                </osm>
                """);

        assertThat(new OsmStreetImporter().read(file).streets()).hasSize(1);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }
}
