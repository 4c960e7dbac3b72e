package org.lilong.geodata.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lilong.geodata.io.FeatureSourceException;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.store.ChangeSet;

class OsmStreetImporterTest {

    @TempDir
    Path directory;

    @Test
    void aStreetTakesItsNamesFromNameAndNameEn() {
        Feature street = OsmFixtures.read("residential.osm.xml").streets().get(0);

        assertThat(street.properties()).containsEntry("name", "金坛路").containsEntry("name_en", "Jintan Road")
                .containsEntry("class", "street").containsEntry("bridge", false);
    }

    @Test
    void bridgeYesMakesABridge() {
        Feature street = OsmFixtures.read("bridge.osm.xml").streets().get(0);

        assertThat(street.properties()).containsEntry("bridge", true).containsEntry("class", "main")
                .containsEntry("name_en", "Garden Bridge");
    }

    @Test
    void aStreetWithoutANameHasNoNameAttribute() {
        Feature street = OsmFixtures.read("footway.osm.xml").streets().get(0);

        assertThat(street.properties()).doesNotContainKeys("name", "name_en").containsEntry("class", "path");
    }

    @Test
    void theGeometryIsTheWaysNodesInWgs84() {
        Feature street = OsmFixtures.read("footway.osm.xml").streets().get(0);

        assertThat(street.geometry().toText()).isEqualTo("LINESTRING (121.47 31.23, 121.471 31.23)");
        assertThat(street.geometry().getSRID()).isEqualTo(4326);
        assertThat(street.id()).isZero();
    }

    @ParameterizedTest(name = "highway={0} → class {1}")
    @CsvSource({
            "primary, main", "primary_link, main", "secondary, main", "trunk, main", "motorway_link, main",
            "tertiary, street", "tertiary_link, street", "residential, street", "unclassified, street", "living_street, street",
            "service, lane",
            "footway, path", "path, path", "pedestrian, path", "steps, path", "cycleway, path", "track, path"})
    void theStreetClassComesFromTheHighwayTag(String highway, String streetClass) {
        assertThat(OsmStreetImporter.streetClass(highway)).isEqualTo(streetClass);
    }

    @Test
    void theChangeSetReplacesTheStoredStreetsAndCreditsOpenStreetMap() {
        OsmStreets streets = OsmFixtures.read("split-at-shared-nodes.osm.xml");

        ChangeSet changes = streets.replacing(List.of(4L, 9L));

        assertThat(changes.changes()).hasSize(4);
        assertThat(changes.changes().subList(0, 2)).containsExactly(new ChangeSet.Delete(LayerCatalogue.STREETS, 4),
                new ChangeSet.Delete(LayerCatalogue.STREETS, 9));
        assertThat(changes.changes().subList(2, 4)).allMatch(c -> c instanceof ChangeSet.Insert);
        assertThat(changes.metadata()).containsEntry("attribution.streets", "© OpenStreetMap contributors (ODbL)");
    }

    @Test
    void aFileThatIsNeitherOsmXmlNorPbfIsRefusedByName() throws IOException {
        Path file = Files.writeString(directory.resolve("streets.geojson"), "{}");

        assertThatThrownBy(() -> new OsmStreetImporter().read(file)).isInstanceOf(FeatureSourceException.class)
                .hasMessage("streets.geojson: not an OpenStreetMap file: give OSM XML (.osm, .osm.xml) or PBF (.osm.pbf)");
    }

    @Test
    void aMissingFileIsSaidToBeMissing() {
        assertThatThrownBy(() -> new OsmStreetImporter().read(directory.resolve("nowhere.osm")))
                .isInstanceOf(FeatureSourceException.class).hasMessage("nowhere.osm: no such file");
    }
}
