package org.lilong.layers.lifecircle;

import java.util.List;
import org.lilong.layers.standard.WalkingSpeed;

/**
 * The 15-minute life-circle checklist for one start.
 *
 * @param categories one result per profile category, in the profile's order
 * @param reachable every facility within 15 minutes' walk at the speed, nearest first (routes not included)
 * @param score passed ÷ (passed + failed) × 100, 0–100; categories without data are not counted
 */
public record LifeCircleReport(WalkStart start, WalkingSpeed speed, List<CategoryResult> categories,
        List<ReachedFacility> reachable, int passed, int failed, int noData, double score) {
}
