package org.lilong.layers.coverage;

import java.util.List;

/**
 * One site of a suggestion, in the order the greedy choice took them.
 *
 * @param gainResidents residents newly covered by this site, beyond the facilities that exist and the sites chosen before it
 * @param newlyCovered the units those residents live in
 */
public record SuggestedSite(CandidateSite site, long gainResidents, List<ResidentialUnit> newlyCovered) {
}
