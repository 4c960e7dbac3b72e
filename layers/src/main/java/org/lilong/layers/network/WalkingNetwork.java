package org.lilong.layers.network;

import java.util.ArrayList;
import java.util.List;
import org.lilong.layers.model.Feature;
import org.lilong.layers.spatial.GeometryFactories;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineString;

/**
 * The street network as a walker uses it: an undirected graph in flat primitive arrays, immutable
 * and so safe to share between threads. Made by {@link WalkingNetworkBuilder} or {@link #fromStreets}.
 *
 * <p><b>Nodes</b> are street junctions and dead ends, numbered 0..{@link #nodeCount()}−1, with their
 * coordinates in units of 1e-7 degree (OSM's own precision, about 1 cm). <b>Edges</b> are the street
 * pieces between nodes, numbered 0..{@link #edgeCount()}−1, each stored once with a
 * {@linkplain #edgeFrom(int) from} and a {@linkplain #edgeTo(int) to} node, a geodesic length in
 * metres ({@link VincentyDistance}, kept as a float: 0.1 mm at 1 km) and its shape points between
 * the two nodes. Walkers may go both ways
 * along every edge, so the adjacency (compressed sparse rows) lists each edge at both its nodes.
 * Directions matter only for geometry: a {@linkplain EdgePosition fraction} along an edge counts
 * from its from-node.
 *
 * <p><b>Memory</b> (array payload, excluding the few array headers): {@value #BYTES_PER_EDGE} bytes
 * per edge (from and to 8, length 4, shape offset 4, source line 4, two adjacency entries of edge and
 * neighbour 16), {@value #BYTES_PER_SHAPE_POINT} per shape point, {@value #BYTES_PER_NODE} per node
 * (coordinates 8, adjacency offset 4) and 8 per source line; {@link #memoryBytes()} adds it up. The
 * adjacency repeats the neighbour beside the edge so that a search reads one array per step instead
 * of looking up the edge's ends.
 */
public final class WalkingNetwork {

    public static final int BYTES_PER_EDGE = 36;
    public static final int BYTES_PER_SHAPE_POINT = 8;
    public static final int BYTES_PER_NODE = 12;

    /** Degrees to the stored integer units (1e-7 degree). */
    static final double E7 = 1e7;

    final int[] nodeLonE7;
    final int[] nodeLatE7;
    final int[] edgeFrom;
    final int[] edgeTo;
    final float[] edgeLength;
    /** Edge e's shape points are shape[2·shapeStart[e] .. 2·shapeStart[e+1]) as lon, lat pairs. */
    final int[] shapeStart;
    final int[] shape;
    final int[] edgeLine;
    final long[] lineIds;
    /** Node n's adjacency entries are adjacencyStart[n] .. adjacencyStart[n+1]. */
    final int[] adjacencyStart;
    final int[] adjacentEdge;
    final int[] adjacentNode;

    WalkingNetwork(int[] nodeLonE7, int[] nodeLatE7, int[] edgeFrom, int[] edgeTo, float[] edgeLength, int[] shapeStart,
            int[] shape, int[] edgeLine, long[] lineIds) {
        this.nodeLonE7 = nodeLonE7;
        this.nodeLatE7 = nodeLatE7;
        this.edgeFrom = edgeFrom;
        this.edgeTo = edgeTo;
        this.edgeLength = edgeLength;
        this.shapeStart = shapeStart;
        this.shape = shape;
        this.edgeLine = edgeLine;
        this.lineIds = lineIds;
        int nodes = nodeLonE7.length;
        int edges = edgeFrom.length;
        adjacencyStart = new int[nodes + 1];
        for (int e = 0; e < edges; e++) {
            adjacencyStart[edgeFrom[e] + 1]++;
            adjacencyStart[edgeTo[e] + 1]++;
        }
        for (int n = 0; n < nodes; n++) {
            adjacencyStart[n + 1] += adjacencyStart[n];
        }
        adjacentEdge = new int[2 * edges];
        adjacentNode = new int[2 * edges];
        int[] next = new int[nodes];
        System.arraycopy(adjacencyStart, 0, next, 0, nodes);
        for (int e = 0; e < edges; e++) {
            int a = next[edgeFrom[e]]++;
            adjacentEdge[a] = e;
            adjacentNode[a] = edgeTo[e];
            int b = next[edgeTo[e]]++;
            adjacentEdge[b] = e;
            adjacentNode[b] = edgeFrom[e];
        }
    }

