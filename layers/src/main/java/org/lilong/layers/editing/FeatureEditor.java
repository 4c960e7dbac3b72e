package org.lilong.layers.editing;

import java.util.List;
import java.util.Optional;
import org.lilong.layers.Atlas;
import org.lilong.layers.accounts.Account;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.FeatureDigest;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.spatial.LayerIndex;
import org.lilong.layers.store.ChangeSet;

/**
 * Changes features for an account: checks that the layer is editable and the account may touch the
 * feature (before and after), that a grid keeps the topology rules, then writes conditionally — only
 * if the feature is still in the state the client saw (its entity tag) — with its history, in one
 * transaction. Any refusal writes nothing.
 *
 * <p>Grid writes are serialised on this server, so that two sibling edits cannot both pass the
 * overlap check against a read model that neither has changed yet. (Servers sharing a PostGIS
 * database check against their own read models, refreshed within a second of a commit.)
 */
public final class FeatureEditor {

    public static final double DEFAULT_TOLERANCE_METRES = 0.5;

    private final Atlas atlas;
    private final GridTopology topology;
    private final GridSnapper snapper;
    private final Object gridWrites = new Object();

    public FeatureEditor(Atlas atlas, double toleranceMetres) {
        this.atlas = atlas;
        this.topology = new GridTopology(toleranceMetres);
        this.snapper = new GridSnapper(toleranceMetres);
    }

    /**
     * Adds a feature (its id is assigned by the store).
     *
     * @param snap for a grid: propose a version fitted to its parent and siblings instead of writing
     */
    public EditResult insert(Account account, String layerId, Feature feature, String comment, boolean snap) {
        requireEditable(layerId);
        Feature proposed = new Feature(0, feature.geometry(), feature.properties());
        permission().check(account, layerId, null, proposed);
        return write(layerId, proposed, null, null, account, comment, snap);
    }

    /** Replaces a feature if it is still in the state {@code etag} names. */
    public EditResult replace(Account account, String layerId, Feature feature, String etag, String comment, boolean snap) {
        requireEditable(layerId);
        Feature current = current(layerId, feature.id());
        permission().check(account, layerId, current, feature);
        return write(layerId, feature, current, etag, account, comment, snap);
    }

    /** Deletes a feature if it is still in the state {@code etag} names. */
    public EditResult delete(Account account, String layerId, long featureId, String etag, String comment) {
        requireEditable(layerId);
        Feature current = current(layerId, featureId);
        permission().check(account, layerId, current, null);
        ChangeSet change = new ChangeSet().delete(layerId, featureId).expect(layerId, featureId, etag)
                .recordedAs(account.username(), comment);
        if (!LayerCatalogue.GRIDS.equals(layerId)) {
            atlas.apply(change);
            return new EditResult(current, null, true, List.of());
        }
        synchronized (gridWrites) {
            GridTopology.Outcome outcome = topology.checkDelete(atlas.index(layerId), current);
            if (!outcome.violations().isEmpty()) {
                throw new TopologyViolationException(outcome.violations());
            }
            atlas.apply(change);
            return new EditResult(current, null, true, outcome.warnings());
        }
    }

    private EditResult write(String layerId, Feature proposed, Feature current, String etag, Account account,
            String comment, boolean snap) {
        if (!LayerCatalogue.GRIDS.equals(layerId)) {
            return store(layerId, proposed, current, etag, account, comment, List.of());
        }
        synchronized (gridWrites) {
            LayerIndex grids = atlas.index(layerId);
            Feature candidate = proposed;
            if (snap) {
                candidate = new Feature(proposed.id(), snapper.snap(grids, proposed, parentOf(grids, proposed).orElse(null)),
                        proposed.properties());
            }
            GridTopology.Outcome outcome = topology.checkWrite(grids, candidate, current);
            if (!outcome.violations().isEmpty()) {
                throw new TopologyViolationException(outcome.violations());
            }
            if (snap) {
                return new EditResult(candidate, null, false, outcome.warnings());
            }
            return store(layerId, candidate, current, etag, account, comment, outcome.warnings());
        }
    }

    private EditResult store(String layerId, Feature proposed, Feature current, String etag, Account account, String comment,
            List<TopologyProblem> warnings) {
        ChangeSet change = new ChangeSet().recordedAs(account.username(), comment);
        if (current == null) {
            change.insert(layerId, proposed);
        } else {
            change.update(layerId, proposed).expect(layerId, proposed.id(), etag);
        }
        Feature stored = atlas.apply(change).get(0);
        return new EditResult(stored, FeatureDigest.of(stored), true, warnings);
    }

    private static Optional<Feature> parentOf(LayerIndex grids, Feature grid) {
        String parentCode = grid.text("parent_code");
        return parentCode == null ? Optional.empty()
                : grids.all().stream().filter(g -> parentCode.equals(g.text("code"))).findFirst();
    }

    private Feature current(String layerId, long featureId) {
        return atlas.feature(layerId, featureId).orElseThrow(() -> new FeatureNotFoundException(layerId, featureId));
    }

    private EditPermission permission() {
        return new EditPermission(new SubdistrictLocator(atlas.index(LayerCatalogue.SUBDISTRICTS)));
    }

    private static void requireEditable(String layerId) {
        if (!EditableLayers.isEditable(layerId)) {
            throw new ReadOnlyLayerException(layerId);
        }
    }
}
