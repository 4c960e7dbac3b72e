package org.lilong.layers.editing;

import java.util.ArrayList;
import java.util.List;
import org.lilong.layers.model.Feature;
import org.lilong.layers.spatial.LayerIndex;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlay.snap.GeometrySnapper;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * {@code snap=true}: makes a drawn grid fit its neighbours instead of refusing it. Its vertices
 * within the tolerance of the parent's or a sibling's boundary move onto it (JTS's GeometrySnapper),
 * then it is cut to the parent and the siblings are cut out of it, so small slips of the pen neither
 * overlap nor leave slivers. The result is proposed for review, not stored.
 */
final class GridSnapper {

    private final double toleranceMetres;

    GridSnapper(double toleranceMetres) {
        this.toleranceMetres = toleranceMetres;
    }

    Geometry snap(LayerIndex grids, Feature proposed, Feature parent) {
        MetricPlane plane = MetricPlane.around(proposed.geometry());
        Geometry drawn = plane.metres(proposed.geometry());
        String parentCode = parent == null ? null : parent.text("code");
        List<Geometry> siblings = new ArrayList<>();
        if (parentCode != null) {
            for (Feature sibling : grids.intersecting(proposed.geometry().getEnvelopeInternal())) {
                if (sibling.id() != proposed.id() && parentCode.equals(sibling.text("parent_code"))) {
                    siblings.add(plane.metres(sibling.geometry()));
                }
            }
        }
        List<Geometry> neighbours = new ArrayList<>(siblings);
        if (parent != null) {
            neighbours.add(plane.metres(parent.geometry()));
        }
        Geometry result = drawn;
        if (!neighbours.isEmpty()) {
            Geometry boundaries = drawn.getFactory().buildGeometry(neighbours.stream().map(Geometry::getBoundary).toList());
            result = GeometryFixer.fix(new GeometrySnapper(drawn).snapTo(boundaries, toleranceMetres));
            if (parent != null) {
                result = result.intersection(plane.metres(parent.geometry()));
            }
            if (!siblings.isEmpty()) {
                result = result.difference(UnaryUnionOp.union(siblings));
            }
        }
        return plane.degrees(polygonal(result));
    }

    /** Only the polygons of an overlay's result (it may hold slivers of lines or points). */
    private static Geometry polygonal(Geometry geometry) {
        if (geometry instanceof Polygonal) {
            return geometry;
        }
        List<Geometry> polygons = new ArrayList<>();
        if (geometry instanceof GeometryCollection collection) {
            for (int i = 0; i < collection.getNumGeometries(); i++) {
                if (collection.getGeometryN(i) instanceof Polygonal) {
                    polygons.add(collection.getGeometryN(i));
                }
            }
        }
        return geometry.getFactory().buildGeometry(polygons);
    }
}
