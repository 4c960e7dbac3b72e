package org.lilong.layers.lifecircle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.lilong.layers.lifecircle.CategoryResult.Status;
import org.lilong.layers.standard.LifeCircleProfile;
import org.lilong.layers.standard.WalkingSpeed;
import org.locationtech.jts.geom.Coordinate;

class ChecklistTest {

    private static final LifeCircleProfile PROFILE = LifeCircleProfile.defaults();
    private static final WalkingSpeed ADULT = PROFILE.speed("adult").orElseThrow();
    /** On the street, at its west end. */
    private static final Coordinate HOME = Town.lonLat(0, 0);

    private static LifeCircleReport reportFromHome(Town town) {
        LifeCircleAnalysis analysis = town.analysis();
        return analysis.report(analysis.startAt(HOME.x, HOME.y), ADULT);
    }

    private static CategoryResult category(LifeCircleReport report, String id) {
        return report.categories().stream().filter(c -> c.category().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aCanteenJustInsideItsMaximumWalkPasses() {
        LifeCircleReport report = reportFromHome(new Town().street("LINESTRING (0 0, 1000 0)").station("canteen", "POINT (299 0)"));

        assertThat(category(report, "canteen").status()).isEqualTo(Status.PASS);
    }

    @Test
    void aCanteenJustOutsideItsMaximumWalkFailsButIsStillNamed() {
        LifeCircleReport report = reportFromHome(new Town().street("LINESTRING (0 0, 1000 0)").station("canteen", "POINT (301 0)"));

        CategoryResult canteen = category(report, "canteen");
        assertThat(canteen.status()).isEqualTo(Status.FAIL);
        assertThat(canteen.nearest().walkMetres()).isCloseTo(301, within(0.05));
    }

    @Test
    void aCategoryWithoutAnyFacilityInTheDataHasNoDataAndNoNearest() {
        LifeCircleReport report = reportFromHome(new Town().street("LINESTRING (0 0, 1000 0)").station("canteen", "POINT (100 5)"));

        CategoryResult kindergarten = category(report, "kindergarten");
        assertThat(kindergarten.status()).isEqualTo(Status.NO_DATA);
        assertThat(kindergarten.nearest()).isNull();
        assertThat(report.noData()).isEqualTo(PROFILE.categories().size() - 1);
    }

    @Test
    void aFacilityOnAnotherUnconnectedStreetFailsWithNoNearest() {
        LifeCircleReport report = reportFromHome(new Town()
                .street("LINESTRING (0 0, 1000 0)")
                .street("LINESTRING (0 100, 1000 100)")
                .station("canteen", "POINT (0 105)"));

        CategoryResult canteen = category(report, "canteen");
        assertThat(canteen.status()).isEqualTo(Status.FAIL);
        assertThat(canteen.nearest()).isNull();
    }

    @Test
    void aFacilityFarFromEveryStreetIsLeftOutAndCounted() {
        LifeCircleAnalysis analysis = new Town()
                .street("LINESTRING (0 0, 1000 0)")
                .station("canteen", "POINT (100 500)")
                .analysis();

        assertThat(analysis.offNetworkFacilityCount()).isEqualTo(1);
        assertThat(analysis.facilityCount()).isZero();
        CategoryResult canteen = category(analysis.report(analysis.startAt(HOME.x, HOME.y), ADULT), "canteen");
        assertThat(canteen.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void facilitiesAreCountedWithinFiveTenAndFifteenMinutes() {
        // At 1.1 m/s: 5 minutes is 330 m, 10 minutes 660 m, 15 minutes 990 m.
        Town town = new Town().street("LINESTRING (0 0, 1200 0)");
        for (int x : new int[] {100, 320, 340, 650, 700, 980, 1000, 1150}) {
            town.station("market", "POINT (" + x + " 0)");
        }

        LifeCircleReport report = reportFromHome(town);

        CategoryResult market = category(report, "market");
        assertThat(market.within5()).isEqualTo(2);
        assertThat(market.within10()).isEqualTo(4);
        assertThat(market.within15()).isEqualTo(6);
        assertThat(report.reachable()).extracting(ReachedFacility::featureId).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(report.reachable()).allSatisfy(f -> assertThat(f.route()).isNull());
    }

    @Test
    void theScoreIsThePassedShareOfCategoriesWithData() {
        LifeCircleReport report = reportFromHome(new Town()
                .street("LINESTRING (0 0, 1000 0)")
                .station("canteen", "POINT (100 0)")
                .station("kindergarten", "POINT (200 0)")
                .station("market", "POINT (900 0)"));

        assertThat(report.passed()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.score()).isCloseTo(200.0 / 3, within(1e-9));
    }

    @Test
    void minutesAreTheWalkAtTheReportsSpeed() {
        WalkingSpeed elderly = PROFILE.speed("elderly").orElseThrow();
        LifeCircleAnalysis analysis = new Town().street("LINESTRING (0 0, 1000 0)").station("canteen", "POINT (480 0)").analysis();

        ReachedFacility canteen = category(analysis.report(analysis.startAt(HOME.x, HOME.y), elderly), "canteen").nearest();

        assertThat(canteen.minutes()).isCloseTo(480 / 0.8 / 60, within(0.01));
    }
}
