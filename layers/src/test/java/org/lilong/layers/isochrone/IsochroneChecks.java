package org.lilong.layers.isochrone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.lilong.layers.network.EdgePosition;
import org.lilong.layers.network.LocalScale;
import org.lilong.layers.network.ShortestPathTree;
import org.lilong.layers.network.WalkingNetwork;
import org.lilong.layers.spatial.GeometryFactories;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * The properties every set of isochrones must have, checked against the search they came from by
 * means independent of {@link IsochroneBuilder}: the reached street is cut from the network with
 * {@link WalkingNetwork#edgeGeometry(int, double, double)} and measured by sampling
 * {@link ShortestPathTree#distanceMetres(EdgePosition)}, and distances are measured with JTS in a local
 * plane. Used by the generated-network tests here and by the real-extract test in geodata.
 */
public final class IsochroneChecks {

    /** Slack for the plane of the checks against the builder's (millimetres over a few kilometres). */
    private static final double SLACK_METRES = 0.05;
    private static final int SAMPLES_PER_EDGE = 400;

    private final WalkingNetwork network;
    private final ShortestPathTree tree;
    private final List<EdgePosition> origins;
    private final double bufferMetres;
    private final double cellMetres;
    private final LocalScale scale;
    private final double lon0;
    private final double lat0;
    private final GeometryFactory plane = new GeometryFactory();

    /** @param origins the points the search started from ({@code tree} must hold that search) */
    public IsochroneChecks(WalkingNetwork network, ShortestPathTree tree, List<EdgePosition> origins, IsochroneBuilder builder) {
        this.network = network;
        this.tree = tree;
        this.origins = origins;
        this.bufferMetres = builder.bufferMetres();
        this.cellMetres = builder.cellMetres();
        this.lon0 = network.nodeLon(0);
        this.lat0 = network.nodeLat(0);
        this.scale = LocalScale.at(lat0);
    }

    /** All the properties, for isochrones of ascending distances built from {@code tree}. */
    public void assertAll(List<Isochrone> isochrones, Random random) {
        assertValidAndNested(isochrones);
        for (Isochrone isochrone : isochrones) {
            assertReachedStreetInside(isochrone, random);
            assertNothingFartherThanBufferAndCell(isochrone, random);
            assertReachedLengthMatchesSampling(isochrone);
            assertAreaMatchesTheGeometry(isochrone);
        }
    }

    public void assertValidAndNested(List<Isochrone> isochrones) {
        for (int k = 0; k < isochrones.size(); k++) {
            Isochrone iso = isochrones.get(k);
            assertThat(iso.area().isValid()).as("valid at %s m", iso.distanceMetres()).isTrue();
            assertThat(iso.area().getSRID()).isEqualTo(4326);
            assertThat(iso.reachedStreetMetres()).isLessThanOrEqualTo(network.totalLengthMetres() + 1e-6);
            if (k > 0) {
                Isochrone smaller = isochrones.get(k - 1);
                assertThat(iso.area().covers(smaller.area())).as("%s m covers %s m", iso.distanceMetres(),
                        smaller.distanceMetres()).isTrue();
                assertThat(iso.areaSquareMetres()).isGreaterThanOrEqualTo(smaller.areaSquareMetres());
                assertThat(iso.reachedStreetMetres()).isGreaterThanOrEqualTo(smaller.reachedStreetMetres());
            }
        }
    }

    /** Every node reached within the distance, and points along partly reached edges up to it, lie inside. */
    public void assertReachedStreetInside(Isochrone iso, Random random) {
        PreparedGeometry area = PreparedGeometryFactory.prepare(iso.area());
        double d = iso.distanceMetres();
        for (int n = 0; n < network.nodeCount(); n++) {
            if (tree.distanceMetres(n) <= d) {
                assertThat(area.covers(lonLat(network.nodeLon(n), network.nodeLat(n))))
                        .as("node %d at %s m inside the %s m area", n, tree.distanceMetres(n), d).isTrue();
            }
        }
        for (int e = 0; e < network.edgeCount(); e++) {
            for (int k = 0; k < 4; k++) {
                EdgePosition p = new EdgePosition(e, random.nextDouble());
                if (tree.distanceMetres(p) <= d) {
                    assertThat(area.covers(point(network.pointAt(e, p.fraction()))))
                            .as("%s at %s m inside the %s m area", p, tree.distanceMetres(p), d).isTrue();
                }
            }
        }
    }

    /**
     * No point of the area is farther than buffer + cell from street reached within the distance:
     * checked at every node and at random points around the area.
     */
    public void assertNothingFartherThanBufferAndCell(Isochrone iso, Random random) {
        if (iso.area().isEmpty()) {
            return;
        }
        PreparedGeometry area = PreparedGeometryFactory.prepare(iso.area());
        IndexedFacetDistance reached = new IndexedFacetDistance(reachedStreetInPlane(iso.distanceMetres()));
        double limit = bufferMetres + cellMetres + SLACK_METRES;
        List<Coordinate> probes = new ArrayList<>();
        for (int n = 0; n < network.nodeCount(); n++) {
            probes.add(new Coordinate(network.nodeLon(n), network.nodeLat(n)));
        }
        var box = iso.area().getEnvelopeInternal();
        for (int k = 0; k < 2000; k++) {
            probes.add(new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(),
                    box.getMinY() + random.nextDouble() * box.getHeight()));
        }
        for (Coordinate probe : probes) {
            double metres = reached.distance(plane.createPoint(toPlane(probe.x, probe.y)));
            if (metres > limit) {
                assertThat(area.covers(point(probe))).as("%s, %s m from reached street, outside the %s m area", probe,
                        metres, iso.distanceMetres()).isFalse();
            }
        }
    }

    /**
     * More than one cell inside water, the area keeps within one cell diagonal (plus one cell for the
     * contour) of reached street, so it follows bridges and does not fill the water between banks:
     * checked at random points of the water.
     */
    public void assertWaterOnlyAlongStreets(Isochrone iso, Geometry water, Random random) {
        if (iso.area().isEmpty()) {
            return;
        }
        PreparedGeometry area = PreparedGeometryFactory.prepare(iso.area());
        PreparedGeometry wet = PreparedGeometryFactory.prepare(water);
        IndexedFacetDistance shore = new IndexedFacetDistance(toPlane(water).getBoundary());
        IndexedFacetDistance reached = new IndexedFacetDistance(reachedStreetInPlane(iso.distanceMetres()));
        double limit = cellMetres * Math.sqrt(2) + cellMetres + SLACK_METRES;
        var box = water.getEnvelopeInternal();
        int checked = 0;
        for (int k = 0; k < 20_000 && checked < 3000; k++) {
            Point probe = lonLat(box.getMinX() + random.nextDouble() * box.getWidth(),
                    box.getMinY() + random.nextDouble() * box.getHeight());
            Point inPlane = plane.createPoint(toPlane(probe.getX(), probe.getY()));
            if (!wet.contains(probe) || shore.distance(inPlane) <= cellMetres + SLACK_METRES) {
                continue;
            }
            checked++;
            double metres = reached.distance(inPlane);
            if (metres > limit) {
                assertThat(area.covers(probe)).as("%s in water, %s m from reached street, outside the %s m area", probe,
                        metres, iso.distanceMetres()).isFalse();
            }
        }
        assertThat(checked).isPositive();
    }

    /** The reached length agrees with sampling the walking distance along every edge. */
    public void assertReachedLengthMatchesSampling(Isochrone iso) {
        double sampled = 0;
        double slack = 1e-6;
        for (int e = 0; e < network.edgeCount(); e++) {
            if (!touchesSearch(e)) {
                continue;
            }
            double length = network.edgeLengthMetres(e);
            int inside = 0;
            for (int k = 0; k < SAMPLES_PER_EDGE; k++) {
                if (tree.distanceMetres(new EdgePosition(e, (k + 0.5) / SAMPLES_PER_EDGE)) <= iso.distanceMetres()) {
                    inside++;
                }
            }
            sampled += length * inside / SAMPLES_PER_EDGE;
            slack += 4 * length / SAMPLES_PER_EDGE;
        }
        assertThat(iso.reachedStreetMetres()).isCloseTo(sampled, within(slack));
    }

    /** The area in square metres is that of the geometry in a local plane (within 0.2 %). */
    public void assertAreaMatchesTheGeometry(Isochrone iso) {
        Geometry projected = toPlane(iso.area());
        assertThat(iso.areaSquareMetres()).isCloseTo(projected.getArea(), within(1 + 0.002 * projected.getArea()));
    }

    private Geometry toPlane(Geometry lonLat) {
        Geometry projected = lonLat.copy();
        projected.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            Coordinate p = toPlane(c.x, c.y);
            c.x = p.x;
            c.y = p.y;
        });
        projected.geometryChanged();
        return projected;
    }

    private boolean touchesSearch(int edge) {
        if (tree.isReached(network.edgeFrom(edge)) || tree.isReached(network.edgeTo(edge))) {
            return true;
        }
        return origins.stream().anyMatch(o -> o.edge() == edge);
    }

    /** The street within the distance, in the local plane: each edge's parts found by sampling, refined by bisection. */
    Geometry reachedStreetInPlane(double d) {
        List<LineString> pieces = new ArrayList<>();
        for (int e = 0; e < network.edgeCount(); e++) {
            if (!touchesSearch(e)) {
                continue;
            }
            int steps = SAMPLES_PER_EDGE;
            double start = -1;
            for (int k = 0; k <= steps; k++) {
                double f = (double) k / steps;
                boolean in = tree.distanceMetres(new EdgePosition(e, f)) <= d;
                if (in && start < 0) {
                    start = k == 0 ? 0 : boundary(e, (double) (k - 1) / steps, f, d);
                }
                if ((!in || k == steps) && start >= 0) {
                    double end = in ? 1 : boundary(e, f, (double) (k - 1) / steps, d);
                    pieces.add(toPlane(network.edgeGeometry(e, start, Math.max(start, end))));
                    start = -1;
                }
            }
        }
        return plane.createMultiLineString(pieces.toArray(LineString[]::new));
    }

    /** The fraction between {@code out} (beyond d) and {@code in} (within d) where the distance crosses d. */
    private double boundary(int edge, double out, double in, double d) {
        for (int k = 0; k < 40; k++) {
            double mid = (out + in) / 2;
            if (tree.distanceMetres(new EdgePosition(edge, mid)) <= d) {
                in = mid;
            } else {
                out = mid;
            }
        }
        return in;
    }

    private LineString toPlane(LineString line) {
        Coordinate[] coordinates = line.getCoordinates();
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = toPlane(coordinates[i].x, coordinates[i].y);
        }
        return plane.createLineString(coordinates);
    }

    private Coordinate toPlane(double lon, double lat) {
        return new Coordinate((lon - lon0) * scale.metresPerDegreeLon(), (lat - lat0) * scale.metresPerDegreeLat());
    }

    private static Point lonLat(double lon, double lat) {
        return GeometryFactories.WGS84.createPoint(new Coordinate(lon, lat));
    }

    private static Point point(Coordinate c) {
        return GeometryFactories.WGS84.createPoint(new Coordinate(c));
    }
}
