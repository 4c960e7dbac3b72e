package org.lilong.geodata.crs;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.datum.Datum;

/**
 * Turns CRS names into {@link CoordinateTransform}s, and recognises the CRS a .prj file, a GeoPackage
 * or a GeoJSON {@code crs} member declares.
 *
 * <p>Accepted names (case-insensitive): {@code EPSG:nnnn} or a bare EPSG number (through proj4j and
 * its EPSG database), {@code CRS84} / {@code WGS84} (EPSG:4326 in longitude/latitude order),
 * {@code GCJ02} and {@code BD09} (the offsets of Chinese web maps, see {@link ChinaOffsets}), and the
 * OGC URN and URL forms of an EPSG code ({@code urn:ogc:def:crs:EPSG::4549},
 * {@code http://www.opengis.net/def/crs/EPSG/0/4549}).
 *
 * <p>A geographic CRS on an ellipsoid other than WGS84's or GRS80's that proj4j knows no shift to
 * WGS84 for (EPSG:4610 Xian 1980, for one) is refused rather than silently placed tens of metres off.
 * Beijing 1954 (EPSG:4214 and its projections) resolves with proj4j's three-parameter shift, which
 * is good to a few metres only.
 */
public final class CrsRegistry {

    /**
     * proj4j, loaded only for a CRS that needs it: its first use reads the datum shift grids it ships
     * (tens of megabytes of objects, a tenth of a second), which WGS84, GCJ-02 and BD-09 never need.
     */
    private static final class Proj4j {
        static final CRSFactory CRS_FACTORY = new CRSFactory();
        static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();

        /** A new transform between the EPSG CRS and WGS84 longitude/latitude. */
        static synchronized org.locationtech.proj4j.CoordinateTransform transform(String epsgName, boolean toWgs84) {
            CoordinateReferenceSystem crs = CRS_FACTORY.createFromName(epsgName);
            CoordinateReferenceSystem wgs84 = CRS_FACTORY.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs");
            return toWgs84 ? TRANSFORMS.createTransform(crs, wgs84) : TRANSFORMS.createTransform(wgs84, crs);
        }
    }

    private static final Map<String, CoordinateTransform> CACHE = new ConcurrentHashMap<>();
    private static final String EXPECTED = "expected EPSG:nnnn, a bare EPSG number, CRS84, WGS84, GCJ02 or BD09";

    private static final Pattern EPSG = Pattern.compile("(?:epsg:)?(\\d{4,6})");
    private static final Pattern OGC_URN = Pattern.compile("urn:ogc:def:crs:epsg:[^:]*:(\\d+)");
    private static final Pattern OGC_URL = Pattern.compile("https?://www\\.opengis\\.net/def/crs/epsg/[^/]+/(\\d+)");
    private static final Pattern CRS84 = Pattern.compile(
            "(?:urn:ogc:def:crs:ogc:(?:1\\.3)?:crs84|https?://www\\.opengis\\.net/def/crs/ogc/1\\.3/crs84|(?:ogc:)?crs84|wgs[-_ ]?84)");

    private CrsRegistry() {
    }

