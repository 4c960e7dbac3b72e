package org.lilong.layers.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class NearestEdgeSnapperTest {

    /**
     * <pre>
     *   a ------------ b      a–b is 100 m east–west;
     *                  |      b–c is 100 m north–south
     *                  c
     * </pre>
     */
    private static NetworkSketch.Built corner() {
        return new NetworkSketch().point("a", 0, 0).point("b", 100, 0).point("c", 100, -100)
                .street("a", "b").street("b", "c").build();
    }

    @Test
    void aPointBesideAnEdgeSnapsToTheFootOfThePerpendicular() {
        NetworkSketch.Built net = corner();
        Coordinate point = NetworkSketch.lonLat(40, 30);

        SnapResult snap = new NearestEdgeSnapper(net.network()).snap(point.x, point.y);

        assertThat(snap.isTooFar()).isFalse();
        assertThat(snap.position().edge()).isEqualTo(net.edge("a", "b"));
        assertThat(snap.position().fraction()).isCloseTo(net.at("a", "b", 0.4).fraction(), within(1e-4));
        assertThat(snap.distanceMetres()).isCloseTo(30, within(0.01));
        Coordinate foot = NetworkSketch.lonLat(40, 0);
        assertThat(snap.lon()).isCloseTo(foot.x, within(1e-7));
        assertThat(snap.lat()).isCloseTo(foot.y, within(1e-7));
    }

    @Test
    void aPointBeyondTheEndOfAStreetSnapsToItsEnd() {
        NetworkSketch.Built net = corner();
        Coordinate point = NetworkSketch.lonLat(-30, 40);

        SnapResult snap = new NearestEdgeSnapper(net.network()).snap(point.x, point.y);

        assertThat(snap.distanceMetres()).isCloseTo(50, within(0.01));
        assertThat(snap.position()).isEqualTo(net.at("a", "b", 0));
    }

    /**
     * <pre>
     *   a ---- b      one street a–b–c, 100 m then 300 m: a point beside c's leg, 100 m past b,
     *          |      lies at 200 / 400 = one half of the edge's length
     *          |
     *          c
     * </pre>
     */
    @Test
    void theFractionIsOfTheLengthAlongTheWholeEdge() {
        NetworkSketch.Built net = new NetworkSketch().point("a", 0, 0).point("b", 100, 0).point("c", 100, -300)
                .street("a", "b", "c").build();
        Coordinate point = NetworkSketch.lonLat(110, -100);

        SnapResult snap = new NearestEdgeSnapper(net.network()).snap(point.x, point.y);

        assertThat(net.network().edgeVertexCount(snap.position().edge())).isEqualTo(3);
        assertThat(snap.position().fraction()).isCloseTo(net.at("a", "c", 0.5).fraction(), within(1e-4));
        assertThat(snap.distanceMetres()).isCloseTo(10, within(0.01));
    }

    @Test
    void aPointFartherThanTheLimitIsTooFarButStillToldTheNearestStreet() {
        NetworkSketch.Built net = corner();
        Coordinate point = NetworkSketch.lonLat(50, 950);

        SnapResult snap = new NearestEdgeSnapper(net.network()).snap(point.x, point.y);

        assertThat(snap.isTooFar()).isTrue();
        assertThat(snap.limitMetres()).isEqualTo(NearestEdgeSnapper.DEFAULT_LIMIT_METRES);
        assertThat(snap.distanceMetres()).isCloseTo(950, within(0.5));
        assertThat(snap.position().edge()).isEqualTo(net.edge("a", "b"));
    }

    @Test
    void theLimitIsConfigurable() {
        NetworkSketch.Built net = corner();
        Coordinate point = NetworkSketch.lonLat(50, 60);

        assertThat(new NearestEdgeSnapper(net.network()).snap(point.x, point.y).isTooFar()).isFalse();
        assertThat(new NearestEdgeSnapper(net.network(), 50).snap(point.x, point.y).isTooFar()).isTrue();
    }

    @Test
    void nothingIsNearInAnEmptyNetwork() {
        SnapResult snap = new NearestEdgeSnapper(new WalkingNetworkBuilder().build()).snap(121.47, 31.23);

        assertThat(snap.isTooFar()).isTrue();
        assertThat(snap.position()).isNull();
        assertThat(snap.distanceMetres()).isInfinite();
    }

    @Test
    void aPointThatIsNotALongitudeLatitudeIsRefused() {
        NearestEdgeSnapper snapper = new NearestEdgeSnapper(corner().network());

        assertThatThrownBy(() -> snapper.snap(31.23, 121.47)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> snapper.snap(Double.NaN, 31.23)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLimitThatIsNotPositiveIsRefused() {
        WalkingNetwork network = corner().network();

        assertThatThrownBy(() -> new NearestEdgeSnapper(network, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSnappedPointLiesOnItsEdgeAtItsFraction() {
        Random random = new Random(3);
        WalkingNetwork network = ShortestPathTreeTest.randomNetwork(random);
        NearestEdgeSnapper snapper = new NearestEdgeSnapper(network, 2000);
        for (int i = 0; i < 200; i++) {
            Coordinate point = NetworkSketch.lonLat(random.nextDouble() * 1200 - 100, random.nextDouble() * 1200 - 100);

            SnapResult snap = snapper.snap(point.x, point.y);

            Coordinate onEdge = network.pointAt(snap.position().edge(), snap.position().fraction());
            assertThat(onEdge.x).isCloseTo(snap.lon(), within(1e-7));
            assertThat(onEdge.y).isCloseTo(snap.lat(), within(1e-7));
        }
    }

    /** The index (and its widening search beyond the limit) finds what a scan of every segment of every edge finds. */
    @Test
    void theNearestEdgeIsWhatABruteForceScanFinds() {
        Random random = new Random(5);
        for (int round = 0; round < 20; round++) {
            WalkingNetwork network = ShortestPathTreeTest.randomNetwork(random);
            NearestEdgeSnapper snapper = new NearestEdgeSnapper(network, 30);
            for (int i = 0; i < 50; i++) {
                Coordinate point = NetworkSketch.lonLat(random.nextDouble() * 3000 - 1000, random.nextDouble() * 3000 - 1000);

                SnapResult snap = snapper.snap(point.x, point.y);

                assertThat(snap.distanceMetres()).as("round %d point %d", round, i)
                        .isCloseTo(bruteForceMetres(network, point), within(1e-6));
            }
        }
    }

    private static double bruteForceMetres(WalkingNetwork network, Coordinate point) {
        LocalScale scale = LocalScale.at(point.y);
        double best = Double.POSITIVE_INFINITY;
        for (int e = 0; e < network.edgeCount(); e++) {
            for (int i = 1; i < network.edgeVertexCount(e); i++) {
                double x0 = (network.edgeVertexLon(e, i - 1) - point.x) * scale.metresPerDegreeLon();
                double y0 = (network.edgeVertexLat(e, i - 1) - point.y) * scale.metresPerDegreeLat();
                double x1 = (network.edgeVertexLon(e, i) - point.x) * scale.metresPerDegreeLon();
                double y1 = (network.edgeVertexLat(e, i) - point.y) * scale.metresPerDegreeLat();
                double dx = x1 - x0;
                double dy = y1 - y0;
                double t = Math.max(0, Math.min(1, -(x0 * dx + y0 * dy) / (dx * dx + dy * dy)));
                best = Math.min(best, Math.hypot(x0 + t * dx, y0 + t * dy));
            }
        }
        return best;
    }
}
