package org.lilong.layers.network;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;

/**
 * Adds walking links to a network without changing it: a new network with the links as edges,
 * each street a link end joins cut there, so that walkers can turn onto the link (a footbridge
 * over a creek, a new gate through a compound). Where a join lies within a centimetre of a node,
 * the link joins that node instead.
 *
 * <p>Made from the base network's arrays, not from the street features again: every base node and
 * edge keeps its number ({@link LinkedNetwork}), so positions already attached to the base network
 * carry over with {@link LinkedNetwork#position} instead of being snapped again. The pieces of a
 * cut edge share its length in proportion to the fractions of the cuts, so a point's walking
 * distance along the street is what it was; their shape points are the base edge's, each on the
 * piece it lies in. A link's length is geodesic ({@link VincentyDistance}) from join to join
 * through its points. Costs one pass over the base arrays.
 */
public final class NetworkLinker {

    /** A join closer than this to an end of its edge joins that end's node. */
    static final double SAME_NODE_METRES = 0.01;

    private NetworkLinker() {
    }

    /**
     * The base network with the links added.
     *
     * @throws IllegalArgumentException when a join's edge is not in the base network
     */
    public static LinkedNetwork link(WalkingNetwork base, List<NewLink> links) {
        int baseNodes = base.nodeCount();
        int baseEdges = base.edgeCount();
        TreeMap<Integer, TreeSet<Double>> cutFractions = new TreeMap<>();
        for (NewLink link : links) {
            for (EdgePosition join : List.of(link.startJoin(), link.endJoin())) {
                if (join.edge() >= baseEdges) {
                    throw new IllegalArgumentException("edge " + join.edge() + " is not in the network");
                }
                if (endNode(base, join) < 0) {
                    cutFractions.computeIfAbsent(join.edge(), e -> new TreeSet<>()).add(join.fraction());
                }
            }
        }

        NodeArrays nodes = new NodeArrays(base.nodeLonE7, base.nodeLatE7, baseNodes + 2 * links.size());
        double[][] cuts = new double[baseEdges][];
        int[][] cutNodes = new int[baseEdges][];
        for (Map.Entry<Integer, TreeSet<Double>> entry : cutFractions.entrySet()) {
            int edge = entry.getKey();
            double[] fractions = entry.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            cuts[edge] = fractions;
            cutNodes[edge] = new int[fractions.length];
            for (int j = 0; j < fractions.length; j++) {
                Coordinate point = base.pointAt(edge, fractions[j]);
                cutNodes[edge][j] = nodes.add(e7(point.x), e7(point.y));
            }
        }

        EdgeArrays edges = new EdgeArrays(baseEdges + 2 * cutFractions.size() + links.size());
        for (int e = 0; e < baseEdges; e++) {
            if (cuts[e] == null) {
                edges.copy(base, e);
            } else {
                edges.piece(base, e, 0, cuts[e], cutNodes[e]);
            }
        }
        int[][] pieces = new int[baseEdges][];
        for (int e : cutFractions.keySet()) {
            pieces[e] = new int[cuts[e].length];
            for (int j = 1; j <= cuts[e].length; j++) {
                pieces[e][j - 1] = edges.piece(base, e, j, cuts[e], cutNodes[e]);
            }
        }
        int firstLinkEdge = edges.count;
        long[] lineIds = Arrays.copyOf(base.lineIds, base.lineIds.length + links.size());
        for (int i = 0; i < links.size(); i++) {
            NewLink link = links.get(i);
            lineIds[base.lineIds.length + i] = link.lineId();
            int from = joinNode(base, link.startJoin(), cuts, cutNodes);
            int to = joinNode(base, link.endJoin(), cuts, cutNodes);
            edges.link(nodes, from, to, link, base.lineIds.length + i);
        }
        WalkingNetwork network = new WalkingNetwork(nodes.lon(), nodes.lat(), edges.from(), edges.to(), edges.length(),
                edges.shapeStart(), edges.shape(), edges.line(), lineIds);
        return new LinkedNetwork(network, baseEdges, cuts, pieces, firstLinkEdge);
    }

    /** The node at the join when it lies at an end of its edge; -1 when it lies between. */
    private static int endNode(WalkingNetwork base, EdgePosition join) {
        if (join.metresFromStart(base) <= SAME_NODE_METRES) {
            return base.edgeFrom(join.edge());
        }
        if (join.metresToEnd(base) <= SAME_NODE_METRES) {
            return base.edgeTo(join.edge());
        }
        return -1;
    }

    private static int joinNode(WalkingNetwork base, EdgePosition join, double[][] cuts, int[][] cutNodes) {
        int node = endNode(base, join);
        return node >= 0 ? node : cutNodes[join.edge()][Arrays.binarySearch(cuts[join.edge()], join.fraction())];
    }

    private static int e7(double degrees) {
        return (int) Math.round(degrees * WalkingNetwork.E7);
    }

    /** Growable node coordinates, starting as a copy of the base network's. */
    private static final class NodeArrays {
        private int[] lon;
        private int[] lat;
        private int count;

        NodeArrays(int[] baseLon, int[] baseLat, int capacity) {
            lon = Arrays.copyOf(baseLon, Math.max(capacity, baseLon.length));
            lat = Arrays.copyOf(baseLat, Math.max(capacity, baseLat.length));
            count = baseLon.length;
        }

