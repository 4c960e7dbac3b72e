package org.lilong.layers.coverage;

/**
 * A place a new facility could go: a street junction, or a feature of a candidate layer.
 *
 * @param layer the candidate layer, or null for a street node
 * @param featureId the feature's id, or null for a street node
 * @param name the feature's name, or null
 */
public record CandidateSite(double lon, double lat, String layer, Long featureId, String name) {
}
