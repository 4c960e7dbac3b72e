package org.lilong.layers.lifecircle;

import java.util.List;
import org.lilong.layers.network.EdgePosition;
import org.locationtech.jts.geom.Geometry;

/**
 * Where a walk starts, attached to the walking network: a point (one position, on the nearest street)
 * or a residential area (the positions of the streets along its edge).
 *
 * @param areaId the residential area's feature id, or null for a point
 * @param geometry the point or the area's polygon, WGS84
 * @param positions where the walk joins the network (one for a point)
 * @param accessMetres the straight walk from the point to the street; 0 for an area
 */
public record WalkStart(Long areaId, Geometry geometry, List<EdgePosition> positions, double accessMetres) {

    public WalkStart {
        positions = List.copyOf(positions);
        if (positions.isEmpty()) {
            throw new IllegalArgumentException("a walk starts from at least one position on the network");
        }
    }

    public boolean isArea() {
        return areaId != null;
    }
}
