package org.lilong.layers.coverage;

import java.util.List;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * Changes to try without saving them: new facilities of the category, and new walking links (a new
 * gate in a compound wall, a footbridge) whose ends join the nearest streets.
 */
public record WhatIfProposal(List<Point> facilities, List<LineString> links) {

    public WhatIfProposal {
        facilities = List.copyOf(facilities);
        links = List.copyOf(links);
    }
}
