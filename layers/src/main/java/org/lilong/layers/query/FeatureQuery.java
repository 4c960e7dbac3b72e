package org.lilong.layers.query;

import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * What a client asks of a layer: an optional box (WGS84), property equality filters with values
 * already typed, an optional date interval, and a page (offset, limit).
 */
public record FeatureQuery(Envelope bbox, Map<String, Object> propertyEquals, DateInterval datetime, int offset, int limit) {

    public FeatureQuery {
        propertyEquals = Map.copyOf(propertyEquals);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }

    public static FeatureQuery all() {
        return new FeatureQuery(null, Map.of(), null, 0, Integer.MAX_VALUE);
    }
}
