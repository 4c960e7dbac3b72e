package org.lilong.layers.lifecircle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lilong.layers.network.EdgePosition;
import org.lilong.layers.standard.LifeCircleProfile;
import org.lilong.layers.standard.WalkingSpeed;
import org.locationtech.jts.geom.Coordinate;

class WalkStartTest {

    private static final WalkingSpeed ADULT = LifeCircleProfile.defaults().defaultSpeed();

    @Test
    void aPointNearAStreetStartsThereWithItsAccessLeg() {
        LifeCircleAnalysis analysis = new Town().street("LINESTRING (0 0, 100 0)").analysis();
        Coordinate point = Town.lonLat(40, 30);

        WalkStart start = analysis.startAt(point.x, point.y);

        assertThat(start.isArea()).isFalse();
        assertThat(start.positions()).hasSize(1);
        assertThat(start.positions().get(0).fraction()).isCloseTo(0.4, within(1e-4));
        assertThat(start.accessMetres()).isCloseTo(30, within(0.01));
    }

    @Test
    void aPointFartherThanTheLimitFromEveryStreetIsOffTheNetwork() {
        LifeCircleAnalysis analysis = new Town().street("LINESTRING (0 0, 100 0)").analysis();
        Coordinate far = Town.lonLat(50, 300);

        assertThatThrownBy(() -> analysis.startAt(far.x, far.y))
                .isInstanceOfSatisfying(OffNetworkException.class, e -> {
                    assertThat(e.distanceMetres()).isCloseTo(300, within(0.1));
                    assertThat(e.limitMetres()).isEqualTo(200);
                });
    }

    @Test
    void withoutStreetsEveryPointIsOffTheNetwork() {
        LifeCircleAnalysis analysis = new Town().analysis();

        assertThatThrownBy(() -> analysis.startAt(Town.ORIGIN_LON, Town.ORIGIN_LAT))
                .isInstanceOfSatisfying(OffNetworkException.class, e -> assertThat(e.distanceMetres()).isInfinite());
    }

    @Test
    void coordinatesOutOfRangeAreRefused() {
        LifeCircleAnalysis analysis = new Town().street("LINESTRING (0 0, 100 0)").analysis();

        assertThatThrownBy(() -> analysis.startAt(181, 31)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> analysis.startAt(121, -91)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> analysis.startAt(Double.NaN, 31)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A 100 m square compound with streets 10 m off its south and east sides, and a back street
     * 100 m beyond its north side, reached only by the east street.
     * <pre>
     *   (-50,200) ---K---------------- (110,200)
     *                                       |
     *                                       |
     *              +-------------+ C        |
     *              |    area     |          |
     *              +-------------+          |
     *   (-50,-10) ------------------------ (110,-10)
     * </pre>
     */
    private static Town compoundTown() {
        return new Town()
                .street("LINESTRING (-50 -10, 110 -10)")
                .street("LINESTRING (110 -10, 110 200)")
                .street("LINESTRING (110 200, -50 200)")
                .station("canteen", "POINT (115 100)")
                .station("kindergarten", "POINT (0 205)");
    }

    private static final String COMPOUND = "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))";

    @Test
    void anAreaStartsFromTheStreetsAlongItsEdge() {
        LifeCircleAnalysis analysis = compoundTown().analysis();

        WalkStart start = analysis.startAtArea(Town.area(7, COMPOUND));

        assertThat(start.isArea()).isTrue();
        assertThat(start.areaId()).isEqualTo(7);
        assertThat(start.accessMetres()).isZero();
        assertThat(start.positions()).hasSizeGreaterThan(2);
        for (EdgePosition position : start.positions()) {
            assertThat(analysis.network().lineId(position.edge())).isIn(1L, 2L);
        }
    }

    @Test
    void fromAnAreaAFacilityOnItsEdgeStreetIsOnlyItsOwnLegAway() {
        LifeCircleAnalysis analysis = compoundTown().analysis();

        LifeCircleReport report = analysis.report(analysis.startAtArea(Town.area(7, COMPOUND)), ADULT);

        ReachedFacility canteen = NearestFacilityTest.canteen(report).nearest();
        assertThat(canteen.walkMetres()).isCloseTo(5, within(0.05));
        assertThat(canteen.straightMetres()).isCloseTo(15, within(0.05));
    }

    @Test
    void fromAnAreaAStreetBeyondTheAttachLimitIsWalkedToAlongTheNetwork() {
        LifeCircleAnalysis analysis = compoundTown().analysis();

        LifeCircleReport report = analysis.report(analysis.startAtArea(Town.area(7, COMPOUND)), ADULT);

        ReachedFacility kindergarten = report.categories().stream().filter(c -> c.category().id().equals("kindergarten"))
                .findFirst().orElseThrow().nearest();
        // From the east street beside the area's north-east corner (110, 100): 100 m north, 110 m west, 5 m leg.
        assertThat(kindergarten.walkMetres()).isCloseTo(215, within(0.5));
        assertThat(Town.geodesicMetres(kindergarten.route())).isCloseTo(kindergarten.walkMetres(), within(0.5));
        assertThat(kindergarten.route().getCoordinateN(0).x).isCloseTo(Town.lonLat(110, 100).x, within(1e-7));
    }

    @Test
    void anAreaWithNoStreetAlongItsEdgeIsOffTheNetwork() {
        LifeCircleAnalysis analysis = new Town().street("LINESTRING (0 -80, 100 -80)").analysis();

        assertThatThrownBy(() -> analysis.startAtArea(Town.area(7, COMPOUND)))
                .isInstanceOfSatisfying(OffNetworkException.class, e -> {
                    assertThat(e.distanceMetres()).isCloseTo(80, within(0.1));
                    assertThat(e.limitMetres()).isEqualTo(50);
                });
    }

    @Test
    void anAreaMustBeAPolygon() {
        LifeCircleAnalysis analysis = compoundTown().analysis();

        assertThatThrownBy(() -> analysis.startAtArea(Town.area(7, "LINESTRING (0 0, 100 0)")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
