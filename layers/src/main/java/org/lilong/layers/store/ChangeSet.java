package org.lilong.layers.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.lilong.layers.model.Feature;

/**
 * Changes to apply together, in one transaction. Inserts whose feature id is 0 or less get the next
 * free id of their layer; others keep the id they bring (which must be free).
 */
public final class ChangeSet {

    public sealed interface Change permits Insert, Update, Delete {
        String layerId();
    }

    public record Insert(String layerId, Feature feature) implements Change {
    }

    public record Update(String layerId, Feature feature) implements Change {
    }

    public record Delete(String layerId, long featureId) implements Change {
    }

    /** "Apply the set only if this feature is still in the state with this digest" (an HTTP If-Match). */
    public record Precondition(String layerId, long featureId, String etag) {
    }

    /** Who makes the set and why: a set that names one is written to the history with it. */
    public record Authorship(String author, String comment) {

        public Authorship {
            Objects.requireNonNull(author, "author");
            comment = comment == null ? "" : comment;
        }
    }

    private final List<Change> changes = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final List<Precondition> preconditions = new ArrayList<>();
    private Authorship authorship;

    public ChangeSet insert(String layerId, Feature feature) {
        changes.add(new Insert(layerId, feature));
        return this;
    }

    public ChangeSet insertAll(String layerId, List<Feature> features) {
        features.forEach(f -> insert(layerId, f));
        return this;
    }

    public ChangeSet update(String layerId, Feature feature) {
        changes.add(new Update(layerId, feature));
        return this;
    }

    public ChangeSet delete(String layerId, long featureId) {
        changes.add(new Delete(layerId, featureId));
        return this;
    }

    /**
     * Makes the set conditional: if the feature's current digest ({@link org.lilong.layers.model.FeatureDigest})
     * is not {@code etag}, or the feature is gone, nothing is written
     * ({@link PreconditionFailedException}). Checked inside the write transaction.
     */
    public ChangeSet expect(String layerId, long featureId, String etag) {
        preconditions.add(new Precondition(layerId, featureId, etag));
        return this;
    }

    /**
     * Records the set in the history, in the same transaction, as made by {@code author} with the
     * comment. Sets without an author (imports, the demo) are not recorded; a feature's history then
     * starts with a baseline entry holding the state its first recorded change found.
     */
    public ChangeSet recordedAs(String author, String comment) {
        authorship = new Authorship(author, comment);
        return this;
    }

    public List<Precondition> preconditions() {
        return List.copyOf(preconditions);
    }

    public Optional<Authorship> authorship() {
        return Optional.ofNullable(authorship);
    }

    public ChangeSet putMetadata(String key, String value) {
        metadata.put(key, value);
        return this;
    }

    public List<Change> changes() {
        return List.copyOf(changes);
    }

    public Map<String, String> metadata() {
        return Map.copyOf(metadata);
    }

    /** The layers this set touches, so that only their read models are refreshed. */
    public Set<String> layerIds() {
        Set<String> ids = new TreeSet<>();
        changes.forEach(c -> ids.add(c.layerId()));
        return ids;
    }

    public boolean isEmpty() {
        return changes.isEmpty() && metadata.isEmpty();
    }
}
