package org.lilong.layers.lifecircle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lilong.layers.network.EdgePosition;
import org.lilong.layers.network.LocalScale;
import org.lilong.layers.network.NearestEdgeSnapper;
import org.lilong.layers.network.SnapResult;
import org.lilong.layers.network.WalkingNetwork;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Where the walks out of a residential area begin: the streets along its edge. The outer boundary
 * of each of its polygons is sampled every {@value #SAMPLE_SPACING_METRES} m (and at every corner);
 * each sample within {@value #ATTACH_LIMIT_METRES} m of a street attaches to its nearest street
 * point, and points less than a metre apart on the same edge count once.
 *
 * <p>Why 50 m: a compound's gates open onto the streets that bound it, usually across a pavement and
 * a setback of 5–30 m; a street farther than 50 m from the boundary runs behind another block, and
 * starting there would let a walk skip the detour around it. Holes (inner courtyards) are not
 * sampled: residents leave through the outer edge.
 */
final class AreaEdgeAttacher {

    static final double SAMPLE_SPACING_METRES = 20;
    static final double ATTACH_LIMIT_METRES = 50;

    private final WalkingNetwork network;
    private final NearestEdgeSnapper snapper;

    AreaEdgeAttacher(WalkingNetwork network, NearestEdgeSnapper snapper) {
        this.network = network;
        this.snapper = snapper;
    }

    /**
     * The street points along the area's edge, in boundary order.
     *
     * @throws IllegalArgumentException when the geometry is not a non-empty polygon or multipolygon
     * @throws OffNetworkException when no sample lies within the attach limit of a street
     */
    List<EdgePosition> attach(Geometry area) {
        if (area.isEmpty() || !(area instanceof Polygon || area.getGeometryType().equals("MultiPolygon"))) {
            throw new IllegalArgumentException("a residential area is a polygon, not a " + area.getGeometryType());
        }
        LocalScale scale = LocalScale.at(area.getEnvelopeInternal().centre().y);
        List<EdgePosition> positions = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        double nearest = Double.POSITIVE_INFINITY;
        for (int p = 0; p < area.getNumGeometries(); p++) {
            CoordinateSequence ring = ((Polygon) area.getGeometryN(p)).getExteriorRing().getCoordinateSequence();
            for (int i = 1; i < ring.size(); i++) {
                double lon0 = ring.getX(i - 1);
                double lat0 = ring.getY(i - 1);
                double dLon = ring.getX(i) - lon0;
                double dLat = ring.getY(i) - lat0;
                double metres = Math.hypot(dLon * scale.metresPerDegreeLon(), dLat * scale.metresPerDegreeLat());
                // The tolerance keeps a side of exactly n spacings from getting n + 1 samples by rounding.
                int steps = Math.max(1, (int) Math.ceil(metres / SAMPLE_SPACING_METRES - 1e-6));
                // Samples at the segment's start and evenly along it; the next segment starts at its end.
                for (int k = 0; k < steps; k++) {
                    double t = (double) k / steps;
                    SnapResult snap = snapper.snap(lon0 + t * dLon, lat0 + t * dLat);
                    nearest = Math.min(nearest, snap.distanceMetres());
                    if (snap.position() != null && snap.distanceMetres() <= ATTACH_LIMIT_METRES) {
                        EdgePosition position = snap.position();
                        long key = (long) position.edge() << 32 | Math.round(position.metresFromStart(network));
                        if (seen.add(key)) {
                            positions.add(position);
                        }
                    }
                }
            }
        }
        if (positions.isEmpty()) {
            throw new OffNetworkException("no street runs within " + ATTACH_LIMIT_METRES + " m of the area's edge"
                    + (nearest < Double.POSITIVE_INFINITY ? "; the nearest is " + Math.round(nearest) + " m away" : ""),
                    nearest, ATTACH_LIMIT_METRES);
        }
        return positions;
    }
}
