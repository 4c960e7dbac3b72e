package org.lilong.layers.tiles;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.spatial.LayerIndex;

/**
 * One layer snapshot for tiling: the layer index it was made from and its projection into each
 * datum asked for so far (made on first use). Replaced whole after a refresh, never changed, so
 * that its identity stamps the tiles made from it.
 */
final class LayerTiles {

    private final LayerIndex source;
    private final LayerDefinition layer;
    private final Map<String, ProjectedLayer> byCrs = new ConcurrentHashMap<>();

    LayerTiles(LayerIndex source, LayerDefinition layer) {
        this.source = source;
        this.layer = layer;
    }

    private LayerTiles(LayerIndex source, LayerDefinition layer, Map<String, ProjectedLayer> projections) {
        this.source = source;
        this.layer = layer;
        this.byCrs.putAll(projections);
    }

    LayerIndex source() {
        return source;
    }

    /** The projection into the datum, made now if it is the first ask (callers serialise that with refreshes). */
    ProjectedLayer projected(TileCrs crs) {
        return byCrs.computeIfAbsent(crs.id(), id -> ProjectedLayer.of(source, crs, layer));
    }

    /** The projection into the datum, or null if none was asked for yet. */
    ProjectedLayer projectedIfMade(TileCrs crs) {
        return byCrs.get(crs.id());
    }

    /** The snapshot of {@code next}, re-projecting only what changed, and the changes per datum. */
    Update update(LayerIndex next) {
        Map<String, ProjectedLayer> projections = new HashMap<>();
        Map<String, List<ProjectedFeature>> changes = new HashMap<>();
        byCrs.forEach((crs, projected) -> {
            ProjectedLayer.Update update = projected.update(next);
            projections.put(crs, update.layer());
            if (!update.changed().isEmpty()) {
                changes.put(crs, update.changed());
            }
        });
        return new Update(new LayerTiles(next, layer, projections), changes);
    }

    /** @param changes per datum id, the old and new projections of the features that changed */
    record Update(LayerTiles snapshot, Map<String, List<ProjectedFeature>> changes) {
    }
}
