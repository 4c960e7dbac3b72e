package org.lilong.layers.model;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The kind of geometry a layer holds. Each kind also accepts its multi-part form, so a grid cut in
 * two by a creek is still a valid grid.
 */
public enum GeometryType {
    POINT("Point"),
    LINESTRING("LineString"),
    POLYGON("Polygon");

    private final String geoJsonName;

    GeometryType(String geoJsonName) {
        this.geoJsonName = geoJsonName;
    }

    public String geoJsonName() {
        return geoJsonName;
    }

    public boolean accepts(Geometry geometry) {
        return switch (this) {
            case POINT -> geometry instanceof Point || geometry instanceof MultiPoint;
            case LINESTRING -> geometry instanceof LineString || geometry instanceof MultiLineString;
            case POLYGON -> geometry instanceof Polygon || geometry instanceof MultiPolygon;
        };
    }
}
