package org.lilong.geodata.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * GCJ-02 and BD-09 against control points published by the common open-source implementations,
 * and round trips over Shanghai.
 *
 * <p>There is no official published GCJ-02 control point: the offset is a state secret whose formula
 * leaked. The control points here are the test vectors of the two most used implementations, so
 * they check that this implementation reproduces the same widely used formula (they are not survey
 * measurements):
 * <ul>
 *   <li>eviltransform (github.com/googollee/eviltransform, go/transform_test.go, the case commented
 *       "shanghai"): WGS84 (31.1774276°N, 121.5272106°E) → GCJ-02 (31.17530398364597°N, 121.531541859215°E);</li>
 *   <li>coordtransform (github.com/wandergis/coordtransform, README "result" block), at Tiananmen:
 *       wgs84togcj02(116.404, 39.915) = (116.41024449916938, 39.91640428150164) and
 *       gcj02tobd09(116.404, 39.915) = (116.41036949371029, 39.92133699351021).</li>
 * </ul>
 * No published BD-09 pair for Shanghai was found with certainty, so the Shanghai BD-09 point below is
 * derived from the forward formula as those implementations publish it (gcj02tobd09 with
 * x_pi = π·3000/180) and only checks the inverse against it.
 */
class ChinaOffsetsTest {

    private static final double CM = 0.01;

    @Test
    void wgs84ToGcj02ReproducesEviltransformsShanghaiControlPoint() {
        double[] gcj = ChinaOffsets.wgs84ToGcj02(121.5272106, 31.1774276);

        assertThat(metres(gcj, new double[] {121.531541859215, 31.17530398364597})).isLessThan(0.001);
    }

    @Test
    void gcj02ToWgs84InvertsEviltransformsShanghaiControlPointWithinOneCentimetre() {
        double[] wgs = ChinaOffsets.gcj02ToWgs84(121.531541859215, 31.17530398364597);

        assertThat(metres(wgs, new double[] {121.5272106, 31.1774276})).isLessThan(CM);
    }

    @Test
    void wgs84ToGcj02ReproducesCoordtransformsBeijingControlPoint() {
        double[] gcj = ChinaOffsets.wgs84ToGcj02(116.404, 39.915);

        assertThat(gcj[0]).isCloseTo(116.41024449916938, within(1e-9));
        assertThat(gcj[1]).isCloseTo(39.91640428150164, within(1e-9));
    }

    @Test
    void gcj02ToBd09ReproducesCoordtransformsBeijingControlPoint() {
        double[] bd = ChinaOffsets.gcj02ToBd09(116.404, 39.915);

        assertThat(bd[0]).isCloseTo(116.41036949371029, within(1e-9));
        assertThat(bd[1]).isCloseTo(39.92133699351021, within(1e-9));
    }

    @Test
    void bd09ToGcj02InvertsCoordtransformsBeijingControlPointWithinOneCentimetre() {
        double[] gcj = ChinaOffsets.bd09ToGcj02(116.41036949371029, 39.92133699351021);

        assertThat(metres(gcj, new double[] {116.404, 39.915})).isLessThan(CM);
    }

    @Test
    void bd09ToWgs84InvertsAShanghaiPointDerivedFromThePublishedForwardFormula() {
        // Derived, not published: BD-09 of the eviltransform Shanghai point by the forward formula.
        double[] bd = ChinaOffsets.gcj02ToBd09(121.531541859215, 31.17530398364597);

        double[] wgs = ChinaOffsets.bd09ToWgs84(bd[0], bd[1]);

        assertThat(metres(wgs, new double[] {121.5272106, 31.1774276})).isLessThan(CM);
    }

    @Test
    void everyRoundTripOverAGridOfShanghaiComesBackWithinOneCentimetre() {
        for (double lon = 120.85; lon <= 122.0; lon += 0.025) {
            for (double lat = 30.68; lat <= 31.88; lat += 0.025) {
                double[] wgs = {lon, lat};
                double[] gcj = ChinaOffsets.wgs84ToGcj02(lon, lat);
                double[] bd = ChinaOffsets.wgs84ToBd09(lon, lat);

                assertThat(metres(ChinaOffsets.gcj02ToWgs84(gcj[0], gcj[1]), wgs)).as("GCJ-02 at %s, %s", lon, lat).isLessThan(CM);
                assertThat(metres(ChinaOffsets.bd09ToWgs84(bd[0], bd[1]), wgs)).as("BD-09 at %s, %s", lon, lat).isLessThan(CM);
                assertThat(metres(ChinaOffsets.bd09ToGcj02(bd[0], bd[1]), gcj)).as("BD-09→GCJ-02 at %s, %s", lon, lat).isLessThan(CM);
            }
        }
    }

    @Test
    void theGcj02OffsetInShanghaiIsTheHundredsOfMetresDomainMdDescribes() {
        double[] gcj = ChinaOffsets.wgs84ToGcj02(121.4737, 31.2304);

        assertThat(metres(gcj, new double[] {121.4737, 31.2304})).isBetween(100.0, 700.0);
    }

    @Test
    void outsideChinaGcj02IsWgs84() {
        double[] tokyo = ChinaOffsets.wgs84ToGcj02(139.6917, 35.6895);

        assertThat(tokyo).containsExactly(139.6917, 35.6895);
        assertThat(ChinaOffsets.gcj02ToWgs84(139.6917, 35.6895)).containsExactly(139.6917, 35.6895);
    }

    /** Distance in metres between two lon/lat points a few hundred metres apart at most (equirectangular). */
    static double metres(double[] a, double[] b) {
        double lat = Math.toRadians((a[1] + b[1]) / 2);
        double dx = Math.toRadians(a[0] - b[0]) * Math.cos(lat) * 6_371_008.8;
        double dy = Math.toRadians(a[1] - b[1]) * 6_371_008.8;
        return Math.hypot(dx, dy);
    }
}
