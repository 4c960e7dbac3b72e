package org.lilong.geodata.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@link LayerImporter} treats a source.
 *
 * @param crs the source's CRS, overriding whatever the source declares; null to use the source's own
 * @param repair fix invalid geometries with JTS's GeometryFixer (and report each) instead of refusing them
 * @param mapping source field name → layer attribute name, overriding the match by name; source
 *     names match case-insensitively
 */
public record ImportOptions(String crs, boolean repair, Map<String, String> mapping) {

    public ImportOptions {
        mapping = Collections.unmodifiableMap(new LinkedHashMap<>(mapping)); // in the order given, for messages
    }

    public static ImportOptions defaults() {
        return new ImportOptions(null, false, Map.of());
    }

    public ImportOptions withCrs(String newCrs) {
        return new ImportOptions(newCrs, repair, mapping);
    }

    public ImportOptions withRepair(boolean newRepair) {
        return new ImportOptions(crs, newRepair, mapping);
    }

    public ImportOptions withMapping(Map<String, String> newMapping) {
        return new ImportOptions(crs, repair, newMapping);
    }

    /**
     * Parses {@code src=dst} pairs, as {@code --map} gives them.
     *
     * @throws IllegalArgumentException for a pair without '=' or with an empty side, or a source named twice
     */
    public static Map<String, String> parseMappings(List<String> pairs) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            String src = eq < 0 ? "" : pair.substring(0, eq).trim();
            String dst = eq < 0 ? "" : pair.substring(eq + 1).trim();
            if (src.isEmpty() || dst.isEmpty()) {
                throw new IllegalArgumentException("'" + pair + "' is not source_field=attribute");
            }
            if (mapping.put(src, dst) != null) {
                throw new IllegalArgumentException("source field '" + src + "' is mapped twice");
            }
        }
        return mapping;
    }
}
