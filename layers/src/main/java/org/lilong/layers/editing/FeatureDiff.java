package org.lilong.layers.editing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.lilong.layers.model.Feature;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Geometry;

/**
 * What changed between two versions of a feature: each attribute whose value differs (added,
 * removed or changed), and whether the geometry moved — by how much at most (Hausdorff distance,
 * metres) and, for areas, how the area changed.
 *
 * @param hausdorffMetres 0 when the geometries are equal
 */
public record FeatureDiff(List<AttributeChange> attributes, boolean geometryChanged, double hausdorffMetres,
        double areaChangeSquareMetres) {

    /** One attribute's values in the two versions; null where it had none. */
    public record AttributeChange(String name, Object from, Object to) {
    }

    public FeatureDiff {
        attributes = List.copyOf(attributes);
    }

    public static FeatureDiff between(Feature from, Feature to) {
        List<AttributeChange> changes = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(from.properties().keySet());
        names.addAll(to.properties().keySet());
        for (String name : names) {
            Object before = from.get(name);
            Object after = to.get(name);
            if (!Objects.equals(before, after)) {
                changes.add(new AttributeChange(name, before, after));
            }
        }
        boolean moved = !from.geometry().equalsExact(to.geometry());
        double hausdorff = 0;
        double areaChange = 0;
        if (moved) {
            MetricPlane plane = MetricPlane.around(from.geometry());
            Geometry a = plane.metres(from.geometry());
            Geometry b = plane.metres(to.geometry());
            hausdorff = DiscreteHausdorffDistance.distance(a, b, 0.25);
            areaChange = b.getArea() - a.getArea();
        }
        return new FeatureDiff(changes, moved, hausdorff, areaChange);
    }
}
