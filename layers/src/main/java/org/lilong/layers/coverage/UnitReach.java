package org.lilong.layers.coverage;

/**
 * How far a residential unit walks to the nearest facility of a category.
 *
 * @param walkMetres along the streets from the unit's edge streets; positive infinity when no
 *        facility lies within the search (which reaches at least the threshold)
 * @param covered whether {@code walkMetres} is within the threshold
 */
public record UnitReach(ResidentialUnit unit, double walkMetres, boolean covered) {
}
