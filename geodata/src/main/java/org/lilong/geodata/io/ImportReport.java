package org.lilong.geodata.io;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did (or, in a dry run, would do).
 *
 * @param crs the CRS the source was read in
 * @param crsAssumed true when the source declared no CRS and none was given, so WGS84 was assumed
 * @param recordsRead records read from the source
 * @param imported features in the change set
 * @param repaired one line per repaired geometry: "record N: repaired (reason)"
 * @param mapping source field → layer attribute, as applied
 * @param ignoredFields source fields that match no attribute, so were left out
 */
public record ImportReport(Path file, String layerId, String crs, boolean crsAssumed, long recordsRead, int imported,
        List<String> repaired, Map<String, String> mapping, List<String> ignoredFields) {

    public ImportReport {
        repaired = List.copyOf(repaired);
        mapping = Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
        ignoredFields = List.copyOf(ignoredFields);
    }
}
