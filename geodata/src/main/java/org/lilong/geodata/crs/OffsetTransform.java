package org.lilong.geodata.crs;

import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Geometry;

/** GCJ-02 or BD-09 to and from WGS84, with {@link ChinaOffsets}. */
final class OffsetTransform implements CoordinateTransform {

    static final OffsetTransform GCJ02 = new OffsetTransform("GCJ02",
            p -> ChinaOffsets.gcj02ToWgs84(p[0], p[1]), p -> ChinaOffsets.wgs84ToGcj02(p[0], p[1]));
    static final OffsetTransform BD09 = new OffsetTransform("BD09",
            p -> ChinaOffsets.bd09ToWgs84(p[0], p[1]), p -> ChinaOffsets.wgs84ToBd09(p[0], p[1]));

    private final String code;
    private final UnaryOperator<double[]> toWgs84;
    private final UnaryOperator<double[]> fromWgs84;

    private OffsetTransform(String code, UnaryOperator<double[]> toWgs84, UnaryOperator<double[]> fromWgs84) {
        this.code = code;
        this.toWgs84 = toWgs84;
        this.fromWgs84 = fromWgs84;
    }

    @Override
    public Geometry toWgs84(Geometry g) {
        return Geometries.map(g, 4326, "from " + code + " to WGS84", toWgs84);
    }

    @Override
    public Geometry fromWgs84(Geometry g) {
        return Geometries.map(g, 0, "from WGS84 to " + code, fromWgs84);
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
