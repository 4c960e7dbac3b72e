package org.lilong.layers.isochrone;

import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Marching squares on a raster of a {@link ReachField}: the area of its set samples, as polygons with
 * holes. Scratch space for one build at a time.
 *
 * <p>A sample is inside when it is set. Each lattice cell contributes the piece of itself cut off by
 * segments between the midpoints of its sides whose ends differ (midpoint interpolation: the samples
 * are in or out, there are no values to interpolate). A saddle (two diagonal corners inside) is always
 * split, so inside regions join only through cell sides. With one rule for every raster, a cell's
 * piece can only grow with its set corners, so the areas of nested rasters are nested exactly.
 *
 * <p>Segments are directed with the inside on their left and linked into rings by the midpoint they
 * share (each midpoint has exactly one segment in and one out, so rings never touch); shells then run
 * anticlockwise and holes clockwise, and each hole goes to the smallest shell around it. Points in
 * the middle of straight runs (along the axes, the diagonals or any other line) are dropped.
 * Coordinates are kept as integers in half-cells until the end, so the tests (collinearity,
 * containment, area) are exact.
 */
final class ContourTracer {

    /** For each corner case (bit 1 bottom-left, 2 bottom-right, 4 top-right, 8 top-left inside), segments as from, to sides. */
    private static final int BOTTOM = 0;
    private static final int RIGHT = 1;
    private static final int TOP = 2;
    private static final int LEFT = 3;
    private static final int[][] SEGMENTS = {
        {},
        {BOTTOM, LEFT},
        {RIGHT, BOTTOM},
        {RIGHT, LEFT},
        {TOP, RIGHT},
        {BOTTOM, LEFT, TOP, RIGHT},
        {TOP, BOTTOM},
        {TOP, LEFT},
        {LEFT, TOP},
        {BOTTOM, TOP},
        {RIGHT, BOTTOM, LEFT, TOP},
        {RIGHT, TOP},
        {LEFT, RIGHT},
        {BOTTOM, RIGHT},
        {LEFT, BOTTOM},
        {},
    };

    /** next[crossing] = the crossing the boundary goes on to, or -1; crossings are lattice sides (see {@link #sideOffsets}). */
    private int[] next = new int[0];
    private int[] starts = new int[64];
    private int startCount;
    private int[] pointX = new int[256];
    private int[] pointY = new int[256];
    private int pointCount;
    private int[] ringStart = new int[17];
    private long[] ringArea = new long[16];
    private int ringCount;

    /** The result of one raster: the geometry and its area in square metres. */
    record Contour(Geometry area, double areaSquareMetres) {
    }

    /** The area of raster {@code band} of the field (after {@link ReachField#accumulate()}). */
    Contour trace(ReachField field, int band, SampleLattice lattice, GeometryFactory factory) {
        int width = field.width;
        int size = 2 * width * field.height;
        if (next.length < size) {
            next = new int[Math.max(size, next.length * 3 / 2)];
            Arrays.fill(next, -1);
        }
        link(field, band);
        collectRings(width);
        return assemble(field, lattice, factory);
    }

    /**
     * Crossing numbers: the lattice side from window sample (i, j) east is 2·(j·width + i), the side
     * from it north one more. A cell's sides are its bottom-left sample's number plus these offsets.
     */
    private static int[] sideOffsets(int width) {
        int[] offsets = new int[4];
        offsets[BOTTOM] = 0;
        offsets[RIGHT] = 3;
        offsets[TOP] = 2 * width;
        offsets[LEFT] = 1;
        return offsets;
    }

