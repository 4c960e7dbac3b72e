package org.lilong.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.store.FeatureStore;

class ImportOsmCommandTest extends CliTestSupport {

    /** Two walkable ways sharing node 2, and an expressway that is not walkable. */
    private static final String STREETS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <osm version="0.6" generator="lilong tests">
              <node id="1" lat="31.2300000" lon="121.4700000"/>
              <node id="2" lat="31.2300000" lon="121.4710000"/>
              <node id="3" lat="31.2310000" lon="121.4710000"/>
              <node id="4" lat="31.2320000" lon="121.4720000"/>
              <way id="10"><nd ref="1"/><nd ref="2"/><tag k="highway" v="residential"/><tag k="name" v="金坛路"/></way>
              <way id="11"><nd ref="2"/><nd ref="3"/><tag k="highway" v="footway"/></way>
              <way id="12"><nd ref="3"/><nd ref="4"/><tag k="highway" v="trunk"/><tag k="name" v="延安高架路"/></way>
            </osm>
            """;

    @TempDir
    Path directory;

    @Test
    void helpListsImportOsm() {
        assertThat(LilongCommand.run("--help")).isZero();
        assertThat(out()).contains("import-osm");
    }

    @Test
    void importOsmReplacesTheStreetsLayerWithTheWalkableWays() throws IOException {
        Path data = smallDistrictData(directory.resolve("data"));
        Path file = Files.writeString(directory.resolve("jintan.osm"), STREETS);

        int exit = LilongCommand.run("import-osm", file.toString(), "--data", data.toString());

        assertThat(exit).as(err()).isZero();
        assertThat(out()).contains("Imported 2 streets from jintan.osm into layer streets of " + data.resolve("lilong.gpkg")
                + ", replacing 2.", "ways read: 3; walkable: 2");
        try (FeatureStore store = DataDirectory.open(data)) {
            List<Feature> streets = store.readAll(LayerCatalogue.STREETS);
            assertThat(streets).extracting(f -> f.text("class")).containsExactly("street", "path");
            assertThat(streets.get(0).text("name")).isEqualTo("金坛路");
            assertThat(store.metadata()).containsEntry("attribution.streets", "© OpenStreetMap contributors (ODbL)");
        }
    }

    @Test
    void aTruncatedFileIsOneLineWithItsPositionAndChangesNothing() throws IOException {
        Path data = smallDistrictData(directory.resolve("data"));
        Path file = Files.writeString(directory.resolve("cut.osm"), STREETS.substring(0, STREETS.indexOf("<way id=\"11\">") + 20));

        int exit = LilongCommand.run("import-osm", file.toString(), "--data", data.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err()).startsWith("lilong import-osm: cut.osm: line 8, column ").endsWith("; nothing written\n");
        assertThat(err().lines()).hasSize(1);
        try (FeatureStore store = DataDirectory.open(data)) {
            assertThat(store.readAll(LayerCatalogue.STREETS)).extracting(f -> f.text("name")).containsExactly("复兴东路", "河南南路");
            assertThat(store.metadata()).containsEntry("attribution.streets", "Test streets");
        }
    }

    @Test
    void aFileWithoutWalkableWaysChangesNothing() throws IOException {
        Path data = smallDistrictData(directory.resolve("data"));
        Path file = Files.writeString(directory.resolve("expressway.osm"), STREETS.replaceAll("<way id=\"1[01]\">.*</way>\\n", ""));

        int exit = LilongCommand.run("import-osm", file.toString(), "--data", data.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err()).isEqualTo("lilong import-osm: expressway.osm: no walkable ways among its 1 ways; nothing written\n");
    }

    @Test
    void withoutAFileItIsAUsageError() {
        assertThat(LilongCommand.run("import-osm")).isEqualTo(2);
    }

    @Test
    void bothDataAndStoreIsAUsageError() throws IOException {
        Path file = Files.writeString(directory.resolve("jintan.osm"), STREETS);

        int exit = LilongCommand.run("import-osm", file.toString(), "--data", directory.toString(), "--store",
                "jdbc:postgresql://localhost/lilong");

        assertThat(exit).isEqualTo(2);
        assertThat(err()).contains("give --store or --data, not both");
    }
}
