package org.lilong.layers.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    private final List<Change> changes = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();

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
