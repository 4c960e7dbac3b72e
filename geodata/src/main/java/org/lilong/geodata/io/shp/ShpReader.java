package org.lilong.geodata.io.shp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.CoordinateArraySequence;

/**
 * Reads the geometries of a .shp file in order (the ESRI Shapefile Technical Description, 1998):
 * Null, Point, MultiPoint, PolyLine and Polygon shapes and their Z and M variants, whose Z and M
 * values are skipped. MultiPatch is not supported.
 *
 * <p>A polygon shape is a list of rings: clockwise rings are outer rings, counter-clockwise rings
 * holes, each given to the smallest outer ring that contains it (a hole no outer ring contains
 * becomes an outer ring of its own, as GDAL does). One outer ring makes a Polygon, several a
 * MultiPolygon. A PolyLine of one part is a LineString, of several a MultiLineString.
 */
final class ShpReader implements AutoCloseable {

    static final int FILE_CODE = 9994;

    private final InputStream in;
    private final GeometryFactory factory;
    private final int shapeType;
    private final long fileLength;
    private long position = 100;

    ShpReader(InputStream in, GeometryFactory factory) throws IOException {
        this.in = in;
        this.factory = factory;
        byte[] header = in.readNBytes(100);
        if (header.length < 100) {
            throw new IOException("not a shapefile (the .shp is shorter than its 100-byte header)");
        }
        ByteBuffer big = ByteBuffer.wrap(header).order(ByteOrder.BIG_ENDIAN);
        ByteBuffer little = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        if (big.getInt(0) != FILE_CODE) {
            throw new IOException("not a shapefile (the .shp does not start with file code 9994)");
        }
        this.fileLength = 2L * big.getInt(24);
        this.shapeType = little.getInt(32);
    }

    int shapeType() {
        return shapeType;
    }

    /** A record read: its number as the .shp has it, and its geometry or the reason it has none. */
    record ShpRecord(int number, Geometry geometry, String problem) {
    }

