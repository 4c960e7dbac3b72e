package org.lilong.geodata.crs;

import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** Copies a geometry into a factory with the target SRID, mapping each x/y pair. */
final class Geometries {

    private static final PrecisionModel FLOATING = new PrecisionModel();

    private Geometries() {
    }

    /** @throws IllegalArgumentException when a coordinate is not finite, as {@link #map} does */
    static void requireFinite(Geometry geometry, String what) {
        for (Coordinate c : geometry.getCoordinates()) {
            if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
                throw new IllegalArgumentException("coordinate (" + c.x + ", " + c.y + ") cannot be transformed " + what);
            }
        }
    }

    /**
     * @param point maps {x, y} to {x', y'}; may throw IllegalArgumentException
     * @throws IllegalArgumentException when a result is not finite
     */
    static Geometry map(Geometry geometry, int srid, String what, UnaryOperator<double[]> point) {
        Geometry copy = new GeometryFactory(FLOATING, srid).createGeometry(geometry);
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double x = seq.getX(i);
                double y = seq.getY(i);
                double[] out = point.apply(new double[] {x, y});
                if (!Double.isFinite(out[0]) || !Double.isFinite(out[1])) {
                    throw new IllegalArgumentException("coordinate (" + x + ", " + y + ") cannot be transformed " + what);
                }
                seq.setOrdinate(i, 0, out[0]);
                seq.setOrdinate(i, 1, out[1]);
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.geometryChanged();
        return copy;
    }
}
