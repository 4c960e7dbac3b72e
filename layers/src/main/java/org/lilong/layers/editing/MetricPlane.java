package org.lilong.layers.editing;

import org.lilong.layers.network.LocalScale;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Lon/lat geometries scaled to metres about one latitude (equirectangular), for areas and
 * tolerances of grid-sized shapes: within a few kilometres the error is far below the 0.5 m
 * tolerance the rules use.
 */
final class MetricPlane {

    private final AffineTransformation toMetres;
    private final AffineTransformation toDegrees;
    private final LocalScale scale;

    MetricPlane(double latitude) {
        scale = LocalScale.at(latitude);
        toMetres = AffineTransformation.scaleInstance(scale.metresPerDegreeLon(), scale.metresPerDegreeLat());
        toDegrees = AffineTransformation.scaleInstance(1 / scale.metresPerDegreeLon(), 1 / scale.metresPerDegreeLat());
    }

    static MetricPlane around(Geometry geometry) {
        return new MetricPlane(geometry.getEnvelopeInternal().centre().y);
    }

    Geometry metres(Geometry lonLat) {
        return toMetres.transform(lonLat);
    }

    Geometry degrees(Geometry metres) {
        return toDegrees.transform(metres);
    }

    /** Degrees of latitude spanning the given metres (the larger of the two axes' degree sizes). */
    double degrees(double metres) {
        return metres / Math.min(scale.metresPerDegreeLon(), scale.metresPerDegreeLat());
    }
}
