package org.lilong.geodata.crs;

import java.util.function.Supplier;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * An EPSG CRS to and from WGS84 through proj4j. proj4j always works in x = easting/longitude order,
 * whatever the EPSG axis order. Its transform objects keep scratch state, so each thread gets its own
 * pair (cheap to make) rather than all threads queueing for one: the items of an API request in
 * EPSG:4549 are projected on the request's thread.
 */
final class Proj4jTransform implements CoordinateTransform {

    private final String code;
    private final int srid;
    private final ThreadLocal<org.locationtech.proj4j.CoordinateTransform> toWgs84;
    private final ThreadLocal<org.locationtech.proj4j.CoordinateTransform> fromWgs84;

    Proj4jTransform(String code, int srid, Supplier<org.locationtech.proj4j.CoordinateTransform> toWgs84,
            Supplier<org.locationtech.proj4j.CoordinateTransform> fromWgs84) {
        this.code = code;
        this.srid = srid;
        this.toWgs84 = ThreadLocal.withInitial(toWgs84);
        this.fromWgs84 = ThreadLocal.withInitial(fromWgs84);
    }

    @Override
    public Geometry toWgs84(Geometry g) {
        return Geometries.map(g, 4326, "from " + code + " to WGS84", p -> apply(toWgs84.get(), p));
    }

    @Override
    public Geometry fromWgs84(Geometry g) {
        return Geometries.map(g, srid, "from WGS84 to " + code, p -> apply(fromWgs84.get(), p));
    }

    private static double[] apply(org.locationtech.proj4j.CoordinateTransform transform, double[] p) {
        ProjCoordinate out = new ProjCoordinate();
        try {
            transform.transform(new ProjCoordinate(p[0], p[1]), out);
        } catch (RuntimeException e) { // proj4j's ProjectionException and friends
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {out.x, out.y};
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
