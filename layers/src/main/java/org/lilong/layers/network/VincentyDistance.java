package org.lilong.layers.network;

/**
 * The geodesic distance in metres between two WGS84 longitude/latitude points, by Vincenty's inverse
 * formula on the WGS84 ellipsoid (T. Vincenty, "Direct and inverse solutions of geodesics on the
 * ellipsoid", Survey Review 23(176), 1975), iterated to 1e-12 radians: sub-millimetre for street
 * segments.
 *
 * <p>Why the ellipsoid and not a sphere: haversine with the mean radius is off by up to ~0.3 % at
 * Shanghai's latitude depending on the heading (3 m in a 1000 m walk), which is as large as the
 * differences the life-circle thresholds are about. Vincenty's iteration fails to converge only for
 * nearly antipodal points, which no street segment is; there it falls back to the great-circle
 * distance on a sphere of the mean radius.
 */
public final class VincentyDistance {

    static final double A = 6_378_137.0;
    static final double F = 1 / 298.257223563;
    static final double B = A * (1 - F);
    private static final double MEAN_RADIUS = 6_371_008.8;
    private static final int MAX_ITERATIONS = 200;

    private VincentyDistance() {
    }

    /** Metres along the ellipsoid from (lon1, lat1) to (lon2, lat2), in degrees; 0 for the same point. */
    public static double metres(double lon1, double lat1, double lon2, double lat2) {
        double l = Math.toRadians(lon2 - lon1);
        double u1 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat1)));
        double u2 = Math.atan((1 - F) * Math.tan(Math.toRadians(lat2)));
        double sinU1 = Math.sin(u1);
        double cosU1 = Math.cos(u1);
        double sinU2 = Math.sin(u2);
        double cosU2 = Math.cos(u2);
        double lambda = l;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double sinLambda = Math.sin(lambda);
            double cosLambda = Math.cos(lambda);
            double sinSigma = Math.sqrt(square(cosU2 * sinLambda) + square(cosU1 * sinU2 - sinU1 * cosU2 * cosLambda));
            if (sinSigma == 0) {
                return 0;
            }
            double cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            double sigma = Math.atan2(sinSigma, cosSigma);
            double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            double cosSqAlpha = 1 - sinAlpha * sinAlpha;
            // On the equator cos²α is 0 and the term is undefined; its limit there is 0.
            double cos2SigmaM = cosSqAlpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha;
            double c = F / 16 * cosSqAlpha * (4 + F * (4 - 3 * cosSqAlpha));
            double previous = lambda;
            lambda = l + (1 - c) * F * sinAlpha
                    * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            if (Math.abs(lambda - previous) < 1e-12) {
                double uSq = cosSqAlpha * (A * A - B * B) / (B * B);
                double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
                double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
                double deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
                        - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
                return B * bigA * (sigma - deltaSigma);
            }
        }
        return greatCircle(lon1, lat1, lon2, lat2);
    }

    private static double greatCircle(double lon1, double lat1, double lon2, double lat2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double h = square(Math.sin(dLat / 2))
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * square(Math.sin(dLon / 2));
        return 2 * MEAN_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static double square(double v) {
        return v * v;
    }
}
