package org.lilong.geodata.io.export;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * The .shp and .shx of a shapefile (ESRI Shapefile Technical Description, 1998), written one record
 * at a time; the two 100-byte headers, which hold the file lengths and the extent, are written
 * last. 2D only. Polygons: every outer ring clockwise and every hole counter-clockwise, as the
 * format requires; a multi-polygon's polygons are parts of one record, and so are a
 * multi-linestring's lines.
 */
final class ShpWriter implements Closeable {

    static final int NULL = 0;
    static final int POINT = 1;
    static final int POLYLINE = 3;
    static final int POLYGON = 5;

    private static final int HEADER_BYTES = 100;
    private static final long MAX_BYTES = 2L * Integer.MAX_VALUE; // lengths are 32-bit counts of 16-bit words

    private final Path shpFile;
    private final Path shxFile;
    private final int shapeType;
    private final OutputStream shp;
    private final OutputStream shx;
    private final Envelope extent = new Envelope();
    private final ByteBuffer recordHeader = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
    private long shpBytes = HEADER_BYTES;
    private long shxBytes = HEADER_BYTES;
    private int records;
    private boolean closed;

    ShpWriter(Path shpFile, Path shxFile, int shapeType) throws IOException {
        this.shpFile = shpFile;
        this.shxFile = shxFile;
        this.shapeType = shapeType;
        this.shp = new BufferedOutputStream(Files.newOutputStream(shpFile), 1 << 16);
        this.shx = new BufferedOutputStream(Files.newOutputStream(shxFile), 1 << 14);
        shp.write(new byte[HEADER_BYTES]);
        shx.write(new byte[HEADER_BYTES]);
    }

    /** @throws IllegalArgumentException when the geometry does not fit the file's shape type */
    void write(Geometry geometry) throws IOException {
        byte[] content = encode(geometry);
        if (shpBytes + 8 + content.length > MAX_BYTES) {
            throw new IOException("the shapefile would exceed the format's size limit of 4 GB");
        }
        records++;
        recordHeader.clear();
        recordHeader.putInt(records).putInt(content.length / 2);
        shp.write(recordHeader.array());
        shp.write(content);
        recordHeader.clear();
        recordHeader.putInt((int) (shpBytes / 2)).putInt(content.length / 2);
        shx.write(recordHeader.array());
        shpBytes += 8 + content.length;
        shxBytes += 8;
        if (!geometry.isEmpty()) {
            extent.expandToInclude(geometry.getEnvelopeInternal());
        }
    }

    int records() {
        return records;
    }

    /** Closes both files and writes their headers. */
    void finish() throws IOException {
        close();
        writeHeader(shpFile, shpBytes);
        writeHeader(shxFile, shxBytes);
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            try (shx) {
                shp.close();
            }
        }
    }

    private void writeHeader(Path file, long bytes) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        header.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, (int) (bytes / 2));
        header.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, shapeType);
        if (!extent.isNull()) {
            header.putDouble(36, extent.getMinX()).putDouble(44, extent.getMinY())
                    .putDouble(52, extent.getMaxX()).putDouble(60, extent.getMaxY());
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            header.position(0);
            while (header.hasRemaining()) {
                channel.write(header, header.position());
            }
        }
    }

    private byte[] encode(Geometry geometry) {
        if (geometry.isEmpty()) {
            return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(NULL).array();
        }
        return switch (shapeType) {
            case POINT -> point(geometry);
            case POLYLINE -> parts(geometry, lines(geometry));
            case POLYGON -> parts(geometry, rings(geometry));
            default -> throw new IllegalStateException("shape type " + shapeType);
        };
    }

    private static byte[] point(Geometry geometry) {
        Coordinate coordinate;
        if (geometry instanceof Point point) {
            coordinate = point.getCoordinate();
        } else if (geometry instanceof MultiPoint multi && multi.getNumGeometries() == 1) {
            coordinate = multi.getGeometryN(0).getCoordinate();
        } else {
            throw new IllegalArgumentException("a shapefile of points holds single points, not a "
                    + geometry.getGeometryType() + " of " + geometry.getNumGeometries() + " points");
        }
        return ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(POINT).putDouble(coordinate.x).putDouble(coordinate.y).array();
    }

    private static List<Coordinate[]> lines(Geometry geometry) {
        if (!(geometry instanceof LineString || geometry instanceof MultiLineString)) {
            throw new IllegalArgumentException("a shapefile of lines cannot hold a " + geometry.getGeometryType());
        }
        List<Coordinate[]> parts = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            if (!geometry.getGeometryN(i).isEmpty()) {
                parts.add(geometry.getGeometryN(i).getCoordinates());
            }
        }
        return parts;
    }

    private static List<Coordinate[]> rings(Geometry geometry) {
        if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
            throw new IllegalArgumentException("a shapefile of polygons cannot hold a " + geometry.getGeometryType());
        }
        List<Coordinate[]> parts = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) geometry.getGeometryN(i);
            if (polygon.isEmpty()) {
                continue;
            }
            parts.add(oriented(polygon.getExteriorRing().getCoordinates(), false));
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                parts.add(oriented(polygon.getInteriorRingN(h).getCoordinates(), true));
            }
        }
        return parts;
    }

    /** The ring clockwise (outer) or counter-clockwise (hole). */
    private static Coordinate[] oriented(Coordinate[] ring, boolean counterClockwise) {
        if (Orientation.isCCW(ring) == counterClockwise) {
            return ring;
        }
        Coordinate[] reversed = new Coordinate[ring.length];
        for (int i = 0; i < ring.length; i++) {
            reversed[i] = ring[ring.length - 1 - i];
        }
        return reversed;
    }

    private byte[] parts(Geometry geometry, List<Coordinate[]> parts) {
        int points = parts.stream().mapToInt(p -> p.length).sum();
        ByteBuffer content = ByteBuffer.allocate(44 + 4 * parts.size() + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
        Envelope box = geometry.getEnvelopeInternal();
        content.putInt(shapeType)
                .putDouble(box.getMinX()).putDouble(box.getMinY()).putDouble(box.getMaxX()).putDouble(box.getMaxY())
                .putInt(parts.size()).putInt(points);
        int start = 0;
        for (Coordinate[] part : parts) {
            content.putInt(start);
            start += part.length;
        }
        for (Coordinate[] part : parts) {
            for (Coordinate coordinate : part) {
                content.putDouble(coordinate.x).putDouble(coordinate.y);
            }
        }
        return content.array();
    }
}
