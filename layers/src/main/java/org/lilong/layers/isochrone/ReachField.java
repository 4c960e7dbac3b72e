package org.lilong.layers.isochrone;

import java.util.Arrays;

/**
 * The reach of one search on a window of the {@link SampleLattice}, one bit raster per limit of a
 * build: a sample is set in raster k when a street point reached within limit k lies within the
 * buffer radius of it (within the smaller water radius for a sample in water). After
 * {@link #accumulate()} a sample set for a limit is set for every larger one, so the contours traced
 * from the rasters nest exactly. Scratch space for one build at a time, reused from build to build.
 *
 * <p>Streets are stamped one straight piece at a time, each into the raster of the smallest limit
 * that reaches all of it. The points within the radius of a piece form a capsule (a band beside it
 * and a disc about each end), which every lattice row crosses in one interval; the interval is set a
 * 64-bit word at a time, so a sample costs a fraction of an instruction and no square root. Only in
 * water is a sample looked at alone, with its distance to the piece.
 */
final class ReachField {

    /** Window of the lattice: sample (i, j) of the window is lattice sample (i0 + i, j0 + j). */
    int i0;
    int j0;
    int width;
    int height;
    int bands;
    /** 64-bit words per raster row; the last word's bits past the width stay clear. */
    int wordsPerRow;
    /** Raster k, row j, word w at {@code (k·height + j)·wordsPerRow + w}; bit b of a word is column 64·w + b. */
    long[] bits = new long[0];

    void reset(int i0, int j0, int width, int height, int bands) {
        this.i0 = i0;
        this.j0 = j0;
        this.width = width;
        this.height = height;
        this.bands = bands;
        this.wordsPerRow = (width + 63) >>> 6;
        int size = bands * height * wordsPerRow;
        if (bits.length < size) {
            bits = new long[Math.max(size, bits.length * 3 / 2)];
        }
        Arrays.fill(bits, 0, size, 0);
    }

    /** The index in {@link #bits} of the first word of row {@code j} of raster {@code band}. */
    int rowStart(int band, int j) {
        return (band * height + j) * wordsPerRow;
    }

    /** Whether window sample (i, j) is set in raster {@code band}. */
    boolean isSet(int band, int i, int j) {
        return (bits[rowStart(band, j) + (i >>> 6)] >>> i & 1) != 0;
    }

    /** Sets in each raster the samples of the smaller ones, so that raster k holds every limit up to k. */
    void accumulate() {
        int size = height * wordsPerRow;
        for (int band = 1; band < bands; band++) {
            for (int w = band * size, end = w + size; w < end; w++) {
                bits[w] |= bits[w - size];
            }
        }
    }

