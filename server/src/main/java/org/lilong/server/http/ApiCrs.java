package org.lilong.server.http;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.lilong.geodata.crs.CoordinateTransform;
import org.lilong.geodata.crs.CrsRegistry;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * The coordinate reference systems the items can be asked for with {@code crs} and {@code bbox-crs}
 * (OGC API – Features Part 2), each with the axis order its definition gives: EPSG:4326 and
 * EPSG:4490 are latitude, longitude; EPSG:4549 is northing, easting (the EPSG register's Cartesian
 * CS 4530, axes X north and Y east); CRS84, EPSG:3857 and the Chinese web-map offsets GCJ-02 and
 * BD-09 are longitude/easting first. The stores hold CRS84, so CRS84 costs nothing.
 *
 * <p>GCJ-02 and BD-09 have no official URI, so Lilong names them {@code urn:lilong:def:crs:gcj02}
 * and {@code urn:lilong:def:crs:bd09}. Every CRS is also accepted by a short name ({@code CRS84},
 * {@code EPSG:4326}, {@code gcj02}, ...), as a safe CURIE ({@code [EPSG:4326]}) and with
 * {@code https}; a short EPSG name keeps the EPSG axis order.
 *
 * <p>CGCS2000 (EPSG:4490) is served as the WGS84 coordinates themselves: the two frames differ by a
 * few centimetres, less than the stored data's accuracy, and no published transformation between them
 * is used in practice (Tianditu draws WGS84 data unshifted).
 */
enum ApiCrs {
    CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", "CRS84", "EPSG:4326", Axes.LON_LAT),
    EPSG_4326("http://www.opengis.net/def/crs/EPSG/0/4326", "EPSG:4326", "EPSG:4326", Axes.LAT_LON),
    EPSG_3857("http://www.opengis.net/def/crs/EPSG/0/3857", "EPSG:3857", "EPSG:3857", Axes.EAST_NORTH),
    EPSG_4490("http://www.opengis.net/def/crs/EPSG/0/4490", "EPSG:4490", "EPSG:4326", Axes.LAT_LON),
    EPSG_4549("http://www.opengis.net/def/crs/EPSG/0/4549", "EPSG:4549", "EPSG:4549", Axes.NORTH_EAST),
    GCJ02("urn:lilong:def:crs:gcj02", "gcj02", "GCJ02", Axes.LON_LAT),
    BD09("urn:lilong:def:crs:bd09", "bd09", "BD09", Axes.LON_LAT);

    /** The axes of a CRS in the order its definition gives them. */
    enum Axes {
        LON_LAT("longitude", "latitude"),
        LAT_LON("latitude", "longitude"),
        EAST_NORTH("easting", "northing"),
        NORTH_EAST("northing", "easting");

        final String first;
        final String second;

        Axes(String first, String second) {
            this.first = first;
            this.second = second;
        }

        boolean northFirst() {
            return this == LAT_LON || this == NORTH_EAST;
        }

        boolean geographic() {
            return this == LON_LAT || this == LAT_LON;
        }
    }

    static final String CRS_PARAMETER = "crs";

    /** The Web Mercator world is this many metres either side of 0 on both axes (latitudes to ±85.05°). */
    static final double WEB_MERCATOR_HALF_WORLD = 20_037_508.342789244;

    private final String uri;
    private final String shortName;
    private final String registryCode;
    private final Axes axes;

    ApiCrs(String uri, String shortName, String registryCode, Axes axes) {
        this.uri = uri;
        this.shortName = shortName;
        this.registryCode = registryCode;
        this.axes = axes;
    }

    /** The URI OGC API – Features Part 2 names it by, as in {@code crs} lists and {@code Content-Crs}. */
    String uri() {
        return uri;
    }

    String shortName() {
        return shortName;
    }

    Axes axes() {
        return axes;
    }

    /** The value of the {@code Content-Crs} header: the URI in angle brackets. */
    String contentCrsHeader() {
        return "<" + uri + ">";
    }

    /** To and from WGS84 in x = longitude/easting order; for CRS84, 4326 and 4490 the identity. */
    CoordinateTransform transform() {
        return CrsRegistry.resolve(registryCode);
    }

    /**
     * The stored (CRS84) geometry in this CRS and its axis order. CRS84 returns the geometry itself,
     * so the default costs no copy; every other CRS returns a new geometry.
     */
    Geometry fromWgs84(Geometry wgs84) {
        if (this == CRS84) {
            return wgs84;
        }
        Geometry projected = transform().fromWgs84(wgs84);
        if (!axes.northFirst()) {
            return projected;
        }
        Geometry swapped = projected == wgs84 ? wgs84.copy() : projected;
        swapped.apply(SwapAxes.INSTANCE);
        swapped.geometryChanged();
        return swapped;
    }

    /** The URIs of every CRS, CRS84 first: a collection's {@code crs} list. */
    static List<String> uris() {
        return Arrays.stream(values()).map(ApiCrs::uri).toList();
    }

    /**
     * The CRS the request's {@code crs} parameter asks the features in; CRS84 when absent.
     *
     * @throws ApiProblem 400 naming {@code crs} when it is unknown or given twice
     */
    static ApiCrs requested(Context ctx) {
        String value = QueryParameters.single(ctx, CRS_PARAMETER);
        return value == null ? CRS84 : parse(CRS_PARAMETER, value);
    }

    /**
     * The CRS a {@code crs} or {@code bbox-crs} value names.
     *
     * @throws ApiProblem 400 naming the parameter and listing the supported values
     */
    static ApiCrs parse(String parameter, String value) {
        String wanted = value.trim();
        if (wanted.startsWith("[") && wanted.endsWith("]")) { // a safe CURIE, [EPSG:4326]
            wanted = wanted.substring(1, wanted.length() - 1);
        }
        String key = wanted.toLowerCase(Locale.ROOT).replaceFirst("^https://", "http://");
        for (ApiCrs crs : values()) {
            if (key.equals(crs.uri.toLowerCase(Locale.ROOT)) || key.equals(crs.shortName.toLowerCase(Locale.ROOT))) {
                return crs;
            }
        }
        throw ApiProblem.invalidParameter(parameter, "'" + value + "' is not a supported CRS; use one of " + String.join(", ", uris())
                + " (or their short names " + String.join(", ", Arrays.stream(values()).map(ApiCrs::shortName).toList()) + ")");
    }

    /** Swaps x and y in place: the EPSG order of a north-first CRS. */
    private static final class SwapAxes implements CoordinateSequenceFilter {

        static final SwapAxes INSTANCE = new SwapAxes();

        @Override
        public void filter(CoordinateSequence seq, int i) {
            double x = seq.getX(i);
            seq.setOrdinate(i, 0, seq.getY(i));
            seq.setOrdinate(i, 1, x);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
