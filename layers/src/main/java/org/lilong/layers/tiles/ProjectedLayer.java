package org.lilong.layers.tiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.spatial.LayerIndex;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.hprtree.HPRtree;
import org.locationtech.jts.index.hprtree.HilbertEncoder;

/**
 * One layer snapshot projected into one datum: its drawable features along a Hilbert curve through
 * their centres (ties by id), and a packed Hilbert R-tree over their world envelopes. A tile walks
 * its features in that order, so it comes out byte for byte the same for the same data, and
 * neighbours in the tile are mostly neighbours in memory too (projected once in that order), which
 * saves more time than any arithmetic in cutting a tile of thousands of buildings. Immutable;
 * {@link #update} makes the next one, reusing the projection of every unchanged feature.
 */
final class ProjectedLayer {

    private final LayerIndex source;
    private final TileCrs crs;
    private final LayerDefinition layer;
    private final ProjectedFeature[] features;
    private final HPRtree tree;
    private final ValueDictionary values;
    /** 2^16 cells a side over the world: about 600 m at the equator, a z16 tile. */
    private static final HilbertEncoder WORLD_CURVE = new HilbertEncoder(16, new Envelope(0, 1, 0, 1));

    private ProjectedLayer(LayerIndex source, TileCrs crs, LayerDefinition layer, ProjectedFeature[] features) {
        this.source = source;
        this.crs = crs;
        this.layer = layer;
        this.features = alongHilbertCurve(features);
        this.tree = new HPRtree();
        for (int i = 0; i < this.features.length; i++) {
            tree.insert(this.features[i].envelope(), i);
        }
        // Built now: HPRtree would otherwise build itself on the first query, racing other readers.
        tree.build();
        this.values = ValueDictionary.of(this.features, layer.attributes().size());
    }

    /** The layer's attribute values, numbered per feature position. */
    ValueDictionary values() {
        return values;
    }

    static ProjectedLayer of(LayerIndex source, TileCrs crs, LayerDefinition layer) {
        List<ProjectedFeature> projected = new ArrayList<>(source.size());
        for (Feature feature : alongHilbertCurve(source)) {
            ProjectedFeature p = ProjectedFeature.of(feature, layer, crs.shift());
            if (p != null) {
                projected.add(p);
            }
        }
        return new ProjectedLayer(source, crs, layer, projected.toArray(ProjectedFeature[]::new));
    }

    LayerIndex source() {
        return source;
    }

    int size() {
        return features.length;
    }

    ProjectedFeature feature(int position) {
        return features[position];
    }

    /** Positions of the features whose envelope meets the box, ascending (along the Hilbert curve). */
    int[] positionsIntersecting(Envelope box) {
        IntList hits = new IntList();
        // HPRtree compares each item's own envelope with the box before visiting it.
        tree.query(box, item -> hits.add((Integer) item));
        int[] positions = hits.toArray();
        Arrays.sort(positions);
        return positions;
    }

    /**
     * The projection of {@code next}, with the features that differ from this snapshot: for each id
     * added, removed or changed (geometry or attributes), its old and/or new projection.
     */
    Update update(LayerIndex next) {
        ProjectedFeature[] features = this.features.clone();
        Arrays.sort(features, Comparator.comparingLong(ProjectedFeature::id));
        List<Feature> newFeatures = next.all();
        List<ProjectedFeature> kept = new ArrayList<>(newFeatures.size());
        List<ProjectedFeature> changed = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < features.length || j < newFeatures.size()) {
            ProjectedFeature old = i < features.length ? features[i] : null;
            Feature fresh = j < newFeatures.size() ? newFeatures.get(j) : null;
            if (fresh == null || (old != null && old.id() < fresh.id())) {
                changed.add(old);
                i++;
            } else if (old == null || fresh.id() < old.id()) {
                add(fresh, kept, changed);
                j++;
            } else {
                if (old.source == fresh || old.source.equals(fresh)) {
                    kept.add(old);
                } else {
                    changed.add(old);
                    add(fresh, kept, changed);
                }
                i++;
                j++;
            }
        }
        ProjectedLayer updated = changed.isEmpty()
                ? new ProjectedLayer(next, crs, layer, this.features)
                : new ProjectedLayer(next, crs, layer, kept.toArray(ProjectedFeature[]::new));
        return new Update(updated, changed);
    }

    /**
     * The features sorted by the Hilbert index of their envelope's centre on a fixed grid over the
     * whole world (so the order of two features never depends on the others), ties by id.
     */
    private static ProjectedFeature[] alongHilbertCurve(ProjectedFeature[] features) {
        int[] keys = new int[features.length];
        Integer[] order = new Integer[features.length];
        for (int i = 0; i < features.length; i++) {
            keys[i] = WORLD_CURVE.encode(new Envelope(features[i].envelope().centre()));
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> keys[i]).thenComparingLong(i -> features[i].id()));
        ProjectedFeature[] sorted = new ProjectedFeature[features.length];
        for (int i = 0; i < order.length; i++) {
            sorted[i] = features[order[i]];
        }
        return sorted;
    }

    /** The source features in about the order {@link #alongHilbertCurve} keeps, so that they are projected in it. */
    private static List<Feature> alongHilbertCurve(LayerIndex source) {
        List<Feature> all = source.all();
        long[] keys = new long[all.size()];
        for (int i = 0; i < keys.length; i++) {
            var centre = all.get(i).geometry().getEnvelopeInternal().centre();
            Envelope world = new Envelope(new org.locationtech.jts.geom.Coordinate(WebMercator.x(centre.x), WebMercator.y(centre.y)));
            keys[i] = ((long) WORLD_CURVE.encode(world) << 32) | i;
        }
        Arrays.sort(keys);
        List<Feature> sorted = new ArrayList<>(keys.length);
        for (long key : keys) {
            sorted.add(all.get((int) key));
        }
        return sorted;
    }

    private void add(Feature feature, List<ProjectedFeature> kept, List<ProjectedFeature> changed) {
        ProjectedFeature projected = ProjectedFeature.of(feature, layer, crs.shift());
        if (projected != null) {
            kept.add(projected);
            changed.add(projected);
        }
    }

    /** The next snapshot and the projections (old and new) of the features that changed. */
    record Update(ProjectedLayer layer, List<ProjectedFeature> changed) {
    }
}
