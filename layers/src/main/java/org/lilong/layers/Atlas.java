package org.lilong.layers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.lilong.layers.accounts.AccountStore;
import org.lilong.layers.coverage.CoverageAnalysis;
import org.lilong.layers.lifecircle.LifeCircleAnalysis;
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
import org.lilong.layers.standard.LifeCircleProfile;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.FeatureStore;
import org.lilong.layers.store.HistoryEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The layers as the rest of Lilong sees them: a store, which is the source of truth, and an
 * in-memory spatially indexed read model of every layer, loaded at start and refreshed from the
 * store after each committed write, this atlas's own and (for a shared database) other servers'.
 *
 * <p>Reads never touch the store, so they go on being answered from the read model while the store
 * is unreachable; writes then fail with {@link org.lilong.layers.store.StoreException}.
 */
public final class Atlas implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Atlas.class);

    private final FeatureStore store;
    private final Map<String, LayerIndex> indexes = new ConcurrentHashMap<>();
    private final List<Consumer<Set<String>>> refreshListeners = new CopyOnWriteArrayList<>();
    /** Serialises refreshes, so that a slow one reading older data never replaces a newer one's result. */
    private final Object refreshing = new Object();
    private volatile Map<String, String> metadata;
    private volatile boolean closed;
    private final LifeCircleProfile profile;
    /** Built on first use from the read model and dropped when one of its source layers is refreshed. */
    private volatile LifeCircleAnalysis lifeCircle;
    private final Object buildingLifeCircle = new Object();
    /** Built on first use over {@link #lifeCircle()}; dropped with it, or when residential areas or grids refresh. */
    private volatile CoverageAnalysis coverage;

    /**
     * Loads every layer of the store and follows its external changes; takes ownership of the store,
     * which {@link #close()} closes (and so does a failure to load).
     *
     * @throws org.lilong.layers.store.StoreException when the store cannot be read
     */
    public Atlas(FeatureStore store) {
        this(store, LifeCircleProfile.defaults());
    }

    /** As {@link #Atlas(FeatureStore)}, with a life-circle profile other than the default one. */
    public Atlas(FeatureStore store, LifeCircleProfile profile) {
        this.store = store;
        this.profile = profile;
        try {
            // Listen first, then load: a commit between the two is then refreshed, not missed.
            store.onExternalChange(this::refreshQuietly);
            refresh(allLayerIds());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
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

    /**
     * The walking network, isochrones and facility checklist over the current read model: built on
     * first use (the network of the streets layer, water, facilities), then reused until one of
     * {@link LifeCircleAnalysis#SOURCE_LAYERS} changes.
     */
    public LifeCircleAnalysis lifeCircle() {
        LifeCircleAnalysis current = lifeCircle;
        if (current != null) {
            return current;
        }
        synchronized (buildingLifeCircle) {
            if (lifeCircle == null) {
                lifeCircle = LifeCircleAnalysis.build(index(LayerCatalogue.STREETS).all(),
                        index(LayerCatalogue.WATER).all(), index(LayerCatalogue.SERVICE_STATIONS).all(),
                        index(LayerCatalogue.POCKET_PARKS).all(), profile);
            }
            return lifeCircle;
        }
    }

    /**
     * Coverage gaps per facility category over the current read model: built on first use from
     * {@link #lifeCircle()}, the residential areas and the grids, then reused until one of them changes.
     */
    public CoverageAnalysis coverage() {
        CoverageAnalysis current = coverage;
        if (current != null) {
            return current;
        }
        LifeCircleAnalysis walking = lifeCircle();
        synchronized (buildingLifeCircle) {
            if (coverage == null && lifeCircle == walking) {
                coverage = CoverageAnalysis.build(walking, index(LayerCatalogue.RESIDENTIAL_AREAS).all(),
                        index(LayerCatalogue.GRIDS).all());
            }
            return coverage != null ? coverage : CoverageAnalysis.build(walking,
                    index(LayerCatalogue.RESIDENTIAL_AREAS).all(), index(LayerCatalogue.GRIDS).all());
        }
    }

    public LifeCircleProfile profile() {
        return profile;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * Writes the changes in one transaction, then refreshes the read model of the layers they touch.
     * Once the store has committed, a failure to refresh is logged rather than thrown (the write
     * happened; reporting it as failed would invite a duplicate retry).
     *
     * @throws org.lilong.layers.store.InvalidChangeException when a change breaks the layer's schema; nothing is written
     * @throws org.lilong.layers.store.StoreException when the store fails or is unreachable; nothing is written
     */
    public List<Feature> apply(ChangeSet changes) {
        List<Feature> stored = store.apply(changes);
        refreshQuietly(changes.layerIds());
        return stored;
    }

    /**
     * Reloads the named layers (and the metadata) from the store, then tells the refresh listeners.
     *
     * @throws org.lilong.layers.store.StoreException when the store cannot be read; layers already reloaded stay so
     */
    public void refresh(Set<String> layerIds) {
        synchronized (refreshing) {
            for (String layerId : layerIds) {
                indexes.put(layerId, new LayerIndex(store.readAll(layerId)));
            }
            metadata = Map.copyOf(store.metadata());
            boolean walkingChanged = layerIds.stream().anyMatch(LifeCircleAnalysis.SOURCE_LAYERS::contains);
            if (walkingChanged || layerIds.stream().anyMatch(CoverageAnalysis.UNIT_LAYERS::contains)) {
                synchronized (buildingLifeCircle) {
                    if (walkingChanged) {
                        lifeCircle = null;
                    }
                    coverage = null;
                }
            }
        }
        Set<String> refreshed = Set.copyOf(layerIds);
        for (Consumer<Set<String>> listener : refreshListeners) {
            try {
                listener.accept(refreshed);
            } catch (RuntimeException e) {
                LOG.warn("a refresh listener failed", e);
            }
        }
    }

    /**
     * {@link #refresh} of the catalogue's layers among {@code layerIds} (others are ignored: a
     * server with a newer catalogue may share the database), logging instead of throwing when the
     * store cannot be read, so the read model keeps serving what it holds.
     */
    private void refreshQuietly(Set<String> layerIds) {
        if (closed) {
            return;
        }
        Set<String> known = new TreeSet<>(layerIds);
        known.retainAll(allLayerIds());
        try {
            refresh(known);
        } catch (RuntimeException e) {
            if (closed) {
                return;
            }
            LOG.warn("cannot refresh layers {} from {}; serving the read model as it was: {}", known, store, e.getMessage());
        }
    }

    /**
     * Calls the listener after each refresh completes, with the ids of the layers it reloaded (empty
     * when only the metadata was): after this atlas's writes and after changes other servers made.
     */
    public void addRefreshListener(Consumer<Set<String>> listener) {
        refreshListeners.add(listener);
    }

    /** Stops calling a listener given to {@link #addRefreshListener} (a server that stops, say). */
    public void removeRefreshListener(Consumer<Set<String>> listener) {
        refreshListeners.remove(listener);
    }

    private Set<String> allLayerIds() {
        return Set.copyOf(store.catalogue().layers().stream().map(LayerDefinition::id).toList());
    }

    /**
     * Every recorded version of a feature, oldest first, from the store (history is not part of the
     * read model).
     *
     * @throws UnknownLayerException for a layer the catalogue does not have
     */
    public List<HistoryEntry> history(String layerId, long featureId) {
        layer(layerId);
        return store.history(layerId, featureId);
    }

    /** The accounts kept with the layers (they are not part of the read model: logins always ask the store). */
    public AccountStore accountStore() {
        return store.accounts();
    }

    /** The codes of the sub-districts in the read model: what an editor's scope may name. */
    public Set<String> subdistrictCodes() {
        Set<String> codes = new TreeSet<>();
        for (Feature subdistrict : index(LayerCatalogue.SUBDISTRICTS).all()) {
            String code = subdistrict.text("code");
            if (code != null) {
                codes.add(code);
            }
        }
        return codes;
    }

    public boolean isEmpty() {
        return indexes.values().stream().allMatch(i -> i.size() == 0);
    }

    @Override
    public void close() {
        closed = true;
        store.close();
    }
}
