package org.lilong.layers.editing;

import java.util.Set;
import java.util.TreeSet;
import org.lilong.layers.model.Feature;
import org.lilong.layers.spatial.LayerIndex;
import org.locationtech.jts.geom.Geometry;

/**
 * Which sub-district a feature belongs to: the one whose boundary holds the feature's interior
 * point (a point always inside a polygon, on a line, or the point itself). A feature outside every
 * sub-district belongs to none, and only an admin may touch it.
 */
final class SubdistrictLocator {

    private final LayerIndex subdistricts;

    SubdistrictLocator(LayerIndex subdistricts) {
        this.subdistricts = subdistricts;
    }

    Set<String> codesOf(Geometry geometry) {
        Geometry point = geometry.getInteriorPoint();
        Set<String> codes = new TreeSet<>();
        for (Feature subdistrict : subdistricts.covering(point)) {
            String code = subdistrict.text("code");
            if (code != null) {
                codes.add(code);
            }
        }
        return codes;
    }
}
