package org.lilong.layers.network;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Attaches a point to the nearest point of any edge of a {@link WalkingNetwork}: the foot of the
 * perpendicular on the nearest segment, or a vertex. Distances are measured in a local plane about
 * the point ({@link LocalScale}), exact to about 1e-4 relative within a kilometre; the fraction along
 * the edge is of its geodesic length, consistent with {@link WalkingNetwork#edgeLengthMetres}.
 *
 * <p>Edges are found with an STRtree of their bounding boxes, first within a box of the limit around
 * the point; only when nothing lies within the limit does the box grow (fourfold each time) to find
 * the nearest edge anyway, so that a {@linkplain SnapResult#isTooFar() too far} result can still say
 * how far the nearest street is. Ties go to the lower edge number. Immutable once built and safe to
 * share between threads.
 */
public final class NearestEdgeSnapper {

    /** The default limit: a point farther than this from every street is not on the walking network. */
    public static final double DEFAULT_LIMIT_METRES = 200;

    private final WalkingNetwork network;
    private final double limitMetres;
    private final STRtree tree = new STRtree();
    private final Envelope extent = new Envelope();

    public NearestEdgeSnapper(WalkingNetwork network) {
        this(network, DEFAULT_LIMIT_METRES);
    }

    /** @throws IllegalArgumentException when the limit is not a positive number of metres */
    public NearestEdgeSnapper(WalkingNetwork network, double limitMetres) {
        if (!(limitMetres > 0 && limitMetres < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("snapping limit " + limitMetres + " m must be positive");
        }
        this.network = network;
        this.limitMetres = limitMetres;
        for (int edge = 0; edge < network.edgeCount(); edge++) {
            Envelope envelope = network.edgeEnvelope(edge);
            extent.expandToInclude(envelope);
            tree.insert(envelope, edge);
        }
        tree.build();
    }

    public double limitMetres() {
        return limitMetres;
    }

    /**
     * The nearest point of the network to (lon, lat), in degrees.
     *
     * @throws IllegalArgumentException when the point is not a longitude/latitude
     */
    public SnapResult snap(double lon, double lat) {
        if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
            throw new IllegalArgumentException("(" + lon + ", " + lat + ") is not a longitude/latitude");
        }
        if (network.edgeCount() == 0) {
            return SnapResult.nothing(limitMetres);
        }
        LocalScale scale = LocalScale.at(lat);
        for (double radius = limitMetres; ; radius *= 4) {
            Envelope box = new Envelope(lon - radius / scale.metresPerDegreeLon(), lon + radius / scale.metresPerDegreeLon(),
                    lat - radius / scale.metresPerDegreeLat(), lat + radius / scale.metresPerDegreeLat());
            Candidate best = nearest(lon, lat, scale, tree.query(box));
            // Anything nearer than the radius lies in the box, so a best within it is the nearest of all.
            if (best != null && best.metres <= radius || box.covers(extent)) {
                return best == null ? SnapResult.nothing(limitMetres) : result(best);
            }
        }
    }

    /** The nearest point on one segment of one edge. */
    private static final class Candidate {
        int edge;
        int segment;
        double t;
        double metres = Double.POSITIVE_INFINITY;
    }

    private Candidate nearest(double lon, double lat, LocalScale scale, List<?> edges) {
        Candidate best = null;
        for (Object item : edges) {
            int edge = (Integer) item;
            double x0 = (network.edgeVertexLon(edge, 0) - lon) * scale.metresPerDegreeLon();
            double y0 = (network.edgeVertexLat(edge, 0) - lat) * scale.metresPerDegreeLat();
            for (int i = 1, n = network.edgeVertexCount(edge); i < n; i++) {
                double x1 = (network.edgeVertexLon(edge, i) - lon) * scale.metresPerDegreeLon();
                double y1 = (network.edgeVertexLat(edge, i) - lat) * scale.metresPerDegreeLat();
                double dx = x1 - x0;
                double dy = y1 - y0;
                double lengthSquared = dx * dx + dy * dy;
                // The foot of the perpendicular from the origin (the point), clamped to the segment.
                double t = lengthSquared == 0 ? 0 : Math.max(0, Math.min(1, -(x0 * dx + y0 * dy) / lengthSquared));
                double metres = Math.hypot(x0 + t * dx, y0 + t * dy);
                if (best == null || metres < best.metres || metres == best.metres && edge < best.edge) {
                    if (best == null) {
                        best = new Candidate();
                    }
                    best.edge = edge;
                    best.segment = i;
                    best.t = t;
                    best.metres = metres;
                }
                x0 = x1;
                y0 = y1;
            }
        }
        return best;
    }

    private SnapResult result(Candidate best) {
        int edge = best.edge;
        double[] along = network.cumulativeMetres(edge);
        double total = along[along.length - 1];
        double metres = along[best.segment - 1] + best.t * (along[best.segment] - along[best.segment - 1]);
        double fraction = total == 0 ? 0 : Math.max(0, Math.min(1, metres / total));
        double lon0 = network.edgeVertexLon(edge, best.segment - 1);
        double lat0 = network.edgeVertexLat(edge, best.segment - 1);
        double lon = lon0 + best.t * (network.edgeVertexLon(edge, best.segment) - lon0);
        double lat = lat0 + best.t * (network.edgeVertexLat(edge, best.segment) - lat0);
        return new SnapResult(new EdgePosition(edge, fraction), lon, lat, best.metres, limitMetres);
    }
}
