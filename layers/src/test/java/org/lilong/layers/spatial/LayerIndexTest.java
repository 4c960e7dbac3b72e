package org.lilong.layers.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lilong.layers.model.Feature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class LayerIndexTest {

    private static final WKTReader WKT = new WKTReader(GeometryFactories.WGS84);

    @Test
    void boxQueryEqualsABruteForceScan() {
        SplittableRandom random = new SplittableRandom(7);
        List<Feature> features = new ArrayList<>();
        for (long id = 1; id <= 500; id++) {
            double x = 121.48 + random.nextDouble() * 0.02;
            double y = 31.22 + random.nextDouble() * 0.02;
            double size = random.nextDouble() * 0.002;
            Geometry geometry = random.nextBoolean()
                    ? GeometryFactories.WGS84.createPoint(new Coordinate(x, y))
                    : GeometryFactories.WGS84.createLineString(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + size, y + size)});
            features.add(new Feature(id, geometry, Map.of()));
        }
        LayerIndex index = new LayerIndex(features);
        for (int i = 0; i < 200; i++) {
            double x = 121.48 + random.nextDouble() * 0.02;
            double y = 31.22 + random.nextDouble() * 0.02;
            Envelope box = new Envelope(x, x + random.nextDouble() * 0.005, y, y + random.nextDouble() * 0.005);
            Geometry boxGeometry = GeometryFactories.WGS84.toGeometry(box);
            List<Long> expected = features.stream().filter(f -> f.geometry().intersects(boxGeometry)).map(Feature::id).toList();
            assertThat(index.intersecting(box).stream().map(Feature::id).toList()).isEqualTo(expected);
        }
    }

    @Test
    void aLineWhoseEnvelopeMeetsTheBoxButNotItsGeometryIsNotReturned() throws Exception {
        LayerIndex index = new LayerIndex(List.of(new Feature(1, WKT.read("LINESTRING (0 0, 10 10)"), Map.of())));
        assertThat(index.intersecting(new Envelope(8, 9, 0, 1))).isEmpty();
        assertThat(index.intersecting(new Envelope(4, 6, 4, 6))).hasSize(1);
    }

    @Test
    void featuresComeBackInIdOrderWhateverTheInsertOrder() throws Exception {
        LayerIndex index = new LayerIndex(List.of(
                new Feature(3, WKT.read("POINT (1 1)"), Map.of()),
                new Feature(1, WKT.read("POINT (2 2)"), Map.of()),
                new Feature(2, WKT.read("POINT (3 3)"), Map.of())));
        assertThat(index.all().stream().map(Feature::id)).containsExactly(1L, 2L, 3L);
        assertThat(index.intersecting(new Envelope(0, 4, 0, 4)).stream().map(Feature::id)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void lookupByIdFindsPresentAndMissesAbsentIds() throws Exception {
        LayerIndex index = new LayerIndex(List.of(new Feature(5, WKT.read("POINT (1 1)"), Map.of())));
        assertThat(index.byId(5)).isPresent();
        assertThat(index.byId(6)).isEmpty();
    }

    @Test
    void aPointOnASharedBoundaryIsCoveredByBothPolygons() throws Exception {
        LayerIndex index = new LayerIndex(List.of(
                new Feature(1, WKT.read("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"), Map.of()),
                new Feature(2, WKT.read("POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))"), Map.of())));
        assertThat(index.covering(WKT.read("POINT (1 0.5)"))).hasSize(2);
        assertThat(index.covering(WKT.read("POINT (0.5 0.5)")).stream().map(Feature::id)).containsExactly(1L);
    }

    @Test
    void anEmptyLayerHasANullExtent() {
        assertThat(LayerIndex.empty().extent().isNull()).isTrue();
        assertThat(LayerIndex.empty().intersecting(new Envelope(0, 1, 0, 1))).isEmpty();
    }
}
