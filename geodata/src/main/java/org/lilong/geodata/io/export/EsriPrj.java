package org.lilong.geodata.io.export;

import java.util.Locale;
import java.util.Optional;

/**
 * The ESRI WKT a shapefile's .prj holds, for the CRSs a Shanghai data set is delivered in: WGS84
 * (EPSG:4326), Web Mercator (3857), CGCS2000 geographic (4490), the CGCS2000 Gauss–Krüger zones
 * (4491–4554, 6° and 3°, with and without the zone prefix; Shanghai lies in 4549, CM 120E, and
 * 4550, CM 123E) and WGS84 UTM north (32601–32660). The text is what {@code gdalsrsinfo -o
 * wkt_esri} prints. Other CRSs have no .prj (the export says so).
 */
final class EsriPrj {

    private static final String WGS84_GEOGCS = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,"
            + "298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
    private static final String CGCS2000_GEOGCS = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\","
            + "SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    private EsriPrj() {
    }

    static Optional<String> forCrs(OutputCrs crs) {
        if (crs.isWgs84()) {
            return Optional.of(WGS84_GEOGCS);
        }
        return crs.epsg().flatMap(EsriPrj::forEpsg);
    }

    static Optional<String> forEpsg(int code) {
        if (code == 4326) {
            return Optional.of(WGS84_GEOGCS);
        }
        if (code == 4490) {
            return Optional.of(CGCS2000_GEOGCS);
        }
        if (code == 3857) {
            return Optional.of("PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\"," + WGS84_GEOGCS
                    + ",PROJECTION[\"Mercator_Auxiliary_Sphere\"],PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],"
                    + "PARAMETER[\"Central_Meridian\",0.0],PARAMETER[\"Standard_Parallel_1\",0.0],"
                    + "PARAMETER[\"Auxiliary_Sphere_Type\",0.0],UNIT[\"Meter\",1.0]]");
        }
        if (code >= 4491 && code <= 4501) { // 6° zones 13–23, with the zone prefix
            int zone = 13 + code - 4491;
            return Optional.of(gaussKruger("CGCS2000_GK_Zone_" + zone, zone * 1_000_000 + 500_000, 6 * zone - 3));
        }
        if (code >= 4502 && code <= 4512) { // 6° zones by central meridian 75E–135E
            int meridian = 75 + 6 * (code - 4502);
            return Optional.of(gaussKruger("CGCS2000_GK_CM_" + meridian + "E", 500_000, meridian));
        }
        if (code >= 4513 && code <= 4533) { // 3° zones 25–45, with the zone prefix
            int zone = 25 + code - 4513;
            return Optional.of(gaussKruger("CGCS2000_3_Degree_GK_Zone_" + zone, zone * 1_000_000 + 500_000, 3 * zone));
        }
        if (code >= 4534 && code <= 4554) { // 3° zones by central meridian 75E–135E
            int meridian = 75 + 3 * (code - 4534);
            return Optional.of(gaussKruger("CGCS2000_3_Degree_GK_CM_" + meridian + "E", 500_000, meridian));
        }
        if (code >= 32601 && code <= 32660) {
            int zone = code - 32600;
            return Optional.of("PROJCS[\"WGS_1984_UTM_Zone_" + zone + "N\"," + WGS84_GEOGCS
                    + ",PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"False_Easting\",500000.0],PARAMETER[\"False_Northing\",0.0],"
                    + "PARAMETER[\"Central_Meridian\"," + number(6 * zone - 183) + "],PARAMETER[\"Scale_Factor\",0.9996],"
                    + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]");
        }
        return Optional.empty();
    }

    private static String gaussKruger(String name, int falseEasting, int centralMeridian) {
        return "PROJCS[\"" + name + "\"," + CGCS2000_GEOGCS + ",PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\","
                + number(falseEasting) + "],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\"," + number(centralMeridian)
                + "],PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
    }

    private static String number(int value) {
        return String.format(Locale.ROOT, "%d.0", value);
    }
}
