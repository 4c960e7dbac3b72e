package org.lilong.geodata.demo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * Pulls a metric polygon in from the street centre lines around it (square corners kept), so that
 * areas and plots sit on the land between streets instead of on the carriageway.
 */
final class Inset {

    private Inset() {
    }

    static Polygon by(Polygon metric, double metres) {
        BufferParameters parameters = new BufferParameters();
        parameters.setJoinStyle(BufferParameters.JOIN_MITRE);
        parameters.setMitreLimit(4);
        Geometry inset = BufferOp.bufferOp(metric, -metres, parameters);
        Geometry simplified = DouglasPeuckerSimplifier.simplify(inset, 0.05);
        if (!(simplified instanceof Polygon polygon) || polygon.isEmpty()) {
            throw new IllegalStateException("inset of " + metres + " m leaves " + simplified.getGeometryType());
        }
        return polygon;
    }
}
