package org.lilong.layers.network;

import org.locationtech.jts.geom.Coordinate;

/**
 * A walking link to add to a network ({@link NetworkLinker}): a line, and the street points its two
 * ends join, found by snapping them ({@link NearestEdgeSnapper}). The link runs from the first join
 * through every point of the line to the second join; where an end of the line is not the join
 * itself, the straight piece between them is part of the link.
 *
 * @param lineId the id {@link WalkingNetwork#lineId} gives the link's edge
 * @param line the link's points, WGS84 longitude/latitude, at least one
 * @param startJoin where the line's first point joins the network
 * @param endJoin where its last point joins the network
 */
public record NewLink(long lineId, Coordinate[] line, EdgePosition startJoin, EdgePosition endJoin) {

    public NewLink {
        if (line.length == 0) {
            throw new IllegalArgumentException("a link needs at least one point");
        }
        for (Coordinate c : line) {
            if (!(Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90)) {
                throw new IllegalArgumentException("link " + lineId + ": (" + c.x + ", " + c.y + ") is not a longitude/latitude");
            }
        }
        line = line.clone();
    }
}