    /**
     * Marks in raster {@code band} the samples within {@code radius} of the straight piece from
     * (ax, ay) to (bx, by), in lattice metres (a point when the ends coincide); samples in water only
     * within {@code waterRadius}, which must not exceed the radius.
     */
    void stamp(SampleLattice lattice, int band, double ax, double ay, double bx, double by, double radius,
            double waterRadius) {
        double cell = lattice.cellMetres;
        double dx = bx - ax;
        double dy = by - ay;
        double length = Math.sqrt(dx * dx + dy * dy);
        double ux = length == 0 ? 1 : dx / length;
        double uy = length == 0 ? 0 : dy / length;
        double perCell = 1 / cell;
        double perUx = 1 / ux;
        double perUy = 1 / uy;
        int jFrom = Math.max(0, (int) Math.ceil((Math.min(ay, by) - radius) * perCell) - j0);
        int jTo = Math.min(height - 1, (int) Math.floor((Math.max(ay, by) + radius) * perCell) - j0);
        double radiusSquared = radius * radius;
        boolean water = lattice.hasWater();
        for (int j = jFrom; j <= jTo; j++) {
            double py = (j0 + j) * cell - ay;
            // The row's crossing of the capsule (points within the radius of the piece): the union of the
            // chords of the discs about both ends and of the band beside the piece, which is one interval.
            double xLow = Double.POSITIVE_INFINITY;
            double xHigh = Double.NEGATIVE_INFINITY;
            if (py * py <= radiusSquared) {
                double half = Math.sqrt(radiusSquared - py * py);
                xLow = -half;
                xHigh = half;
            }
            double qy = py - dy;
            if (qy * qy <= radiusSquared) {
                double half = Math.sqrt(radiusSquared - qy * qy);
                xLow = Math.min(xLow, dx - half);
                xHigh = Math.max(xHigh, dx + half);
            }
            if (uy != 0 && ux != 0) {
                // |ux·py − uy·x| ≤ r and 0 ≤ ux·x + uy·py ≤ length, each an interval of x.
                double c1 = (ux * py - radius) * perUy;
                double c2 = (ux * py + radius) * perUy;
                double t1 = -uy * py * perUx;
                double t2 = (length - uy * py) * perUx;
                double lo = Math.max(Math.min(c1, c2), Math.min(t1, t2));
                double hi = Math.min(Math.max(c1, c2), Math.max(t1, t2));
                if (lo <= hi) {
                    xLow = Math.min(xLow, lo);
                    xHigh = Math.max(xHigh, hi);
                }
            } else if (ux == 0) {
                // Vertical piece: the band spans |x| ≤ r where the row lies between the ends.
                double t = uy * py;
                if (t >= 0 && t <= length) {
                    xLow = Math.min(xLow, -radius);
                    xHigh = Math.max(xHigh, radius);
                }
            } else if (py * py <= radiusSquared) {
                // Horizontal piece: the band spans the piece's own x-range.
                xLow = Math.min(xLow, Math.min(0, dx));
                xHigh = Math.max(xHigh, Math.max(0, dx));
            }
            if (xLow > xHigh) {
                continue;
            }
            int iFrom = Math.max(0, (int) Math.ceil((ax + xLow) * perCell) - i0);
            int iTo = Math.min(width - 1, (int) Math.floor((ax + xHigh) * perCell) - i0);
            if (iFrom > iTo) {
                continue;
            }
            int row = rowStart(band, j);
            if (water) {
                setDryThenWet(lattice, row, j, iFrom, iTo, ax, py, dx, dy, length, waterRadius);
            } else {
                setRange(row, iFrom, iTo);
            }
        }
    }

    /** Sets columns {@code from..to} (inclusive) of the row starting at word {@code row}. */
    private void setRange(int row, int from, int to) {
        int first = from >>> 6;
        int last = to >>> 6;
        long firstMask = -1L << from;
        long lastMask = -1L >>> 63 - (to & 63);
        if (first == last) {
            bits[row + first] |= firstMask & lastMask;
            return;
        }
        bits[row + first] |= firstMask;
        for (int w = first + 1; w < last; w++) {
            bits[row + w] = -1L;
        }
        bits[row + last] |= lastMask;
    }

    /**
     * As {@link #setRange} for the dry samples of the range; a sample in water is set only when it lies
     * within {@code waterRadius} of the piece (from the piece's start, {@code py} north of it, to
     * {@code (dx, dy)} from it).
     */
    private void setDryThenWet(SampleLattice lattice, int row, int j, int from, int to, double ax, double py, double dx,
            double dy, double length, double waterRadius) {
        double cell = lattice.cellMetres;
        double waterRadiusSquared = waterRadius * waterRadius;
        for (int w = from >>> 6, last = to >>> 6; w <= last; w++) {
            long mask = -1L;
            if (w == from >>> 6) {
                mask &= -1L << from;
            }
            if (w == last) {
                mask &= -1L >>> 63 - (to & 63);
            }
            long wet = mask & lattice.waterWord(i0 + (w << 6), j0 + j);
            bits[row + w] |= mask & ~wet;
            while (wet != 0) {
                int bit = Long.numberOfTrailingZeros(wet);
                wet &= wet - 1;
                double px = (i0 + (w << 6) + bit) * cell - ax;
                if (segmentDistanceSquared(px, py, dx, dy, length) <= waterRadiusSquared) {
                    bits[row + w] |= 1L << bit;
                }
            }
        }
    }

    /** The squared distance from (px, py) to the segment from the origin to (dx, dy), of the given length. */
    private static double segmentDistanceSquared(double px, double py, double dx, double dy, double length) {
        double dot = px * dx + py * dy;
        if (length == 0 || dot <= 0) {
            return px * px + py * py;
        }
        if (dot >= length * length) {
            double qx = px - dx;
            double qy = py - dy;
            return qx * qx + qy * qy;
        }
        double cross = px * dy - py * dx;
        return cross * cross / (length * length);
    }
}
