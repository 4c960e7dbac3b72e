package org.lilong.geodata.io;

import org.locationtech.jts.algorithm.LineIntersector;
import org.locationtech.jts.algorithm.RobustLineIntersector;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The OGC validity of a geometry, as JTS's IsValidOp judges it, with a shortcut for the commonest
 * case of an import: a polygon without holes whose ring has a few vertices (a building, a plot, a
 * compound). Such a polygon is valid exactly when its ring is simple, and for a few segments that is
 * quicker to prove pair by pair with JTS's robust segment intersector than with IsValidOp's noding
 * and indexes, which (with compiling them) took a fifth of an import's time. Whatever the shortcut
 * cannot prove valid goes to IsValidOp, which also names the problem.
 */
final class Validity {

    /** The largest ring, in segments, checked pair by pair: beyond that IsValidOp is quicker. */
    static final int SHORTCUT_SEGMENTS = 12;

    private Validity() {
    }

    /** Why the geometry is invalid, or null when it is valid. */
    static TopologyValidationError error(Geometry geometry) {
        return isSmallSimplePolygon(geometry) ? null : new IsValidOp(geometry).getValidationError();
    }

    /**
     * Whether the geometry is a polygon without holes whose ring has at most
     * {@value #SHORTCUT_SEGMENTS} segments, finite coordinates, is closed, and is simple: no segment
     * of length zero, adjacent segments meeting only at their shared vertex, other segments not at
     * all. False means "not proven", not "invalid".
     */
    static boolean isSmallSimplePolygon(Geometry geometry) {
        if (!(geometry instanceof Polygon polygon) || polygon.isEmpty() || polygon.getNumInteriorRing() > 0) {
            return false;
        }
        CoordinateSequence ring = polygon.getExteriorRing().getCoordinateSequence();
        int segments = ring.size() - 1;
        if (segments < 3 || segments > SHORTCUT_SEGMENTS) {
            return false;
        }
        Coordinate[] points = new Coordinate[segments + 1];
        for (int i = 0; i <= segments; i++) {
            points[i] = ring.getCoordinate(i);
            if (!Double.isFinite(points[i].x) || !Double.isFinite(points[i].y)) {
                return false;
            }
            if (i > 0 && points[i].equals2D(points[i - 1])) {
                return false;
            }
        }
        if (!points[0].equals2D(points[segments])) {
            return false;
        }
        LineIntersector intersector = new RobustLineIntersector();
        for (int i = 0; i < segments; i++) {
            for (int j = i + 1; j < segments; j++) {
                intersector.computeIntersection(points[i], points[i + 1], points[j], points[j + 1]);
                if (!intersector.hasIntersection()) {
                    continue;
                }
                boolean adjacent = j == i + 1 || (i == 0 && j == segments - 1);
                Coordinate shared = j == i + 1 ? points[j] : points[0];
                if (!adjacent || intersector.getIntersectionNum() != 1 || !intersector.getIntersection(0).equals2D(shared)) {
                    return false;
                }
            }
        }
        return true;
    }
}
