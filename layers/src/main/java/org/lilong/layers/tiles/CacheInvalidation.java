package org.lilong.layers.tiles;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.lilong.layers.spatial.GeometryFactories;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which cached tiles an edit of one layer makes stale: those drawing that layer, in a datum in which
 * some changed feature's old or new geometry meets the tile with its buffer. Geometries are tested
 * exactly (a prepared geometry against the tile square), not by their envelopes, so a diagonal
 * street does not take the tiles beside it along.
 */
final class CacheInvalidation implements Predicate<TileKey> {

    private static final GeometryFactory WORLD = GeometryFactories.WGS84;

    private final String layerId;
    private final Map<String, STRtree> changedByCrs = new HashMap<>();

    /** @param changes per datum id, the old and new projections of the changed features */
    CacheInvalidation(String layerId, Map<String, List<ProjectedFeature>> changes) {
        this.layerId = layerId;
        changes.forEach((crs, features) -> {
            STRtree tree = new STRtree();
            for (ProjectedFeature feature : features) {
                tree.insert(feature.envelope(), new Changed(feature.envelope(), feature));
            }
            tree.build();
            changedByCrs.put(crs, tree);
        });
    }

    @Override
    public boolean test(TileKey key) {
        STRtree changed = changedByCrs.get(key.crs());
        if (changed == null || !key.layerIds().contains(layerId)) {
            return false;
        }
        Envelope bounds = key.tile().bufferedWorldBounds();
        List<?> candidates = changed.query(bounds);
        for (Object candidate : candidates) {
            if (((Changed) candidate).touches(bounds)) {
                return true;
            }
        }
        return false;
    }

    /** A changed geometry, prepared on first use (many edits touch no cached tile at all). */
    private static final class Changed {
        private final Envelope envelope;
        private final ProjectedFeature feature;
        private PreparedGeometry prepared;

        Changed(Envelope envelope, ProjectedFeature feature) {
            this.envelope = envelope;
            this.feature = feature;
        }

        boolean touches(Envelope bounds) {
            if (!envelope.intersects(bounds)) {
                return false;
            }
            if (bounds.covers(envelope)) {
                return true;
            }
            if (prepared == null) {
                prepared = PreparedGeometryFactory.prepare(feature.toWorldGeometry(WORLD));
            }
            return prepared.intersects(WORLD.toGeometry(bounds));
        }
    }

}
