package org.lilong.layers.isochrone;

import java.util.Arrays;
import java.util.List;
import org.lilong.layers.network.LocalScale;
import org.lilong.layers.network.WalkingNetwork;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * The network in a local plane, and the regular sample lattice over it that every isochrone of the
 * network shares: node and shape-point coordinates in metres east and north of a fixed anchor, and a
 * mask of the samples that lie in water.
 *
 * <p>The plane is equirectangular about the latitude of the network's middle ({@link LocalScale}):
 * across a district its distances differ from geodesic ones by well under 1 %, and a buffer of 25 m
 * is not sensitive to that. Sample (i, j) sits at (i·cell, j·cell) metres from the anchor, which lies
 * {@link #margin} south-west of the network's bounding box, so any sample within the buffer of a
 * street has non-negative indices below {@link #columns()} and {@link #rows()}.
 */
final class SampleLattice {

    final double cellMetres;
    final double lonAnchor;
    final double latAnchor;
    final double metresPerDegreeLon;
    final double metresPerDegreeLat;
    /** Half a cell in degrees of longitude and latitude, multiples of {@link #GRID}. */
    private final double halfStepLon;
    private final double halfStepLat;
    /** 2^-40 degrees (about 0.1 µm): anchor and steps lie on multiples of it. */
    private static final double GRID = 0x1p-40;
    /** Node n lies at (nodeX[n], nodeY[n]) metres from the anchor. */
    final double[] nodeX;
    final double[] nodeY;
    /** Edge e's inner vertices are shapeX/Y[shapeStart[e] .. shapeStart[e+1]). */
    final int[] shapeStart;
    final double[] shapeX;
    final double[] shapeY;
    private final int columns;
    private final int rows;
    /** One bit per sample, row-major; null when there is no water. */
    private final long[] water;

    SampleLattice(WalkingNetwork network, List<Geometry> waterAreas, double cellMetres, double marginMetres) {
        this.cellMetres = cellMetres;
        double minLon = Double.POSITIVE_INFINITY;
        double minLat = Double.POSITIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY;
        double maxLat = Double.NEGATIVE_INFINITY;
        for (int n = 0; n < network.nodeCount(); n++) {
            minLon = Math.min(minLon, network.nodeLon(n));
            maxLon = Math.max(maxLon, network.nodeLon(n));
            minLat = Math.min(minLat, network.nodeLat(n));
            maxLat = Math.max(maxLat, network.nodeLat(n));
        }
        for (int e = 0; e < network.edgeCount(); e++) {
            for (int i = 1, last = network.edgeVertexCount(e) - 1; i < last; i++) {
                minLon = Math.min(minLon, network.edgeVertexLon(e, i));
                maxLon = Math.max(maxLon, network.edgeVertexLon(e, i));
                minLat = Math.min(minLat, network.edgeVertexLat(e, i));
                maxLat = Math.max(maxLat, network.edgeVertexLat(e, i));
            }
        }
        if (network.nodeCount() == 0) {
            minLon = maxLon = 121.47;
            minLat = maxLat = 31.23;
        }
        LocalScale scale = LocalScale.at((minLat + maxLat) / 2);
        // The half-cell steps in degrees and the anchor are multiples of 2^-40 (the scale moves by at most
        // 1e-8 of itself, 10 µm a kilometre), so lonAtHalf/latAtHalf are exact in doubles: see there.
        halfStepLon = onGrid(cellMetres / 2 / scale.metresPerDegreeLon());
        halfStepLat = onGrid(cellMetres / 2 / scale.metresPerDegreeLat());
        metresPerDegreeLon = cellMetres / 2 / halfStepLon;
        metresPerDegreeLat = cellMetres / 2 / halfStepLat;
        lonAnchor = Math.rint((minLon - marginMetres / metresPerDegreeLon) / GRID) * GRID;
        latAnchor = Math.rint((minLat - marginMetres / metresPerDegreeLat) / GRID) * GRID;
        columns = (int) Math.ceil(((maxLon - minLon) * metresPerDegreeLon + 2 * marginMetres) / cellMetres) + 1;
        rows = (int) Math.ceil(((maxLat - minLat) * metresPerDegreeLat + 2 * marginMetres) / cellMetres) + 1;

        nodeX = new double[network.nodeCount()];
        nodeY = new double[network.nodeCount()];
        for (int n = 0; n < nodeX.length; n++) {
            nodeX[n] = x(network.nodeLon(n));
            nodeY[n] = y(network.nodeLat(n));
        }
        shapeStart = new int[network.edgeCount() + 1];
        for (int e = 0; e < network.edgeCount(); e++) {
            shapeStart[e + 1] = shapeStart[e] + network.edgeVertexCount(e) - 2;
        }
        shapeX = new double[shapeStart[network.edgeCount()]];
        shapeY = new double[shapeX.length];
        for (int e = 0; e < network.edgeCount(); e++) {
            for (int i = 1, last = network.edgeVertexCount(e) - 1; i < last; i++) {
                shapeX[shapeStart[e] + i - 1] = x(network.edgeVertexLon(e, i));
                shapeY[shapeStart[e] + i - 1] = y(network.edgeVertexLat(e, i));
            }
        }
        water = waterAreas.isEmpty() ? null : new long[(int) ((long) columns * rows + 63 >>> 6)];
        for (Geometry area : waterAreas) {
            for (int p = 0; p < area.getNumGeometries(); p++) {
                if (area.getGeometryN(p) instanceof Polygon polygon && !polygon.isEmpty()) {
                    markWater(polygon);
                }
            }
        }
    }

    double x(double lon) {
        return (lon - lonAnchor) * metresPerDegreeLon;
    }

    double y(double lat) {
        return (lat - latAnchor) * metresPerDegreeLat;
    }

    /**
     * The longitude of half-cell column {@code h} (sample column i is h = 2·i), exactly
     * {@code lonAnchor + h·halfStep}: anchor and step are multiples of 2^-40, and the product and the
     * sum are multiples of it of a few hundred degrees at most, far below 2^53 of them, so the double
     * arithmetic does not round. Longitude is therefore an exact affine function of h, and points
     * collinear on the half-cell lattice (in any direction) stay exactly collinear in WGS84 for JTS's
     * exact predicates.
     */
    double lonAtHalf(long h) {
        return lonAnchor + h * halfStepLon;
    }

    /** The latitude of half-cell row {@code h}, exact as {@link #lonAtHalf(long)}. */
    double latAtHalf(long h) {
        return latAnchor + h * halfStepLat;
    }

    private static double onGrid(double degrees) {
        return Math.max(GRID, Math.rint(degrees / GRID) * GRID);
    }

    int columns() {
        return columns;
    }

    int rows() {
        return rows;
    }

    boolean hasWater() {
        return water != null;
    }

    /** Whether sample (i, j) lies in water; samples off the lattice are dry. */
    boolean isWater(int i, int j) {
        if (water == null || i < 0 || j < 0 || i >= columns || j >= rows) {
            return false;
        }
        long bit = (long) j * columns + i;
        return (water[(int) (bit >>> 6)] & 1L << bit) != 0;
    }

    /**
     * The water bits of samples (i, j) to (i + 63, j) of row j, sample i + b as bit b; samples off the
     * lattice are dry. For {@link ReachField}, which sets rows of samples a word at a time.
     */
    long waterWord(int i, int j) {
        if (water == null || j < 0 || j >= rows || i >= columns || i <= -64) {
            return 0;
        }
        if (i < 0) {
            return waterWord(0, j) << -i;
        }
        long bit = (long) j * columns + i;
        int word = (int) (bit >>> 6);
        int shift = (int) (bit & 63);
        long value = water[word] >>> shift;
        if (shift != 0 && word + 1 < water.length) {
            value |= water[word + 1] << 64 - shift;
        }
        int inRow = columns - i;
        return inRow >= 64 ? value : value & (1L << inRow) - 1;
    }

    /** Scan-line fill: each row's crossings with all rings of the polygon, paired left to right (even–odd). */
    private void markWater(Polygon polygon) {
        int ringCount = polygon.getNumInteriorRing() + 1;
        double[][] ringX = new double[ringCount][];
        double[][] ringY = new double[ringCount][];
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < ringCount; r++) {
            LineString ring = r == 0 ? polygon.getExteriorRing() : polygon.getInteriorRingN(r - 1);
            Coordinate[] coordinates = ring.getCoordinates();
            ringX[r] = new double[coordinates.length];
            ringY[r] = new double[coordinates.length];
            for (int k = 0; k < coordinates.length; k++) {
                ringX[r][k] = x(coordinates[k].x);
                ringY[r][k] = y(coordinates[k].y);
                minY = Math.min(minY, ringY[r][k]);
                maxY = Math.max(maxY, ringY[r][k]);
            }
        }
        double[] crossings = new double[16];
        int firstRow = Math.max(0, (int) Math.ceil(minY / cellMetres));
        int lastRow = Math.min(rows - 1, (int) Math.floor(maxY / cellMetres));
        for (int j = firstRow; j <= lastRow; j++) {
            double y = j * cellMetres;
            int count = 0;
            for (int r = 0; r < ringCount; r++) {
                double[] xs = ringX[r];
                double[] ys = ringY[r];
                for (int k = 1; k < xs.length; k++) {
                    // Half-open in y, so a vertex on the scan line counts once.
                    if (ys[k - 1] <= y != ys[k] <= y) {
                        if (count == crossings.length) {
                            crossings = Arrays.copyOf(crossings, 2 * count);
                        }
                        crossings[count++] = xs[k - 1] + (y - ys[k - 1]) / (ys[k] - ys[k - 1]) * (xs[k] - xs[k - 1]);
                    }
                }
            }
            Arrays.sort(crossings, 0, count);
            for (int c = 0; c + 1 < count; c += 2) {
                int from = Math.max(0, (int) Math.ceil(crossings[c] / cellMetres));
                int to = Math.min(columns - 1, (int) Math.floor(crossings[c + 1] / cellMetres));
                for (int i = from; i <= to; i++) {
                    long bit = (long) j * columns + i;
                    water[(int) (bit >>> 6)] |= 1L << bit;
                }
            }
        }
    }
}
