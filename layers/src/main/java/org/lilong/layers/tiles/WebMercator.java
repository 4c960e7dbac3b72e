package org.lilong.layers.tiles;

/**
 * Spherical Web Mercator (EPSG:3857) in world units: the whole world is the unit square, x from
 * 0 at 180°W to 1 at 180°E, y from 0 at the top ({@link #MAX_LATITUDE}) to 1 at the bottom, as
 * the tile grid counts rows. Latitudes beyond ±{@link #MAX_LATITUDE} are clamped.
 */
public final class WebMercator {

    /** The latitude at which the Web Mercator square ends, in degrees. */
    public static final double MAX_LATITUDE = 85.05112877980659;

    private WebMercator() {
    }

    public static double x(double lon) {
        return (lon + 180.0) / 360.0;
    }

    public static double y(double lat) {
        double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
        double sin = Math.sin(Math.toRadians(clamped));
        return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
    }

    public static double lon(double x) {
        return x * 360.0 - 180.0;
    }

    public static double lat(double y) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y))));
    }
}
