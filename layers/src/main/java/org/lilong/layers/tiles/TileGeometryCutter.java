package org.lilong.layers.tiles;

import java.util.ArrayList;
import java.util.List;
import io.github.sebasbaumh.mapbox.vectortile.util.GeomCmd;
import io.github.sebasbaumh.mapbox.vectortile.util.MvtUtil;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.RingClipper;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * Turns projected features into MVT geometry commands for one tile: scale to tile units, clip to
 * the buffered tile, snap to the integer grid, simplify, and write polygons with the winding MVT
 * 2.1 asks for (shells clockwise, holes anticlockwise, with y pointing down).
 *
 * <p>This is our own code rather than the library's {@code JtsAdapter.createTileGeom}, which runs
 * a JTS overlay and a topology-preserving simplifier on every feature: far too slow for thousands
 * of buildings per tile. Here a feature wholly inside the buffered tile (nearly every building at
 * z14+) is only scaled and rounded; lines are clipped with Liang–Barsky, polygon rings with JTS's
 * {@link RingClipper}; Douglas–Peucker runs with a tolerance of {@value #TOLERANCE} tile unit (the
 * error stays within about 1.5 units with the rounding). A polygon ring is then checked exactly
 * ({@link RingValidity}; JTS {@link IsValidOp} when it has holes or many vertices): an invalid
 * result falls back to the unsimplified ring, and failing that to JTS's snap-rounding
 * {@link GeometryPrecisionReducer}, which always yields a valid polygon on the grid. Polygons
 * under {@value #MIN_AREA} square tile unit are dropped, as are holes that small.
 *
 * <p>Not thread-safe: one per tile being cut (it reuses its buffers from feature to feature).
 */
final class TileGeometryCutter {

    static final double TOLERANCE = 1.0;
    static final double MIN_AREA = 1.0;
    /** Above this many vertices a non-convex ring is checked by JTS rather than edge against edge. */
    private static final int EXACT_CHECK_MAX_VERTICES = 256;
    private static final double CLIP_MIN = -TileAddress.BUFFER;
    private static final double CLIP_MAX = TileAddress.EXTENT + TileAddress.BUFFER;
    private static final GeometryFactory TILE_GRID = new GeometryFactory(new PrecisionModel(1.0));
    private static final GeometryFactory FLOATING = new GeometryFactory();

    private final double scale;
    private final double originX;
    private final double originY;
    private final LineClipper lineClipper = new LineClipper(CLIP_MIN, CLIP_MAX);
    private final RingClipper ringClipper = new RingClipper(new Envelope(CLIP_MIN, CLIP_MAX, CLIP_MIN, CLIP_MAX));
    private final PathSimplifier simplifier = new PathSimplifier(TOLERANCE);
    private double[] tileXy = new double[256];
    private final List<IntPath> rings = new ArrayList<>();
    private final IntPath unsimplified = new IntPath();
    private final IntPath line = new IntPath();
    private int cursorX;
    private int cursorY;
    /** Whether the whole feature lies in the buffered tile (nothing to clip, nothing to test per part). */
    private boolean whollyInside;

    TileGeometryCutter(TileAddress tile) {
        this.scale = tile.scale();
        this.originX = (double) tile.x() * TileAddress.EXTENT;
        this.originY = (double) tile.y() * TileAddress.EXTENT;
    }

    /**
     * Appends the feature's geometry commands to {@code commands}; false (and nothing appended)
     * when nothing of it is left in the tile.
     */
    boolean cut(ProjectedFeature feature, IntList commands) {
        cursorX = 0;
        cursorY = 0;
        int start = commands.size();
        whollyInside = feature.minX * scale - originX >= CLIP_MIN && feature.maxX * scale - originX <= CLIP_MAX
                && feature.minY * scale - originY >= CLIP_MIN && feature.maxY * scale - originY <= CLIP_MAX;
        toTileUnits(feature);
        switch (feature.kind) {
            case POINT -> points(feature, commands);
            case LINE -> lines(feature, commands);
            default -> polygons(feature, commands);
        }
        return commands.size() > start;
    }

    private void toTileUnits(ProjectedFeature feature) {
        double[] world = feature.coords;
        if (tileXy.length < world.length) {
            tileXy = new double[world.length * 2];
        }
        for (int i = 0; i < world.length; i += 2) {
            tileXy[i] = world[i] * scale - originX;
            tileXy[i + 1] = world[i + 1] * scale - originY;
        }
    }

    private void points(ProjectedFeature feature, IntList commands) {
        line.clear();
        for (int p = 0; p < feature.partCount(); p++) {
            int v = feature.partStarts[p];
            double x = tileXy[2 * v];
            double y = tileXy[2 * v + 1];
            if (x >= CLIP_MIN && x <= CLIP_MAX && y >= CLIP_MIN && y <= CLIP_MAX) {
                line.addRounded(x, y);
            }
        }
        if (line.size > 0) {
            commands.add(MvtUtil.geomCmdHdr(GeomCmd.MOVE_TO, line.size));
            for (int i = 0; i < line.size; i++) {
                vertex(line.x[i], line.y[i], commands);
            }
        }
    }

    private void lines(ProjectedFeature feature, IntList commands) {
        for (int p = 0; p < feature.partCount(); p++) {
            int from = feature.partStarts[p];
            int to = feature.partStarts[p + 1];
            if (whollyInside || inside(from, to)) {
                line.clear();
                for (int v = from; v < to; v++) {
                    line.addRounded(tileXy[2 * v], tileXy[2 * v + 1]);
                }
                writeLine(commands);
            } else {
                line.clear();
                lineClipper.clip(tileXy, from, to, new LineClipper.Runs() {
                    @Override
                    public void start() {
                        writeLine(commands);
                        line.clear();
                    }

                    @Override
                    public void vertex(double x, double y) {
                        line.addRounded(x, y);
                    }
                });
                writeLine(commands);
                line.clear();
            }
        }
    }

    private void writeLine(IntList commands) {
        if (line.size < 2) {
            return;
        }
        simplifier.simplifyLine(line);
        commands.add(MvtUtil.geomCmdHdr(GeomCmd.MOVE_TO, 1));
        vertex(line.x[0], line.y[0], commands);
        commands.add(MvtUtil.geomCmdHdr(GeomCmd.LINE_TO, line.size - 1));
        for (int i = 1; i < line.size; i++) {
            vertex(line.x[i], line.y[i], commands);
        }
    }

    private void polygons(ProjectedFeature feature, IntList commands) {
        int[] polygonStarts = feature.polygonStarts;
        for (int q = 0; q + 1 < polygonStarts.length; q++) {
            int shell = polygonStarts[q];
            int end = polygonStarts[q + 1];
            int from = feature.partStarts[shell];
            int to = feature.partStarts[shell + 1];
            if (!whollyInside && disjoint(from, to)) {
                continue;
            }
            boolean clip = !whollyInside && !inside(from, to);
            int ringCount = 0;
            for (int part = shell; part < end; part++) {
                IntPath ring = ring(ringCount);
                if (!snapRing(feature.partStarts[part], feature.partStarts[part + 1], clip, ring)
                        || Math.abs(ring.doubleArea()) < 2 * MIN_AREA) {
                    if (part == shell) {
                        ringCount = -1;
                        break;
                    }
                    continue;
                }
                ringCount++;
            }
            if (ringCount <= 0) {
                continue;
            }
            if (isValid(ringCount)) {
                writePolygon(ringCount, commands);
            } else {
                repair(feature, shell, end, clip, commands);
            }
        }
    }

    private IntPath ring(int index) {
        while (rings.size() <= index) {
            rings.add(new IntPath());
        }
        return rings.get(index);
    }

    /**
     * Snaps vertices {@code from}..{@code to − 1} (a closed ring in tile units) to the grid, clipped
     * when asked, simplified; false when nothing with area is left.
     */
    private boolean snapRing(int from, int to, boolean clip, IntPath ring) {
        ring.clear();
        if (clip) {
            Coordinate[] clipped = ringClipper.clip(coordinates(from, to));
            for (Coordinate c : clipped) {
                ring.addRounded(c.x, c.y);
            }
        } else {
            for (int v = from; v < to; v++) {
                ring.addRounded(tileXy[2 * v], tileXy[2 * v + 1]);
            }
        }
        ring.openRing();
        ring.dropStraightVertices();
        if (ring.size < 3) {
            return false;
        }
        if (ring.size <= 4) {
            // Nothing worth simplifying (most buildings); the polygon's validity is checked next.
            return true;
        }
        unsimplified.copyFrom(ring);
        simplifier.simplifyRing(ring);
        ring.dropStraightVertices();
        if (ring.size < 3 || !isSimple(ring)) {
            ring.copyFrom(unsimplified);
        }
        return true;
    }

    private static boolean isSimple(IntPath ring) {
        if (ring.size > EXACT_CHECK_MAX_VERTICES && !RingValidity.isConvex(ring)) {
            return jtsPolygon(List.of(ring), 1).isValid();
        }
        return RingValidity.isSimple(ring);
    }

    private boolean isValid(int ringCount) {
        if (ringCount == 1) {
            return isSimple(rings.get(0));
        }
        return new IsValidOp(jtsPolygon(rings, ringCount)).isValid();
    }

    private void writePolygon(int ringCount, IntList commands) {
        for (int r = 0; r < ringCount; r++) {
            IntPath ring = rings.get(r);
            long area = ring.doubleArea();
            if ((r == 0) != (area > 0)) {
                ring.reverse();
            }
            commands.add(MvtUtil.geomCmdHdr(GeomCmd.MOVE_TO, 1));
            vertex(ring.x[0], ring.y[0], commands);
            commands.add(MvtUtil.geomCmdHdr(GeomCmd.LINE_TO, ring.size - 1));
            for (int i = 1; i < ring.size; i++) {
                vertex(ring.x[i], ring.y[i], commands);
            }
            commands.add(MvtUtil.geomCmdHdr(GeomCmd.CLOSE_PATH, 1));
        }
    }

    /** The polygon's rings clipped but not snapped, snap-rounded by JTS into valid polygons. */
    private void repair(ProjectedFeature feature, int shell, int end, boolean clip, IntList commands) {
        LinearRing shellRing = null;
        List<LinearRing> holes = new ArrayList<>();
        for (int part = shell; part < end; part++) {
            Coordinate[] coordinates = coordinates(feature.partStarts[part], feature.partStarts[part + 1]);
            if (clip) {
                coordinates = ringClipper.clip(coordinates);
            }
            if (coordinates.length < 4) {
                if (part == shell) {
                    return;
                }
                continue;
            }
            LinearRing ring = FLOATING.createLinearRing(coordinates);
            if (part == shell) {
                shellRing = ring;
            } else {
                holes.add(ring);
            }
        }
        Geometry fixed = GeometryPrecisionReducer.reduce(
                FLOATING.createPolygon(shellRing, holes.toArray(LinearRing[]::new)), TILE_GRID.getPrecisionModel());
        for (int g = 0; g < fixed.getNumGeometries(); g++) {
            if (!(fixed.getGeometryN(g) instanceof Polygon polygon) || polygon.isEmpty()) {
                continue;
            }
            int ringCount = 0;
            for (int r = 0; r <= polygon.getNumInteriorRing(); r++) {
                IntPath ring = ring(ringCount);
                ring.clear();
                for (Coordinate c : (r == 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r - 1)).getCoordinates()) {
                    ring.addRounded(c.x, c.y);
                }
                ring.openRing();
                if (ring.size >= 3 && Math.abs(ring.doubleArea()) >= 2 * MIN_AREA) {
                    ringCount++;
                } else if (r == 0) {
                    break;
                }
            }
            if (ringCount > 0) {
                writePolygon(ringCount, commands);
            }
        }
    }

    private static Polygon jtsPolygon(List<IntPath> rings, int count) {
        LinearRing shell = TILE_GRID.createLinearRing(closed(rings.get(0)));
        LinearRing[] holes = new LinearRing[count - 1];
        for (int r = 1; r < count; r++) {
            holes[r - 1] = TILE_GRID.createLinearRing(closed(rings.get(r)));
        }
        return TILE_GRID.createPolygon(shell, holes);
    }

    private static Coordinate[] closed(IntPath ring) {
        Coordinate[] result = new Coordinate[ring.size + 1];
        for (int i = 0; i < ring.size; i++) {
            result[i] = new Coordinate(ring.x[i], ring.y[i]);
        }
        result[ring.size] = result[0];
        return result;
    }

    private Coordinate[] coordinates(int from, int to) {
        Coordinate[] result = new Coordinate[to - from];
        for (int v = from; v < to; v++) {
            result[v - from] = new Coordinate(tileXy[2 * v], tileXy[2 * v + 1]);
        }
        return result;
    }

    private boolean inside(int from, int to) {
        for (int v = from; v < to; v++) {
            double x = tileXy[2 * v];
            double y = tileXy[2 * v + 1];
            if (x < CLIP_MIN || x > CLIP_MAX || y < CLIP_MIN || y > CLIP_MAX) {
                return false;
            }
        }
        return true;
    }

    private boolean disjoint(int from, int to) {
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int v = from; v < to; v++) {
            x0 = Math.min(x0, tileXy[2 * v]);
            x1 = Math.max(x1, tileXy[2 * v]);
            y0 = Math.min(y0, tileXy[2 * v + 1]);
            y1 = Math.max(y1, tileXy[2 * v + 1]);
        }
        return x0 > CLIP_MAX || x1 < CLIP_MIN || y0 > CLIP_MAX || y1 < CLIP_MIN;
    }

    private void vertex(int x, int y, IntList commands) {
        commands.add(MvtUtil.encodeZigZag(x - cursorX));
        commands.add(MvtUtil.encodeZigZag(y - cursorY));
        cursorX = x;
        cursorY = y;
    }
}
