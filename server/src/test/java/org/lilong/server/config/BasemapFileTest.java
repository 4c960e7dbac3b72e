package org.lilong.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code serve --basemaps FILE}: a JSON list of basemaps, every mistake named by entry and field. */
class BasemapFileTest {

    private static final String GOOD = """
            {"id": "gaode", "name": "高德", "url": "https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}",
             "subdomains": "1234", "attribution": "© 高德地图", "crs": "gcj02"}""";

    @TempDir
    Path dir;

    @Test
    void theFixtureFileGivesTwoBasemapsWithEveryField() throws URISyntaxException {
        List<Basemap> basemaps = BasemapFile.read(Path.of(getClass().getResource("/fixtures/basemaps/two-basemaps.json").toURI()));

        assertThat(basemaps).extracting(Basemap::id).containsExactly("amap-satellite", "district-mirror");
        Basemap satellite = basemaps.get(0);
        assertThat(satellite.subdomains()).isEqualTo("1234");
        assertThat(satellite.crs()).isEqualTo("gcj02");
        assertThat(satellite.maxZoom()).isEqualTo(18);
        assertThat(satellite.osm()).isFalse();
        Basemap mirror = basemaps.get(1);
        assertThat(mirror.urlTemplate()).isEqualTo("/tiles/osm/{z}/{x}/{y}.png");
        assertThat(mirror.subdomains()).isEmpty();
        assertThat(mirror.maxZoom()).isEqualTo(BasemapFile.DEFAULT_MAX_ZOOM);
        assertThat(mirror.osm()).isTrue();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "\"crs\": \"bd09\"                     | entry 2 (id 'gaode'): field 'crs': 'bd09' is not one of wgs84, cgcs2000, gcj02",
            "\"crs\": \"GCJ-02\"                   | entry 2 (id 'gaode'): field 'crs': 'GCJ-02' is not one of",
            "\"crs\": 4326                         | entry 2 (id 'gaode'): field 'crs': expected a string",
            "\"crs\": null                         | entry 2 (id 'gaode'): field 'crs' is missing",
            "\"maxzoom\": 18                       | entry 2 (id 'gaode'): field 'maxzoom' is not known",
            "\"maxZoom\": 30                       | entry 2 (id 'gaode'): field 'maxZoom': 30 is not in 1..22",
            "\"maxZoom\": \"18\"                   | entry 2 (id 'gaode'): field 'maxZoom': expected a whole number",
            "\"osm\": \"yes\"                      | entry 2 (id 'gaode'): field 'osm': expected true or false",
            "\"subdomains\": \"\"                  | entry 2 (id 'gaode'): field 'subdomains': the url has {s}",
            "\"subdomains\": [\"12\"]              | entry 2 (id 'gaode'): field 'subdomains': expected one-character strings",
            "\"url\": \"https://a/{z}/{x}.png\"    | entry 2 (id 'gaode'): field 'url': 'https://a/{z}/{x}.png' needs {z}, {x} and {y}",
            "\"url\": \"https://a/{z}/{x}/{y}?tk={key}\" | entry 2 (id 'gaode'): field 'url': {key} is not a tile placeholder",
            "\"url\": \"javascript:alert(1)//{z}{x}{y}\"  | entry 2 (id 'gaode'): field 'url': 'javascript:alert(1)//{z}{x}{y}' must start with",
            "\"id\": \"Gao De\"                    | entry 2 (id 'Gao De'): field 'id': 'Gao De' must be",
            "\"id\": \"none\"                      | entry 2 (id 'none'): field 'id': 'none' must be",
            "\"id\": \"osm\"                       | entry 2 (id 'osm'): field 'id': 'osm' is a built-in preset",
            "\"id\": \"first\"                     | entry 2 (id 'first'): field 'id': 'first' is used by an earlier entry",
            "\"name\": \"  \"                      | entry 2 (id 'gaode'): field 'name': must not be empty"})
    void aMistakeIsRefusedNamingTheEntryAndTheField(String override, String message) throws IOException {
        String first = "{\"id\": \"first\", \"name\": \"First\", \"url\": \"https://a/{z}/{x}/{y}.png\", \"attribution\": \"\","
                + " \"crs\": \"wgs84\"}";
        String second = GOOD.substring(0, GOOD.length() - 1) + ", " + override + "}";
        // A later duplicate key replaces the earlier one, so the override wins.
        Path file = Files.writeString(dir.resolve("basemaps.json"), "[" + first + ",\n" + second + "]");

        assertThatThrownBy(() -> BasemapFile.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining(message.strip());
    }

    @Test
    void aFileThatIsNotAListOrNotJsonIsRefusedSayingSo() throws IOException {
        Path object = Files.writeString(dir.resolve("object.json"), GOOD);
        Path broken = Files.writeString(dir.resolve("broken.json"), "[" + GOOD + ",");
        Path absent = dir.resolve("absent.json");

        assertThatThrownBy(() -> BasemapFile.read(object)).hasMessageContaining("expected a JSON list of basemaps");
        assertThatThrownBy(() -> BasemapFile.read(broken)).hasMessageContaining("not JSON").hasMessageContaining("line 2");
        assertThatThrownBy(() -> BasemapFile.read(absent)).hasMessage(absent + ": no such file");
    }

    @Test
    void anEntryThatIsNotAnObjectIsNamedByItsPosition() throws IOException {
        Path file = Files.writeString(dir.resolve("basemaps.json"), "[" + GOOD + ", \"osm\"]");

        assertThatThrownBy(() -> BasemapFile.read(file)).hasMessage(file + ": entry 2: expected an object, not string");
    }
}
