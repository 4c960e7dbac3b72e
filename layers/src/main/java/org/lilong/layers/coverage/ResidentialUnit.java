package org.lilong.layers.coverage;

import org.locationtech.jts.geom.Geometry;

/**
 * A place where people live, counted in the coverage analysis: a building-group grid (楼组) with
 * residents where the grids layer has them, else a residential area.
 *
 * @param layer the layer it comes from: {@code grids} or {@code residential-areas}
 * @param geometry its polygon, WGS84
 */
public record ResidentialUnit(String layer, long featureId, String name, long residents, Geometry geometry) {
}
