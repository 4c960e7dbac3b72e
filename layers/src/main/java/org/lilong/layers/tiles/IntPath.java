package org.lilong.layers.tiles;

import java.util.Arrays;

/**
 * A run of vertices on the integer tile grid: a line, or a ring stored open (its closing vertex
 * implied). The cleanups here never move a vertex; they only drop ones that add nothing.
 */
final class IntPath {

    int[] x = new int[64];
    int[] y = new int[64];
    int size;

    void clear() {
        size = 0;
    }

    /** Adds the vertex rounded to the grid, unless it rounds onto the previous one. */
    void addRounded(double vx, double vy) {
        int ix = (int) Math.round(vx);
        int iy = (int) Math.round(vy);
        if (size > 0 && x[size - 1] == ix && y[size - 1] == iy) {
            return;
        }
        if (size == x.length) {
            x = Arrays.copyOf(x, size * 2);
            y = Arrays.copyOf(y, size * 2);
        }
        x[size] = ix;
        y[size] = iy;
        size++;
    }

    void copyFrom(IntPath other) {
        if (x.length < other.size) {
            x = new int[other.x.length];
            y = new int[other.y.length];
        }
        System.arraycopy(other.x, 0, x, 0, other.size);
        System.arraycopy(other.y, 0, y, 0, other.size);
        size = other.size;
    }

    /** For a ring: drops a closing vertex equal to the first, so the ring is stored open. */
    void openRing() {
        while (size > 1 && x[size - 1] == x[0] && y[size - 1] == y[0]) {
            size--;
        }
    }

    /**
     * For an open ring: drops, until none is left, every vertex where the ring goes straight on or
     * turns back on itself (zero cross product), since such a vertex bounds no area.
     */
    void dropStraightVertices() {
        boolean dropped = true;
        while (dropped && size >= 3) {
            dropped = false;
            int kept = 0;
            for (int i = 0; i < size; i++) {
                int prev = kept == 0 ? size - 1 : kept - 1;
                int px = kept == 0 ? x[size - 1] : x[prev];
                int py = kept == 0 ? y[size - 1] : y[prev];
                int next = (i + 1) % size;
                if (cross(px, py, x[i], y[i], x[next], y[next]) == 0) {
                    dropped = true;
                    continue;
                }
                x[kept] = x[i];
                y[kept] = y[i];
                kept++;
            }
            size = kept;
        }
        if (size < 3) {
            size = 0;
        }
    }

    /** Twice the signed area of the open ring by the surveyor's formula (positive: clockwise with y down). */
    long doubleArea() {
        long sum = 0;
        for (int i = 0, j = size - 1; i < size; j = i++) {
            sum += (long) x[j] * y[i] - (long) x[i] * y[j];
        }
        return sum;
    }

    void reverse() {
        for (int i = 0, j = size - 1; i < j; i++, j--) {
            int tx = x[i];
            x[i] = x[j];
            x[j] = tx;
            int ty = y[i];
            y[i] = y[j];
            y[j] = ty;
        }
    }

    static long cross(long ax, long ay, long bx, long by, long cx, long cy) {
        return (bx - ax) * (cy - by) - (by - ay) * (cx - bx);
    }
}
