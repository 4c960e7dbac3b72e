package org.lilong.geodata.crs;

import org.locationtech.jts.geom.Geometry;

/** WGS84 longitude/latitude itself (EPSG:4326 in lon/lat order, i.e. OGC CRS84). */
final class Wgs84Identity implements CoordinateTransform {

    static final Wgs84Identity INSTANCE = new Wgs84Identity();

    private Wgs84Identity() {
    }

    /** The geometry itself when it already carries SRID 4326 (no copy for a bulk import of lon/lat data), else a copy. */
    @Override
    public Geometry toWgs84(Geometry g) {
        if (g.getSRID() == 4326) {
            Geometries.requireFinite(g, "to WGS84");
            return g;
        }
        return Geometries.map(g, 4326, "to WGS84", p -> p);
    }

    @Override
    public Geometry fromWgs84(Geometry g) {
        return Geometries.map(g, 4326, "from WGS84", p -> p);
    }

    @Override
    public String code() {
        return "EPSG:4326";
    }

    @Override
    public String toString() {
        return code();
    }
}
