package org.lilong.layers.coverage;

import java.util.List;
import org.lilong.layers.standard.FacilityCategory;

/**
 * Who is within walking reach of a category's facilities.
 *
 * @param thresholdMetres the walk that counts as covered
 * @param facilities facilities of the category attached to the network
 * @param units every residential unit with its walk, in the order of {@link CoverageAnalysis#units()}
 * @param grids per grid at the levels 街道, 综合网格, 居民区网格, 微网格, coarsest level first, then by code;
 *        each level's rows add up to the district's residents less {@code unassignedResidents}
 * @param unassignedResidents residents of units that lie in no grid
 */
public record CategoryCoverage(FacilityCategory category, double thresholdMetres, int facilities, long residents,
        long coveredResidents, List<UnitReach> units, List<GridCoverage> grids, long unassignedResidents) {

    public long uncoveredResidents() {
        return residents - coveredResidents;
    }

    /** Covered ÷ residents, 0–1; 1 when nobody lives in the district. */
    public double coveredShare() {
        return residents == 0 ? 1 : (double) coveredResidents / residents;
    }

    public List<UnitReach> uncovered() {
        return units.stream().filter(u -> !u.covered()).toList();
    }
}
