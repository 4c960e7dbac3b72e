package org.lilong.layers.coverage;

import org.lilong.layers.model.GridLevel;

/**
 * Coverage within one grid: the residents of the units assigned to it, and how many of them are covered.
 */
public record GridCoverage(long gridId, String code, String name, GridLevel level, String parentCode,
        long residents, long coveredResidents) {

    public long uncoveredResidents() {
        return residents - coveredResidents;
    }

    /** Covered ÷ residents, 0–1; 1 for a grid without residents (nobody is out of reach). */
    public double coveredShare() {
        return residents == 0 ? 1 : (double) coveredResidents / residents;
    }
}
