package org.lilong.layers.query;

import java.util.List;
import org.lilong.layers.model.Feature;

/**
 * One page of a query's matches.
 *
 * @param numberMatched how many features match the query in all pages
 */
public record FeaturePage(List<Feature> features, int numberMatched, int offset) {

    public boolean hasNext() {
        return offset + features.size() < numberMatched;
    }
}
