package org.lilong.layers.tiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.Visibility;
import org.lilong.layers.spatial.LayerIndex;

/**
 * Vector tiles of the atlas's layers, cached and never stale.
 *
 * <p>Per layer it keeps a {@link LayerTiles} snapshot: the layer index it was made from and that
 * index projected into each datum asked for so far. After each atlas refresh (this server's edits,
 * and other servers' through the store's change notices, which only name layers) it diffs the old
 * projection against the new index by feature id, swaps the new snapshot in, and drops exactly the
 * cached tiles (any zoom, that datum, any audience) whose buffered bounds the old or new geometry
 * of a changed feature meets ({@link CacheInvalidation}).
 *
 * <p>A tile encoded from a snapshot that was replaced while it was being encoded is not cached:
 * it is stored only if each of its layers still has the snapshot it was made from, checked under
 * the lock the swap and invalidation hold. So an edit is either seen by the encode, or invalidates
 * its result, or keeps it out of the cache.
 */
public final class TileService implements AutoCloseable {

    /** The large layers the map page draws from tiles rather than as GeoJSON. */
    public static final List<String> PAGE_LAYERS = List.of(LayerCatalogue.WATER, LayerCatalogue.STREETS,
            LayerCatalogue.RESIDENTIAL_AREAS, LayerCatalogue.GRIDS);

    private static final EncodedTile EMPTY = EncodedTile.of(new byte[0]);

    private final Atlas atlas;
    /** Null when caching is off. Guarded by {@link #lock}. */
    private final TileCache cache;
    private final Map<String, LayerTiles> layers = new ConcurrentHashMap<>();
    /** Guards the cache, and the swap of a layer's snapshot with the invalidation it causes. */
    private final Object lock = new Object();
    /** Serialises making and updating snapshots (refreshes may come from several threads). */
    private final Object updating = new Object();
    private final Runnable afterEncode;
    private final Consumer<Set<String>> listener = this::refreshed;

    /**
     * Tiles of the atlas's layers, with a cache of at most {@code cacheBytes} (0: no cache); follows
     * the atlas's refreshes from now on.
     */
    public TileService(Atlas atlas, long cacheBytes) {
        this(atlas, cacheBytes, () -> { });
    }

    /** As {@link #TileService(Atlas, long)}, running {@code afterEncode} between encoding a tile and caching it (tests). */
    TileService(Atlas atlas, long cacheBytes, Runnable afterEncode) {
        if (cacheBytes < 0) {
            throw new IllegalArgumentException("negative cache size: " + cacheBytes);
        }
        this.atlas = atlas;
        this.cache = cacheBytes == 0 ? null : new TileCache(cacheBytes);
        this.afterEncode = afterEncode;
        atlas.addRefreshListener(listener);
    }

    /** Stops following the atlas (the server using these tiles stopped); the cache is left to the collector. */
    @Override
    public void close() {
        atlas.removeRefreshListener(listener);
    }

    /**
     * The tile of the given layers, in their order, each only if the zoom lies in its
     * {@link TileZoomRange}, with the attributes the audience may see; empty when nothing is drawn.
     *
     * @throws org.lilong.layers.model.UnknownLayerException for a layer not in the catalogue
     * @throws IllegalArgumentException when the tile is outside the tile matrix
     */
    public EncodedTile tile(List<String> layerIds, TileAddress tile, TileCrs crs, Visibility audience) {
        if (!tile.inMatrix()) {
            throw new IllegalArgumentException("no such tile: " + tile);
        }
        List<String> drawn = new ArrayList<>(layerIds.size());
        for (String layerId : layerIds) {
            String id = atlas.layer(layerId).id();
            if (TileZoomRange.of(id).contains(tile.z())) {
                drawn.add(id);
            }
        }
        if (drawn.isEmpty()) {
            return EMPTY;
        }
        TileKey key = new TileKey(drawn, tile, crs.id(), audience);
        if (cache != null) {
            synchronized (lock) {
                EncodedTile cached = cache.get(key);
                if (cached != null) {
                    return cached;
                }
            }
        }
        List<LayerTiles> snapshots = new ArrayList<>(drawn.size());
        List<TileEncoder.Source> sources = new ArrayList<>(drawn.size());
        for (String id : drawn) {
            LayerTiles snapshot = snapshot(id);
            snapshots.add(snapshot);
            sources.add(new TileEncoder.Source(atlas.layer(id), projection(snapshot, crs)));
        }
        byte[] bytes = TileEncoder.encode(sources, tile, audience);
        EncodedTile encoded = bytes.length == 0 ? EMPTY : EncodedTile.of(bytes);
        afterEncode.run();
        if (cache != null) {
            synchronized (lock) {
                if (stillCurrent(drawn, snapshots)) {
                    cache.put(key, encoded);
                }
            }
        }
        return encoded;
    }

    /** The cache's counters; all zero when caching is off. */
    public TileCacheStats cacheStats() {
        if (cache == null) {
            return new TileCacheStats(0, 0, 0, 0, 0, 0, 0);
        }
        synchronized (lock) {
            return cache.stats();
        }
    }

    /**
     * Projects the layers now, in WGS84, rather than on the first tile request (a city-sized layer
     * takes a moment).
     */
    public void prepare(List<String> layerIds) {
        for (String layerId : layerIds) {
            projection(snapshot(atlas.layer(layerId).id()), TileCrs.WGS84);
        }
    }

    private boolean stillCurrent(List<String> ids, List<LayerTiles> snapshots) {
        for (int i = 0; i < ids.size(); i++) {
            if (layers.get(ids.get(i)) != snapshots.get(i)) {
                return false;
            }
        }
        return true;
    }

    private LayerTiles snapshot(String layerId) {
        LayerTiles snapshot = layers.get(layerId);
        if (snapshot != null) {
            return snapshot;
        }
        synchronized (updating) {
            // Read the index under the lock refreshes hold: a refresh that swapped the atlas's index
            // before this read is seen here; one after it will find this snapshot and update it.
            return layers.computeIfAbsent(layerId, id -> new LayerTiles(atlas.index(id), atlas.layer(id)));
        }
    }

    private ProjectedLayer projection(LayerTiles snapshot, TileCrs crs) {
        ProjectedLayer projected = snapshot.projectedIfMade(crs);
        if (projected != null) {
            return projected;
        }
        synchronized (updating) {
            // Not while a refresh updates this snapshot's projections: it would miss this one.
            return snapshot.projected(crs);
        }
    }

    private void refreshed(Set<String> layerIds) {
        synchronized (updating) {
            for (String layerId : layerIds) {
                LayerTiles current = layers.get(layerId);
                if (current == null) {
                    continue;
                }
                LayerIndex next = atlas.index(layerId);
                if (next == current.source()) {
                    continue;
                }
                LayerTiles.Update update = current.update(next);
                synchronized (lock) {
                    layers.put(layerId, update.snapshot());
                    if (cache != null && !update.changes().isEmpty()) {
                        cache.invalidate(new CacheInvalidation(layerId, update.changes()));
                    }
                }
            }
        }
    }
}
