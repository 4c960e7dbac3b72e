package org.lilong.layers.lifecircle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lilong.layers.standard.LifeCircleProfile;
import org.lilong.layers.standard.WalkingSpeed;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

class NearestFacilityTest {

    private static final WalkingSpeed ADULT = LifeCircleProfile.defaults().defaultSpeed();

    /**
     * Two streets either side of a creek, joined only by a bridge at the east end; the home is on the
     * south street, canteen 1 is straight across the creek, canteen 2 farther along the home's side.
     * <pre>
     *   (-100,60) ---------------------------------------- (400,60)
     *                 1                                        |
     *   ~~~~~~~~~~~~~~~~~~~~~~~~~ creek ~~~~~~~~~~~~~~~~~~~~~~ | bridge
     *                                                          |
     *   (-100,0) ----------------------------------------- (400,0)
     *                 h                    2
     * </pre>
     */
    private static Town creekTown() {
        return new Town()
                .street("LINESTRING (-100 0, 400 0)")
                .street("LINESTRING (-100 60, 400 60)")
                .street("LINESTRING (400 0, 400 60)")
                .water("POLYGON ((-100 20, 380 20, 380 40, -100 40, -100 20))")
                .station("canteen", "POINT (0 65)")
                .station("canteen", "POINT (250 -8)");
    }

    private static final Coordinate HOME = Town.lonLat(0, -5);

    @Test
    void theNearestFacilityIsTheShortestWalkNotTheShortestStraightLine() {
        LifeCircleAnalysis analysis = creekTown().analysis();

        LifeCircleReport report = analysis.report(analysis.startAt(HOME.x, HOME.y), ADULT);

        ReachedFacility canteen = canteen(report).nearest();
        assertThat(canteen.featureId()).isEqualTo(2);
        assertThat(canteen.walkMetres()).isCloseTo(5 + 250 + 8, within(0.5));
        assertThat(canteen.straightMetres()).isCloseTo(Math.hypot(250, 3), within(0.5));
        ReachedFacility acrossTheCreek = report.reachable().stream().filter(f -> f.featureId() == 1).findFirst().orElseThrow();
        assertThat(acrossTheCreek.straightMetres()).isCloseTo(70, within(0.5));
        assertThat(acrossTheCreek.walkMetres()).isCloseTo(5 + 400 + 60 + 400 + 5, within(0.5));
    }

    @Test
    void theRouteRunsFromTheStartToTheFacilityAndIsAsLongAsTheWalk() {
        LifeCircleAnalysis analysis = creekTown().analysis();

        ReachedFacility canteen = canteen(analysis.report(analysis.startAt(HOME.x, HOME.y), ADULT)).nearest();

        LineString route = canteen.route();
        assertThat(route.getCoordinateN(0)).isEqualTo(HOME);
        assertThat(route.getCoordinateN(route.getNumPoints() - 1)).isEqualTo(new Coordinate(canteen.lon(), canteen.lat()));
        assertThat(Town.geodesicMetres(route)).isCloseTo(canteen.walkMetres(), within(0.5));
    }

    @Test
    void aRouteOverTheBridgeTurnsAtBothEndsOfIt() {
        LifeCircleAnalysis analysis = new Town()
                .street("LINESTRING (-100 0, 400 0)")
                .street("LINESTRING (-100 60, 400 60)")
                .street("LINESTRING (400 0, 400 60)")
                .station("canteen", "POINT (0 65)")
                .analysis();

        ReachedFacility canteen = canteen(analysis.report(analysis.startAt(HOME.x, HOME.y), ADULT)).nearest();

        LineString route = canteen.route();
        Point southEnd = route.getFactory().createPoint(Town.lonLat(400, 0));
        Point northEnd = route.getFactory().createPoint(Town.lonLat(400, 60));
        // Within 1e-7 degree (about a centimetre): the network stores coordinates to that precision.
        assertThat(route.distance(southEnd)).isLessThan(1e-7);
        assertThat(route.distance(northEnd)).isLessThan(1e-7);
        assertThat(Town.geodesicMetres(canteen.route())).isCloseTo(canteen.walkMetres(), within(0.5));
    }

    @Test
    void aFacilityOnTheStartsOwnStreetIsWalkedToStraightAlongIt() {
        LifeCircleAnalysis analysis = new Town()
                .street("LINESTRING (0 0, 400 0)")
                .station("canteen", "POINT (300 -5)")
                .analysis();
        Coordinate home = Town.lonLat(100, -5);

        ReachedFacility canteen = canteen(analysis.report(analysis.startAt(home.x, home.y), ADULT)).nearest();

        assertThat(canteen.walkMetres()).isCloseTo(210, within(0.05));
        assertThat(canteen.route().getNumPoints()).isEqualTo(4);
        assertThat(Town.geodesicMetres(canteen.route())).isCloseTo(canteen.walkMetres(), within(0.05));
    }

    @Test
    void aFacilityBehindTheStartOnItsStreetIsWalkedToBackwards() {
        LifeCircleAnalysis analysis = new Town()
                .street("LINESTRING (0 0, 400 0)")
                .station("canteen", "POINT (100 -5)")
                .analysis();
        Coordinate home = Town.lonLat(300, -5);

        ReachedFacility canteen = canteen(analysis.report(analysis.startAt(home.x, home.y), ADULT)).nearest();

        assertThat(canteen.route().getCoordinateN(1).x).isGreaterThan(canteen.route().getCoordinateN(2).x);
        assertThat(Town.geodesicMetres(canteen.route())).isCloseTo(210, within(0.05));
    }

    @Test
    void aPocketParkIsReachedAtItsInteriorPoint() {
        LifeCircleAnalysis analysis = new Town()
                .street("LINESTRING (0 0, 400 0)")
                .pocketPark("POLYGON ((150 10, 190 10, 190 50, 150 50, 150 10))")
                .analysis();

        CategoryResult parks = analysis.report(analysis.startAt(Town.lonLat(0, -5).x, Town.lonLat(0, -5).y), ADULT)
                .categories().stream().filter(c -> c.category().id().equals("pocket_park")).findFirst().orElseThrow();

        ReachedFacility park = parks.nearest();
        assertThat(park.layer()).isEqualTo("pocket-parks");
        Point place = park.route().getFactory().createPoint(new Coordinate(park.lon(), park.lat()));
        assertThat(Town.geometry("POLYGON ((150 10, 190 10, 190 50, 150 50, 150 10))").contains(place)).isTrue();
        assertThat(park.walkMetres()).isCloseTo(5 + 170 + 30, within(0.5));
    }

    static CategoryResult canteen(LifeCircleReport report) {
        return report.categories().stream().filter(c -> c.category().id().equals("canteen")).findFirst().orElseThrow();
    }
}