    /** The next record; null at the end of the file. */
    ShpRecord next() throws IOException {
        if (position >= fileLength) {
            return null;
        }
        byte[] head = in.readNBytes(8);
        if (head.length == 0) {
            return null; // the header's length overstated the file; what is there has been read
        }
        if (head.length < 8) {
            throw new EOFException("the .shp is cut short in a record header");
        }
        ByteBuffer header = ByteBuffer.wrap(head).order(ByteOrder.BIG_ENDIAN);
        int number = header.getInt(0);
        int contentLength = 2 * header.getInt(4);
        if (contentLength < 4) {
            throw new IOException("the .shp's record " + number + " has a bad length");
        }
        byte[] content = in.readNBytes(contentLength);
        if (content.length < contentLength) {
            throw new EOFException("the .shp is cut short in record " + number);
        }
        position += 8 + contentLength;
        ByteBuffer shape = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        try {
            return new ShpRecord(number, shape(shape), null);
        } catch (RuntimeException e) { // a count that overruns the record, a ring JTS refuses
            return new ShpRecord(number, null, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private Geometry shape(ByteBuffer shape) {
        int type = shape.getInt(0);
        return switch (type) {
            case 0 -> null;
            case 1, 11, 21 -> factory.createPoint(new Coordinate(shape.getDouble(4), shape.getDouble(12)));
            case 8, 18, 28 -> {
                int count = shape.getInt(36);
                checkCount(count, shape, 40, 16);
                Point[] points = new Point[count];
                for (int i = 0; i < count; i++) {
                    points[i] = factory.createPoint(new Coordinate(shape.getDouble(40 + 16 * i), shape.getDouble(48 + 16 * i)));
                }
                yield factory.createMultiPoint(points);
            }
            case 3, 13, 23 -> polyline(parts(shape));
            case 5, 15, 25 -> polygon(parts(shape));
            case 31 -> throw new IllegalArgumentException("MultiPatch shapes are not supported");
            default -> throw new IllegalArgumentException("unknown shape type " + type);
        };
    }

    /** The parts of a PolyLine or Polygon shape, each as its coordinates. */
    private static List<Coordinate[]> parts(ByteBuffer shape) {
        int numParts = shape.getInt(36);
        int numPoints = shape.getInt(40);
        if (numParts < 0 || numPoints < 0 || 44L + 4L * numParts > shape.capacity()) {
            throw new IllegalArgumentException("bad part count " + numParts);
        }
        int pointsAt = 44 + 4 * numParts;
        checkCount(numPoints, shape, pointsAt, 16);
        List<Coordinate[]> parts = new ArrayList<>(numParts);
        for (int p = 0; p < numParts; p++) {
            int start = shape.getInt(44 + 4 * p);
            int end = p + 1 < numParts ? shape.getInt(44 + 4 * (p + 1)) : numPoints;
            if (start < 0 || end > numPoints || end < start) {
                throw new IllegalArgumentException("part " + (p + 1) + " has bad point indexes " + start + ".." + end);
            }
            Coordinate[] coordinates = new Coordinate[end - start];
            for (int i = start; i < end; i++) {
                coordinates[i - start] = new Coordinate(shape.getDouble(pointsAt + 16 * i), shape.getDouble(pointsAt + 8 + 16 * i));
            }
            parts.add(coordinates);
        }
        return parts;
    }

    private static void checkCount(int count, ByteBuffer shape, int at, int size) {
        if (count < 0 || at + (long) count * size > shape.capacity()) {
            throw new IllegalArgumentException("bad point count " + count);
        }
    }

    private Geometry polyline(List<Coordinate[]> parts) {
        LineString[] lines = new LineString[parts.size()];
        for (int i = 0; i < lines.length; i++) {
            if (parts.get(i).length == 1) {
                throw new IllegalArgumentException("part " + (i + 1) + " of a PolyLine has a single point");
            }
            lines[i] = factory.createLineString(parts.get(i));
        }
        return lines.length == 1 ? lines[0] : factory.createMultiLineString(lines);
    }

    private Geometry polygon(List<Coordinate[]> parts) {
        List<LinearRing> outers = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            LinearRing ring = ring(parts.get(i), i + 1);
            if (ring == null) {
                continue;
            }
            // Shapefile rings run clockwise around the area they enclose (y up); holes run the other way.
            (Orientation.isCCW(ring.getCoordinateSequence()) ? holes : outers).add(ring);
        }
        List<Shell> shells = new ArrayList<>();
        outers.forEach(ring -> shells.add(new Shell(ring)));
        List<Shell> bySize = new ArrayList<>(shells);
        bySize.sort(Comparator.comparingDouble(s -> s.area));
        for (LinearRing hole : holes) {
            Shell container = bySize.stream().filter(s -> s.contains(hole)).findFirst().orElse(null);
            if (container == null) {
                shells.add(new Shell(hole));
            } else {
                container.holes.add(hole);
            }
        }
        if (shells.isEmpty()) {
            return factory.createPolygon();
        }
        Polygon[] polygons = shells.stream()
                .map(s -> factory.createPolygon(s.ring, s.holes.toArray(LinearRing[]::new)))
                .toArray(Polygon[]::new);
        return polygons.length == 1 ? polygons[0] : factory.createMultiPolygon(polygons);
    }

    /** The ring of a polygon part, closed if the file left it open; null for an empty part. */
    private LinearRing ring(Coordinate[] coordinates, int part) {
        if (coordinates.length == 0) {
            return null;
        }
        Coordinate[] closed = coordinates;
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            closed = java.util.Arrays.copyOf(coordinates, coordinates.length + 1);
            closed[coordinates.length] = coordinates[0].copy();
        }
        if (closed.length < 4) {
            throw new IllegalArgumentException("ring " + part + " of a Polygon has " + closed.length + " points; a ring needs at least 4");
        }
        return factory.createLinearRing(new CoordinateArraySequence(closed));
    }

    private static final class Shell {
        final LinearRing ring;
        final double area;
        final List<LinearRing> holes = new ArrayList<>();

        Shell(LinearRing ring) {
            this.ring = ring;
            this.area = Area.ofRing(ring.getCoordinateSequence());
        }

        /** Whether the hole lies inside: its first vertex that is not on this ring is inside it. */
        boolean contains(LinearRing hole) {
            if (!ring.getEnvelopeInternal().contains(hole.getEnvelopeInternal())) {
                return false;
            }
            Coordinate[] shell = ring.getCoordinates();
            for (Coordinate c : hole.getCoordinates()) {
                int location = PointLocation.locateInRing(c, shell);
                if (location != Location.BOUNDARY) {
                    return location == Location.INTERIOR;
                }
            }
            return true; // every vertex on the shell: a degenerate hole, left for validation to name
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
