package org.lilong.layers.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a layer is: its id (used in URLs and table names), titles, geometry type and typed
 * attributes, and which attributes give its features a time span.
 *
 * @param base true for the background layers (streets, residential areas, sub-districts)
 * @param orders rules between pairs of attributes, such as signed households ≤ households
 */
public record LayerDefinition(
        String id,
        String titleZh,
        String titleEn,
        String descriptionZh,
        String descriptionEn,
        GeometryType geometryType,
        List<AttributeDefinition> attributes,
        TemporalProperty temporal,
        boolean base,
        List<AttributeOrder> orders) {

    public LayerDefinition(String id, String titleZh, String titleEn, String descriptionZh, String descriptionEn,
                           GeometryType geometryType, List<AttributeDefinition> attributes, TemporalProperty temporal, boolean base) {
        this(id, titleZh, titleEn, descriptionZh, descriptionEn, geometryType, attributes, temporal, base, List.of());
    }

    public LayerDefinition {
        orders = List.copyOf(orders);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(geometryType, "geometryType");
        attributes = List.copyOf(attributes);
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("layer ids are lower kebab case: " + id);
        }
        long distinct = attributes.stream().map(AttributeDefinition::name).distinct().count();
        if (distinct != attributes.size()) {
            throw new IllegalArgumentException("layer " + id + " names an attribute twice");
        }
    }

    public Optional<AttributeDefinition> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public List<AttributeDefinition> attributesVisibleTo(Visibility audience) {
        return attributes.stream().filter(a -> audience == Visibility.INTERNAL || a.isPublic()).toList();
    }

    public Optional<TemporalProperty> temporalProperty() {
        return Optional.ofNullable(temporal);
    }
}
