package org.lilong.layers.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.FeatureDigest;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.spatial.GeometryFactories;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The part of a write that both stores do alike, inside their own transaction: checking a change
 * set's preconditions against the features as they are now, and appending its history rows to
 * {@code lilong_history} (one row per feature version: geometry as WKB, attributes as JSON), so
 * that a change and its history commit or roll back together. SQL that SQLite and PostgreSQL both
 * speak; the stores supply the current-feature read (PostgreSQL locks the row) and the timestamps.
 */
public final class EditJournal {

    /** A store's read of one feature inside its open write transaction. */
    @FunctionalInterface
    public interface CurrentFeatures {
        Optional<Feature> current(String layerId, long featureId) throws SQLException;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LayerCatalogue catalogue;
    private final InstantColumns instants;

    public EditJournal(LayerCatalogue catalogue, InstantColumns instants) {
        this.catalogue = catalogue;
        this.instants = instants;
    }

    /** The states a recorded change set found, taken before it writes. */
    public static final class Before {
        private final Map<String, Feature> states = new HashMap<>();

        private static String key(String layerId, long featureId) {
            return layerId + '\u0000' + featureId;
        }
    }

    /**
     * Before any write: fails with {@link PreconditionFailedException} when a precondition does not
     * hold, and for a set with an author reads the state each update and delete will replace.
     */
    public Before prepare(ChangeSet changes, List<ChangeSet.Change> normalised, CurrentFeatures current) throws SQLException {
        for (ChangeSet.Precondition precondition : changes.preconditions()) {
            Optional<Feature> now = current.current(precondition.layerId(), precondition.featureId());
            if (now.isEmpty()) {
                throw new PreconditionFailedException(precondition.layerId(), precondition.featureId(), null);
            }
            String etag = FeatureDigest.of(now.get());
            if (!etag.equals(precondition.etag())) {
                throw new PreconditionFailedException(precondition.layerId(), precondition.featureId(), etag);
            }
        }
        Before before = new Before();
        if (changes.authorship().isEmpty()) {
            return before;
        }
        for (ChangeSet.Change change : normalised) {
            long id = change instanceof ChangeSet.Update u ? u.feature().id() : change instanceof ChangeSet.Delete d ? d.featureId() : -1;
            String key = Before.key(change.layerId(), id);
            if (id > 0 && !before.states.containsKey(key)) {
                Optional<Feature> state = current.current(change.layerId(), id);
                if (state.isPresent()) {
                    before.states.put(key, state.get());
                }
            }
        }
        return before;
    }

    /**
     * After the writes, in the same transaction: one history row per change of a set with an author,
     * preceded by a baseline row for a feature whose history starts here.
     *
     * @param stored the inserted and updated features as stored, in the set's order (ids assigned)
     */
    public void record(Connection connection, ChangeSet changes, List<ChangeSet.Change> normalised, Before before,
            List<Feature> stored) throws SQLException {
        if (changes.authorship().isEmpty()) {
            return;
        }
        ChangeSet.Authorship authorship = changes.authorship().get();
        Instant at = Instant.now();
        Iterator<Feature> storedFeatures = stored.iterator();
        Map<String, Integer> versions = new HashMap<>();
        try (PreparedStatement latest = connection.prepareStatement(
                "SELECT COALESCE(MAX(version), 0) FROM lilong_history WHERE layer_id = ? AND feature_id = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO lilong_history"
                     + " (layer_id, feature_id, version, operation, author, at, comment, wkb, attributes)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ChangeSet.Change change : normalised) {
                Feature after = change instanceof ChangeSet.Delete ? null : storedFeatures.next();
                long id = after != null ? after.id() : ((ChangeSet.Delete) change).featureId();
                String key = Before.key(change.layerId(), id);
                int version = versions.containsKey(key) ? versions.get(key) : latestVersion(latest, change.layerId(), id);
                Feature found = before.states.get(key);
                if (version == 0 && found != null) {
                    version = 1;
                    insertRow(insert, change.layerId(), id, version, HistoryEntry.BASELINE, "", at, "", found);
                }
                String operation = change instanceof ChangeSet.Insert ? HistoryEntry.INSERT
                        : change instanceof ChangeSet.Update ? HistoryEntry.UPDATE : HistoryEntry.DELETE;
                version++;
                insertRow(insert, change.layerId(), id, version, operation, authorship.author(), at, authorship.comment(), after);
                versions.put(key, version);
            }
        }
    }

    private static int latestVersion(PreparedStatement latest, String layerId, long featureId) throws SQLException {
        latest.setString(1, layerId);
        latest.setLong(2, featureId);
        try (ResultSet rows = latest.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private void insertRow(PreparedStatement insert, String layerId, long featureId, int version, String operation,
            String author, Instant at, String comment, Feature state) throws SQLException {
        insert.setString(1, layerId);
        insert.setLong(2, featureId);
        insert.setInt(3, version);
        insert.setString(4, operation);
        insert.setString(5, author);
        instants.setInstant(insert, 6, at);
        insert.setString(7, comment);
        insert.setBytes(8, state == null ? null : new WKBWriter(2).write(state.geometry()));
        insert.setString(9, state == null ? null : attributesJson(state));
        insert.executeUpdate();
    }

    private static String attributesJson(Feature feature) {
        ObjectNode node = JSON.createObjectNode();
        feature.properties().forEach((name, value) -> {
            if (value instanceof Long l) {
                node.put(name, l);
            } else if (value instanceof Double d) {
                node.put(name, d);
            } else if (value instanceof Boolean b) {
                node.put(name, b);
            } else if (value != null) {
                node.put(name, value.toString());
            }
        });
        return node.toString();
    }

    /** Every version of a feature, oldest first; empty when no recorded change touched it. */
    public List<HistoryEntry> read(Connection connection, String layerId, long featureId) throws SQLException {
        LayerDefinition layer = catalogue.get(layerId);
        List<HistoryEntry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT version, operation, author, at, comment, wkb,"
                + " attributes FROM lilong_history WHERE layer_id = ? AND feature_id = ? ORDER BY version")) {
            select.setString(1, layerId);
            select.setLong(2, featureId);
            try (ResultSet rows = select.executeQuery()) {
                WKBReader geometries = new WKBReader(GeometryFactories.WGS84);
                while (rows.next()) {
                    byte[] wkb = rows.getBytes(6);
                    Feature state = wkb == null ? null : new Feature(featureId, geometry(geometries, wkb), attributes(layer, rows.getString(7)));
                    entries.add(new HistoryEntry(layerId, featureId, rows.getInt(1), rows.getString(2), rows.getString(3),
                            instants.getInstant(rows, 4), rows.getString(5), state));
                }
            }
        }
        return entries;
    }

    private static Geometry geometry(WKBReader reader, byte[] wkb) {
        try {
            return reader.read(wkb);
        } catch (ParseException e) {
            throw new StoreException("a history row holds a geometry that does not parse: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> attributes(LayerDefinition layer, String json) {
        Map<String, Object> properties = new LinkedHashMap<>();
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            throw new StoreException("a history row holds attributes that do not parse: " + e.getMessage(), e);
        }
        for (AttributeDefinition attribute : layer.attributes()) {
            JsonNode value = node.get(attribute.name());
            if (value == null || value.isNull()) {
                continue;
            }
            properties.put(attribute.name(), switch (attribute.type()) {
                case TEXT -> value.asText();
                case INTEGER -> value.asLong();
                case REAL -> value.asDouble();
                case DATE -> LocalDate.parse(value.asText());
                case BOOLEAN -> value.asBoolean();
            });
        }
        return properties;
    }
}
