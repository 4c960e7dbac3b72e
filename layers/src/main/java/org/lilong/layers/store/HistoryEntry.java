package org.lilong.layers.store;

import java.time.Instant;
import org.lilong.layers.model.Feature;

/**
 * One version of a feature in the history.
 *
 * @param version 1, 2, 3, … per feature
 * @param operation {@code baseline} (the state the first recorded change found), {@code insert},
 *     {@code update} or {@code delete}
 * @param author the account that made the change; empty for a baseline
 * @param feature the state after the change; null for a delete
 */
public record HistoryEntry(String layerId, long featureId, int version, String operation, String author, Instant at,
        String comment, Feature feature) {

    public static final String BASELINE = "baseline";
    public static final String INSERT = "insert";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";

    public boolean isDeletion() {
        return DELETE.equals(operation);
    }
}
