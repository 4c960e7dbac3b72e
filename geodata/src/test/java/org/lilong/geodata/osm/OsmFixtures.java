package org.lilong.geodata.osm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The hand-written OSM fixtures under src/test/resources/fixtures/osm. */
final class OsmFixtures {

    private OsmFixtures() {
    }

    static Path fixture(String name) {
        URL url = OsmFixtures.class.getResource("/fixtures/osm/" + name);
        assertThat(url).as("fixture " + name).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static OsmStreets read(String name) {
        return new OsmStreetImporter().read(fixture(name));
    }
}
