package org.lilong.layers.lifecircle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lilong.layers.isochrone.Isochrone;
import org.lilong.layers.standard.LifeCircleProfile;
import org.lilong.layers.standard.WalkingSpeed;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

class IsochroneRequestTest {

    private static final WalkingSpeed ADULT = LifeCircleProfile.defaults().defaultSpeed();

    /**
     * A street along each bank of a 20 m creek, 60 m apart, in 100 m pieces between lane mouths,
     * joined by a bridge 400 m east of the home.
     */
    private static LifeCircleAnalysis creekTown() {
        Town town = new Town().street("LINESTRING (400 0, 400 60)")
                .water("POLYGON ((-400 20, 380 20, 380 40, -400 40, -400 20))");
        for (int x = -400; x < 400; x += 100) {
            town.street("LINESTRING (" + x + " 0, " + (x + 100) + " 0)").street("LINESTRING (" + x + " 60, " + (x + 100) + " 60)");
        }
        return town.analysis();
    }

    private static final Coordinate HOME = Town.lonLat(0, -5);

    @Test
    void minutesOutsideZeroToSixtyAreRefused() {
        LifeCircleAnalysis analysis = creekTown();
        WalkStart start = analysis.startAt(HOME.x, HOME.y);

        assertThatThrownBy(() -> analysis.isochrones(start, ADULT, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> analysis.isochrones(start, ADULT, -5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> analysis.isochrones(start, ADULT, 5, 61)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> analysis.isochrones(start, ADULT, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void minutesThatDoNotAscendAreRefused() {
        LifeCircleAnalysis analysis = creekTown();
        WalkStart start = analysis.startAt(HOME.x, HOME.y);

        assertThatThrownBy(() -> analysis.isochrones(start, ADULT, 10, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> analysis.isochrones(start, ADULT, 5, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noneOrMoreThanSixBandsAreRefused() {
        LifeCircleAnalysis analysis = creekTown();
        WalkStart start = analysis.startAt(HOME.x, HOME.y);

        assertThatThrownBy(() -> analysis.isochrones(start, ADULT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> analysis.isochrones(start, ADULT, 1, 2, 3, 4, 5, 6, 7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneNestedIsochronePerBandForTheWholeWalk() {
        LifeCircleAnalysis analysis = creekTown();

        List<Isochrone> bands = analysis.isochrones(analysis.startAt(HOME.x, HOME.y), ADULT, 5, 10, 15);

        assertThat(bands).extracting(Isochrone::distanceMetres)
                .containsExactly(ADULT.metresIn(5), ADULT.metresIn(10), ADULT.metresIn(15));
        assertThat(bands.get(1).area().covers(bands.get(0).area())).isTrue();
        assertThat(bands.get(2).area().covers(bands.get(1).area())).isTrue();
        assertThat(bands.get(0).reachedStreetMetres()).isLessThan(bands.get(1).reachedStreetMetres());
    }

    @Test
    void theFiveMinuteAreaDoesNotCrossTheCreekToTheBankOpposite() {
        LifeCircleAnalysis analysis = creekTown();

        Isochrone five = analysis.isochrones(analysis.startAt(HOME.x, HOME.y), ADULT, 5).get(0);

        Point home = five.area().getFactory().createPoint(HOME);
        Point opposite = five.area().getFactory().createPoint(Town.lonLat(0, 65));
        assertThat(five.area().contains(home)).isTrue();
        assertThat(five.area().contains(opposite)).isFalse();
    }

    @Test
    void theAccessLegIsTakenOffTheWalkSoABandItUsesUpIsEmpty() {
        LifeCircleAnalysis analysis = creekTown();
        Coordinate farBack = Town.lonLat(0, -150);
        WalkStart start = analysis.startAt(farBack.x, farBack.y);

        List<Isochrone> bands = analysis.isochrones(start, ADULT, 2, 5);

        assertThat(bands.get(0).area().isEmpty()).as("150 m to the street, 132 m in 2 minutes").isTrue();
        assertThat(bands.get(0).distanceMetres()).isEqualTo(ADULT.metresIn(2));
        assertThat(bands.get(1).area().isEmpty()).isFalse();
        // 330 m in 5 minutes, 150 m of it to reach the street: 180 m each way along it.
        assertThat(bands.get(1).reachedStreetMetres()).isCloseTo(360, within(1.0));
    }
}