    /**
     * The network of the {@code streets} layer's features: every LineString or MultiLineString part,
     * split where streets share a vertex ({@link WalkingNetworkBuilder}); {@link #lineId} gives the
     * feature id back.
     *
     * @throws IllegalArgumentException when a feature's geometry is not a line or has a coordinate out of range
     */
    public static WalkingNetwork fromStreets(List<Feature> streets) {
        WalkingNetworkBuilder builder = new WalkingNetworkBuilder();
        for (Feature street : streets) {
            builder.add(street.id(), street.geometry());
        }
        return builder.build();
    }

    public int nodeCount() {
        return nodeLonE7.length;
    }

    public int edgeCount() {
        return edgeFrom.length;
    }

    public double nodeLon(int node) {
        return nodeLonE7[node] / E7;
    }

    public double nodeLat(int node) {
        return nodeLatE7[node] / E7;
    }

    public int edgeFrom(int edge) {
        return edgeFrom[edge];
    }

    public int edgeTo(int edge) {
        return edgeTo[edge];
    }

    /** The edge's end that is not {@code node} (for a loop, {@code node} itself). */
    public int otherNode(int edge, int node) {
        return edgeFrom[edge] == node ? edgeTo[edge] : edgeFrom[edge];
    }

    public double edgeLengthMetres(int edge) {
        return edgeLength[edge];
    }

    /** The id of the line (the street feature) the edge was cut from. */
    public long lineId(int edge) {
        return lineIds[edgeLine[edge]];
    }

    /** How many edges meet at the node (a loop counts twice). */
    public int degree(int node) {
        return adjacencyStart[node + 1] - adjacencyStart[node];
    }

    /**
     * The node's adjacency entries are {@code adjacencyStart(node)} up to {@code adjacencyStart(node + 1)};
     * {@link #adjacentEdge} and {@link #adjacentNode} read them.
     */
    public int adjacencyStart(int node) {
        return adjacencyStart[node];
    }

    public int adjacentEdge(int entry) {
        return adjacentEdge[entry];
    }

    public int adjacentNode(int entry) {
        return adjacentNode[entry];
    }

    /** Vertices of the edge's line, from-node and to-node included: at least 2. */
    public int edgeVertexCount(int edge) {
        return shapeStart[edge + 1] - shapeStart[edge] + 2;
    }

    /** Longitude of the edge's vertex {@code i}: 0 is the from-node, {@code edgeVertexCount − 1} the to-node. */
    public double edgeVertexLon(int edge, int i) {
        return vertexE7(edge, i, 0) / E7;
    }

    public double edgeVertexLat(int edge, int i) {
        return vertexE7(edge, i, 1) / E7;
    }

    private int vertexE7(int edge, int i, int axis) {
        if (i == 0) {
            return axis == 0 ? nodeLonE7[edgeFrom[edge]] : nodeLatE7[edgeFrom[edge]];
        }
        int shapePoints = shapeStart[edge + 1] - shapeStart[edge];
        if (i == shapePoints + 1) {
            return axis == 0 ? nodeLonE7[edgeTo[edge]] : nodeLatE7[edgeTo[edge]];
        }
        if (i < 0 || i > shapePoints) {
            throw new IndexOutOfBoundsException("edge " + edge + " has no vertex " + i);
        }
        return shape[2 * (shapeStart[edge] + i - 1) + axis];
    }

    /** The edge's line from its from-node to its to-node, in WGS84. */
    public LineString edgeGeometry(int edge) {
        return edgeGeometry(edge, 0, 1);
    }

