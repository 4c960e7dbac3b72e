package org.lilong.layers.spatial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.lilong.layers.model.Feature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable, spatially indexed snapshot of one layer's features. A write builds a new index and
 * swaps it in, so readers never see a half-updated layer and need no locks.
 *
 * <p>Features are kept in id order; a query returns matches in that order, so paging is stable.
 */
public final class LayerIndex {

    private final Feature[] features;
    private final long[] ids;
    private final STRtree tree;
    private final Envelope extent;

    public LayerIndex(List<Feature> features) {
        this.features = features.toArray(Feature[]::new);
        Arrays.sort(this.features, Comparator.comparingLong(Feature::id));
        this.ids = Arrays.stream(this.features).mapToLong(Feature::id).toArray();
        this.extent = new Envelope();
        // STRtree's node capacity 10 keeps trees of a few thousand features shallow; entries are
        // positions in the id-ordered array so that query results can be sorted cheaply.
        this.tree = new STRtree(10);
        for (int i = 0; i < this.features.length; i++) {
            Envelope envelope = this.features[i].geometry().getEnvelopeInternal();
            extent.expandToInclude(envelope);
            tree.insert(envelope, i);
        }
        tree.build();
    }

    public static LayerIndex empty() {
        return new LayerIndex(List.of());
    }

    public int size() {
        return features.length;
    }

    /** The bounding box of all features; null envelope when the layer is empty. */
    public Envelope extent() {
        return new Envelope(extent);
    }

    public List<Feature> all() {
        return Arrays.asList(features);
    }

    public Optional<Feature> byId(long id) {
        int position = Arrays.binarySearch(ids, id);
        return position < 0 ? Optional.empty() : Optional.of(features[position]);
    }

    /** Features whose geometry intersects the box (not merely its envelope), in id order. */
    public List<Feature> intersecting(Envelope box) {
        List<Integer> candidates = candidates(box);
        Geometry boxGeometry = GeometryFactories.WGS84.toGeometry(box);
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(boxGeometry);
        List<Feature> result = new ArrayList<>(candidates.size());
        for (int position : candidates) {
            Feature feature = features[position];
            if (box.contains(feature.geometry().getEnvelopeInternal()) || prepared.intersects(feature.geometry())) {
                result.add(feature);
            }
        }
        return result;
    }

    /** Features whose geometry contains the point (boundary included), in id order. */
    public List<Feature> covering(Geometry point) {
        List<Integer> candidates = candidates(point.getEnvelopeInternal());
        List<Feature> result = new ArrayList<>();
        for (int position : candidates) {
            if (features[position].geometry().covers(point)) {
                result.add(features[position]);
            }
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private List<Integer> candidates(Envelope box) {
        List<Integer> hits = tree.query(box);
        hits.sort(Comparator.naturalOrder());
        return hits;
    }
}