    /**
     * @throws IllegalArgumentException "cannot resolve CRS 'X': ..." for a name it does not know, an
     *     EPSG code proj4j lacks, or a datum with no known shift to WGS84
     */
    public static CoordinateTransform resolve(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("cannot resolve CRS '" + code + "': " + EXPECTED);
        }
        String key = code.trim().toLowerCase(Locale.ROOT);
        CoordinateTransform cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        CoordinateTransform transform = create(code.trim(), key);
        CACHE.put(key, transform);
        return transform;
    }

    private static CoordinateTransform create(String code, String key) {
        switch (key.replace("-", "").replace("_", "")) {
            case "gcj02", "gcj", "mars" -> {
                return OffsetTransform.GCJ02;
            }
            case "bd09", "bd09ll", "baidu" -> {
                return OffsetTransform.BD09;
            }
            default -> { }
        }
        if (CRS84.matcher(key).matches()) {
            return Wgs84Identity.INSTANCE;
        }
        Integer epsg = epsgNumber(key);
        if (epsg == null) {
            throw new IllegalArgumentException("cannot resolve CRS '" + code + "': " + EXPECTED);
        }
        if (epsg == 4326) {
            return Wgs84Identity.INSTANCE;
        }
        return epsg(code, epsg);
    }

    private static Integer epsgNumber(String key) {
        for (Pattern pattern : new Pattern[] {EPSG, OGC_URN, OGC_URL}) {
            Matcher m = pattern.matcher(key);
            if (m.matches()) {
                return Integer.valueOf(m.group(1));
            }
        }
        return null;
    }

    private static CoordinateTransform epsg(String code, int epsg) {
        String name = "EPSG:" + epsg;
        CoordinateReferenceSystem crs;
        try {
            crs = Proj4j.CRS_FACTORY.createFromName(name);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot resolve CRS '" + code + "': " + name + " is not in the EPSG database ("
                    + e.getMessage() + ")");
        }
        if (crs == null) {
            throw new IllegalArgumentException("cannot resolve CRS '" + code + "': " + name + " is not in the EPSG database");
        }
        Datum datum = crs.getDatum();
        double a = datum.getEllipsoid().getA();
        if (!datum.hasTransformToWGS84() && Math.abs(a - 6378137.0) > 1.0) {
            throw new IllegalArgumentException("cannot resolve CRS '" + code + "': " + name + " (" + datum.getName()
                    + " datum) has no known shift to WGS84; reproject the data to CGCS2000 or WGS84 first");
        }
        // Each thread builds its own CRS objects and transforms (see Proj4jTransform), one at a time,
        // since proj4j's factories are not documented as thread-safe.
        return new Proj4jTransform(name, epsg,
                () -> Proj4j.transform(name, true), () -> Proj4j.transform(name, false));
    }

    /**
     * The CRS a .prj file, a GeoPackage SRS definition, an OGC WKT (1 or 2) or a GeoJSON {@code crs}
     * name declares, as a code {@link #resolve(String)} accepts: the CRS's own
     * {@code AUTHORITY["EPSG","4549"]} or {@code ID["EPSG",4549]} when it has one, else a CRS name
     * recognised from the ESRI or EPSG spelling (WGS 84, CGCS2000 and its Gauss–Kruger zones, Web
     * Mercator, WGS 84 / UTM, Beijing 1954, Xian 1980), else an EPSG URN, URL or {@code EPSG:nnnn}.
     *
     * @return empty when the text names no CRS this method recognises
     */
    public static Optional<String> codeFromWkt(String prjOrWkt) {
        if (prjOrWkt == null || prjOrWkt.isBlank()) {
            return Optional.empty();
        }
        String text = prjOrWkt.strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (!text.contains("[")) {
            if (CRS84.matcher(lower).matches()) {
                return Optional.of("EPSG:4326");
            }
            Integer epsg = epsgNumber(lower);
            if (epsg != null) {
                return Optional.of("EPSG:" + epsg);
            }
            return knownName(text);
        }
        Optional<String> authority = WktScanner.topLevelAuthority(text);
        if (authority.isPresent()) {
            return authority;
        }
        return WktScanner.topLevelName(text).flatMap(CrsRegistry::knownName);
    }

    private static final Pattern CGCS_3_CM = Pattern.compile("cgcs2000_3_degree_g(?:auss_)?k(?:ruger)?_cm_(\\d+)e");
    private static final Pattern CGCS_3_ZONE = Pattern.compile("cgcs2000_3_degree_g(?:auss_)?k(?:ruger)?_zone_(\\d+)");
    private static final Pattern CGCS_6_CM = Pattern.compile("cgcs2000_g(?:auss_)?k(?:ruger)?_cm_(\\d+)e");
    private static final Pattern CGCS_6_ZONE = Pattern.compile("cgcs2000_g(?:auss_)?k(?:ruger)?_zone_(\\d+)");
    private static final Pattern WGS84_UTM = Pattern.compile("wgs_(?:19)?84_utm_zone_(\\d+)([ns])");

    /** CRS names in their ESRI (CGCS2000_3_Degree_GK_CM_120E) or EPSG (CGCS2000 / 3-degree Gauss-Kruger CM 120E) spelling. */
    private static Optional<String> knownName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        String code = switch (n) {
            case "gcs_wgs_1984", "wgs_1984", "wgs_84", "wgs84" -> "EPSG:4326";
            case "gcs_china_geodetic_coordinate_system_2000", "china_geodetic_coordinate_system_2000", "cgcs2000",
                    "gcs_cgcs2000" -> "EPSG:4490";
            case "wgs_1984_web_mercator_auxiliary_sphere", "wgs_84_pseudo_mercator", "wgs_1984_web_mercator",
                    "web_mercator" -> "EPSG:3857";
            case "gcs_beijing_1954", "beijing_1954" -> "EPSG:4214";
            case "gcs_xian_1980", "xian_1980", "xi_an_1980" -> "EPSG:4610";
            default -> null;
        };
        if (code != null) {
            return Optional.of(code);
        }
        Matcher m;
        if ((m = CGCS_3_CM.matcher(n)).matches()) {
            int cm = Integer.parseInt(m.group(1));
            return cm >= 75 && cm <= 135 && cm % 3 == 0 ? Optional.of("EPSG:" + (4534 + (cm - 75) / 3)) : Optional.empty();
        }
        if ((m = CGCS_3_ZONE.matcher(n)).matches()) {
            int zone = Integer.parseInt(m.group(1));
            return zone >= 25 && zone <= 45 ? Optional.of("EPSG:" + (4513 + zone - 25)) : Optional.empty();
        }
        if ((m = CGCS_6_CM.matcher(n)).matches()) {
            int cm = Integer.parseInt(m.group(1));
            return cm >= 75 && cm <= 135 && (cm - 75) % 6 == 0 ? Optional.of("EPSG:" + (4502 + (cm - 75) / 6)) : Optional.empty();
        }
        if ((m = CGCS_6_ZONE.matcher(n)).matches()) {
            int zone = Integer.parseInt(m.group(1));
            return zone >= 13 && zone <= 23 ? Optional.of("EPSG:" + (4491 + zone - 13)) : Optional.empty();
        }
        if ((m = WGS84_UTM.matcher(n)).matches()) {
            int zone = Integer.parseInt(m.group(1));
            return zone >= 1 && zone <= 60 ? Optional.of("EPSG:" + ((m.group(2).equals("n") ? 32600 : 32700) + zone)) : Optional.empty();
        }
        return Optional.empty();
    }
}
