package org.lilong.geodata.crs;

/**
 * The offsets of Chinese web maps: GCJ-02 (国测局坐标, "Mars coordinates"; AMap/Gaode, Tencent) and
 * BD-09 (Baidu), to and from WGS84. All methods take and return {@code {longitude, latitude}} in
 * degrees.
 *
 * <p>Hand-written: GCJ-02 is not in the EPSG register, so PROJ and proj4j cannot do it, and no
 * library on Maven Central does it well (the few that exist are unmaintained or invert the offset
 * with a single approximate step, off by metres). The forward formulas are the ones published by the
 * common open-source implementations (eviltransform, github.com/googollee/eviltransform, and
 * coordtransform, github.com/wandergis/coordtransform): the GCJ-02 offset is a polynomial and sine
 * series of the distance from (105°E, 35°N), scaled with the Krasovsky ellipsoid (a = 6 378 245 m,
 * e² = 0.00669342162296594323), and applied only inside a rough bounding box of China; BD-09 is a
 * further small rotation and scaling of GCJ-02. Neither has a closed-form inverse, so the inverses
 * here iterate the forward formula to a fixed point, which converges to far better than 1 cm
 * (the offsets change by less than 10⁻⁵ of a change of position).
 */
public final class ChinaOffsets {

    private static final double KRASOVSKY_A = 6378245.0;
    private static final double KRASOVSKY_EE = 0.00669342162296594323;
    private static final double BD_X_PI = Math.PI * 3000.0 / 180.0;
    /** About 1 µm: the inverses stop when a step is smaller than this many degrees. */
    private static final double CONVERGED = 1e-11;
    private static final int MAX_ITERATIONS = 50;

    private ChinaOffsets() {
    }

    /** True outside the rough box (72.004–137.8347°E, 0.8293–55.8271°N) where GCJ-02 applies no offset. */
    public static boolean outOfChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    public static double[] wgs84ToGcj02(double lon, double lat) {
        if (outOfChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double[] d = gcjDelta(lon, lat);
        return new double[] {lon + d[0], lat + d[1]};
    }

    /** The inverse of {@link #wgs84ToGcj02}, by fixed-point iteration. */
    public static double[] gcj02ToWgs84(double lon, double lat) {
        if (outOfChina(lon, lat)) {
            return new double[] {lon, lat};
        }
        double wLon = lon;
        double wLat = lat;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double[] d = gcjDelta(wLon, wLat);
            double errLon = wLon + d[0] - lon;
            double errLat = wLat + d[1] - lat;
            wLon -= errLon;
            wLat -= errLat;
            if (Math.abs(errLon) < CONVERGED && Math.abs(errLat) < CONVERGED) {
                break;
            }
        }
        return new double[] {wLon, wLat};
    }

    public static double[] gcj02ToBd09(double lon, double lat) {
        double z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * BD_X_PI);
        double theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * BD_X_PI);
        return new double[] {z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006};
    }

    /**
     * The inverse of {@link #gcj02ToBd09}: the usual one-step approximation (good to about a metre),
     * refined by fixed-point iteration.
     */
    public static double[] bd09ToGcj02(double lon, double lat) {
        double x = lon - 0.0065;
        double y = lat - 0.006;
        double z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * BD_X_PI);
        double theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * BD_X_PI);
        double gLon = z * Math.cos(theta);
        double gLat = z * Math.sin(theta);
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double[] b = gcj02ToBd09(gLon, gLat);
            double errLon = b[0] - lon;
            double errLat = b[1] - lat;
            gLon -= errLon;
            gLat -= errLat;
            if (Math.abs(errLon) < CONVERGED && Math.abs(errLat) < CONVERGED) {
                break;
            }
        }
        return new double[] {gLon, gLat};
    }

    public static double[] wgs84ToBd09(double lon, double lat) {
        double[] gcj = wgs84ToGcj02(lon, lat);
        return gcj02ToBd09(gcj[0], gcj[1]);
    }

    public static double[] bd09ToWgs84(double lon, double lat) {
        double[] gcj = bd09ToGcj02(lon, lat);
        return gcj02ToWgs84(gcj[0], gcj[1]);
    }

    /** GCJ-02 minus WGS84 at a WGS84 position, {dLon, dLat} in degrees. */
    private static double[] gcjDelta(double lon, double lat) {
        double x = lon - 105.0;
        double y = lat - 35.0;
        double dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        dLat += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        dLat += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        dLat += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320.0 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        double dLon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        dLon += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        dLon += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        dLon += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        double radLat = lat / 180.0 * Math.PI;
        double magic = Math.sin(radLat);
        magic = 1 - KRASOVSKY_EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (KRASOVSKY_A / sqrtMagic * Math.cos(radLat) * Math.PI);
        return new double[] {dLon, dLat};
    }
}
