package org.lilong.layers.store;

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
 */
public final class ChangeValidator {

    private final LayerCatalogue catalogue;

    public ChangeValidator(LayerCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public LayerDefinition layer(String layerId) {
        return catalogue.find(layerId).orElseThrow(() -> new InvalidChangeException("unknown layer '" + layerId + "'"));
    }

    /** The feature with every value coerced to its attribute's type. */
    public Feature normalise(String layerId, Feature feature) {
        LayerDefinition layer = layer(layerId);
        if (!layer.geometryType().accepts(feature.geometry())) {
            throw new InvalidChangeException("layer '" + layerId + "' holds " + layer.geometryType().geoJsonName()
                    + " geometries, not " + feature.geometry().getGeometryType());
        }
        if (feature.geometry().isEmpty()) {
            throw new InvalidChangeException("feature " + feature.id() + " of layer '" + layerId + "' has an empty geometry");
        }
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : feature.properties().entrySet()) {
            AttributeDefinition attribute = layer.attribute(entry.getKey()).orElseThrow(() -> new InvalidChangeException(
                    "layer '" + layerId + "' has no attribute '" + entry.getKey() + "'"));
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
            values.put(entry.getKey(), value);
        }
        Feature normalised = new Feature(feature.id(), feature.geometry(), values);
        for (AttributeOrder order : layer.orders()) {
            String violation = order.violation(normalised);
            if (violation != null) {
                throw new InvalidChangeException("feature " + feature.id() + " of layer '" + layerId + "': " + violation);
            }
        }
        return normalised;
    }
}
