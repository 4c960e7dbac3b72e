package org.lilong.layers.spatial;

import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** The geometry factories Lilong uses, so that every geometry carries the right SRID. */
public final class GeometryFactories {

    /** WGS84 longitude/latitude, EPSG:4326, full double precision. */
    public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private GeometryFactories() {
    }
}
