package org.lilong.layers.editing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Cuts a polygon in two along a drawn line: the polygon's rings and the line are noded together
 * and polygonized (JTS), and the faces inside the polygon are the pieces. A line that does not
 * cross the polygon from edge to edge, or cuts it into more than two pieces, is refused.
 */
final class GridSplitter {

    private GridSplitter() {
    }

    /** The two pieces, larger first. @throws EditConflictException when the line does not cut the polygon in two */
    static List<Polygon> split(Polygon polygon, LineString line) {
        Geometry noded = UnaryUnionOp.union(List.of(polygon.getBoundary(), line));
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(noded);
        List<Polygon> pieces = new ArrayList<>();
        for (Object face : polygonizer.getPolygons()) {
            Polygon piece = (Polygon) face;
            if (polygon.contains(piece.getInteriorPoint())) {
                pieces.add(piece);
            }
        }
        if (pieces.size() != 2) {
            throw new EditConflictException("the line must cross the grid from edge to edge once, cutting it in two;"
                    + " it makes " + pieces.size() + " piece(s)");
        }
        pieces.sort(Comparator.comparingDouble(Geometry::getArea).reversed());
        return pieces;
    }
}
