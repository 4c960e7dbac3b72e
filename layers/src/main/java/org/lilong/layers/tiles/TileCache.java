package org.lilong.layers.tiles;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Encoded tiles, least recently used first out once their bytes pass the bound. Each entry counts
 * its MVT bytes plus {@value #ENTRY_OVERHEAD_BYTES} for the key and bookkeeping, so that even empty
 * tiles cannot grow it without bound. Not thread-safe: {@link TileService} guards it with its lock,
 * the same one under which it swaps layer snapshots, which is what keeps a stale tile out.
 */
final class TileCache {

    static final int ENTRY_OVERHEAD_BYTES = 160;

    private final long maxBytes;
    private final LinkedHashMap<TileKey, EncodedTile> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;
    private long evictions;
    private long invalidations;

    TileCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    EncodedTile get(TileKey key) {
        EncodedTile tile = entries.get(key);
        if (tile == null) {
            misses++;
        } else {
            hits++;
        }
        return tile;
    }

    void put(TileKey key, EncodedTile tile) {
        long size = sizeOf(tile);
        if (size > maxBytes) {
            return;
        }
        EncodedTile previous = entries.put(key, tile);
        if (previous != null) {
            bytes -= sizeOf(previous);
        }
        bytes += size;
        Iterator<Map.Entry<TileKey, EncodedTile>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            Map.Entry<TileKey, EncodedTile> entry = eldest.next();
            bytes -= sizeOf(entry.getValue());
            eldest.remove();
            evictions++;
        }
    }

    /** Drops every entry whose key the test accepts; returns how many. */
    int invalidate(Predicate<TileKey> touched) {
        int dropped = 0;
        for (Iterator<Map.Entry<TileKey, EncodedTile>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<TileKey, EncodedTile> entry = it.next();
            if (touched.test(entry.getKey())) {
                bytes -= sizeOf(entry.getValue());
                it.remove();
                dropped++;
            }
        }
        invalidations += dropped;
        return dropped;
    }

    TileCacheStats stats() {
        return new TileCacheStats(hits, misses, entries.size(), bytes, maxBytes, evictions, invalidations);
    }

    private static long sizeOf(EncodedTile tile) {
        return tile.bytes().length + ENTRY_OVERHEAD_BYTES;
    }
}
