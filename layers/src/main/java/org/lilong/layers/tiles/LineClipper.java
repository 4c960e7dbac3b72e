package org.lilong.layers.tiles;

/**
 * Cuts a polyline to an axis-aligned rectangle (Liang–Barsky, segment by segment), yielding the
 * runs that lie inside; a line leaving and re-entering gives several runs. Works on flat
 * {@code x, y} arrays so that tiles are cut without allocating per vertex.
 */
final class LineClipper {

    /** Receives the runs: {@code start} for each new run, then its vertices. */
    interface Runs {
        void start();

        void vertex(double x, double y);
    }

    private final double min;
    private final double max;

    /** The square [min, max] × [min, max]. */
    LineClipper(double min, double max) {
        this.min = min;
        this.max = max;
    }

    /** Clips vertices {@code from} to {@code to − 1} of {@code xy}. */
    void clip(double[] xy, int from, int to, Runs runs) {
        boolean open = false;
        double[] t = new double[2];
        for (int v = from; v + 1 < to; v++) {
            double x0 = xy[2 * v];
            double y0 = xy[2 * v + 1];
            double x1 = xy[2 * v + 2];
            double y1 = xy[2 * v + 3];
            if (!segment(x0, y0, x1 - x0, y1 - y0, t)) {
                open = false;
                continue;
            }
            double dx = x1 - x0;
            double dy = y1 - y0;
            if (!open || t[0] > 0) {
                runs.start();
                runs.vertex(x0 + t[0] * dx, y0 + t[0] * dy);
                open = true;
            }
            runs.vertex(t[1] == 1 ? x1 : x0 + t[1] * dx, t[1] == 1 ? y1 : y0 + t[1] * dy);
            if (t[1] < 1) {
                open = false;
            }
        }
    }

    /** Liang–Barsky: the parameter range [t0, t1] of the segment inside the square, or false. */
    private boolean segment(double x0, double y0, double dx, double dy, double[] t) {
        double t0 = 0;
        double t1 = 1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0 - min, max - x0, y0 - min, max - y0};
        for (int k = 0; k < 4; k++) {
            if (p[k] == 0) {
                if (q[k] < 0) {
                    return false;
                }
            } else {
                double r = q[k] / p[k];
                if (p[k] < 0) {
                    t0 = Math.max(t0, r);
                } else {
                    t1 = Math.min(t1, r);
                }
            }
        }
        if (t0 > t1) {
            return false;
        }
        t[0] = t0;
        t[1] = t1;
        return true;
    }
}