    /**
     * The piece of the edge between two fractions of its length, counted from the from-node, in the
     * edge's direction: what a search covers of an edge it reaches only partly. Fractions are of the
     * geodesic length, so a cut at 0.5 lies half the walk along, whatever the spacing of the vertices.
     * Equal fractions give a two-point line of zero length.
     *
     * @throws IllegalArgumentException unless 0 ≤ fromFraction ≤ toFraction ≤ 1
     */
    public LineString edgeGeometry(int edge, double fromFraction, double toFraction) {
        if (!(0 <= fromFraction && fromFraction <= toFraction && toFraction <= 1)) {
            throw new IllegalArgumentException("fractions must satisfy 0 ≤ " + fromFraction + " ≤ " + toFraction + " ≤ 1");
        }
        int count = edgeVertexCount(edge);
        double[] along = cumulativeMetres(edge);
        double total = along[count - 1];
        double start = fromFraction * total;
        double end = toFraction * total;
        List<Coordinate> coordinates = new ArrayList<>();
        coordinates.add(interpolate(edge, along, start));
        for (int i = 1; i < count - 1; i++) {
            if (along[i] > start && along[i] < end) {
                coordinates.add(new Coordinate(edgeVertexLon(edge, i), edgeVertexLat(edge, i)));
            }
        }
        coordinates.add(interpolate(edge, along, end));
        return GeometryFactories.WGS84.createLineString(coordinates.toArray(Coordinate[]::new));
    }

    /** The point at a fraction of the edge's length from its from-node. */
    public Coordinate pointAt(int edge, double fraction) {
        if (!(0 <= fraction && fraction <= 1)) {
            throw new IllegalArgumentException("fraction " + fraction + " is not within 0..1");
        }
        double[] along = cumulativeMetres(edge);
        return interpolate(edge, along, fraction * along[along.length - 1]);
    }

    /** Geodesic metres from the from-node to each vertex of the edge; the last is the edge's length. */
    double[] cumulativeMetres(int edge) {
        int count = edgeVertexCount(edge);
        double[] along = new double[count];
        for (int i = 1; i < count; i++) {
            along[i] = along[i - 1] + VincentyDistance.metres(edgeVertexLon(edge, i - 1), edgeVertexLat(edge, i - 1),
                    edgeVertexLon(edge, i), edgeVertexLat(edge, i));
        }
        return along;
    }

    /** The point {@code metres} along the edge, interpolated linearly in longitude/latitude within a segment. */
    private Coordinate interpolate(int edge, double[] along, double metres) {
        int last = along.length - 1;
        int i = 1;
        while (i < last && along[i] < metres) {
            i++;
        }
        double segment = along[i] - along[i - 1];
        double t = segment == 0 ? 0 : Math.max(0, Math.min(1, (metres - along[i - 1]) / segment));
        double lon0 = edgeVertexLon(edge, i - 1);
        double lat0 = edgeVertexLat(edge, i - 1);
        return new Coordinate(lon0 + t * (edgeVertexLon(edge, i) - lon0), lat0 + t * (edgeVertexLat(edge, i) - lat0));
    }

    /** The bounding box of the edge's line. */
    public Envelope edgeEnvelope(int edge) {
        Envelope envelope = new Envelope();
        for (int i = 0, n = edgeVertexCount(edge); i < n; i++) {
            envelope.expandToInclude(edgeVertexLon(edge, i), edgeVertexLat(edge, i));
        }
        return envelope;
    }

    /** Total of all edge lengths, in metres. */
    public double totalLengthMetres() {
        double total = 0;
        for (float length : edgeLength) {
            total += length;
        }
        return total;
    }

    /** Bytes held by the network's arrays (see the class comment for the cost per edge, shape point and node). */
    public long memoryBytes() {
        return 4L * (nodeLonE7.length + nodeLatE7.length + edgeFrom.length + edgeTo.length + edgeLength.length
                + shapeStart.length + shape.length + edgeLine.length + adjacencyStart.length + adjacentEdge.length
                + adjacentNode.length) + 8L * lineIds.length;
    }

    @Override
    public String toString() {
        return "WalkingNetwork[" + nodeCount() + " nodes, " + edgeCount() + " edges, "
                + Math.round(totalLengthMetres()) + " m]";
    }
}
