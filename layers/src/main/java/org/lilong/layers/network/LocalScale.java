package org.lilong.layers.network;

/**
 * Metres per degree of longitude and of latitude at one latitude of the WGS84 ellipsoid: a local
 * plane (equirectangular about that latitude) for short distances, such as a snapping radius.
 *
 * <p>Within 1 km of the reference latitude the plane's distances differ from geodesic ones by less
 * than about 1e-4 relative (0.1 m in 1 km) in Shanghai, far below what snapping needs; edge lengths
 * use {@link VincentyDistance}.
 *
 * @param metresPerDegreeLon east–west metres per degree of longitude: N·cos φ·π/180
 * @param metresPerDegreeLat north–south metres per degree of latitude: M·π/180
 */
public record LocalScale(double metresPerDegreeLon, double metresPerDegreeLat) {

    private static final double E2 = VincentyDistance.F * (2 - VincentyDistance.F);

    /** The scale at a latitude in degrees, from the ellipsoid's prime-vertical (N) and meridional (M) radii. */
    public static LocalScale at(double latitude) {
        double phi = Math.toRadians(latitude);
        double w = 1 - E2 * Math.sin(phi) * Math.sin(phi);
        double primeVertical = VincentyDistance.A / Math.sqrt(w);
        double meridional = VincentyDistance.A * (1 - E2) / (w * Math.sqrt(w));
        return new LocalScale(Math.toRadians(primeVertical * Math.cos(phi)), Math.toRadians(meridional));
    }
}
