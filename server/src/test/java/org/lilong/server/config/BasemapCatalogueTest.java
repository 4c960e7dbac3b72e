package org.lilong.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The presets, and which basemaps {@code --basemap} offers in which order with which default. */
class BasemapCatalogueTest {

    private static final Basemap MIRROR = new Basemap("mirror", "Mirror", "/tiles/{z}/{x}/{y}.png", "", "© OSM", 18, "wgs84", true);
    private static final Basemap SATELLITE = new Basemap("satellite", "Satellite",
            "https://webst0{s}.is.autonavi.com/appmaptile?style=6&x={x}&y={y}&z={z}", "1234", "© AutoNavi", 18, "gcj02", false);

    @Test
    void amapIsAGcj02PresetShardedOverFourSubdomains() {
        Basemap amap = Basemap.amap();

        assertThat(amap.crs()).isEqualTo(Basemap.GCJ02);
        assertThat(amap.urlTemplate()).startsWith("https://webrd0{s}.is.autonavi.com/appmaptile?").contains("x={x}", "y={y}", "z={z}");
        assertThat(amap.subdomains()).isEqualTo("1234");
    }

    @Test
    void tiandituIsCgcs2000WithTheKeyAndItsEightSubdomains() {
        Basemap tianditu = Basemap.tianditu("abc123");

        assertThat(tianditu.crs()).isEqualTo(Basemap.CGCS2000);
        assertThat(tianditu.urlTemplate()).startsWith("https://t{s}.tianditu.gov.cn/vec_w/").endsWith("&tk=abc123");
        assertThat(tianditu.subdomains()).isEqualTo("01234567");
    }

    @Test
    void osmIsWgs84AndMarkedAsOpenStreetMap() {
        assertThat(Basemap.openStreetMap().crs()).isEqualTo(Basemap.WGS84);
        assertThat(Basemap.openStreetMap().osm()).isTrue();
    }

    @Test
    void noBasemapNamedOffersNothingAndStartsWithNone() {
        BasemapCatalogue.Choice choice = new BasemapCatalogue(List.of(), null).choose(List.of());

        assertThat(choice.basemaps()).isEmpty();
        assertThat(choice.defaultBasemap()).isEqualTo(Basemap.NONE);
    }

    @Test
    void theNamedBasemapsAreOfferedInOrderAndTheFirstIsTheDefault() {
        BasemapCatalogue.Choice choice = new BasemapCatalogue(List.of(), "key").choose(List.of("amap", "osm", "tianditu"));

        assertThat(choice.basemaps()).extracting(Basemap::id).containsExactly("amap", "osm", "tianditu");
        assertThat(choice.defaultBasemap()).isEqualTo("amap");
    }

    @Test
    void noneFirstKeepsThePageOfflineWhileOfferingTheOthers() {
        BasemapCatalogue.Choice choice = new BasemapCatalogue(List.of(), null).choose(List.of("none", "osm"));

        assertThat(choice.basemaps()).extracting(Basemap::id).containsExactly("osm");
        assertThat(choice.defaultBasemap()).isEqualTo(Basemap.NONE);
    }

    @Test
    void theFilesBasemapsAreOfferedAfterTheNamedOnesAndCanBeNamedFirst() {
        BasemapCatalogue catalogue = new BasemapCatalogue(List.of(MIRROR, SATELLITE), null);

        assertThat(catalogue.choose(List.of("osm")).basemaps()).extracting(Basemap::id).containsExactly("osm", "mirror", "satellite");
        assertThat(catalogue.choose(List.of()).defaultBasemap()).isEqualTo(Basemap.NONE);
        BasemapCatalogue.Choice satelliteFirst = catalogue.choose(List.of("satellite"));
        assertThat(satelliteFirst.basemaps()).extracting(Basemap::id).containsExactly("satellite", "mirror");
        assertThat(satelliteFirst.defaultBasemap()).isEqualTo("satellite");
    }

    @Test
    void aUrlTemplateIsACustomWgs84Basemap() {
        BasemapCatalogue.Choice choice = new BasemapCatalogue(List.of(), null)
                .choose(List.of("https://tiles.example.org/{z}/{x}/{y}.png", "https://{s}.example.org/{z}/{x}/{y}.png"));

        assertThat(choice.basemaps()).extracting(Basemap::id).containsExactly("custom", "custom-2");
        assertThat(choice.basemaps()).allSatisfy(b -> assertThat(b.crs()).isEqualTo(Basemap.WGS84));
        assertThat(choice.basemaps().get(1).subdomains()).isEqualTo("abc");
    }

    @Test
    void tiandituWithoutAKeyIsRefused() {
        assertThatThrownBy(() -> new BasemapCatalogue(List.of(), null).choose(List.of("tianditu")))
                .hasMessage("--basemap tianditu needs --tianditu-key");
    }

    @Test
    void anUnknownNameIsRefusedListingWhatThereIs() {
        assertThatThrownBy(() -> new BasemapCatalogue(List.of(MIRROR), null).choose(List.of("baidu")))
                .hasMessageStartingWith("--basemap 'baidu' is not a basemap")
                .hasMessageContaining("none, osm, tianditu, amap, mirror");
    }

    @Test
    void aUrlTemplateWithoutXyzIsRefused() {
        assertThatThrownBy(() -> new BasemapCatalogue(List.of(), null).choose(List.of("https://tiles.example.org/{z}.png")))
                .hasMessageContaining("needs {z}, {x} and {y}");
    }

    @Test
    void aFileBasemapCannotTakeAPresetsId() {
        Basemap osm = new Basemap("osm", "Mine", "/tiles/{z}/{x}/{y}.png", "", "", 18, "wgs84", false);

        assertThatThrownBy(() -> new BasemapCatalogue(List.of(osm), null)).hasMessageContaining("'osm' is a built-in preset");
    }
}
