package org.lilong.layers.coverage;

import java.util.List;
import org.lilong.layers.standard.FacilityCategory;

/**
 * Where k new facilities of a category would bring the most residents within reach (maximal covering
 * location, greedy: at least 1 − 1/e of the best possible gain).
 *
 * @param coveredBefore residents covered by the facilities that exist
 * @param candidatesConsidered how many candidate sites were weighed
 */
public record SiteSuggestion(FacilityCategory category, double thresholdMetres, long residents, long coveredBefore,
        List<SuggestedSite> sites, int candidatesConsidered) {

    public long totalGain() {
        return sites.stream().mapToLong(SuggestedSite::gainResidents).sum();
    }

    public long coveredAfter() {
        return coveredBefore + totalGain();
    }
}
