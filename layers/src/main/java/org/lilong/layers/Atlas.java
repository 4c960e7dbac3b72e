package org.lilong.layers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.model.UnknownLayerException;
import org.lilong.layers.query.FeatureFilter;
import org.lilong.layers.query.FeaturePage;
import org.lilong.layers.query.FeatureQuery;
import org.lilong.layers.query.GridLocator;
import org.lilong.layers.query.Whereabouts;
import org.lilong.layers.spatial.LayerIndex;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.FeatureStore;

/**
 * The layers as the rest of Lilong sees them: a store, which is the source of truth, and an
 * in-memory spatially indexed read model of every layer, loaded at start and refreshed from the
 * store after each committed write.
 */
public final class Atlas implements AutoCloseable {

    private final FeatureStore store;
    private final Map<String, LayerIndex> indexes = new ConcurrentHashMap<>();
    private volatile Map<String, String> metadata;

    public Atlas(FeatureStore store) {
        this.store = store;
        refresh(Set.copyOf(store.catalogue().layers().stream().map(LayerDefinition::id).toList()));
    }

    public LayerCatalogue catalogue() {
        return store.catalogue();
    }

    public LayerDefinition layer(String layerId) {
        return store.catalogue().find(layerId).orElseThrow(() -> new UnknownLayerException(layerId));
    }

    public LayerIndex index(String layerId) {
        LayerIndex index = indexes.get(layer(layerId).id());
        return index == null ? LayerIndex.empty() : index;
    }

    public FeaturePage query(String layerId, FeatureQuery query) {
        return FeatureFilter.run(layer(layerId), index(layerId), query);
    }

    public Optional<Feature> feature(String layerId, long featureId) {
        return index(layerId).byId(featureId);
    }

    public Whereabouts locate(double lon, double lat) {
        return new GridLocator(index(LayerCatalogue.GRIDS), index(LayerCatalogue.RESIDENTIAL_AREAS),
                index(LayerCatalogue.SUBDISTRICTS)).locate(lon, lat);
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    /** Writes the changes in one transaction, then refreshes the read model of the layers they touch. */
    public List<Feature> apply(ChangeSet changes) {
        List<Feature> stored = store.apply(changes);
        refresh(changes.layerIds());
        return stored;
    }

    /** Reloads the named layers (and the metadata) from the store. */
    public void refresh(Set<String> layerIds) {
        for (String layerId : layerIds) {
            indexes.put(layerId, new LayerIndex(store.readAll(layerId)));
        }
        metadata = Map.copyOf(store.metadata());
    }

    public boolean isEmpty() {
        return indexes.values().stream().allMatch(i -> i.size() == 0);
    }

    @Override
    public void close() {
        store.close();
    }
}
