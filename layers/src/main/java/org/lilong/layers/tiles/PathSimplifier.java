package org.lilong.layers.tiles;

/**
 * Douglas–Peucker on the integer tile grid: keeps a vertex only where dropping it would move the
 * path by more than the tolerance (in tile units). Lines keep both ends; a ring is treated as the
 * line from its first vertex round to itself, so the vertex farthest from the first is kept too.
 * It may make a ring self-intersect; {@link RingValidity} checks, and the caller falls back.
 */
final class PathSimplifier {

    private final double toleranceSquared;
    private boolean[] keep = new boolean[64];
    private int[] stack = new int[128];

    PathSimplifier(double tolerance) {
        this.toleranceSquared = tolerance * tolerance;
    }

    void simplifyLine(IntPath path) {
        if (path.size > 2) {
            simplify(path, path.size - 1, false);
        }
    }

    void simplifyRing(IntPath ring) {
        if (ring.size > 3) {
            simplify(ring, ring.size, true);
        }
    }

    /** Vertices 0..last, where for a ring index {@code last} (= size) stands for vertex 0 again. */
    private void simplify(IntPath path, int last, boolean ring) {
        if (keep.length < last + 1) {
            keep = new boolean[2 * (last + 1)];
        }
        java.util.Arrays.fill(keep, 0, last + 1, false);
        keep[0] = true;
        keep[last] = true;
        int top = 0;
        push(0, top++);
        push(last, top++);
        while (top > 0) {
            int b = stack[--top];
            int a = stack[--top];
            int ax = path.x[a];
            int ay = path.y[a];
            int bx = path.x[b % path.size];
            int by = path.y[b % path.size];
            double farthest = -1;
            int index = -1;
            for (int i = a + 1; i < b; i++) {
                double d = segmentDistanceSquared(path.x[i], path.y[i], ax, ay, bx, by);
                if (d > farthest) {
                    farthest = d;
                    index = i;
                }
            }
            // A ring's first step always splits at its farthest vertex: the two ends are one point.
            boolean split = index >= 0 && (farthest > toleranceSquared || (ring && a == 0 && b == last));
            if (split) {
                keep[index] = true;
                push(a, top++);
                push(index, top++);
                push(index, top++);
                push(b, top++);
            }
        }
        int kept = 0;
        int count = ring ? last : last + 1;
        for (int i = 0; i < count; i++) {
            if (keep[i]) {
                path.x[kept] = path.x[i];
                path.y[kept] = path.y[i];
                kept++;
            }
        }
        path.size = kept;
    }

    private void push(int value, int at) {
        if (at == stack.length) {
            stack = java.util.Arrays.copyOf(stack, stack.length * 2);
        }
        stack[at] = value;
    }

    static double segmentDistanceSquared(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = dx * dx + dy * dy;
        double t = lengthSquared == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        double ex = ax + t * dx - px;
        double ey = ay + t * dy - py;
        return ex * ex + ey * ey;
    }
}
