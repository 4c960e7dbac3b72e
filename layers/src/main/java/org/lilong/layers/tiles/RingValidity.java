package org.lilong.layers.tiles;

/**
 * Whether an open ring on the integer grid is simple (no edge meets another except its two
 * neighbours at their shared vertex), decided exactly in long arithmetic. Convex rings, most
 * buildings, pass in one linear sweep; others are checked edge against edge, which is quick for
 * the few dozen vertices most rings have after simplification.
 */
final class RingValidity {

    private RingValidity() {
    }

    /** For a ring already cleaned by {@link IntPath#dropStraightVertices}: at least 3 vertices, no straight ones. */
    static boolean isSimple(IntPath ring) {
        return isConvex(ring) || hasNoCrossingEdges(ring);
    }

    /** Every turn the same way, and the ring winds round once (x and y each change direction twice at most). */
    static boolean isConvex(IntPath ring) {
        int n = ring.size;
        int sign = 0;
        int xFlips = 0;
        int yFlips = 0;
        int lastDx = 0;
        int lastDy = 0;
        for (int i = 0; i < n; i++) {
            int a = i;
            int b = (i + 1) % n;
            int c = (i + 2) % n;
            long turn = IntPath.cross(ring.x[a], ring.y[a], ring.x[b], ring.y[b], ring.x[c], ring.y[c]);
            int s = Long.signum(turn);
            if (s == 0 || (sign != 0 && s != sign)) {
                return false;
            }
            sign = s;
            int dx = Integer.signum(ring.x[b] - ring.x[a]);
            int dy = Integer.signum(ring.y[b] - ring.y[a]);
            if (dx != 0) {
                if (lastDx != 0 && dx != lastDx) {
                    xFlips++;
                }
                lastDx = dx;
            }
            if (dy != 0) {
                if (lastDy != 0 && dy != lastDy) {
                    yFlips++;
                }
                lastDy = dy;
            }
        }
        return xFlips <= 2 && yFlips <= 2;
    }

    private static boolean hasNoCrossingEdges(IntPath ring) {
        int n = ring.size;
        for (int i = 0; i < n; i++) {
            int i2 = (i + 1) % n;
            for (int j = i + 1; j < n; j++) {
                int j2 = (j + 1) % n;
                if (j == i2 || j2 == i) {
                    // Neighbours share one vertex; with no straight vertices they cannot overlap.
                    continue;
                }
                if (segmentsMeet(ring.x[i], ring.y[i], ring.x[i2], ring.y[i2], ring.x[j], ring.y[j], ring.x[j2], ring.y[j2])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether closed segments ab and cd share any point. */
    static boolean segmentsMeet(long ax, long ay, long bx, long by, long cx, long cy, long dx, long dy) {
        long d1 = IntPath.cross(cx, cy, dx, dy, ax, ay);
        long d2 = IntPath.cross(cx, cy, dx, dy, bx, by);
        long d3 = IntPath.cross(ax, ay, bx, by, cx, cy);
        long d4 = IntPath.cross(ax, ay, bx, by, dx, dy);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
            return true;
        }
        return (d1 == 0 && onSegment(cx, cy, dx, dy, ax, ay))
                || (d2 == 0 && onSegment(cx, cy, dx, dy, bx, by))
                || (d3 == 0 && onSegment(ax, ay, bx, by, cx, cy))
                || (d4 == 0 && onSegment(ax, ay, bx, by, dx, dy));
    }

    private static boolean onSegment(long ax, long ay, long bx, long by, long px, long py) {
        return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
    }
}
