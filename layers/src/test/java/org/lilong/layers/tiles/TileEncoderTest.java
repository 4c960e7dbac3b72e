package org.lilong.layers.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lilong.layers.tiles.TileFixtures.cut;
import static org.lilong.layers.tiles.TileFixtures.expectedInTile;
import static org.lilong.layers.tiles.TileFixtures.feature;
import static org.lilong.layers.tiles.TileFixtures.tileAt;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.Visibility;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** Tiles decoded back equal their source features within a tile unit or two, cut, snapped and wound as MVT 2.1 says. */
class TileEncoderTest {

    /** A residential area in Huangpu, about 300 × 200 m, with a notch in its east side. */
    private static final Feature AREA = feature(7, "POLYGON ((121.4800 31.2300, 121.4830 31.2300, 121.4830 31.2308,"
            + " 121.4822 31.2310, 121.4830 31.2312, 121.4830 31.2318, 121.4800 31.2318, 121.4800 31.2300))",
            "name", "金坛居民区", "residents", 3200L, "households", 1300L);
    private static final Feature LANE = feature(3, "LINESTRING (121.4790 31.2295, 121.4815 31.2321, 121.4842 31.2297)",
            "name", "北浜弄", "class", "lane");
    private static final Feature STATION = feature(11, "POINT (121.4812 31.2306)", "name", "市民驿站",
            "category", "community_station", "phone", "021-63280000", "manager_phone", "13900000000");

    @ParameterizedTest
    @ValueSource(ints = {13, 15, 17, 19})
    void aPolygonComesBackWithinTwoTileUnitsOfItsSource(int z) {
        TileAddress tile = tileAt(z, 121.4815, 31.2309);
        Geometry decoded = cut(LayerCatalogue.RESIDENTIAL_AREAS, List.of(AREA), tile, Visibility.PUBLIC)
                .geometries(LayerCatalogue.RESIDENTIAL_AREAS).get(7L);
        Geometry expected = expectedInTile(AREA.geometry(), tile);
        assertThat(DiscreteHausdorffDistance.distance(decoded, expected, 0.1)).isLessThanOrEqualTo(2.0);
        assertThat(decoded.isValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 14, 16, 18})
    void aLineComesBackWithinTwoTileUnitsOfItsSource(int z) {
        TileAddress tile = tileAt(z, 121.4815, 31.2309);
        Geometry decoded = cut(LayerCatalogue.STREETS, List.of(LANE), tile, Visibility.PUBLIC)
                .geometries(LayerCatalogue.STREETS).get(3L);
        assertThat(DiscreteHausdorffDistance.distance(decoded, expectedInTile(LANE.geometry(), tile), 0.1))
                .isLessThanOrEqualTo(2.0);
    }

    @Test
    void aPointComesBackWithinHalfATileUnit() {
        TileAddress tile = tileAt(18, 121.4812, 31.2306);
        Geometry decoded = cut(LayerCatalogue.SERVICE_STATIONS, List.of(STATION), tile, Visibility.PUBLIC)
                .geometries(LayerCatalogue.SERVICE_STATIONS).get(11L);
        assertThat(decoded.distance(TileFixtures.toTileUnits(STATION.geometry(), tile))).isLessThanOrEqualTo(Math.sqrt(0.5));
    }

    @Test
    void idsAndVisiblePropertiesSurviveTheTrip() {
        TileAddress tile = tileAt(15, 121.4815, 31.2309);
        DecodedTile decoded = cut(LayerCatalogue.SERVICE_STATIONS, List.of(STATION), tile, Visibility.PUBLIC);
        assertThat(decoded.properties(LayerCatalogue.SERVICE_STATIONS)).containsExactly(Map.entry(11L,
                Map.of("name", "市民驿站", "category", "community_station", "phone", "021-63280000")));
    }

    @Test
    void datesTravelAsIsoTextAndNullsAreLeftOut() {
        Feature park = feature(2, "POLYGON ((121.4955 31.2355, 121.4960 31.2355, 121.4960 31.2360, 121.4955 31.2360, 121.4955 31.2355))",
                "name", "面筋弄口袋花园", "area_m2", 2500.0, "opened", LocalDate.of(2021, 9, 1));
        DecodedTile decoded = cut(LayerCatalogue.POCKET_PARKS, List.of(park), tileAt(16, 121.4957, 31.2357), Visibility.PUBLIC);
        assertThat(decoded.properties(LayerCatalogue.POCKET_PARKS).get(2L))
                .containsExactlyInAnyOrderEntriesOf(Map.of("name", "面筋弄口袋花园", "area_m2", 2500.0, "opened", "2021-09-01"));
    }

    @Test
    void layersAreVersionTwoWithExtent4096() {
        DecodedTile decoded = cut(LayerCatalogue.STREETS, List.of(LANE), tileAt(15, 121.4815, 31.2309), Visibility.PUBLIC);
        VectorTile.Tile.Layer layer = decoded.raw().getLayers(0);
        assertThat(layer.getVersion()).isEqualTo(2);
        assertThat(layer.getExtent()).isEqualTo(4096);
        assertThat(layer.getName()).isEqualTo(LayerCatalogue.STREETS);
    }

