package org.lilong.layers.isochrone;

import java.util.Arrays;

/**
 * The reach field of one search on a window of the {@link SampleLattice}: for each sample, the
 * smallest walking distance of any reached street point within the buffer radius of it (positive
 * infinity when there is none). Scratch space for one build at a time, reused from build to build.
 *
 * <p>Streets are stamped one straight piece at a time. For a sample, the street points of a piece
 * within the radius form one interval of the piece (a chord of the disc about the sample); the
 * walking distance along an edge is the smaller of a rising and a falling line, and of V-shapes about
 * origins on the edge, so its least value on the chord is at one of the chord's ends or at an
 * origin inside it. The field is therefore exact for the given radius, not an approximation by
 * points spaced along the street.
 */
final class ReachField {

    /** Window of the lattice: sample (i, j) of the window is lattice sample (i0 + i, j0 + j). */
    int i0;
    int j0;
    int width;
    int height;
    double[] values = new double[0];
    /** Per window row, the first and last columns with a finite value (first &gt; last: none). */
    int[] firstColumn = new int[0];
    int[] lastColumn = new int[0];

    void reset(int i0, int j0, int width, int height) {
        this.i0 = i0;
        this.j0 = j0;
        this.width = width;
        this.height = height;
        int size = width * height;
        if (values.length < size) {
            values = new double[Math.max(size, values.length * 3 / 2)];
        }
        Arrays.fill(values, 0, size, Double.POSITIVE_INFINITY);
        if (firstColumn.length < height) {
            firstColumn = new int[Math.max(height, firstColumn.length * 3 / 2)];
            lastColumn = new int[firstColumn.length];
        }
        Arrays.fill(firstColumn, 0, height, Integer.MAX_VALUE);
        Arrays.fill(lastColumn, 0, height, -1);
    }

    /**
     * Stamps the straight piece from (ax, ay) to (bx, by), in lattice metres, of an edge whose walking
     * distance at {@code x} metres along it is min(dFrom + x, dTo + length − x, |x − o| for o in the
     * origins). The piece starts {@code alongStart} metres along the edge and each planar metre of it
     * is {@code alongPerMetre} metres of the edge's geodesic length.
     */
    void stamp(SampleLattice lattice, double ax, double ay, double bx, double by, double alongStart, double alongPerMetre,
            double dFrom, double dTo, double edgeLength, double[] origins, int originFrom, int originTo,
            double radius, double waterRadius) {
        double cell = lattice.cellMetres;
        double dx = bx - ax;
        double dy = by - ay;
        double length = Math.sqrt(dx * dx + dy * dy);
        double ux = length == 0 ? 1 : dx / length;
        double uy = length == 0 ? 0 : dy / length;
        double alongEnd = alongStart + length * alongPerMetre;
        double fallingBase = dTo + edgeLength;
        // The least value anywhere on the piece: samples already at most this cannot improve.
        double pieceLeast = Math.min(dFrom + alongStart, fallingBase - alongEnd);
        for (int o = originFrom; o < originTo; o++) {
            double at = origins[o];
            pieceLeast = Math.min(pieceLeast, at < alongStart ? alongStart - at : at > alongEnd ? at - alongEnd : 0);
        }
        double perCell = 1 / cell;
        double perUx = 1 / ux;
        double perUy = 1 / uy;
        int jFrom = Math.max(0, (int) Math.ceil((Math.min(ay, by) - radius) * perCell) - j0);
        int jTo = Math.min(height - 1, (int) Math.floor((Math.max(ay, by) + radius) * perCell) - j0);
        double radiusSquared = radius * radius;
        double waterRadiusSquared = waterRadius * waterRadius;
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
            int row = j * width;
            for (int i = iFrom; i <= iTo; i++) {
                if (values[row + i] <= pieceLeast) {
                    continue;
                }
                double px = (i0 + i) * cell - ax;
                double t = px * ux + py * uy;
                double hSquared = px * px + py * py - t * t;
                if (hSquared > radiusSquared) {
                    continue;
                }
                double r2 = radiusSquared;
                if (water && lattice.isWater(i0 + i, j0 + j)) {
                    if (hSquared > waterRadiusSquared) {
                        continue;
                    }
                    r2 = waterRadiusSquared;
                }
                double half = Math.sqrt(Math.max(0, r2 - hSquared));
                double lo = Math.max(0, t - half);
                double hi = Math.min(length, t + half);
                if (lo > hi) {
                    continue;
                }
                double xLo = alongStart + lo * alongPerMetre;
                double xHi = alongStart + hi * alongPerMetre;
                double value = Math.min(dFrom + xLo, fallingBase - xHi);
                for (int o = originFrom; o < originTo; o++) {
                    double at = origins[o];
                    value = Math.min(value, at < xLo ? xLo - at : at > xHi ? at - xHi : 0);
                }
                int index = row + i;
                if (value < values[index]) {
                    values[index] = value;
                    if (i < firstColumn[j]) {
                        firstColumn[j] = i;
                    }
                    if (i > lastColumn[j]) {
                        lastColumn[j] = i;
                    }
                }
            }
        }
    }
}
