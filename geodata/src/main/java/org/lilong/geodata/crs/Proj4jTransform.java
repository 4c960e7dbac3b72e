package org.lilong.geodata.crs;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * An EPSG CRS to and from WGS84 through proj4j. proj4j always works in x = easting/longitude order,
 * whatever the EPSG axis order. Its transform objects keep scratch state, so calls are serialised.
 */
final class Proj4jTransform implements CoordinateTransform {

    private final String code;
    private final int srid;
    private final org.locationtech.proj4j.CoordinateTransform toWgs84;
    private final org.locationtech.proj4j.CoordinateTransform fromWgs84;

    Proj4jTransform(String code, int srid, org.locationtech.proj4j.CoordinateTransform toWgs84,
            org.locationtech.proj4j.CoordinateTransform fromWgs84) {
        this.code = code;
        this.srid = srid;
        this.toWgs84 = toWgs84;
        this.fromWgs84 = fromWgs84;
    }

    @Override
    public Geometry toWgs84(Geometry g) {
        return Geometries.map(g, 4326, "from " + code + " to WGS84", p -> apply(toWgs84, p));
    }

    @Override
    public Geometry fromWgs84(Geometry g) {
        return Geometries.map(g, srid, "from WGS84 to " + code, p -> apply(fromWgs84, p));
    }

    private synchronized double[] apply(org.locationtech.proj4j.CoordinateTransform transform, double[] p) {
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
