package org.lilong.layers.tiles;

/**
 * A snapshot of the tile cache's counters since start.
 *
 * @param bytes the bytes held now, as counted against the bound (tile bytes plus a fixed overhead per entry)
 * @param invalidations entries dropped because an edit touched their tile
 */
public record TileCacheStats(long hits, long misses, long entries, long bytes, long maxBytes, long evictions, long invalidations) {
}
