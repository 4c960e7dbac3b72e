package org.lilong.layers.editing;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lilong.layers.model.Feature;
import org.lilong.layers.store.StoreFixtures;

/**
 * A small grid hierarchy near 121.48 E, 31.22 N (0.001° ≈ 95 m east, 111 m north): sub-district S1
 * (121.480–121.490 × 31.220–31.230) with residential grids R1 (west half) and R2 (east half), and R1
 * with one micro-grid M1 in its south-west quarter. Neighbouring sub-district S2 lies to the east.
 */
final class GridFixtures {

    static final String S1_BOX = box(121.480, 31.220, 121.490, 31.230);
    static final String S2_BOX = box(121.490, 31.220, 121.500, 31.230);

    private GridFixtures() {
    }

    static String box(double minLon, double minLat, double maxLon, double maxLat) {
        return String.format(java.util.Locale.ROOT, "POLYGON ((%.7f %.7f, %.7f %.7f, %.7f %.7f, %.7f %.7f, %.7f %.7f))",
                minLon, minLat, maxLon, minLat, maxLon, maxLat, minLon, maxLat, minLon, minLat);
    }

    static Feature grid(long id, String wkt, String code, String level, String parent) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("code", code);
        properties.put("name", "网格 " + code);
        properties.put("level", level);
        if (parent != null) {
            properties.put("parent_code", parent);
        }
        return StoreFixtures.feature(id, wkt, properties);
    }

    static Feature s1() {
        return grid(1, S1_BOX, "S1", "subdistrict", null);
    }

    static Feature s2() {
        return grid(2, S2_BOX, "S2", "subdistrict", null);
    }

    static Feature r1() {
        return grid(3, box(121.480, 31.220, 121.485, 31.230), "R1", "residential", "S1");
    }

    static Feature r2() {
        return grid(4, box(121.485, 31.220, 121.490, 31.230), "R2", "residential", "S1");
    }

    static Feature m1() {
        return grid(5, box(121.480, 31.220, 121.4825, 31.225), "M1", "micro", "R1");
    }

    static Feature r3InS2() {
        return grid(6, box(121.490, 31.220, 121.500, 31.230), "R3", "residential", "S2");
    }
}
