package org.lilong.layers.isochrone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.lilong.layers.network.EdgePosition;
import org.lilong.layers.network.ShortestPathTree;
import org.lilong.layers.network.WalkingNetwork;
import org.lilong.layers.spatial.GeometryFactories;
import org.locationtech.jts.geom.Geometry;

/**
 * Turns a walking search into nested isochrone polygons that hug the reached streets.
 *
 * <p><b>Method.</b> A reach field on a regular lattice of samples, then marching squares; written here
 * by hand because no library on the classpath does it, and because the obvious JTS route (buffer the
 * reached pieces of street and union them) costs milliseconds per polygon where this costs a fraction
 * of one. The lattice (cell {@link #cellMetres()}, default {@value #DEFAULT_CELL_METRES} m) is anchored
 * once for the whole network, so every query and the water mask line up:
 * <ol>
 * <li>For each limit d, the street reached within d is cut from the edges: a point x metres along an
 * edge is at walking distance min(d(from) + x, d(to) + length − x), or |x − o| from an origin o on the
 * same edge, so partial edges count exactly as far as they are reached. Only edges touching reached
 * nodes are looked at, and the lattice window is sized to them.</li>
 * <li>Each sample within the buffer radius r ({@link #bufferMetres()}, default
 * {@value #DEFAULT_BUFFER_METRES} m) of street reached within d is marked for d ({@link ReachField}):
 * a bit raster per limit, filled a row interval at a time, each part of street stamped once, for the
 * smallest limit that reaches it, and the rasters then accumulated from the smallest limit up.</li>
 * <li>For each limit d, marching squares trace the samples marked for d ({@link ContourTracer}) into
 * polygons with holes.</li>
 * </ol>
 *
 * <p><b>Guarantees</b>, for every limit d (r = buffer, c = cell, required r ≥ c·√2):
 * <ul>
 * <li>Nested: the polygon of a smaller limit is covered by that of a larger one, exactly.</li>
 * <li>A point of street within walking distance d (a reached node, or a point along a partially reached
 * edge) lies inside the d-polygon: the four samples around it are within c·√2 ≤ r of it. So does
 * any point within r − c·√2 of such a street point.</li>
 * <li>Every point of the d-polygon lies within r + c of a street point reached within d. So a node
 * not reached lies outside unless it is within r + c of a reached street.</li>
 * <li>Blocks the network does not reach stay holes: a sample farther than r from every reached street
 * is outside, so a block whose inscribed circle is wider than 2·r + c·√2 keeps a hole.</li>
 * <li>Water: a sample inside a water polygon counts only within c·√2 of a street, in practice a
 * street that crosses the water (a bridge). So more than c inside the water, the polygon keeps within
 * c·√2 + c of a reached street; and the reaches of two banks do not join across water wider than
 * 2·c·√2 + c (about 38 m with the defaults) except along a bridge.</li>
 * <li>Disconnected reaches (several origins far apart) give a MultiPolygon; nothing reached gives an
 * empty Polygon. Geometries are valid (rings never touch: each ring vertex is the midpoint of a
 * lattice side with one boundary segment in and one out), in WGS84 longitude/latitude, with shells
 * anticlockwise and holes clockwise as GeoJSON asks.</li>
 * </ul>
 * Distances are compared with a tolerance of 1 µm, so a node at exactly d counts as within d.
 *
 * <p><b>Plane.</b> Metric work is done in an equirectangular plane about the network's middle
 * latitude ({@link SampleLattice}); {@link Isochrone#areaSquareMetres()} is measured in that plane
 * (within 0.1 % for a district; east–west scale is off by about 0.5 % 50 km north or south of the
 * middle), {@link Isochrone#reachedStreetMetres()} in geodesic edge lengths.
 *
 * <p><b>Origins on an edge</b> ({@link ShortestPathTree#origins()}) reach along their own edge both
 * ways, also where the edge is so long that neither of its ends is within the limit.
 *
 * <p>Immutable and safe to share between threads. Builds borrow scratch arrays from a pool that holds
 * as many sets as builds ever ran at once (each sized to the largest window it served: about 8 bytes
 * per lattice sample of the reached envelope, 0.3 MB for a 15-minute walk), so a build allocates little
 * more than the output geometry.
 */
