package org.lilong.geodata.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * The creek: a channel 18–24 m wide that meanders gently (two superposed sine waves, at most
 * about ±20 m) along the middle of the plan's creek band, from beyond the west boundary to beyond
 * the east boundary. The embankment streets stay at least 20 m from the water, so the creek shows
 * as a clear gap between the two halves of the district.
 */
final class CreekCourse {

    private static final double STEP = 10;
    private static final double MIN_EMBANKMENT_CLEARANCE = 20;

    private final Polygon channel;
    private final Polygon withinDistrict;

    private CreekCourse(Polygon channel, Polygon withinDistrict) {
        this.channel = channel;
        this.withinDistrict = withinDistrict;
    }

    static CreekCourse trace(StreetPlan plan, SplittableRandom random, GeometryFactory factory) {
        int row = plan.creekRow();
        Coordinate southWest = plan.corner(0, row);
        Coordinate southEast = plan.corner(plan.columns(), row);
        Coordinate northWest = plan.corner(0, row + 1);
        Coordinate northEast = plan.corner(plan.columns(), row + 1);
        double bandWidth = Math.min(northWest.y - southWest.y, northEast.y - southEast.y);
        double halfWidth = 9 + random.nextDouble() * 3;
        double budget = bandWidth / 2 - halfWidth - MIN_EMBANKMENT_CLEARANCE;
        double amplitude1 = budget * (0.55 + random.nextDouble() * 0.15);
        double amplitude2 = budget * (0.15 + random.nextDouble() * 0.15);
        double wavelength1 = 700 + random.nextDouble() * 400;
        double wavelength2 = 250 + random.nextDouble() * 150;
        double phase1 = random.nextDouble() * 2 * Math.PI;
        double phase2 = random.nextDouble() * 2 * Math.PI;

        double west = Math.min(southWest.x, northWest.x) - 80;
        double east = Math.max(southEast.x, northEast.x) + 80;
        int samples = (int) Math.ceil((east - west) / STEP);
        List<Coordinate> northBank = new ArrayList<>();
        List<Coordinate> southBank = new ArrayList<>();
        for (int k = 0; k <= samples; k++) {
            double x = west + k * STEP;
            double centre = (lineY(southWest, southEast, x) + lineY(northWest, northEast, x)) / 2
                    + amplitude1 * StrictMath.sin(2 * Math.PI * x / wavelength1 + phase1)
                    + amplitude2 * StrictMath.sin(2 * Math.PI * x / wavelength2 + phase2);
            northBank.add(new Coordinate(x, centre + halfWidth));
            southBank.add(new Coordinate(x, centre - halfWidth));
        }
        List<Coordinate> ring = new ArrayList<>(southBank);
        for (int k = northBank.size() - 1; k >= 0; k--) {
            ring.add(northBank.get(k));
        }
        ring.add(new Coordinate(ring.get(0)));
        Polygon channel = factory.createPolygon(ring.toArray(Coordinate[]::new));
        Polygon district = factory.createPolygon(new Coordinate[] {
                plan.corner(0, 0), plan.corner(plan.columns(), 0), plan.corner(plan.columns(), plan.rows()),
                plan.corner(0, plan.rows()), plan.corner(0, 0)});
        Geometry clipped = TopologyPreservingSimplifier.simplify(channel.intersection(district), 0.5);
        if (!(clipped instanceof Polygon polygon)) {
            throw new IllegalStateException("the creek should cross the district in one piece: " + clipped.getGeometryType());
        }
        return new CreekCourse(channel, polygon);
    }

    private static double lineY(Coordinate a, Coordinate b, double x) {
        return a.y + (x - a.x) * (b.y - a.y) / (b.x - a.x);
    }

    /** The water within the sub-district, in metres (vertices within 0.5 m of the traced banks). */
    Polygon water() {
        return withinDistrict;
    }

    /**
     * Where the segment from a to b crosses the water, as fractions of its length {t0, t1},
     * or null when it stays dry.
     */
    double[] crossing(Coordinate a, Coordinate b) {
        LineString segment = channel.getFactory().createLineString(new Coordinate[] {a, b});
        Geometry wet = segment.intersection(channel);
        if (wet.isEmpty()) {
            return null;
        }
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        double lengthSquared = dx * dx + dy * dy;
        double t0 = Double.MAX_VALUE;
        double t1 = -Double.MAX_VALUE;
        for (Coordinate c : wet.getCoordinates()) {
            double t = ((c.x - a.x) * dx + (c.y - a.y) * dy) / lengthSquared;
            t0 = Math.min(t0, t);
            t1 = Math.max(t1, t);
        }
        return new double[] {t0, t1};
    }
}
