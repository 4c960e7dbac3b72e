package org.lilong.layers.model;

import java.util.Objects;
import java.util.Set;

/**
 * One typed attribute of a layer, with its titles, who may see it, and the values the model
 * allows: a closed set of codes, or numbers that may not be negative.
 *
 * @param allowedValues the only values a TEXT attribute may take (codes such as a grid level), or empty for any
 * @param nonNegative whether a number must be zero or more (counts, areas)
 */
public record AttributeDefinition(String name, AttributeType type, Visibility visibility, String titleZh, String titleEn,
                                  Set<String> allowedValues, boolean nonNegative) {

    public AttributeDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(visibility, "visibility");
        allowedValues = Set.copyOf(allowedValues);
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("attribute names are lower snake case: " + name);
        }
    }

    public AttributeDefinition(String name, AttributeType type, Visibility visibility, String titleZh, String titleEn) {
        this(name, type, visibility, titleZh, titleEn, Set.of(), false);
    }

    public static AttributeDefinition publicAttribute(String name, AttributeType type, String titleZh, String titleEn) {
        return new AttributeDefinition(name, type, Visibility.PUBLIC, titleZh, titleEn);
    }

    public static AttributeDefinition internalAttribute(String name, AttributeType type, String titleZh, String titleEn) {
        return new AttributeDefinition(name, type, Visibility.INTERNAL, titleZh, titleEn);
    }

    /** This attribute restricted to the given codes. */
    public AttributeDefinition oneOf(Set<String> values) {
        return new AttributeDefinition(name, type, visibility, titleZh, titleEn, values, nonNegative);
    }

    /** This attribute restricted to numbers of zero or more. */
    public AttributeDefinition notNegative() {
        return new AttributeDefinition(name, type, visibility, titleZh, titleEn, allowedValues, true);
    }

    public boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }

    /** Why the value breaks this attribute's rules, or null when it keeps them. The value is already of {@link #type}. */
    public String violation(Object value) {
        if (value == null) {
            return null;
        }
        if (!allowedValues.isEmpty() && !allowedValues.contains(value.toString())) {
            return "'" + value + "' is not one of " + String.join(", ", allowedValues.stream().sorted().toList());
        }
        if (nonNegative && value instanceof Number number && number.doubleValue() < 0) {
            return value + " is negative";
        }
        return null;
    }
}
