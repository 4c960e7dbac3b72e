package org.lilong.layers.tiles;

/**
 * Moves a WGS84 longitude/latitude into the datum a basemap is drawn in (GCJ-02 for AMap and
 * Tencent, BD-09 for Baidu), before the data are cut into tiles. The module {@code geodata} knows
 * these datums; the server passes its functions in.
 */
@FunctionalInterface
public interface DatumShift {

    /** WGS84 itself: no shift. */
    DatumShift NONE = (lon, lat) -> new double[] {lon, lat};

    /** The shifted position as {longitude, latitude}. */
    double[] apply(double lon, double lat);
}
