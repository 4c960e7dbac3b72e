package org.lilong.geodata.crs;

import org.locationtech.jts.geom.Geometry;

/**
 * Converts geometries between one coordinate reference system and WGS84 longitude/latitude, the
 * CRS every Lilong store holds. Axis order is always x = easting or longitude, y = northing or
 * latitude, whatever order the EPSG register gives the CRS. Implementations are thread-safe and
 * never change the geometry they are given.
 *
 * <p>Obtain one from {@link CrsRegistry#resolve(String)}.
 */
public interface CoordinateTransform {

    /**
     * The geometry in WGS84 longitude/latitude, with SRID 4326.
     *
     * @throws IllegalArgumentException when a coordinate cannot be transformed (outside the
     *     projection's domain, or the result is not finite)
     */
    Geometry toWgs84(Geometry g);

    /**
     * The geometry, given in WGS84 longitude/latitude, in this CRS; its SRID is the EPSG code, or 0
     * for GCJ-02 and BD-09, which have none.
     *
     * @throws IllegalArgumentException when a coordinate cannot be transformed
     */
    Geometry fromWgs84(Geometry g);

    /** The CRS as {@link CrsRegistry#resolve(String)} accepts it: "EPSG:4549", "EPSG:4326", "GCJ02" or "BD09". */
    String code();
}