public final class IsochroneBuilder {

    public static final double DEFAULT_BUFFER_METRES = 25;
    public static final double DEFAULT_CELL_METRES = 10;
    /** Distances within this much of a limit count as within it. */
    private static final double TOLERANCE_METRES = 1e-6;

    private final WalkingNetwork network;
    private final double bufferMetres;
    private final double cellMetres;
    private final SampleLattice lattice;
    /**
     * Scratch space of finished builds, lent to the next: as many as builds ever ran at once, however
     * many (or however short-lived, as virtual threads are) the threads that call.
     */
    private final ConcurrentLinkedDeque<Scratch> idle = new ConcurrentLinkedDeque<>();

    /**
     * A builder with the default buffer and cell.
     *
     * @param water polygons (WGS84) that an isochrone must not span, except along a street crossing them (a bridge)
     */
    public IsochroneBuilder(WalkingNetwork network, List<Geometry> water) {
        this(network, water, DEFAULT_BUFFER_METRES, DEFAULT_CELL_METRES);
    }

    /**
     * @param bufferMetres how far from a reached street the area reaches, in metres
     * @param cellMetres the lattice spacing, in metres: smaller is finer and slower
     * @throws IllegalArgumentException unless cell &gt; 0 and buffer ≥ cell·√2
     */
    public IsochroneBuilder(WalkingNetwork network, List<Geometry> water, double bufferMetres, double cellMetres) {
        if (!(cellMetres > 0 && bufferMetres >= cellMetres * Math.sqrt(2) && bufferMetres < 10_000)) {
            throw new IllegalArgumentException("buffer " + bufferMetres + " m must be at least cell " + cellMetres
                    + " m × √2");
        }
        this.network = network;
        this.bufferMetres = bufferMetres;
        this.cellMetres = cellMetres;
        this.lattice = new SampleLattice(network, List.copyOf(water), cellMetres, bufferMetres + 3 * cellMetres);
    }

    public double bufferMetres() {
        return bufferMetres;
    }

    public double cellMetres() {
        return cellMetres;
    }

    /**
     * One isochrone per limit, in the order given (ascending), each covering the previous ones.
     *
     * @param tree a search on this builder's network whose limit is at least the largest distance
     * @throws IllegalArgumentException when the limits are not ascending positive numbers or exceed the tree's limit
     */
    public List<Isochrone> build(ShortestPathTree tree, double... distancesMetres) {
        if (tree.network() != network) {
            throw new IllegalArgumentException("the search ran on another network");
        }
        if (distancesMetres.length == 0) {
            throw new IllegalArgumentException("no distances given");
        }
        for (int k = 0; k < distancesMetres.length; k++) {
            double d = distancesMetres[k];
            if (!(d > 0 && d < Double.POSITIVE_INFINITY) || k > 0 && !(d > distancesMetres[k - 1])) {
                throw new IllegalArgumentException("distances must be ascending positive numbers of metres: "
                        + Arrays.toString(distancesMetres));
            }
        }
        double largest = distancesMetres[distancesMetres.length - 1];
        if (largest > tree.maxDistanceMetres()) {
            throw new IllegalArgumentException("distance " + largest + " m exceeds the search's limit of "
                    + tree.maxDistanceMetres() + " m");
        }
        Scratch s = idle.pollFirst();
        if (s == null) {
            s = new Scratch();
        }
        try {
            s.collect(tree, distancesMetres);
            s.stampAll(lattice, bufferMetres, cellMetres * Math.sqrt(2), distancesMetres.length);
            List<Isochrone> result = new ArrayList<>(distancesMetres.length);
            for (int k = 0; k < distancesMetres.length; k++) {
                ContourTracer.Contour contour = s.tracer.trace(s.field, k, lattice, GeometryFactories.WGS84);
                result.add(new Isochrone(distancesMetres[k], contour.area(), contour.areaSquareMetres(), s.streetMetres[k]));
            }
            return result;
        } finally {
            idle.offerFirst(s);
        }
    }

