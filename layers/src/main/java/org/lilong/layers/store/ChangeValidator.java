package org.lilong.layers.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.AttributeOrder;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;

/**
 * Checks a change set against the catalogue before a store writes it, so every store refuses the
 * same things with the same message: unknown attributes, wrong types, codes outside their set,
 * negative counts, and broken orders between attributes (the PostGIS schema repeats these as
 * constraints, as a backstop). Returns features with values coerced to their attribute types.
 *
 * <p>Every feature of a bulk load passes through here, so layers and attributes are looked up in
 * maps built once, and a feature whose values already have their types is returned as it is.
 */
public final class ChangeValidator {

    private final Map<String, LayerDefinition> layers = new HashMap<>();
    private final Map<String, Map<String, AttributeDefinition>> attributes = new HashMap<>();

    public ChangeValidator(LayerCatalogue catalogue) {
        for (LayerDefinition layer : catalogue.layers()) {
            if (layers.putIfAbsent(layer.id(), layer) == null) {
                Map<String, AttributeDefinition> byName = new HashMap<>();
                layer.attributes().forEach(a -> byName.put(a.name(), a));
                attributes.put(layer.id(), byName);
            }
        }
    }

    public LayerDefinition layer(String layerId) {
        LayerDefinition layer = layers.get(layerId);
        if (layer == null) {
            throw new InvalidChangeException("unknown layer '" + layerId + "'");
        }
        return layer;
    }

    /** The feature with every value coerced to its attribute's type: the same feature when they all have it. */
    public Feature normalise(String layerId, Feature feature) {
        LayerDefinition layer = layer(layerId);
        if (!layer.geometryType().accepts(feature.geometry())) {
            throw new InvalidChangeException("layer '" + layerId + "' holds " + layer.geometryType().geoJsonName()
                    + " geometries, not " + feature.geometry().getGeometryType());
        }
        if (feature.geometry().isEmpty()) {
            throw new InvalidChangeException("feature " + feature.id() + " of layer '" + layerId + "' has an empty geometry");
        }
        Map<String, AttributeDefinition> byName = attributes.get(layerId);
        Map<String, Object> values = null; // a copy, made at the first value whose type changes
        for (Map.Entry<String, Object> entry : feature.properties().entrySet()) {
            AttributeDefinition attribute = byName.get(entry.getKey());
            if (attribute == null) {
                throw new InvalidChangeException("layer '" + layerId + "' has no attribute '" + entry.getKey() + "'");
            }
            Object value;
            try {
                value = attribute.type().coerce(entry.getValue());
            } catch (IllegalArgumentException e) {
                throw new InvalidChangeException("attribute '" + entry.getKey() + "' of layer '" + layerId + "': " + e.getMessage());
            }
            String violation = attribute.violation(value);
            if (violation != null) {
                throw new InvalidChangeException("attribute '" + entry.getKey() + "' of layer '" + layerId + "': " + violation);
            }
            if (values == null && value != entry.getValue()) {
                values = new LinkedHashMap<>(feature.properties());
            }
            if (values != null) {
                values.put(entry.getKey(), value);
            }
        }
        Feature normalised = values == null ? feature : new Feature(feature.id(), feature.geometry(), values);
        for (AttributeOrder order : layer.orders()) {
            String violation = order.violation(normalised);
            if (violation != null) {
                throw new InvalidChangeException("feature " + feature.id() + " of layer '" + layerId + "': " + violation);
            }
        }
        return normalised;
    }

    /**
     * Every change of a set checked and normalised before a store writes the first one, so a
     * schema error writes nothing; deletes only need their layer to exist.
     */
    public List<ChangeSet.Change> normalise(List<ChangeSet.Change> changes) {
        List<ChangeSet.Change> normalised = new ArrayList<>(changes.size());
        for (ChangeSet.Change change : changes) {
            if (change instanceof ChangeSet.Insert insert) {
                normalised.add(new ChangeSet.Insert(insert.layerId(), normalise(insert.layerId(), insert.feature())));
            } else if (change instanceof ChangeSet.Update update) {
                normalised.add(new ChangeSet.Update(update.layerId(), normalise(update.layerId(), update.feature())));
            } else {
                layer(change.layerId());
                normalised.add(change);
            }
        }
        return normalised;
    }
}
