package org.lilong.layers.tiles;

import org.locationtech.jts.geom.Envelope;

/**
 * One tile of the Web Mercator tile matrix set (OGC WebMercatorQuad, as XYZ: row 0 at the top).
 * The constructor accepts any numbers; {@link #inMatrix()} says whether the tile exists.
 */
public record TileAddress(int z, int x, int y) {

    /** The deepest zoom served. */
    public static final int MAX_ZOOM = 22;
    /** Tile units across a tile (MVT extent). */
    public static final int EXTENT = 4096;
    /** Tile units drawn around the tile, so that lines and polygons join across tile edges. */
    public static final int BUFFER = 64;

    /** Whether the zoom lies in 0–{@link #MAX_ZOOM} and the column and row in 0–2<sup>z</sup>−1. */
    public boolean inMatrix() {
        if (z < 0 || z > MAX_ZOOM) {
            return false;
        }
        long size = 1L << z;
        return x >= 0 && y >= 0 && x < size && y < size;
    }

    /** Tile units per world unit at this zoom. */
    public double scale() {
        return EXTENT * (double) (1L << z);
    }

    /** The tile with its buffer, in {@link WebMercator} world units. */
    public Envelope bufferedWorldBounds() {
        double size = 1.0 / (1L << z);
        double margin = size * BUFFER / EXTENT;
        return new Envelope(x * size - margin, (x + 1) * size + margin, y * size - margin, (y + 1) * size + margin);
    }

    /** The tile without buffer, as longitude/latitude (x = longitude). */
    public Envelope lonLatBounds() {
        double size = 1.0 / (1L << z);
        return new Envelope(WebMercator.lon(x * size), WebMercator.lon((x + 1) * size),
                WebMercator.lat((y + 1) * size), WebMercator.lat(y * size));
    }

    @Override
    public String toString() {
        return z + "/" + x + "/" + y;
    }
}