    @Test
    void aPolygonCrossingTheTileEdgeIsCutAtTheBuffer() {
        TileAddress tile = tileAt(18, 121.4815, 31.2309);
        Envelope decoded = cut(LayerCatalogue.RESIDENTIAL_AREAS, List.of(AREA), tile, Visibility.PUBLIC)
                .geometries(LayerCatalogue.RESIDENTIAL_AREAS).get(7L).getEnvelopeInternal();
        assertThat(TileFixtures.toTileUnits(AREA.geometry(), tile).getEnvelopeInternal().getWidth()).isGreaterThan(4096 + 128);
        assertThat(new Envelope(-64, 4160, -64, 4160).covers(decoded)).isTrue();
        assertThat(decoded.getMinX() == -64 || decoded.getMaxX() == 4160 || decoded.getMinY() == -64 || decoded.getMaxY() == 4160).isTrue();
    }

    @Test
    void aLineCrossingTheTileEdgeEndsOnTheBuffer() {
        TileAddress tile = tileAt(17, 121.4815, 31.2309);
        Envelope decoded = cut(LayerCatalogue.STREETS, List.of(LANE), tile, Visibility.PUBLIC)
                .geometries(LayerCatalogue.STREETS).get(3L).getEnvelopeInternal();
        assertThat(new Envelope(-64, 4160, -64, 4160).covers(decoded)).isTrue();
        assertThat(decoded.getMinX() == -64 || decoded.getMaxX() == 4160 || decoded.getMinY() == -64 || decoded.getMaxY() == 4160).isTrue();
    }

    @Test
    void onlyFeaturesInsideTheBufferedTileAreDrawn() {
        TileAddress tile = new TileAddress(16, 54770, 26772);
        Envelope bounds = tile.lonLatBounds();
        double unitLon = bounds.getWidth() / 4096;
        // 30 units east of the tile's edge lies in its buffer; 100 units does not.
        Feature inBuffer = feature(1, String.format("POINT (%s %s)", bounds.getMaxX() + 30 * unitLon, bounds.centre().y),
                "name", "in the buffer", "category", "canteen");
        Feature outside = feature(2, String.format("POINT (%s %s)", bounds.getMaxX() + 100 * unitLon, bounds.centre().y),
                "name", "outside", "category", "canteen");
        DecodedTile decoded = cut(LayerCatalogue.SERVICE_STATIONS, List.of(inBuffer, outside), tile, Visibility.PUBLIC);
        assertThat(decoded.geometries(LayerCatalogue.SERVICE_STATIONS)).containsOnlyKeys(1L);
    }

    @Test
    void aTileWithNothingInItIsEmpty() {
        byte[] bytes = TileFixtures.cutBytes(LayerCatalogue.STREETS, List.of(LANE), new TileAddress(15, 0, 0), Visibility.PUBLIC);
        assertThat(bytes).isEmpty();
    }

    @Test
    void shellsWindClockwiseAndHolesAnticlockwise() {
        TileAddress tile = tileAt(15, 121.481, 31.231);
        Envelope b = tile.lonLatBounds();
        // Drawn the wrong way round for MVT on purpose (shell clockwise with y up, so anticlockwise
        // once y points down; the hole the other way): the encoder must turn both.
        Feature withCourtyard = feature(5, String.format("POLYGON ((%1$s %2$s, %1$s %4$s, %3$s %4$s, %3$s %2$s, %1$s %2$s),"
                + " (%5$s %6$s, %7$s %6$s, %7$s %8$s, %5$s %8$s, %5$s %6$s))",
                lerp(b.getMinX(), b.getMaxX(), 0.2), lerp(b.getMinY(), b.getMaxY(), 0.2),
                lerp(b.getMinX(), b.getMaxX(), 0.8), lerp(b.getMinY(), b.getMaxY(), 0.8),
                lerp(b.getMinX(), b.getMaxX(), 0.4), lerp(b.getMinY(), b.getMaxY(), 0.4),
                lerp(b.getMinX(), b.getMaxX(), 0.6), lerp(b.getMinY(), b.getMaxY(), 0.6)), "name", "天井");
        DecodedTile decoded = cut(LayerCatalogue.RESIDENTIAL_AREAS, List.of(withCourtyard), tile, Visibility.PUBLIC);
        List<Long> areas = decoded.ringDoubleAreas(LayerCatalogue.RESIDENTIAL_AREAS);
        assertThat(areas).hasSize(2);
        assertThat(areas.get(0)).as("shell").isPositive();
        assertThat(areas.get(1)).as("hole").isNegative();
        assertThat(decoded.geometries(LayerCatalogue.RESIDENTIAL_AREAS).get(5L).getNumGeometries()).isEqualTo(1);
    }

    private static double lerp(double from, double to, double t) {
        return from + (to - from) * t;
    }

    @Test
    void aPolygonSmallerThanATileUnitIsDroppedFarOutButDrawnClose() {
        // About 0.3 × 0.3 m: under a tile unit at z13 (about 1 m), hundreds at z20.
        Feature kiosk = feature(9, "POLYGON ((121.481 31.231, 121.481003 31.231, 121.481003 31.231003, 121.481 31.231003, 121.481 31.231))",
                "name", "报亭");
        assertThat(cut(LayerCatalogue.RESIDENTIAL_AREAS, List.of(kiosk), tileAt(13, 121.481, 31.231), Visibility.PUBLIC)
                .geometries(LayerCatalogue.RESIDENTIAL_AREAS)).isEmpty();
        assertThat(cut(LayerCatalogue.RESIDENTIAL_AREAS, List.of(kiosk), tileAt(20, 121.481, 31.231), Visibility.PUBLIC)
                .geometries(LayerCatalogue.RESIDENTIAL_AREAS)).containsKey(9L);
    }
}