    /**
     * Links the boundary segments of every cell whose corners differ, row by row and west to east. The
     * rows are compared 64 cells at a time: a word of bottom-left corners against the same shifted by
     * one column (bottom-right) and against the row above, so cells wholly in or out cost nothing.
     */
    private void link(ReachField field, int band) {
        long[] bits = field.bits;
        int width = field.width;
        int words = field.wordsPerRow;
        int[] offsets = sideOffsets(width);
        // Cells are columns 0 .. width − 2 (a cell's right corners are the next column).
        long lastWordCells = -1L >>> 63 - ((width - 2) & 63);
        int lastWord = (width - 2) >>> 6;
        startCount = 0;
        for (int j = 0; j + 1 < field.height; j++) {
            int bottom = field.rowStart(band, j);
            int top = bottom + words;
            int row = j * width;
            for (int w = 0; w <= lastWord; w++) {
                long bottomLeft = bits[bottom + w];
                long topLeft = bits[top + w];
                long bottomRight = bottomLeft >>> 1;
                long topRight = topLeft >>> 1;
                if (w + 1 < words) {
                    bottomRight |= bits[bottom + w + 1] << 63;
                    topRight |= bits[top + w + 1] << 63;
                }
                long mixed = (bottomLeft ^ bottomRight) | (bottomLeft ^ topLeft) | (bottomLeft ^ topRight);
                if (w == lastWord) {
                    mixed &= lastWordCells;
                }
                while (mixed != 0) {
                    int bit = Long.numberOfTrailingZeros(mixed);
                    mixed &= mixed - 1;
                    int corners = (int) (bottomLeft >>> bit & 1) | (int) (bottomRight >>> bit & 1) << 1
                            | (int) (topRight >>> bit & 1) << 2 | (int) (topLeft >>> bit & 1) << 3;
                    int[] segments = SEGMENTS[corners];
                    int base = 2 * (row + (w << 6) + bit);
                    for (int s = 0; s < segments.length; s += 2) {
                        int a = base + offsets[segments[s]];
                        next[a] = base + offsets[segments[s + 1]];
                        if (startCount == starts.length) {
                            starts = Arrays.copyOf(starts, 2 * startCount);
                        }
                        starts[startCount++] = a;
                    }
                }
            }
        }
    }

    /** Follows the links into rings of half-cell coordinates, resetting them as it goes. */
    private void collectRings(int width) {
        pointCount = 0;
        ringCount = 0;
        for (int s = 0; s < startCount; s++) {
            int start = starts[s];
            if (next[start] < 0) {
                continue;
            }
            int ringFirst = pointCount;
            int crossing = start;
            do {
                int k = crossing >> 1;
                int i = k % width;
                int j = k / width;
                boolean north = (crossing & 1) != 0;
                addPoint(ringFirst, north ? 2 * i : 2 * i + 1, north ? 2 * j + 1 : 2 * j);
                int following = next[crossing];
                next[crossing] = -1;
                crossing = following;
            } while (crossing != start);
            closeRing(ringFirst);
        }
    }

    /** Appends a point, first dropping the previous one when it lies on the line from the one before to this. */
    private void addPoint(int ringFirst, int x, int y) {
        if (pointCount - ringFirst >= 2 && collinear(pointCount - 2, pointCount - 1, x, y)) {
            pointCount--;
        }
        if (pointCount == pointX.length) {
            pointX = Arrays.copyOf(pointX, 2 * pointCount);
            pointY = Arrays.copyOf(pointY, 2 * pointCount);
        }
        pointX[pointCount] = x;
        pointY[pointCount] = y;
        pointCount++;
    }

    /**
     * Whether b lies on the line from a to (x, y), in any direction (exact on integers). Dropping such
     * points keeps the ring's point set: b lies between its neighbours, as rings never turn back.
     * The map to WGS84 is exactly affine ({@link SampleLattice#lonAtHalf(long)}), so the kept vertices
     * of a smaller isochrone lie exactly on the larger one's edges even where the two keep different
     * vertices of a shared boundary, and JTS's exact predicates see the nesting.
     */
    private boolean collinear(int a, int b, int x, int y) {
        long abx = pointX[b] - pointX[a];
        long aby = pointY[b] - pointY[a];
        return abx * (y - pointY[b]) == aby * (x - pointX[b]);
    }

    /** Drops collinear points across the ring's seam, then records the ring and its doubled signed area. */
    private void closeRing(int first) {
        boolean changed = true;
        while (changed && pointCount - first > 3) {
            changed = false;
            int last = pointCount - 1;
            if (collinear(last - 1, last, pointX[first], pointY[first])) {
                pointCount--;
                changed = true;
            } else if (collinear(last, first, pointX[first + 1], pointY[first + 1])) {
                System.arraycopy(pointX, first + 1, pointX, first, last - first);
                System.arraycopy(pointY, first + 1, pointY, first, last - first);
                pointCount--;
                changed = true;
            }
        }
        long doubled = 0;
        for (int p = first, last = pointCount - 1; p <= last; p++) {
            int q = p == last ? first : p + 1;
            doubled += (long) pointX[p] * pointY[q] - (long) pointX[q] * pointY[p];
        }
        if (ringCount + 1 == ringArea.length) {
            ringArea = Arrays.copyOf(ringArea, 2 * ringArea.length);
            ringStart = Arrays.copyOf(ringStart, 2 * ringArea.length + 1);
        }
        ringStart[ringCount] = first;
        ringArea[ringCount] = doubled;
        ringCount++;
        ringStart[ringCount] = pointCount;
    }

