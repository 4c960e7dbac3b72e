package org.lilong.layers.lifecircle;

import org.lilong.layers.standard.FacilityCategory;

/**
 * One line of the checklist: the nearest facility of a category and whether it is within the
 * standard's maximum walk.
 *
 * @param nearest the nearest facility with its route, or null when none lies within the search limit
 * @param within5 facilities of the category within 5 minutes' walk at the report's speed (likewise 10, 15)
 */
public record CategoryResult(FacilityCategory category, Status status, ReachedFacility nearest,
        int within5, int within10, int within15) {

    public enum Status {
        /** The nearest facility is within the category's maximum walk. */
        PASS,
        /** There are facilities of the category, but none within its maximum walk. */
        FAIL,
        /** The data hold no facility of the category at all: unknown, not counted in the score. */
        NO_DATA
    }
}
