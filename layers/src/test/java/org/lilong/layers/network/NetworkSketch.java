package org.lilong.layers.network;

import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;

/**
 * A tiny builder for test networks: named points placed in metres east (x) and north (y) of People's
 * Square, and streets drawn through them. A street's points become graph nodes where they are its
 * ends or are shared with another street, exactly as {@link WalkingNetworkBuilder} decides.
 *
 * <pre>{@code
 *   NetworkSketch.Built net = new NetworkSketch()
 *           .point("a", 0, 0).point("b", 100, 0).point("c", 100, 50)
 *           .street("a", "b", "c")          // one line a–b–c: b is a shape point, not a node
 *           .build();
 *   net.node("a");                          // the node number of a
 * }</pre>
 *
 * <p>Metres are converted with the {@link LocalScale} of the origin's latitude, so edge lengths come
 * out within a few millimetres per 100 m of the distances drawn.
 */
final class NetworkSketch {

    static final double ORIGIN_LON = 121.4737;
    static final double ORIGIN_LAT = 31.2304;
    private static final LocalScale SCALE = LocalScale.at(ORIGIN_LAT);

    private final Map<String, Coordinate> points = new LinkedHashMap<>();
    private final WalkingNetworkBuilder builder = new WalkingNetworkBuilder();
    private long nextLine = 1;

    NetworkSketch point(String name, double eastMetres, double northMetres) {
        points.put(name, lonLat(eastMetres, northMetres));
        return this;
    }

    /** A street through the named points, in order; its line id is the count of streets so far. */
    NetworkSketch street(String... names) {
        Coordinate[] line = new Coordinate[names.length];
        for (int i = 0; i < names.length; i++) {
            line[i] = coordinate(names[i]);
        }
        builder.add(nextLine++, line);
        return this;
    }

    Coordinate coordinate(String name) {
        Coordinate c = points.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no point " + name);
        }
        return c;
    }

    static Coordinate lonLat(double eastMetres, double northMetres) {
        return new Coordinate(ORIGIN_LON + eastMetres / SCALE.metresPerDegreeLon(),
                ORIGIN_LAT + northMetres / SCALE.metresPerDegreeLat());
    }

    Built build() {
        return new Built(builder.build(), Map.copyOf(points));
    }

    record Built(WalkingNetwork network, Map<String, Coordinate> points) {

        /** The node at the named point. */
        int node(String name) {
            Coordinate c = points.get(name);
            for (int n = 0; n < network.nodeCount(); n++) {
                if (Math.abs(network.nodeLon(n) - c.x) < 1e-7 && Math.abs(network.nodeLat(n) - c.y) < 1e-7) {
                    return n;
                }
            }
            throw new IllegalArgumentException("point " + name + " is not a node");
        }

        /** The edge between two named nodes (the first, when streets run in parallel). */
        int edge(String from, String to) {
            int a = node(from);
            int b = node(to);
            for (int e = 0; e < network.edgeCount(); e++) {
                if (network.edgeFrom(e) == a && network.edgeTo(e) == b || network.edgeFrom(e) == b && network.edgeTo(e) == a) {
                    return e;
                }
            }
            throw new IllegalArgumentException("no edge " + from + "–" + to);
        }

        /** The point on the edge between two named nodes at a fraction of the way from the first. */
        EdgePosition at(String from, String to, double fraction) {
            int e = edge(from, to);
            return new EdgePosition(e, network.edgeFrom(e) == node(from) ? fraction : 1 - fraction);
        }
    }
}
