package org.lilong.geodata.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lilong.geodata.crs.ChinaOffsetsTest.metres;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lilong.geodata.io.Gdal;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

class CrsRegistryTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    /**
     * WGS84 lon/lat → EPSG:4549 easting/northing, computed on the development machine with GDAL 3.6.2
     * (PROJ 9): {@code echo "121.49 31.23" | gdaltransform -s_srs "+proj=longlat +datum=WGS84"
     * -t_srs EPSG:4549 -output_xy} (traditional GIS order, easting first; cs2cs prints the EPSG order,
     * northing first: 3457431.9647 641966.1193).
     */
    @ParameterizedTest(name = "({0}, {1}) ↔ ({2}, {3})")
    @CsvSource({
            "121.49,   31.23,   641966.119310387, 3457431.96471678",
            "121.4737, 31.2304, 640412.315036627, 3457455.48858212",
            "121.80,   31.15,   671651.221408762, 3448999.96074763",
            "121.0,    31.0,    595506.556288919, 3431403.61007689"})
    void epsg4549MatchesGdalBothWaysWithinOneMetre(double lon, double lat, double easting, double northing) {
        CoordinateTransform cgcs = CrsRegistry.resolve("EPSG:4549");

        Point projected = (Point) cgcs.fromWgs84(point(lon, lat));
        Point geographic = (Point) cgcs.toWgs84(point(easting, northing));

        assertThat(Math.hypot(projected.getX() - easting, projected.getY() - northing)).isLessThan(1.0);
        assertThat(metres(new double[] {geographic.getX(), geographic.getY()}, new double[] {lon, lat})).isLessThan(1.0);
        assertThat(projected.getSRID()).isEqualTo(4549);
        assertThat(geographic.getSRID()).isEqualTo(4326);
    }

    @Test
    void epsg4549MatchesGdaltransformRunNowOnMorePointsWithinOneCentimetre() {
        Gdal.assume(Gdal.GDALTRANSFORM);
        List<double[]> points = new ArrayList<>();
        StringBuilder input = new StringBuilder();
        for (double lon = 120.9; lon <= 121.95; lon += 0.15) {
            for (double lat = 30.7; lat <= 31.85; lat += 0.15) {
                points.add(new double[] {lon, lat});
                input.append(String.format(Locale.ROOT, "%.4f %.4f%n", lon, lat));
            }
        }
        String[] lines = Gdal.run(List.of(Gdal.GDALTRANSFORM.toString(), "-s_srs", "+proj=longlat +datum=WGS84",
                "-t_srs", "EPSG:4549", "-output_xy"), input.toString()).strip().split("\\R");
        CoordinateTransform cgcs = CrsRegistry.resolve("EPSG:4549");

        assertThat(lines).hasSize(points.size());
        for (int i = 0; i < lines.length; i++) {
            String[] xy = lines[i].trim().split("\\s+");
            double[] p = points.get(i);
            Point projected = (Point) cgcs.fromWgs84(point(Double.parseDouble(String.format(Locale.ROOT, "%.4f", p[0])),
                    Double.parseDouble(String.format(Locale.ROOT, "%.4f", p[1]))));
            assertThat(Math.hypot(projected.getX() - Double.parseDouble(xy[0]), projected.getY() - Double.parseDouble(xy[1])))
                    .as("at %s", lines[i]).isLessThan(0.01);
        }
    }

    @Test
    void threadsProjectingAtOnceGetWhatOneThreadGets() throws Exception {
        CoordinateTransform cgcs = CrsRegistry.resolve("EPSG:4549");
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            points.add(point(120.9 + (i % 50) * 0.02, 30.7 + (i / 50) * 0.03));
        }
        List<Coordinate> alone = points.stream().map(p -> cgcs.fromWgs84(p).getCoordinate()).toList();

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<List<Coordinate>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> points.stream().map(p -> cgcs.fromWgs84(p).getCoordinate()).toList()));
            }
            for (java.util.concurrent.Future<List<Coordinate>> run : runs) {
                assertThat(run.get()).isEqualTo(alone);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void gcj02ResolvesToTheChinaOffsetsBothWays() {
        CoordinateTransform gcj = CrsRegistry.resolve("gcj02");

        Point offset = (Point) gcj.fromWgs84(point(121.5272106, 31.1774276));
        Point back = (Point) gcj.toWgs84(point(121.531541859215, 31.17530398364597));

        assertThat(metres(xy(offset), new double[] {121.531541859215, 31.17530398364597})).isLessThan(1.0);
        assertThat(metres(xy(back), new double[] {121.5272106, 31.1774276})).isLessThan(1.0);
        assertThat(back.getSRID()).isEqualTo(4326);
        assertThat(gcj.code()).isEqualTo("GCJ02");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "EPSG:4549, EPSG:4549", "epsg:4490, EPSG:4490", "4326, EPSG:4326", "CRS84, EPSG:4326", "wgs84, EPSG:4326",
            "WGS-84, EPSG:4326", "gcj02, GCJ02", "GCJ-02, GCJ02", "bd09, BD09", "BD-09, BD09",
            "urn:ogc:def:crs:EPSG::4549, EPSG:4549", "urn:ogc:def:crs:OGC:1.3:CRS84, EPSG:4326",
            "http://www.opengis.net/def/crs/EPSG/0/4549, EPSG:4549", "EPSG:3857, EPSG:3857", "EPSG:32651, EPSG:32651"})
    void resolveAcceptsTheNamesPeopleUse(String name, String code) {
        assertThat(CrsRegistry.resolve(name).code()).isEqualTo(code);
    }

    @Test
    void wgs84KeepsLongitudeFirst() {
        Geometry g = CrsRegistry.resolve("EPSG:4326").toWgs84(point(121.47, 31.23));

        assertThat(g.getCoordinate()).isEqualTo(new Coordinate(121.47, 31.23));
    }

    @Test
    void cgcs2000GeographicIsWgs84WithinAMillimetre() {
        Point p = (Point) CrsRegistry.resolve("EPSG:4490").toWgs84(point(121.47, 31.23));

        assertThat(metres(xy(p), new double[] {121.47, 31.23})).isLessThan(0.001);
    }

    @Test
    void anUnknownNameIsRefusedWithTheNameInTheMessage() {
        assertThatThrownBy(() -> CrsRegistry.resolve("Shanghai local"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot resolve CRS 'Shanghai local': ");
        assertThatThrownBy(() -> CrsRegistry.resolve("EPSG:999999"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot resolve CRS 'EPSG:999999': ");
    }

    @Test
    void aDatumWithNoKnownShiftToWgs84IsRefusedRatherThanPlacedMetresOff() {
        assertThatThrownBy(() -> CrsRegistry.resolve("EPSG:4610"))
                .hasMessageStartingWith("cannot resolve CRS 'EPSG:4610': ")
                .hasMessageContaining("no known shift to WGS84");
    }

    @Test
    void codeFromWktTakesTheOutermostAuthorityNotTheBaseCrss() {
        String gdalWkt1 = "PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 120E\",GEOGCS[\"China Geodetic Coordinate System 2000\","
                + "DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],AUTHORITY[\"EPSG\",\"1043\"]],"
                + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
                + "AUTHORITY[\"EPSG\",\"4490\"]],PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],"
                + "PARAMETER[\"central_meridian\",120],PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",500000],"
                + "PARAMETER[\"false_northing\",0],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AUTHORITY[\"EPSG\",\"4549\"]]";
        String wkt2 = "PROJCRS[\"CGCS2000 / 3-degree Gauss-Kruger CM 120E\",BASEGEOGCRS[\"China Geodetic Coordinate System 2000\","
                + "DATUM[\"China 2000\",ELLIPSOID[\"CGCS2000\",6378137,298.257222101,LENGTHUNIT[\"metre\",1]]],"
                + "PRIMEM[\"Greenwich\",0,ANGLEUNIT[\"degree\",0.0174532925199433]],ID[\"EPSG\",4490]],"
                + "CONVERSION[\"3-degree Gauss-Kruger CM 120E\",METHOD[\"Transverse Mercator\",ID[\"EPSG\",9807]]],"
                + "CS[Cartesian,2],AXIS[\"northing (X)\",north,ORDER[1],LENGTHUNIT[\"metre\",1]],"
                + "AXIS[\"easting (Y)\",east,ORDER[2],LENGTHUNIT[\"metre\",1]],ID[\"EPSG\",4549]]";

        assertThat(CrsRegistry.codeFromWkt(gdalWkt1)).contains("EPSG:4549");
        assertThat(CrsRegistry.codeFromWkt(wkt2)).contains("EPSG:4549");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "EPSG:4549|PROJCS[\"CGCS2000_3_Degree_GK_CM_120E\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",120.0],PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]",
            "EPSG:4326|GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]",
            "EPSG:4490|GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]",
            "EPSG:4528|PROJCS[\"CGCS2000_3_Degree_GK_Zone_40\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\"]]",
            "EPSG:4550|PROJCS[\"CGCS2000 / 3-degree Gauss-Kruger CM 123E\",GEOGCS[\"China Geodetic Coordinate System 2000\"]]",
            "EPSG:4507|PROJCS[\"CGCS2000_GK_CM_105E\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\"]]",
            "EPSG:3857|PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\",GEOGCS[\"GCS_WGS_1984\"]]",
            "EPSG:32651|PROJCS[\"WGS_1984_UTM_Zone_51N\",GEOGCS[\"GCS_WGS_1984\"]]",
            "EPSG:4214|GEOGCS[\"GCS_Beijing_1954\",DATUM[\"D_Beijing_1954\",SPHEROID[\"Krasovsky_1940\",6378245.0,298.3]]]",
            "EPSG:4326|urn:ogc:def:crs:OGC:1.3:CRS84",
            "EPSG:4549|urn:ogc:def:crs:EPSG::4549",
            "EPSG:4490|EPSG:4490"})
    void codeFromWktRecognisesEsriAndEpsgNames(String code, String wkt) {
        assertThat(CrsRegistry.codeFromWkt(wkt)).contains(code);
    }

    @Test
    void codeFromWktIsEmptyForACrsItDoesNotKnow() {
        assertThat(CrsRegistry.codeFromWkt("PROJCS[\"Shanghai_City_Local\",GEOGCS[\"GCS_Beijing_1954\"]]")).isEmpty();
        assertThat(CrsRegistry.codeFromWkt("PROJCS[\"CGCS2000_3_Degree_GK_CM_121E\",GEOGCS[\"x\"]]")).isEmpty();
        assertThat(CrsRegistry.codeFromWkt("")).isEmpty();
        assertThat(CrsRegistry.codeFromWkt(null)).isEmpty();
    }

    private static Point point(double x, double y) {
        return FACTORY.createPoint(new Coordinate(x, y));
    }

    private static double[] xy(Point p) {
        return new double[] {p.getX(), p.getY()};
    }
}
