package org.lilong.layers.lifecircle;

import org.locationtech.jts.geom.LineString;

/**
 * A facility and the walk to it from a {@link WalkStart}.
 *
 * @param categoryId the profile category it serves
 * @param layer the layer it comes from (service-stations, pocket-parks)
 * @param lon where it is (a park's interior point), WGS84
 * @param walkMetres access from the start to the street + along streets + from the street to the facility
 * @param minutes {@code walkMetres} at the report's speed
 * @param straightMetres the straight-line (geodesic) distance, to show how much the streets add
 * @param route the walk as a line, start to facility, WGS84; null where a list does not carry routes
 */
public record ReachedFacility(String categoryId, String layer, long featureId, String name, double lon, double lat,
        double walkMetres, double minutes, double straightMetres, LineString route) {
}
