package org.lilong.layers.lifecircle;

import java.util.Arrays;
import java.util.List;
import org.lilong.layers.network.EdgePosition;
import org.lilong.layers.network.ShortestPathTree;
import org.lilong.layers.network.WalkingNetwork;
import org.lilong.layers.spatial.GeometryFactories;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * The line a walker follows from a {@link WalkStart} to a point on the network, read back from a
 * {@link ShortestPathTree} searched from that start: the start point (for a point start), its street
 * point, the rest of the origin's edge up to the node the search left it by, every edge to the
 * target's edge in walking order, the part of the target's edge up to the target, and finally the
 * facility itself. Its geodesic length is the walk the tree measured, plus the two straight legs.
 *
 * <p>Of the ways the tree offers to a point on an edge, the route takes the same one as
 * {@link ShortestPathTree#distanceMetres(EdgePosition)}: through the edge's from-node, through its
 * to-node, or straight along the edge from an origin on that same edge. For an area start (several
 * origins) it starts from the origin the tree says is nearest ({@link ShortestPathTree#origin}).
 */
public final class WalkingRoute {

    private final WalkingNetwork network;
    /** Coordinates as lon, lat pairs, grown as needed: one buffer per route. */
    private double[] xy = new double[64];
    private int size;

    private WalkingRoute(WalkingNetwork network) {
        this.network = network;
    }

    /**
     * The route to {@code target}, ending at {@code end} (the facility; null to end on the street).
     *
     * @param tree the last search from {@code start}, on the same network
     * @throws IllegalArgumentException when the tree did not reach the target
     */
    public static LineString to(ShortestPathTree tree, WalkStart start, EdgePosition target, Coordinate end) {
        return new WalkingRoute(tree.network()).build(tree, start, target, end);
    }

    private LineString build(ShortestPathTree tree, WalkStart start, EdgePosition target, Coordinate end) {
        int edge = target.edge();
        double length = network.edgeLengthMetres(edge);
        int fromNode = network.edgeFrom(edge);
        int toNode = network.edgeTo(edge);
        double viaFrom = tree.distanceMetres(fromNode) + target.metresFromStart(network);
        double viaTo = tree.distanceMetres(toNode) + target.metresToEnd(network);
        List<EdgePosition> origins = start.positions();
        int directOrigin = -1;
        double direct = Double.POSITIVE_INFINITY;
        for (int i = 0; i < origins.size(); i++) {
            EdgePosition origin = origins.get(i);
            double along = Math.abs(origin.fraction() - target.fraction()) * length;
            if (origin.edge() == edge && along < direct) {
                direct = along;
                directOrigin = i;
            }
        }
        double best = Math.min(direct, Math.min(viaFrom, viaTo));
        if (best == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("the search did not reach " + target);
        }
        if (direct <= best) {
            beginAt(start, origins.get(directOrigin));
            addPiece(edge, origins.get(directOrigin).fraction(), target.fraction());
        } else {
            int node = viaFrom <= viaTo ? fromNode : toNode;
            walkTo(tree, start, node);
            addPiece(edge, node == fromNode ? 0 : 1, target.fraction());
        }
        if (end != null) {
            add(end.x, end.y);
        }
        return line();
    }

    /** The start point (a point start's own), then the origin's street point. */
    private void beginAt(WalkStart start, EdgePosition origin) {
        if (!start.isArea() && start.geometry() instanceof Point point) {
            add(point.getX(), point.getY());
        }
        Coordinate onStreet = network.pointAt(origin.edge(), origin.fraction());
        add(onStreet.x, onStreet.y);
    }

    /** From the start to a reached node along the tree: the origin's partial edge, then whole edges. */
    private void walkTo(ShortestPathTree tree, WalkStart start, int node) {
        int[] edges = tree.edgesTo(node);
        int seeded = node;
        for (int i = edges.length - 1; i >= 0; i--) {
            seeded = network.otherNode(edges[i], seeded);
        }
        EdgePosition origin = start.positions().get(tree.origin(node));
        beginAt(start, origin);
        int originEdge = origin.edge();
        boolean towardTo = network.edgeTo(originEdge) == seeded
                && (network.edgeFrom(originEdge) != seeded || origin.fraction() >= 0.5);
        addPiece(originEdge, origin.fraction(), towardTo ? 1 : 0);
        int at = seeded;
        for (int e : edges) {
            boolean forward = network.edgeFrom(e) == at;
            int count = network.edgeVertexCount(e);
            for (int k = 0; k < count; k++) {
                int v = forward ? k : count - 1 - k;
                add(network.edgeVertexLon(e, v), network.edgeVertexLat(e, v));
            }
            at = network.otherNode(e, at);
        }
    }

    /** The piece of an edge between two fractions, in walking order (either direction). */
    private void addPiece(int edge, double fromFraction, double toFraction) {
        if (fromFraction == toFraction) {
            Coordinate c = network.pointAt(edge, fromFraction);
            add(c.x, c.y);
            return;
        }
        LineString piece = network.edgeGeometry(edge, Math.min(fromFraction, toFraction), Math.max(fromFraction, toFraction));
        int count = piece.getNumPoints();
        boolean forward = fromFraction < toFraction;
        for (int k = 0; k < count; k++) {
            Coordinate c = piece.getCoordinateN(forward ? k : count - 1 - k);
            add(c.x, c.y);
        }
    }

    /** Appends a vertex unless it repeats the last one. */
    private void add(double lon, double lat) {
        if (size > 0 && xy[size - 2] == lon && xy[size - 1] == lat) {
            return;
        }
        if (size == xy.length) {
            xy = Arrays.copyOf(xy, 2 * size);
        }
        xy[size++] = lon;
        xy[size++] = lat;
    }

    private LineString line() {
        int points = Math.max(2, size / 2);
        Coordinate[] coordinates = new Coordinate[points];
        for (int i = 0; i < points; i++) {
            // A walk of no length (facility at the start) is a line of two equal points.
            int k = Math.min(i, size / 2 - 1);
            coordinates[i] = new Coordinate(xy[2 * k], xy[2 * k + 1]);
        }
        return GeometryFactories.WGS84.createLineString(coordinates);
    }
}
