package org.lilong.layers.standard;

/**
 * A kind of facility the life-circle standard requires, with the level it belongs to and the
 * farthest a resident should have to walk to one.
 *
 * @param levelMinutes 5, 10 or 15: the life circle the facility belongs to
 * @param maxWalkMetres the standard's maximum walking distance along streets
 */
public record FacilityCategory(String id, String nameZh, String nameEn, int levelMinutes, double maxWalkMetres) {
}
