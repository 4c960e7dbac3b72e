package org.lilong.layers.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VincentyDistanceTest {

    /** Vincenty's own worked example (Flinders Peak to Buninyong), as given by Geoscience Australia: 54 972.271 m. */
    @Test
    void flindersPeakToBuninyongIsVincentysWorkedExample() {
        double metres = VincentyDistance.metres(144 + 25 / 60.0 + 29.52440 / 3600, -(37 + 57 / 60.0 + 3.72030 / 3600),
                143 + 55 / 60.0 + 35.38390 / 3600, -(37 + 39 / 60.0 + 10.15610 / 3600));

        assertThat(metres).isCloseTo(54_972.271, within(0.001));
    }

    @Test
    void aDegreeOfLatitudeFromTheEquatorIsTheWgs84MeridianArc() {
        assertThat(VincentyDistance.metres(0, 0, 0, 1)).isCloseTo(110_574.389, within(0.01));
    }

    @Test
    void aPointIsNoDistanceFromItself() {
        assertThat(VincentyDistance.metres(121.47, 31.23, 121.47, 31.23)).isZero();
    }

    @Test
    void distanceIsSymmetric() {
        assertThat(VincentyDistance.metres(121.47, 31.23, 121.48, 31.24))
                .isCloseTo(VincentyDistance.metres(121.48, 31.24, 121.47, 31.23), within(1e-9));
    }

    @Test
    void nearlyAntipodalPointsStillGetADistance() {
        assertThat(VincentyDistance.metres(0, 0, 179.7, 0.5)).isBetween(19_900_000.0, 20_040_000.0);
    }

    @Test
    void theLocalScaleMatchesGeodesicDistancesOverAFewHundredMetres() {
        LocalScale scale = LocalScale.at(31.23);

        assertThat(VincentyDistance.metres(121.47, 31.23, 121.473, 31.23)).isCloseTo(0.003 * scale.metresPerDegreeLon(), within(0.01));
        assertThat(VincentyDistance.metres(121.47, 31.23, 121.47, 31.233)).isCloseTo(0.003 * scale.metresPerDegreeLat(), within(0.01));
    }
}
