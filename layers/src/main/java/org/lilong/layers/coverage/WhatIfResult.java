package org.lilong.layers.coverage;

/** Coverage of one category as it is and as it would be with a proposal. */
public record WhatIfResult(CategoryCoverage before, CategoryCoverage after) {

    public long gainResidents() {
        return after.coveredResidents() - before.coveredResidents();
    }
}
