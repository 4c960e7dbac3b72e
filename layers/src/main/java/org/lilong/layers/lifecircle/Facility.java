package org.lilong.layers.lifecircle;

import org.lilong.layers.network.EdgePosition;

/**
 * A facility attached to the walking network: where it is, the street point it is reached from and
 * the short straight walk between the two. {@link LifeCircleAnalysis#facilitiesOf} lists them.
 *
 * @param categoryIndex the index of its category in the profile
 * @param lon where it is (a park's interior point), WGS84; likewise {@code lat}
 * @param position the nearest street point
 * @param legMetres from the street point to the facility
 */
public record Facility(int categoryIndex, String categoryId, String layer, long featureId, String name, double lon, double lat,
        EdgePosition position, double legMetres) {
}
