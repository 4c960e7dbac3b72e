package org.lilong.layers.isochrone;

import org.locationtech.jts.geom.Geometry;

/**
 * The area reachable on foot within a walking distance: a Polygon, or a MultiPolygon where the reach
 * is disconnected, in WGS84 longitude/latitude; empty when nothing is reached.
 *
 * @param distanceMetres the walking distance the area is for
 * @param area the reached streets, buffered ({@link IsochroneBuilder} says how)
 * @param areaSquareMetres the area of {@code area}, measured in metres
 * @param reachedStreetMetres the length of street, partial edges included, within the distance
 */
public record Isochrone(double distanceMetres, Geometry area, double areaSquareMetres, double reachedStreetMetres) {
}
