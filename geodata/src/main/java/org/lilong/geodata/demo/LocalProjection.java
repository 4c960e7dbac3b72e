package org.lilong.geodata.demo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The local metric plane of the demo district: a transverse Mercator centred on 121.49 E, 31.23 N,
 * in metres east (x) and north (y) of that origin. The generator does all its geometry here and
 * converts to WGS84 longitude/latitude at the end, rounding to {@value #DECIMALS} decimals
 * (about a centimetre). Tests use the same plane to measure areas and distances.
 *
 * <p>Not thread-safe (proj4j transforms keep state): create one per thread.
 */
public final class LocalProjection {

    public static final double ORIGIN_LONGITUDE = 121.49;
    public static final double ORIGIN_LATITUDE = 31.23;
    public static final String PROJ_DEFINITION =
            "+proj=tmerc +lat_0=31.23 +lon_0=121.49 +k=1 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs";
    /** Decimal places kept in longitude and latitude. */
    public static final int DECIMALS = 7;
    public static final int WGS84_SRID = 4326;

    private static final double SCALE = 1e7;

    private final CoordinateTransform toWgs84;
    private final CoordinateTransform toLocal;
    private final GeometryFactory wgs84Factory = new GeometryFactory(new PrecisionModel(), WGS84_SRID);
    private final GeometryFactory localFactory = new GeometryFactory(new PrecisionModel(), 0);

    public LocalProjection() {
        CRSFactory crsFactory = new CRSFactory();
        CoordinateReferenceSystem local = crsFactory.createFromParameters("lilong-demo-local", PROJ_DEFINITION);
        CoordinateReferenceSystem wgs84 = crsFactory.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs");
        CoordinateTransformFactory transforms = new CoordinateTransformFactory();
        toWgs84 = transforms.createTransform(local, wgs84);
        toLocal = transforms.createTransform(wgs84, local);
    }

    /** Rounds a longitude or latitude to {@value #DECIMALS} decimals. */
    public static double round(double degrees) {
        return Math.round(degrees * SCALE) / SCALE;
    }

    /** The longitude/latitude of a point of the local plane, rounded. */
    public Coordinate toLonLat(Coordinate metric) {
        ProjCoordinate out = new ProjCoordinate();
        toWgs84.transform(new ProjCoordinate(metric.x, metric.y), out);
        return new Coordinate(round(out.x), round(out.y));
    }

    /** The point of the local plane at a longitude/latitude. */
    public Coordinate toMetric(Coordinate lonLat) {
        ProjCoordinate out = new ProjCoordinate();
        toLocal.transform(new ProjCoordinate(lonLat.x, lonLat.y), out);
        return new Coordinate(out.x, out.y);
    }

    /** A copy of a local-plane geometry in rounded longitude/latitude, SRID 4326. */
    public Geometry toLonLat(Geometry metric) {
        Geometry copy = wgs84Factory.createGeometry(metric);
        copy.apply(new Transforming(true));
        return copy;
    }

    /** A copy of a longitude/latitude geometry in the local plane (metres). */
    public Geometry toMetric(Geometry lonLat) {
        Geometry copy = localFactory.createGeometry(lonLat);
        copy.apply(new Transforming(false));
        return copy;
    }

    public GeometryFactory wgs84Factory() {
        return wgs84Factory;
    }

    public GeometryFactory localFactory() {
        return localFactory;
    }

    private final class Transforming implements CoordinateSequenceFilter {
        private final boolean towardsLonLat;

        Transforming(boolean towardsLonLat) {
            this.towardsLonLat = towardsLonLat;
        }

        @Override
        public void filter(CoordinateSequence sequence, int i) {
            Coordinate source = new Coordinate(sequence.getX(i), sequence.getY(i));
            Coordinate target = towardsLonLat ? toLonLat(source) : toMetric(source);
            sequence.setOrdinate(i, CoordinateSequence.X, target.x);
            sequence.setOrdinate(i, CoordinateSequence.Y, target.y);
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
