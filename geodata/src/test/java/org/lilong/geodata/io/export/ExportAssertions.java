package org.lilong.geodata.io.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.time.LocalDate;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.AttributeType;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Point;

/** Comparing what a reader got back with what was exported: values as canonical text, shapes within a tolerance. */
final class ExportAssertions {

    /** One centimetre in degrees of latitude (a little less in longitude, which is stricter). */
    static final double ONE_CM_IN_DEGREES = 1e-7;

    private ExportAssertions() {
    }

    /** The value as {@link AttributeText} writes it, after coercing what a reader returns to the attribute's type. */
    static String canonical(AttributeDefinition attribute, Object value) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            return null;
        }
        if (attribute.type() == AttributeType.BOOLEAN) {
            if (value instanceof Number n) {
                return Boolean.toString(n.longValue() != 0);
            }
            // GDAL reads a DBF logical field as text: T, F, or ? for not set.
            if (value instanceof String s && (s.equals("T") || s.equals("F"))) {
                return Boolean.toString(s.equals("T"));
            }
            if ("?".equals(value)) {
                return null;
            }
        }
        if (attribute.type() == AttributeType.DATE && value instanceof String s && s.matches("\\d{4}/\\d{2}/\\d{2}")) {
            return LocalDate.parse(s.replace('/', '-')).toString();
        }
        return AttributeText.format(attribute.type().coerce(value));
    }

    /** A GDAL GeoJSON property as a Java value. */
    static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asText();
    }

    /** What a text field of {@code limit} bytes holds of {@code text}: whole characters only. */
    static String cut(String text, Charset charset, int limit) {
        String cut = text;
        while (cut.getBytes(charset).length > limit) {
            cut = cut.substring(0, cut.offsetByCodePoints(0, cut.codePointCount(0, cut.length()) - 1));
        }
        return cut;
    }

    /**
     * Same shape within the tolerance, whatever the ring orientation or starting vertex, and a
     * multi-geometry of one part equal to that part. Compared by Hausdorff distance over the
     * vertices, not by normalising: normalising picks the lowest vertex, which rounding noise in
     * the last digits can change.
     */
    static void assertSameShape(Geometry expected, Geometry actual, double tolerance, String what) {
        Geometry e = single(expected);
        Geometry a = single(actual);
        assertThat(a.getGeometryType()).as(what + " geometry type").isEqualTo(e.getGeometryType());
        assertThat(a.getNumPoints()).as(what + " number of points").isEqualTo(e.getNumPoints());
        double distance = org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance.distance(a, e);
        assertThat(distance).as(what + ": expected " + e + " within " + tolerance + ", got " + a).isLessThanOrEqualTo(tolerance);
    }

    private static Geometry single(Geometry geometry) {
        if (geometry instanceof GeometryCollection && !(geometry instanceof Point) && geometry.getNumGeometries() == 1) {
            return geometry.getGeometryN(0);
        }
        return geometry;
    }
}