    private Contour assemble(ReachField field, SampleLattice lattice, GeometryFactory factory) {
        if (ringCount == 0) {
            return new Contour(factory.createPolygon(), 0);
        }
        int shellCount = 0;
        long doubledTotal = 0;
        for (int r = 0; r < ringCount; r++) {
            doubledTotal += ringArea[r];
            if (ringArea[r] > 0) {
                shellCount++;
            }
        }
        int[] shells = new int[shellCount];
        int[] holeCount = new int[shellCount];
        int[] owner = new int[ringCount];
        for (int r = 0, s = 0; r < ringCount; r++) {
            if (ringArea[r] > 0) {
                owner[r] = s;
                shells[s++] = r;
            }
        }
        for (int r = 0; r < ringCount; r++) {
            if (ringArea[r] < 0) {
                owner[r] = shellCount == 1 ? 0 : enclosingShell(r, shells);
                holeCount[owner[r]]++;
            }
        }
        Polygon[] polygons = new Polygon[shellCount];
        LinearRing[][] holes = new LinearRing[shellCount][];
        for (int s = 0; s < shellCount; s++) {
            holes[s] = new LinearRing[holeCount[s]];
            holeCount[s] = 0;
        }
        for (int r = 0; r < ringCount; r++) {
            if (ringArea[r] < 0) {
                holes[owner[r]][holeCount[owner[r]]++] = ring(r, field, lattice, factory);
            }
        }
        for (int s = 0; s < shellCount; s++) {
            polygons[s] = factory.createPolygon(ring(shells[s], field, lattice, factory), holes[s]);
        }
        double halfCell = lattice.cellMetres / 2;
        double area = doubledTotal / 2.0 * halfCell * halfCell;
        Geometry geometry = shellCount == 1 ? polygons[0] : factory.createMultiPolygon(polygons);
        return new Contour(geometry, area);
    }

    /** The smallest shell that contains the hole's first point (even–odd ray cast, exact on integers). */
    private int enclosingShell(int hole, int[] shells) {
        int x = pointX[ringStart[hole]];
        int y = pointY[ringStart[hole]];
        int best = -1;
        for (int s = 0; s < shells.length; s++) {
            int r = shells[s];
            if ((best < 0 || ringArea[r] < ringArea[shells[best]]) && contains(r, x, y)) {
                best = s;
            }
        }
        if (best < 0) {
            throw new IllegalStateException("a hole of the isochrone lies in no shell");
        }
        return best;
    }

    private boolean contains(int ring, int x, int y) {
        boolean inside = false;
        int first = ringStart[ring];
        int last = ringStart[ring + 1] - 1;
        for (int p = first, q = last; p <= last; q = p++) {
            if (pointY[p] > y != pointY[q] > y) {
                // x-coordinate of the crossing compared with x, without division: sign-corrected cross product.
                long lhs = (long) (x - pointX[p]) * (pointY[q] - pointY[p]);
                long rhs = (long) (pointX[q] - pointX[p]) * (y - pointY[p]);
                if (pointY[q] > pointY[p] ? lhs < rhs : lhs > rhs) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    private LinearRing ring(int r, ReachField field, SampleLattice lattice, GeometryFactory factory) {
        int first = ringStart[r];
        int count = ringStart[r + 1] - first;
        Coordinate[] coordinates = new Coordinate[count + 1];
        long originX = 2L * field.i0;
        long originY = 2L * field.j0;
        for (int p = 0; p < count; p++) {
            coordinates[p] = new Coordinate(lattice.lonAtHalf(originX + pointX[first + p]),
                    lattice.latAtHalf(originY + pointY[first + p]));
        }
        coordinates[count] = coordinates[0].copy();
        return factory.createLinearRing(coordinates);
    }
}
