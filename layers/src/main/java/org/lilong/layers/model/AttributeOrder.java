package org.lilong.layers.model;

/**
 * A rule between two attributes of one feature: {@code lesser} may not exceed {@code greater} when
 * both are present (signed households ≤ households; a finish date not before the start date).
 */
public record AttributeOrder(String lesser, String greater) {

    /** Why the feature breaks the rule, or null. Values are typed, so numbers and dates compare. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public String violation(Feature feature) {
        Object low = feature.get(lesser);
        Object high = feature.get(greater);
        if (low instanceof Comparable a && high != null && a.getClass() == high.getClass() && a.compareTo(high) > 0) {
            return "'" + lesser + "' (" + low + ") may not exceed '" + greater + "' (" + high + ")";
        }
        return null;
    }
}
