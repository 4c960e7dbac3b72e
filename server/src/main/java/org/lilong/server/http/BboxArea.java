package org.lilong.server.http;

import java.util.ArrayList;
import java.util.List;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.Feature;
import org.lilong.layers.query.FeaturePage;
import org.lilong.layers.query.FeatureQuery;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.prep.PreparedGeometry;

/**
 * The area a {@code bbox} selects, in WGS84: the box the index is asked for and, when the client's
 * box is not a longitude/latitude rectangle (a box in EPSG:4549 is a slightly turned quadrilateral
 * in WGS84, about 0.8° at Shanghai), the exact area that decides which of those features match.
 *
 * @param envelope the WGS84 box around the area, or null when the request has no bbox
 * @param exact the area itself, or null when the envelope is the area
 */
record BboxArea(Envelope envelope, PreparedGeometry exact) {

    static final BboxArea EVERYWHERE = new BboxArea(null, null);

    /**
     * The page of {@code query} (whose bbox is {@link #envelope}) over the exact area: the
     * envelope's matches filtered by the area, then paged, so counts and pages stay consistent.
     */
    FeaturePage select(Atlas atlas, String layerId, FeatureQuery query) {
        if (exact == null) {
            return atlas.query(layerId, query);
        }
        FeaturePage all = atlas.query(layerId, new FeatureQuery(query.bbox(), query.propertyEquals(), query.datetime(), 0,
                Integer.MAX_VALUE));
        List<Feature> inside = new ArrayList<>();
        for (Feature feature : all.features()) {
            if (exact.intersects(feature.geometry())) {
                inside.add(feature);
            }
        }
        int from = Math.min(query.offset(), inside.size());
        int to = (int) Math.min((long) from + query.limit(), inside.size());
        return new FeaturePage(List.copyOf(inside.subList(from, to)), inside.size(), query.offset());
    }
}
