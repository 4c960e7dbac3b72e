package org.lilong.geodata.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One record of a source.
 *
 * @param number 1-based position in the source (the shapefile record number, the CSV data row, the
 *     n-th GeoJSON feature), the number messages name
 * @param geometry in the source's CRS; null when the record has none
 * @param values by source field name, in the source's order; null values are kept
 */
public record SourceRecord(int number, Geometry geometry, Map<String, Object> values) {

    public SourceRecord {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
