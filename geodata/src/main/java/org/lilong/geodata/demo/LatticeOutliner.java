package org.lilong.geodata.demo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;

/**
 * Draws lattice rectangles as polygons. For the grid tiling, every outline carries every vertex
 * of the finest tiles that lies on its edges (and every crossing with a street line), so that
 * neighbours and parent/children share exactly the same rounded vertices: a parent's outline is
 * the union of its children's, vertex for vertex, and no rounding can open a gap or an overlap.
 */
final class LatticeOutliner {

    private final StreetPlan plan;
    private final LocalProjection projection;
    private final Map<Integer, NavigableSet<Integer>> xsOnRow = new TreeMap<>();
    private final Map<Integer, NavigableSet<Integer>> ysOnColumn = new TreeMap<>();
    private final Map<Long, Coordinate> lonLatCache = new HashMap<>();

    /**
     * @param tiles the finest tiles of the tiling, whose corners every outline must carry
     */
    LatticeOutliner(StreetPlan plan, LocalProjection projection, Collection<LatticeRect> tiles) {
        this.plan = plan;
        this.projection = projection;
        for (LatticeRect tile : tiles) {
            mark(xsOnRow, tile.y0(), tile.x0(), tile.x1());
            mark(xsOnRow, tile.y1(), tile.x0(), tile.x1());
            mark(ysOnColumn, tile.x0(), tile.y0(), tile.y1());
            mark(ysOnColumn, tile.x1(), tile.y0(), tile.y1());
        }
    }

    private static void mark(Map<Integer, NavigableSet<Integer>> index, int line, int a, int b) {
        NavigableSet<Integer> set = index.computeIfAbsent(line, k -> new TreeSet<>());
        set.add(a);
        set.add(b);
    }

    /** The outline in rounded WGS84, with the shared vertices of the tiling; counter-clockwise. */
    Polygon lonLatOutline(LatticeRect rect) {
        List<Coordinate> ring = new ArrayList<>();
        for (long key : ringKeys(rect, true)) {
            ring.add(lonLatCache.computeIfAbsent(key, k -> projection.toLonLat(metric(k))));
        }
        return projection.wgs84Factory().createPolygon(ring.toArray(Coordinate[]::new));
    }

    /** The outline in metres, with a vertex wherever it crosses a street line; counter-clockwise. */
    Polygon metricOutline(LatticeRect rect) {
        List<Coordinate> ring = new ArrayList<>();
        for (long key : ringKeys(rect, false)) {
            ring.add(metric(key));
        }
        return projection.localFactory().createPolygon(ring.toArray(Coordinate[]::new));
    }

    double squareMetres(LatticeRect rect) {
        return metricOutline(rect).getArea();
    }

    private Coordinate metric(long key) {
        return plan.point(key >> 32, (int) key);
    }

    private static long key(int x, int y) {
        return ((long) x << 32) | (y & 0xffffffffL);
    }

    private List<Long> ringKeys(LatticeRect r, boolean shared) {
        List<Long> keys = new ArrayList<>();
        for (int x : stops(xsOnRow, r.y0(), r.x0(), r.x1(), shared, false)) {
            keys.add(key(x, r.y0()));
        }
        for (int y : stops(ysOnColumn, r.x1(), r.y0(), r.y1(), shared, false)) {
            keys.add(key(r.x1(), y));
        }
        for (int x : stops(xsOnRow, r.y1(), r.x0(), r.x1(), shared, true)) {
            keys.add(key(x, r.y1()));
        }
        for (int y : stops(ysOnColumn, r.x0(), r.y0(), r.y1(), shared, true)) {
            keys.add(key(r.x0(), y));
        }
        List<Long> ring = new ArrayList<>();
        for (long k : keys) {
            if (ring.isEmpty() || ring.get(ring.size() - 1) != k) {
                ring.add(k);
            }
        }
        if (!ring.get(ring.size() - 1).equals(ring.get(0))) {
            ring.add(ring.get(0));
        }
        return ring;
    }

    /** The positions from a to b along one lattice line where an outline needs a vertex. */
    private static List<Integer> stops(Map<Integer, NavigableSet<Integer>> index, int line, int a, int b,
            boolean shared, boolean descending) {
        TreeSet<Integer> stops = new TreeSet<>();
        stops.add(a);
        stops.add(b);
        int l = StreetPlan.LATTICE;
        for (int p = (a / l + 1) * l; p < b; p += l) {
            stops.add(p);
        }
        NavigableSet<Integer> marked = index.get(line);
        if (shared && marked != null) {
            stops.addAll(marked.subSet(a, true, b, true));
        }
        return new ArrayList<>(descending ? stops.descendingSet() : stops);
    }
}