        int add(int lonE7, int latE7) {
            if (count == lon.length) {
                lon = Arrays.copyOf(lon, 2 * count + 1);
                lat = Arrays.copyOf(lat, 2 * count + 1);
            }
            lon[count] = lonE7;
            lat[count] = latE7;
            return count++;
        }

        int lonE7(int node) {
            return lon[node];
        }

        int latE7(int node) {
            return lat[node];
        }

        int[] lon() {
            return Arrays.copyOf(lon, count);
        }

        int[] lat() {
            return Arrays.copyOf(lat, count);
        }
    }

    /** The edges of the new network, appended one by one with their shape points. */
    private static final class EdgeArrays {
        private int[] from;
        private int[] to;
        private float[] length;
        private int[] line;
        private int[] shapeStart;
        private int[] shape = new int[64];
        private int shapeInts;
        int count;

        EdgeArrays(int capacity) {
            from = new int[capacity];
            to = new int[capacity];
            length = new float[capacity];
            line = new int[capacity];
            shapeStart = new int[capacity + 1];
        }

        private int add(int fromNode, int toNode, float metres, int lineIndex) {
            if (count == from.length) {
                int grown = 2 * count + 1;
                from = Arrays.copyOf(from, grown);
                to = Arrays.copyOf(to, grown);
                length = Arrays.copyOf(length, grown);
                line = Arrays.copyOf(line, grown);
                shapeStart = Arrays.copyOf(shapeStart, grown + 1);
            }
            from[count] = fromNode;
            to[count] = toNode;
            length[count] = metres;
            line[count] = lineIndex;
            shapeStart[count] = shapeInts / 2;
            return count++;
        }

        private void shapePoint(int lonE7, int latE7) {
            if (shapeInts + 2 > shape.length) {
                shape = Arrays.copyOf(shape, 2 * shape.length);
            }
            shape[shapeInts++] = lonE7;
            shape[shapeInts++] = latE7;
        }

        /** Base edge e as it is. */
        void copy(WalkingNetwork base, int e) {
            add(base.edgeFrom[e], base.edgeTo[e], base.edgeLength[e], base.edgeLine[e]);
            for (int s = base.shapeStart[e]; s < base.shapeStart[e + 1]; s++) {
                shapePoint(base.shape[2 * s], base.shape[2 * s + 1]);
            }
        }

        /** Piece j of base edge e, between cut j − 1 (or its from-node) and cut j (or its to-node). */
        int piece(WalkingNetwork base, int e, int j, double[] cuts, int[] cutNodes) {
            double startFraction = j == 0 ? 0 : cuts[j - 1];
            double endFraction = j == cuts.length ? 1 : cuts[j];
            int fromNode = j == 0 ? base.edgeFrom[e] : cutNodes[j - 1];
            int toNode = j == cuts.length ? base.edgeTo[e] : cutNodes[j];
            int edge = add(fromNode, toNode, (float) ((endFraction - startFraction) * base.edgeLength[e]), base.edgeLine[e]);
            double[] along = base.cumulativeMetres(e);
            double total = along[along.length - 1];
            for (int i = 1; i < along.length - 1; i++) {
                if (along[i] > startFraction * total && along[i] < endFraction * total) {
                    int s = base.shapeStart[e] + i - 1;
                    shapePoint(base.shape[2 * s], base.shape[2 * s + 1]);
                }
            }
            return edge;
        }

        /** A link from node to node through the link's points. */
        void link(NodeArrays nodes, int fromNode, int toNode, NewLink link, int lineIndex) {
            int edge = add(fromNode, toNode, 0, lineIndex);
            int lastLon = nodes.lonE7(fromNode);
            int lastLat = nodes.latE7(fromNode);
            double metres = 0;
            int endLon = nodes.lonE7(toNode);
            int endLat = nodes.latE7(toNode);
            Coordinate[] points = link.line();
            for (int k = 0; k < points.length; k++) {
                int lon = e7(points[k].x);
                int lat = e7(points[k].y);
                boolean repeated = lon == lastLon && lat == lastLat;
                boolean atTheEnd = k == points.length - 1 && lon == endLon && lat == endLat;
                if (repeated || atTheEnd) {
                    continue;
                }
                metres += VincentyDistance.metres(lastLon / WalkingNetwork.E7, lastLat / WalkingNetwork.E7,
                        lon / WalkingNetwork.E7, lat / WalkingNetwork.E7);
                shapePoint(lon, lat);
                lastLon = lon;
                lastLat = lat;
            }
            metres += VincentyDistance.metres(lastLon / WalkingNetwork.E7, lastLat / WalkingNetwork.E7,
                    endLon / WalkingNetwork.E7, endLat / WalkingNetwork.E7);
            length[edge] = (float) metres;
        }

        int[] from() {
            return Arrays.copyOf(from, count);
        }

        int[] to() {
            return Arrays.copyOf(to, count);
        }

        float[] length() {
            return Arrays.copyOf(length, count);
        }

        int[] line() {
            return Arrays.copyOf(line, count);
        }

        int[] shapeStart() {
            int[] starts = Arrays.copyOf(shapeStart, count + 1);
            starts[count] = shapeInts / 2;
            return starts;
        }

        int[] shape() {
            return Arrays.copyOf(shape, shapeInts);
        }
    }
}
