package org.lilong.layers.editing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lilong.layers.Atlas;
import org.lilong.layers.accounts.Account;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.FeatureDigest;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.spatial.LayerIndex;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.HistoryEntry;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;

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

    /**
     * Makes a recorded version the current state again, if the feature is still in the state
     * {@code etag} names; the same permission and topology rules apply as to any replacement.
     */
    public EditResult revert(Account account, String layerId, long featureId, int version, String etag, String comment) {
        HistoryEntry target = atlas.history(layerId, featureId).stream().filter(e -> e.version() == version).findFirst()
                .orElseThrow(() -> new VersionNotFoundException(layerId, featureId, version));
        if (target.feature() == null) {
            throw new VersionNotFoundException(layerId, featureId, version);
        }
        return replace(account, layerId, target.feature(), etag, comment.isEmpty() ? "revert to version " + version : comment, false);
    }

    /** Brings a deleted feature back, with its id, in the state it had before it was deleted. */
    public EditResult restore(Account account, String layerId, long featureId, String comment) {
        requireEditable(layerId);
        if (atlas.feature(layerId, featureId).isPresent()) {
            throw new EditConflictException("feature " + featureId + " of '" + layerId + "' exists; only a deleted feature can be restored");
        }
        List<HistoryEntry> history = atlas.history(layerId, featureId);
        // A recorded delete always follows a state (the baseline at least): that state comes back.
        if (history.size() < 2 || !history.get(history.size() - 1).isDeletion()) {
            throw new FeatureNotFoundException(layerId, featureId);
        }
        HistoryEntry last = history.get(history.size() - 2);
        Feature state = last.feature();
        permission().check(account, layerId, null, state);
        String why = comment.isEmpty() ? "restored version " + last.version() : comment;
        if (!LayerCatalogue.GRIDS.equals(layerId)) {
            return storeRestored(layerId, state, account, why, List.of());
        }
        synchronized (gridWrites) {
            GridTopology.Outcome outcome = topology.checkWrite(atlas.index(layerId), state, null);
            if (!outcome.violations().isEmpty()) {
                throw new TopologyViolationException(outcome.violations());
            }
            return storeRestored(layerId, state, account, why, outcome.warnings());
        }
    }

    /**
     * Cuts a grid in two along a line: the larger piece keeps the grid (its id, code and attributes),
     * the other becomes a new grid of the same level and parent with {@code newProperties} (code and
     * name at least). Both pieces must keep the rules: a split that would leave a child grid outside
     * the kept piece is refused (move or delete that child first).
     *
     * @return the kept grid first, the new one second
     */
    public List<EditResult> split(Account account, long gridId, String etag, LineString line, Map<String, Object> newProperties,
            String comment) {
        String layerId = LayerCatalogue.GRIDS;
        Feature current = current(layerId, gridId);
        permission().check(account, layerId, current, null);
        if (!(current.geometry() instanceof Polygon polygon)) {
            throw new EditConflictException("grid " + gridId + " is a " + current.geometry().getGeometryType()
                    + "; only a single polygon can be split");
        }
        List<Polygon> pieces = GridSplitter.split(polygon, line);
        Feature kept = new Feature(gridId, pieces.get(0), current.properties());
        Map<String, Object> properties = new LinkedHashMap<>(newProperties);
        properties.put("level", current.get("level"));
        if (current.get("parent_code") != null) {
            properties.put("parent_code", current.get("parent_code"));
        }
        Feature created = new Feature(0, pieces.get(1), properties);
        permission().check(account, layerId, current, kept);
        permission().check(account, layerId, null, created);
        synchronized (gridWrites) {
            LayerIndex now = atlas.index(layerId);
            LayerIndex withKept = replaced(now, kept, -1);
            List<TopologyProblem> violations = new ArrayList<>(topology.checkWrite(now, kept, current).violations());
            GridTopology.Outcome second = topology.checkWrite(withKept, created, null);
            violations.addAll(second.violations());
            if (!violations.isEmpty()) {
                throw new TopologyViolationException(violations);
            }
            List<Feature> stored = atlas.apply(new ChangeSet().update(layerId, kept).insert(layerId, created)
                    .expect(layerId, gridId, etag).recordedAs(account.username(), comment.isEmpty() ? "split" : comment));
            return List.of(new EditResult(stored.get(0), FeatureDigest.of(stored.get(0)), true, List.of()),
                    new EditResult(stored.get(1), FeatureDigest.of(stored.get(1)), true, second.warnings()));
        }
    }

    /**
     * Merges a neighbouring grid of the same level and parent into this one: this grid keeps its id
     * and attributes and takes the union of both areas; the other is deleted, its children moving to
     * this grid. Both must be in the states their entity tags name.
     */
    public EditResult merge(Account account, long gridId, String etag, long otherId, String otherEtag, String comment) {
        String layerId = LayerCatalogue.GRIDS;
        Feature keep = current(layerId, gridId);
        Feature other = current(layerId, otherId);
        permission().check(account, layerId, keep, null);
        permission().check(account, layerId, other, null);
        if (gridId == otherId) {
            throw new EditConflictException("a grid cannot be merged with itself");
        }
        if (!Objects.equals(keep.get("level"), other.get("level")) || !Objects.equals(keep.get("parent_code"), other.get("parent_code"))) {
            throw new EditConflictException("only grids of the same level and parent can be merged: " + keep.get("code")
                    + " is " + keep.get("level") + " in " + keep.get("parent_code") + ", " + other.get("code") + " is "
                    + other.get("level") + " in " + other.get("parent_code"));
        }
        Geometry union = GeometryFixer.fix(keep.geometry().union(other.geometry()));
        if (!(union instanceof Polygon)) {
            throw new EditConflictException("grids " + keep.get("code") + " and " + other.get("code")
                    + " are not neighbours: their union is not one polygon");
        }
        Feature merged = new Feature(gridId, union, keep.properties());
        permission().check(account, layerId, keep, merged);
        permission().check(account, layerId, other, null);
        synchronized (gridWrites) {
            LayerIndex withoutOther = replaced(atlas.index(layerId), null, otherId);
            GridTopology.Outcome outcome = topology.checkWrite(withoutOther, merged, keep);
            if (!outcome.violations().isEmpty()) {
                throw new TopologyViolationException(outcome.violations());
            }
            ChangeSet change = new ChangeSet().update(layerId, merged).delete(layerId, otherId)
                    .expect(layerId, gridId, etag).expect(layerId, otherId, otherEtag)
                    .recordedAs(account.username(), comment.isEmpty() ? "merged " + other.get("code") : comment);
            String otherCode = other.text("code");
            for (Feature child : withoutOther.all()) {
                if (otherCode != null && otherCode.equals(child.text("parent_code"))) {
                    Map<String, Object> properties = new LinkedHashMap<>(child.properties());
                    properties.put("parent_code", keep.get("code"));
                    change.update(layerId, new Feature(child.id(), child.geometry(), properties));
                }
            }
            Feature stored = atlas.apply(change).get(0);
            return new EditResult(stored, FeatureDigest.of(stored), true, outcome.warnings());
        }
    }

    /** The index with one feature put in (replacing its id) or one removed. */
    private static LayerIndex replaced(LayerIndex index, Feature put, long removedId) {
        List<Feature> features = new ArrayList<>();
        for (Feature feature : index.all()) {
            if (feature.id() != removedId && (put == null || feature.id() != put.id())) {
                features.add(feature);
            }
        }
        if (put != null) {
            features.add(put);
        }
        return new LayerIndex(features);
    }

    private EditResult storeRestored(String layerId, Feature state, Account account, String comment, List<TopologyProblem> warnings) {
        Feature stored = atlas.apply(new ChangeSet().insert(layerId, state).recordedAs(account.username(), comment)).get(0);
        return new EditResult(stored, FeatureDigest.of(stored), true, warnings);
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
