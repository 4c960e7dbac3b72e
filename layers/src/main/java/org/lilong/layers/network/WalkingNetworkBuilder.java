package org.lilong.layers.network;

import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;

/**
 * Builds a {@link WalkingNetwork} from street lines in WGS84 longitude/latitude.
 *
 * <p>Coordinates are rounded to 1e-7 degree (OSM's precision) and then compared exactly. A vertex
 * becomes a node when it is the end of a line or occurs more than once among all the lines' vertices
 * (two streets sharing it, or one street passing it twice); the lines are cut at their nodes into
 * edges. Lines that cross without a shared vertex do not connect: a bridge over a street, or a
 * street drawn over a creek, stays apart, as in OSM, where a junction is a shared node. Repeated
 * consecutive vertices are dropped; a line left with fewer than two vertices is ignored.
 *
 * <p>Edge lengths are geodesic: the sum of {@link VincentyDistance} over the edge's segments.
 */
public final class WalkingNetworkBuilder {

    private int[] coordinates = new int[1024];
    private int coordinateCount;
    private int[] lineStart = new int[65];
    private long[] lineIds = new long[64];
    private int lineCount;

    /**
     * Adds a LineString, or each part of a MultiLineString, as lines with the given id.
     *
     * @throws IllegalArgumentException when the geometry is not lineal or a coordinate is out of range
     */
    public WalkingNetworkBuilder add(long lineId, Geometry geometry) {
        if (geometry instanceof LineString line) {
            return add(lineId, line.getCoordinates());
        }
        if (geometry instanceof MultiLineString lines) {
            for (int i = 0; i < lines.getNumGeometries(); i++) {
                add(lineId, lines.getGeometryN(i).getCoordinates());
            }
            return this;
        }
        throw new IllegalArgumentException("line " + lineId + ": a walking network is made of lines, not "
                + (geometry == null ? "nothing" : geometry.getGeometryType()));
    }

    /**
     * Adds one line through the coordinates (x = longitude, y = latitude, in degrees).
     *
     * @throws IllegalArgumentException when a coordinate is not a finite longitude/latitude
     */
    public WalkingNetworkBuilder add(long lineId, Coordinate... line) {
        int start = coordinateCount;
        for (Coordinate c : line) {
            if (!(Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90)) {
                coordinateCount = start;
                throw new IllegalArgumentException("line " + lineId + ": coordinate (" + c.x + ", " + c.y
                        + ") is not a longitude/latitude");
            }
            int lon = (int) Math.round(c.x * WalkingNetwork.E7);
            int lat = (int) Math.round(c.y * WalkingNetwork.E7);
            if (coordinateCount > start && coordinates[coordinateCount - 2] == lon && coordinates[coordinateCount - 1] == lat) {
                continue;
            }
            ensureCoordinates(coordinateCount + 2);
            coordinates[coordinateCount++] = lon;
            coordinates[coordinateCount++] = lat;
        }
        if (coordinateCount - start < 4) {
            coordinateCount = start;
            return this;
        }
        if (lineCount + 2 > lineStart.length) {
            lineStart = Arrays.copyOf(lineStart, lineStart.length * 2);
        }
        if (lineCount == lineIds.length) {
            lineIds = Arrays.copyOf(lineIds, lineIds.length * 2);
        }
        lineStart[lineCount] = start / 2;
        lineIds[lineCount] = lineId;
        lineCount++;
        lineStart[lineCount] = coordinateCount / 2;
        return this;
    }

    private void ensureCoordinates(int needed) {
        if (needed > coordinates.length) {
            coordinates = Arrays.copyOf(coordinates, Math.max(needed, coordinates.length * 2));
        }
    }

    public WalkingNetwork build() {
        int vertexCount = coordinateCount / 2;
        // Pass 1: how often each distinct vertex occurs; ends count twice so that they become nodes.
        LongIntHashMap occurrences = new LongIntHashMap(vertexCount);
        for (int line = 0; line < lineCount; line++) {
            int first = lineStart[line];
            int last = lineStart[line + 1] - 1;
            for (int v = first; v <= last; v++) {
                occurrences.add(key(v), v == first || v == last ? 2 : 1);
            }
        }
        // Pass 2: number the nodes in order of first appearance and cut the lines at them.
        LongIntHashMap nodeIds = new LongIntHashMap(Math.max(16, vertexCount / 4));
        IntList nodeLon = new IntList();
        IntList nodeLat = new IntList();
        IntList from = new IntList();
        IntList to = new IntList();
        IntList edgeLine = new IntList();
        IntList shapeStart = new IntList();
        IntList shape = new IntList();
        FloatList length = new FloatList();
        for (int line = 0; line < lineCount; line++) {
            int first = lineStart[line];
            int last = lineStart[line + 1] - 1;
            int edgeStart = first;
            for (int v = first + 1; v <= last; v++) {
                if (occurrences.get(key(v), 0) < 2) {
                    continue;
                }
                from.add(node(edgeStart, nodeIds, nodeLon, nodeLat));
                to.add(node(v, nodeIds, nodeLon, nodeLat));
                edgeLine.add(line);
                shapeStart.add(shape.size() / 2);
                double metres = 0;
                for (int s = edgeStart + 1; s <= v; s++) {
                    if (s < v) {
                        shape.add(coordinates[2 * s]);
                        shape.add(coordinates[2 * s + 1]);
                    }
                    metres += VincentyDistance.metres(lon(s - 1), lat(s - 1), lon(s), lat(s));
                }
                length.add((float) metres);
                edgeStart = v;
            }
        }
        shapeStart.add(shape.size() / 2);
        return new WalkingNetwork(nodeLon.toArray(), nodeLat.toArray(), from.toArray(), to.toArray(), length.toArray(),
                shapeStart.toArray(), shape.toArray(), edgeLine.toArray(), Arrays.copyOf(lineIds, lineCount));
    }

    private int node(int vertex, LongIntHashMap nodeIds, IntList nodeLon, IntList nodeLat) {
        long key = key(vertex);
        int id = nodeIds.get(key, -1);
        if (id < 0) {
            id = nodeLon.size();
            nodeIds.put(key, id);
            nodeLon.add(coordinates[2 * vertex]);
            nodeLat.add(coordinates[2 * vertex + 1]);
        }
        return id;
    }

    private long key(int vertex) {
        return ((long) coordinates[2 * vertex] << 32) | (coordinates[2 * vertex + 1] & 0xFFFF_FFFFL);
    }

    private double lon(int vertex) {
        return coordinates[2 * vertex] / WalkingNetwork.E7;
    }

    private double lat(int vertex) {
        return coordinates[2 * vertex + 1] / WalkingNetwork.E7;
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] values = new int[256];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** A growable float array. */
    private static final class FloatList {
        private float[] values = new float[256];
        private int size;

        void add(float value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        float[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
