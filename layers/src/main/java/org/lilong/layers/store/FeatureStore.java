package org.lilong.layers.store;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.lilong.layers.accounts.AccountStore;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;

/**
 * Where the layers live: the source of truth behind the in-memory read model. Implementations are
 * the embedded GeoPackage file and PostgreSQL + PostGIS; the same tests pass on both.
 *
 * <p>Geometries go in and come out in WGS84 longitude/latitude.
 */
public interface FeatureStore extends AutoCloseable {

    LayerCatalogue catalogue();

    /** Every feature of a layer, in id order. */
    List<Feature> readAll(String layerId);

    /**
     * Applies every change of the set in one transaction: afterwards either all of it is stored or
     * none of it is.
     *
     * @return the features as stored, in the order of the set's inserts and updates (inserts get their ids here)
     * @throws InvalidChangeException when a change breaks the layer's schema; nothing is written
     * @throws StoreException when the store fails; nothing is written
     */
    List<Feature> apply(ChangeSet changes);

    /** Key/value facts about the data set: its title, whether it is synthetic, per-layer attribution. */
    Map<String, String> metadata();

    /**
     * Every recorded version of a feature, oldest first (see {@link ChangeSet#recordedAs}); empty when
     * no recorded change has touched it.
     *
     * @throws IllegalArgumentException for a layer the catalogue does not have
     */
    List<HistoryEntry> history(String layerId, long featureId);

    /** The accounts and API tokens kept with the layers. */
    AccountStore accounts();

    /** True when no layer holds a feature. */
    default boolean isEmpty() {
        return catalogue().layers().stream().allMatch(l -> readAll(l.id()).isEmpty());
    }

    /**
     * Asks to be told when the store changes by other means than this object: another server
     * writing to the same database. The listener gets the ids of the layers that changed (an empty
     * set when only the metadata did, every id when changes may have been missed), from a thread of
     * the store's, possibly also for this object's own writes. The default does nothing: a store
     * that one process owns (the GeoPackage file) has no other writers.
     */
    default void onExternalChange(Consumer<Set<String>> listener) {
    }

    @Override
    void close();
}