    /** The state of one build: the reached pieces of street, the field and the tracer; reused, one build at a time. */
    private final class Scratch {
        final ReachField field = new ReachField();
        final ContourTracer tracer = new ContourTracer();
        /** Origins found on edges, as (edge, metres along) sorted by edge. */
        int[] originEdge = new int[4];
        double[] originAlong = new double[4];
        int originCount;
        /** Pieces to stamp: segment ends in lattice metres, and the first limit that reaches them. */
        double[] piece = new double[64 * PIECE];
        int[] pieceBand = new int[64];
        int pieceCount;
        double[] streetMetres = new double[0];
        /** The reached intervals of an edge at one limit, and at the limit before. */
        double[] intervals = new double[64];
        double[] previousIntervals = new double[64];
        double minX;
        double minY;
        double maxX;
        double maxY;

        static final int PIECE = 4;

        void collect(ShortestPathTree tree, double[] distances) {
            findOrigins(tree);
            if (streetMetres.length < distances.length) {
                streetMetres = new double[distances.length];
            }
            Arrays.fill(streetMetres, 0);
            pieceCount = 0;
            minX = minY = Double.POSITIVE_INFINITY;
            maxX = maxY = Double.NEGATIVE_INFINITY;
            for (int r = 0, reached = tree.reachedCount(); r < reached; r++) {
                int node = tree.reachedNode(r);
                double dNode = tree.distanceMetres(node);
                for (int entry = network.adjacencyStart(node), end = network.adjacencyStart(node + 1); entry < end; entry++) {
                    int edge = network.adjacentEdge(entry);
                    // Each edge once: from the end reached first, or from its one entry when it is a loop.
                    int other = network.adjacentNode(entry);
                    double dOther = tree.distanceMetres(other);
                    boolean owner = other == node ? isFirstEntry(node, entry, edge)
                            : dOther > dNode || dOther == dNode && other > node;
                    if (owner) {
                        addEdge(edge, tree.distanceMetres(network.edgeFrom(edge)), tree.distanceMetres(network.edgeTo(edge)),
                                distances);
                    }
                }
            }
            addUnreachedOriginEdges(tree, distances);
        }

        private boolean isFirstEntry(int node, int entry, int edge) {
            for (int e = network.adjacencyStart(node); e < entry; e++) {
                if (network.adjacentEdge(e) == edge) {
                    return false;
                }
            }
            return true;
        }

        /** The search's origins on edges, sorted by edge. */
        private void findOrigins(ShortestPathTree tree) {
            originCount = 0;
            for (EdgePosition origin : tree.origins()) {
                addOrigin(origin.edge(), origin.metresFromStart(network));
            }
            sortOrigins();
        }

        /**
         * Origin edges neither of whose ends was reached (an edge longer than twice the limit): the
         * loop over reached nodes never sees them, yet their origin reaches along them.
         */
        private void addUnreachedOriginEdges(ShortestPathTree tree, double[] distances) {
            for (int o = 0; o < originCount; o++) {
                int edge = originEdge[o];
                if ((o == 0 || originEdge[o - 1] != edge) && !tree.isReached(network.edgeFrom(edge))
                        && !tree.isReached(network.edgeTo(edge))) {
                    addEdge(edge, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, distances);
                }
            }
        }

        private void addOrigin(int edge, double along) {
            for (int o = 0; o < originCount; o++) {
                if (originEdge[o] == edge && Math.abs(originAlong[o] - along) <= TOLERANCE_METRES) {
                    return;
                }
            }
            if (originCount == originEdge.length) {
                originEdge = Arrays.copyOf(originEdge, 2 * originCount);
                originAlong = Arrays.copyOf(originAlong, 2 * originCount);
            }
            originEdge[originCount] = edge;
            originAlong[originCount] = along;
            originCount++;
        }

        private void sortOrigins() {
            for (int a = 1; a < originCount; a++) {
                for (int b = a; b > 0 && originEdge[b - 1] > originEdge[b]; b--) {
                    int e = originEdge[b];
                    originEdge[b] = originEdge[b - 1];
                    originEdge[b - 1] = e;
                    double x = originAlong[b];
                    originAlong[b] = originAlong[b - 1];
                    originAlong[b - 1] = x;
                }
            }
        }

