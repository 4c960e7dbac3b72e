package org.lilong.layers.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.model.TemporalProperty;
import org.lilong.layers.spatial.LayerIndex;

/** Answers a {@link FeatureQuery} over one layer's index: box, then attributes and dates, then the page. */
public final class FeatureFilter {

    private FeatureFilter() {
    }

    public static FeaturePage run(LayerDefinition layer, LayerIndex index, FeatureQuery query) {
        List<Feature> candidates = query.bbox() == null ? index.all() : index.intersecting(query.bbox());
        List<Feature> matches = new ArrayList<>();
        for (Feature feature : candidates) {
            if (matchesProperties(feature, query.propertyEquals()) && matchesDates(layer, feature, query.datetime())) {
                matches.add(feature);
            }
        }
        int from = (int) Math.min(query.offset(), matches.size());
        int to = (int) Math.min((long) from + query.limit(), matches.size());
        return new FeaturePage(List.copyOf(matches.subList(from, to)), matches.size(), query.offset());
    }

    private static boolean matchesProperties(Feature feature, Map<String, Object> equals) {
        for (Map.Entry<String, Object> condition : equals.entrySet()) {
            if (!Objects.equals(feature.get(condition.getKey()), condition.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesDates(LayerDefinition layer, Feature feature, DateInterval interval) {
        if (interval == null) {
            return true;
        }
        TemporalProperty temporal = layer.temporal();
        if (temporal == null) {
            return true;
        }
        LocalDate from = (LocalDate) feature.get(temporal.start());
        if (from == null) {
            return false;
        }
        // An instant layer's feature lasts one day; a span with no end is still running.
        LocalDate to = temporal.end() == null ? from : (LocalDate) feature.get(temporal.end());
        return interval.overlaps(from, to);
    }
}
