package org.lilong.layers.isochrone;

import java.util.ArrayList;
import java.util.List;
import org.lilong.layers.network.LocalScale;
import org.lilong.layers.network.WalkingNetwork;
import org.lilong.layers.network.WalkingNetworkBuilder;
import org.lilong.layers.spatial.GeometryFactories;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Test networks and water drawn as WKT in metres east (x) and north (y) of People's Square, turned
 * into WGS84 with the {@link LocalScale} of that latitude (a few millimetres per 100 m from geodesic).
 *
 * <pre>{@code
 *   WalkingNetwork cross = MetricSketch.network("MULTILINESTRING ((-400 0, 0 0, 400 0), (0 -400, 0 0, 0 400))");
 * }</pre>
 */
public final class MetricSketch {

    public static final double ORIGIN_LON = 121.4737;
    public static final double ORIGIN_LAT = 31.2304;
    public static final LocalScale SCALE = LocalScale.at(ORIGIN_LAT);

    private MetricSketch() {
    }

    /** The network of the lines of a WKT (Multi)LineString in metres; each part is one street. */
    public static WalkingNetwork network(String wkt) {
        Geometry lines = toLonLat(read(wkt));
        WalkingNetworkBuilder builder = new WalkingNetworkBuilder();
        for (int i = 0; i < lines.getNumGeometries(); i++) {
            builder.add(i + 1, lines.getGeometryN(i));
        }
        return builder.build();
    }

    /** A WKT geometry in metres, in WGS84. */
    public static Geometry lonLat(String wkt) {
        return toLonLat(read(wkt));
    }

    public static Coordinate lonLat(double eastMetres, double northMetres) {
        return new Coordinate(ORIGIN_LON + eastMetres / SCALE.metresPerDegreeLon(),
                ORIGIN_LAT + northMetres / SCALE.metresPerDegreeLat());
    }

    public static Point point(double eastMetres, double northMetres) {
        return GeometryFactories.WGS84.createPoint(lonLat(eastMetres, northMetres));
    }

    /** The node nearest to a point given in metres. */
    public static int node(WalkingNetwork network, double eastMetres, double northMetres) {
        Coordinate c = lonLat(eastMetres, northMetres);
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int n = 0; n < network.nodeCount(); n++) {
            double d = Math.hypot(network.nodeLon(n) - c.x, network.nodeLat(n) - c.y);
            if (d < bestDistance) {
                best = n;
                bestDistance = d;
            }
        }
        return best;
    }

    private static Geometry read(String wkt) {
        try {
            return new WKTReader(GeometryFactories.WGS84).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }

    private static Geometry toLonLat(Geometry metres) {
        Geometry copy = metres.copy();
        copy.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            Coordinate ll = lonLat(c.x, c.y);
            c.x = ll.x;
            c.y = ll.y;
        });
        copy.geometryChanged();
        return copy;
    }

    static List<Geometry> parts(Geometry geometry) {
        List<Geometry> parts = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            parts.add(geometry.getGeometryN(i));
        }
        return parts;
    }
}