        /** The first index of the edge's origins; the range ends where originEdge changes. */
        private int firstOrigin(int edge) {
            int lo = 0;
            int hi = originCount;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (originEdge[mid] < edge) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /**
         * Adds the parts of the edge reached within each distance: its length to that distance's
         * reached street, and as pieces for the first distance that reaches them (the parts reached
         * within a distance but not within the one before).
         */
        private void addEdge(int edge, double dFrom, double dTo, double[] distances) {
            double length = network.edgeLengthMetres(edge);
            int oFrom = firstOrigin(edge);
            int oTo = oFrom;
            while (oTo < originCount && originEdge[oTo] == edge) {
                oTo++;
            }
            int previous = 0;
            for (int k = 0; k < distances.length; k++) {
                int count = reachedIntervals(dFrom, dTo, length, oFrom, oTo, distances[k] + TOLERANCE_METRES);
                for (int i = 0; i < count; i += 2) {
                    streetMetres[k] += intervals[i + 1] - intervals[i];
                }
                addNewlyReached(edge, count, previous, k);
                double[] swap = previousIntervals;
                previousIntervals = intervals;
                intervals = swap;
                previous = count;
            }
        }

        /**
         * Adds as pieces of band k the parts of the {@code count} reached intervals that are not in
         * the {@code previous} ones (the reach of the distance before, which lies within them: a larger
         * limit moves every end of an interval outwards, also in floating point). A reached single
         * point (a node at exactly the limit) is a piece too, unless an earlier band holds it.
         */
        private void addNewlyReached(int edge, int count, int previous, int band) {
            int p = 0;
            for (int i = 0; i < count; i += 2) {
                double start = intervals[i];
                double end = intervals[i + 1];
                if (p >= previous || previousIntervals[p] > end) {
                    addPieces(edge, start, end, band);
                    continue;
                }
                double cursor = start;
                for (; p < previous && previousIntervals[p] <= end; p += 2) {
                    if (previousIntervals[p] > cursor) {
                        addPieces(edge, cursor, previousIntervals[p], band);
                    }
                    cursor = Math.max(cursor, previousIntervals[p + 1]);
                }
                if (end > cursor) {
                    addPieces(edge, cursor, end, band);
                }
            }
        }

        /**
         * The parts of the edge within the limit, merged, as (start, end) pairs of metres along it in
         * {@link #intervals}; returns 2 × their number.
         */
        private int reachedIntervals(double dFrom, double dTo, double length, int oFrom, int oTo, double limit) {
            if (intervals.length < 2 * (oTo - oFrom) + 4) {
                intervals = new double[2 * (oTo - oFrom) + 4];
                previousIntervals = Arrays.copyOf(previousIntervals, intervals.length);
            }
            int count = 0;
            double[] iv = intervals;
            if (dFrom <= limit) {
                iv[count++] = 0;
                iv[count++] = Math.min(length, limit - dFrom);
            }
            if (dTo <= limit) {
                iv[count++] = Math.max(0, length - (limit - dTo));
                iv[count++] = length;
            }
            for (int o = oFrom; o < oTo; o++) {
                iv[count++] = Math.max(0, originAlong[o] - limit);
                iv[count++] = Math.min(length, originAlong[o] + limit);
            }
            // Sort the pairs by start (few of them) and merge overlaps.
            for (int a = 2; a < count; a += 2) {
                for (int b = a; b > 0 && iv[b - 2] > iv[b]; b -= 2) {
                    double s = iv[b];
                    double e = iv[b + 1];
                    iv[b] = iv[b - 2];
                    iv[b + 1] = iv[b - 1];
                    iv[b - 2] = s;
                    iv[b - 1] = e;
                }
            }
            int merged = 0;
            for (int a = 0; a < count; a += 2) {
                if (merged > 0 && iv[a] <= iv[merged - 1]) {
                    iv[merged - 1] = Math.max(iv[merged - 1], iv[a + 1]);
                } else {
                    iv[merged++] = iv[a];
                    iv[merged++] = iv[a + 1];
                }
            }
            return merged;
        }

        /** Adds the straight pieces of the edge between {@code start} and {@code end} metres along it. */
        private void addPieces(int edge, double start, double end, int band) {
            int from = network.edgeFrom(edge);
            int to = network.edgeTo(edge);
            int shapeFirst = lattice.shapeStart[edge];
            int vertices = lattice.shapeStart[edge + 1] - shapeFirst + 2;
            double planar = 0;
            for (int v = 1; v < vertices; v++) {
                planar += distance(vx(v, vertices, from, to, shapeFirst) - vx(v - 1, vertices, from, to, shapeFirst),
                        vy(v, vertices, from, to, shapeFirst) - vy(v - 1, vertices, from, to, shapeFirst));
            }
            double length = network.edgeLengthMetres(edge);
            double alongPerMetre = planar == 0 ? 1 : length / planar;
            double along = 0;
            for (int v = 1; v < vertices; v++) {
                double ax = vx(v - 1, vertices, from, to, shapeFirst);
                double ay = vy(v - 1, vertices, from, to, shapeFirst);
                double bx = vx(v, vertices, from, to, shapeFirst);
                double by = vy(v, vertices, from, to, shapeFirst);
                double segment = distance(bx - ax, by - ay) * alongPerMetre;
                double next = v == vertices - 1 ? length : along + segment;
                double lo = Math.max(start, along);
                double hi = Math.min(end, next);
                if (lo <= hi && (lo < hi || segment == 0 || start == end)) {
                    double t0 = segment == 0 ? 0 : (lo - along) / segment;
                    double t1 = segment == 0 ? 1 : (hi - along) / segment;
                    addPiece(ax + t0 * (bx - ax), ay + t0 * (by - ay), ax + t1 * (bx - ax), ay + t1 * (by - ay), band);
                }
                along = next;
                if (along > end) {
                    break;
                }
            }
        }

        /** Math.hypot guards against overflow that metres within a city cannot reach, at several times the cost. */
        private static double distance(double dx, double dy) {
            return Math.sqrt(dx * dx + dy * dy);
        }

        private double vx(int v, int vertices, int from, int to, int shapeFirst) {
            return v == 0 ? lattice.nodeX[from] : v == vertices - 1 ? lattice.nodeX[to] : lattice.shapeX[shapeFirst + v - 1];
        }

        private double vy(int v, int vertices, int from, int to, int shapeFirst) {
            return v == 0 ? lattice.nodeY[from] : v == vertices - 1 ? lattice.nodeY[to] : lattice.shapeY[shapeFirst + v - 1];
        }

        private void addPiece(double ax, double ay, double bx, double by, int band) {
            if ((pieceCount + 1) * PIECE > piece.length) {
                piece = Arrays.copyOf(piece, 2 * piece.length);
                pieceBand = Arrays.copyOf(pieceBand, 2 * pieceBand.length);
            }
            int p = pieceCount * PIECE;
            piece[p] = ax;
            piece[p + 1] = ay;
            piece[p + 2] = bx;
            piece[p + 3] = by;
            pieceBand[pieceCount++] = band;
            minX = Math.min(minX, Math.min(ax, bx));
            maxX = Math.max(maxX, Math.max(ax, bx));
            minY = Math.min(minY, Math.min(ay, by));
            maxY = Math.max(maxY, Math.max(ay, by));
        }

        void stampAll(SampleLattice lattice, double radius, double waterRadius, int bands) {
            double cell = lattice.cellMetres;
            if (pieceCount == 0) {
                field.reset(0, 0, 2, 2, bands);
                return;
            }
            // One empty sample beyond the radius on every side, so that every contour closes.
            int i0 = Math.max(0, (int) Math.floor((minX - radius) / cell) - 1);
            int j0 = Math.max(0, (int) Math.floor((minY - radius) / cell) - 1);
            int i1 = Math.min(lattice.columns() - 1, (int) Math.ceil((maxX + radius) / cell) + 1);
            int j1 = Math.min(lattice.rows() - 1, (int) Math.ceil((maxY + radius) / cell) + 1);
            field.reset(i0, j0, i1 - i0 + 1, j1 - j0 + 1, bands);
            for (int k = 0; k < pieceCount; k++) {
                int p = k * PIECE;
                field.stamp(lattice, pieceBand[k], piece[p], piece[p + 1], piece[p + 2], piece[p + 3], radius, waterRadius);
            }
            field.accumulate();
        }
    }
}
