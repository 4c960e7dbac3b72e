package org.lilong.server.http;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.regex.Pattern;
import org.lilong.geodata.crs.CoordinateTransform;
import org.lilong.layers.spatial.GeometryFactories;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Reads {@code bbox} in the CRS {@code bbox-crs} names (CRS84 when absent), in that CRS's axis order
 * (OGC API – Features Part 2, /req/crs/fc-bbox-crs-action), and turns it into the WGS84
 * {@link BboxArea} the query runs on. A box that cannot exist in its CRS (a latitude beyond 90° in
 * EPSG:4326's latitude-first order, metres outside the Web Mercator square, a projected box the
 * projection cannot take back) is refused with a 400 naming the parameter.
 *
 * <p>A box in another CRS is not a rectangle in WGS84: its outline, with {@value #POINTS_PER_EDGE}
 * points per edge, is transformed and, unless it is still a rectangle, used as the exact area.
 */
final class BboxParameter {

    static final String BBOX = "bbox";
    static final String BBOX_CRS = "bbox-crs";
    private static final int POINTS_PER_EDGE = 32;
    /**
     * A plain decimal number, as Java or JavaScript print a double (up to 17 significant digits, an
     * exponent): not NaN, Infinity, hexadecimal or {@code 1.5d}.
     */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d{1,20}(\\.\\d{0,20})?|\\.\\d{1,20})([eE][+-]?\\d{1,3})?");
    /** A projected box whose corners do not come back within this many metres is outside the projection's domain. */
    private static final double ROUND_TRIP_METRES = 1.0;

    private BboxParameter() {
    }

    /** The request's {@code bbox} and {@code bbox-crs}, each given at most once. */
    static BboxArea parse(Context ctx) {
        return parse(QueryParameters.single(ctx, BBOX), QueryParameters.single(ctx, BBOX_CRS));
    }

    /**
     * @param bbox the {@code bbox} value, or null
     * @param bboxCrs the {@code bbox-crs} value, or null
     */
    static BboxArea parse(String bbox, String bboxCrs) {
        if (bboxCrs != null && bbox == null) {
            throw ApiProblem.invalidParameter(BBOX_CRS, "is given without a bbox to apply to");
        }
        ApiCrs crs = bboxCrs == null ? ApiCrs.CRS84 : ApiCrs.parse(BBOX_CRS, bboxCrs);
        if (bbox == null) {
            return BboxArea.EVERYWHERE;
        }
        double[] values = numbers(bbox, crs);
        // With 6 values the third and sixth are heights, which 2D layers ignore.
        int half = values.length / 2;
        double min1 = values[0];
        double min2 = values[1];
        double max1 = values[half];
        double max2 = values[half + 1];
        Envelope box = crs.axes().northFirst() ? new Envelope(min2, max2, min1, max1) : new Envelope(min1, max1, min2, max2);
        checkDomain(crs, min1, min2, max1, max2);
        if (crs == ApiCrs.CRS84 || crs == ApiCrs.EPSG_4326 || crs == ApiCrs.EPSG_4490) {
            return new BboxArea(box, null);
        }
        return transformed(crs, box);
    }

    private static double[] numbers(String text, ApiCrs crs) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw ApiProblem.invalidParameter(BBOX, "expected 4 numbers (" + axisNames(crs) + "), got " + parts.length + " values");
        }
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!NUMBER.matcher(parts[i].trim()).matches()) {
                throw ApiProblem.invalidParameter(BBOX, "'" + parts[i] + "' is not a number");
            }
            values[i] = Double.parseDouble(parts[i].trim());
        }
        return values;
    }

    /** The order of the four numbers in a CRS: "minLongitude,minLatitude,maxLongitude,maxLatitude" for CRS84. */
    private static String axisNames(ApiCrs crs) {
        ApiCrs.Axes axes = crs.axes();
        return "min " + axes.first + ", min " + axes.second + ", max " + axes.first + ", max " + axes.second
                + (crs == ApiCrs.CRS84 ? "" : " in " + crs.shortName());
    }

    private static void checkDomain(ApiCrs crs, double min1, double min2, double max1, double max2) {
        ApiCrs.Axes axes = crs.axes();
        if (axes.geographic()) {
            double lonMin = axes.northFirst() ? min2 : min1;
            double lonMax = axes.northFirst() ? max2 : max1;
            double latMin = axes.northFirst() ? min1 : min2;
            double latMax = axes.northFirst() ? max1 : max2;
            if (lonMin < -180 || lonMax > 180 || latMin < -90 || latMax > 90) {
                throw ApiProblem.invalidParameter(BBOX, "out of range: longitudes lie in [-180, 180], latitudes in [-90, 90]"
                        + (axes.northFirst() ? "; " + crs.shortName() + " puts latitude first (" + axisNames(crs)
                        + "), bbox-crs=CRS84 takes longitude first" : ""));
            }
        } else if (crs == ApiCrs.EPSG_3857) {
            double limit = ApiCrs.WEB_MERCATOR_HALF_WORLD;
            if (Math.abs(min1) > limit || Math.abs(max1) > limit || Math.abs(min2) > limit || Math.abs(max2) > limit) {
                throw ApiProblem.invalidParameter(BBOX, String.format(Locale.ROOT,
                        "out of range: EPSG:3857 eastings and northings lie in [-%.2f, %.2f] metres", limit, limit));
            }
        } // other projected boxes are checked by transforming their outline
        if (min2 > max2) {
            throw ApiProblem.invalidParameter(BBOX, "inverted: minimum " + axes.second + " " + min2 + " is above maximum " + max2);
        }
        if (min1 > max1) {
            throw ApiProblem.invalidParameter(BBOX, "inverted: minimum " + axes.first + " " + min1 + " is above maximum " + max1
                    + (axes == ApiCrs.Axes.LON_LAT ? " (boxes across the antimeridian are not supported)" : ""));
        }
    }

    private static BboxArea transformed(ApiCrs crs, Envelope box) {
        CoordinateTransform transform = crs.transform();
        Polygon outline = outline(box);
        Geometry wgs84;
        try {
            wgs84 = transform.toWgs84(outline);
        } catch (IllegalArgumentException e) {
            throw outside(crs);
        }
        Envelope area = wgs84.getEnvelopeInternal();
        if (area.getMinX() < -180 || area.getMaxX() > 180 || area.getMinY() < -90 || area.getMaxY() > 90) {
            throw outside(crs);
        }
        if (!crs.axes().geographic()) {
            Coordinate[] back = transform.fromWgs84(wgs84).getCoordinates();
            Coordinate[] given = outline.getCoordinates();
            for (int i = 0; i < given.length; i++) {
                if (!(given[i].distance(back[i]) <= ROUND_TRIP_METRES)) {
                    throw outside(crs);
                }
            }
        }
        boolean rectangle = wgs84.getArea() >= area.getArea() * (1 - 1e-9);
        return new BboxArea(area, rectangle ? null : PreparedGeometryFactory.prepare(wgs84));
    }

    private static ApiProblem outside(ApiCrs crs) {
        return ApiProblem.invalidParameter(BBOX, "lies outside the area where " + crs.shortName() + " can be turned into WGS84");
    }

    /** The box's outline, densified so that curved edges in WGS84 stay close. */
    private static Polygon outline(Envelope box) {
        Coordinate[] ring = new Coordinate[4 * POINTS_PER_EDGE + 1];
        double[][] corners = {
                {box.getMinX(), box.getMinY()}, {box.getMaxX(), box.getMinY()},
                {box.getMaxX(), box.getMaxY()}, {box.getMinX(), box.getMaxY()}};
        int n = 0;
        for (int edge = 0; edge < 4; edge++) {
            double[] from = corners[edge];
            double[] to = corners[(edge + 1) % 4];
            for (int i = 0; i < POINTS_PER_EDGE; i++) {
                double t = (double) i / POINTS_PER_EDGE;
                ring[n++] = new Coordinate(from[0] + t * (to[0] - from[0]), from[1] + t * (to[1] - from[1]));
            }
        }
        ring[n] = new Coordinate(ring[0]);
        return GeometryFactories.WGS84.createPolygon(ring);
    }
}
