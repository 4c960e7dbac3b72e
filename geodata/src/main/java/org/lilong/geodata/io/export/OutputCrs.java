package org.lilong.geodata.io.export;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Geometry;

/**
 * The coordinate reference system an export is written in: its code (as {@code EPSG:4549}) and the
 * projection from the WGS84 longitude/latitude every store holds.
 */
public record OutputCrs(String code, UnaryOperator<Geometry> fromWgs84) {

    /** WGS84 longitude/latitude, what the stores hold; the identity projection. */
    public static final OutputCrs WGS84 = new OutputCrs("EPSG:4326", UnaryOperator.identity());

    public OutputCrs {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(fromWgs84, "fromWgs84");
    }

    /** A CRS resolved by {@link org.lilong.geodata.crs.CrsRegistry#resolve(String)}. */
    public static OutputCrs of(org.lilong.geodata.crs.CoordinateTransform transform) {
        return isWgs84Code(transform.code()) ? WGS84 : new OutputCrs(transform.code(), transform::fromWgs84);
    }

    public boolean isWgs84() {
        return isWgs84Code(code);
    }

    /** The EPSG number, when the code is of the form EPSG:n (or urn:ogc:def:crs:EPSG::n). */
    public Optional<Integer> epsg() {
        String upper = code.trim().toUpperCase(Locale.ROOT);
        String digits = null;
        if (upper.startsWith("EPSG:")) {
            digits = upper.substring(upper.lastIndexOf(':') + 1);
        } else if (upper.startsWith("URN:OGC:DEF:CRS:EPSG:")) {
            digits = upper.substring(upper.lastIndexOf(':') + 1);
        }
        if (digits == null || !digits.matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(digits));
    }

    public Geometry project(Geometry wgs84) {
        return fromWgs84.apply(wgs84);
    }

    private static boolean isWgs84Code(String code) {
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return upper.equals("EPSG:4326") || upper.equals("CRS84") || upper.equals("OGC:CRS84")
                || upper.equals("WGS84") || upper.equals("URN:OGC:DEF:CRS:EPSG::4326")
                || upper.equals("URN:OGC:DEF:CRS:OGC:1.3:CRS84");
    }

    @Override
    public String toString() {
        return code;
    }
}
