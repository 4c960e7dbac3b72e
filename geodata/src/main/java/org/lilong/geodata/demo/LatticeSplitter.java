package org.lilong.geodata.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Cuts a lattice rectangle into a number of smaller rectangles by recursive straight cuts
 * (a guillotine partition), preferring cuts along street lines when one lies near the ideal
 * position. The pieces tile the rectangle exactly because they share the cut coordinates.
 */
final class LatticeSplitter {

    private final SplittableRandom random;
    private final int minSize;

    /**
     * @param minSize the smallest width or depth of a piece, in lattice units
     */
    LatticeSplitter(SplittableRandom random, int minSize) {
        this.random = random;
        this.minSize = minSize;
    }

    /**
     * Up to {@code pieces} rectangles tiling {@code rect} (fewer when it is too small), in reading
     * order: north first, then west first.
     */
    List<LatticeRect> split(LatticeRect rect, int pieces) {
        List<LatticeRect> result = new ArrayList<>();
        cut(rect, pieces, result);
        result.sort(READING_ORDER);
        return result;
    }

    /** Splits only with north–south cuts (pieces side by side from west to east). */
    List<LatticeRect> splitWestEast(LatticeRect rect, int pieces) {
        List<LatticeRect> result = new ArrayList<>();
        cutAlong(rect, pieces, true, result);
        result.sort(READING_ORDER);
        return result;
    }

    static final Comparator<LatticeRect> READING_ORDER =
            Comparator.comparingInt((LatticeRect r) -> -r.y1()).thenComparingInt(LatticeRect::x0);

    private void cut(LatticeRect rect, int pieces, List<LatticeRect> out) {
        boolean alongX = rect.width() >= rect.height();
        if (pieces <= 1 || (!fits(alongX ? rect.width() : rect.height()) && !fits(alongX ? rect.height() : rect.width()))) {
            out.add(rect);
            return;
        }
        if (!fits(alongX ? rect.width() : rect.height())) {
            alongX = !alongX;
        }
        int first = pieces / 2;
        int position = position(alongX ? rect.x0() : rect.y0(), alongX ? rect.x1() : rect.y1(), first, pieces);
        if (alongX) {
            cut(rect.westOf(position), first, out);
            cut(rect.eastOf(position), pieces - first, out);
        } else {
            cut(rect.southOf(position), first, out);
            cut(rect.northOf(position), pieces - first, out);
        }
    }

    private void cutAlong(LatticeRect rect, int pieces, boolean alongX, List<LatticeRect> out) {
        int size = alongX ? rect.width() : rect.height();
        if (pieces <= 1 || !fits(size)) {
            out.add(rect);
            return;
        }
        int first = pieces / 2;
        int position = position(alongX ? rect.x0() : rect.y0(), alongX ? rect.x1() : rect.y1(), first, pieces);
        cutAlong(alongX ? rect.westOf(position) : rect.southOf(position), first, alongX, out);
        cutAlong(alongX ? rect.eastOf(position) : rect.northOf(position), pieces - first, alongX, out);
    }

    private boolean fits(int size) {
        return size >= 2 * minSize;
    }

    private int position(int start, int end, int first, int pieces) {
        int size = end - start;
        double ideal = start + (double) size * first / pieces;
        int low = start + minSize;
        int high = end - minSize;
        double reach = size * 0.2;
        int street = -1;
        int l = StreetPlan.LATTICE;
        for (int line = (start / l + 1) * l; line < end; line += l) {
            if (line >= low && line <= high && Math.abs(line - ideal) <= reach
                    && (street < 0 || Math.abs(line - ideal) < Math.abs(street - ideal))) {
                street = line;
            }
        }
        if (street >= 0) {
            return street;
        }
        double jitter = (random.nextDouble() * 2 - 1) * size * 0.08;
        return (int) Math.max(low, Math.min(high, Math.round(ideal + jitter)));
    }
}
