package org.lilong.geodata.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;

/** The shortcut may only call valid what IsValidOp calls valid; everything else goes to IsValidOp. */
class ValidityTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "a square; POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0)); true",
            "a triangle; POLYGON ((0 0, 2 0, 1 1, 0 0)); true",
            "an L shape; POLYGON ((0 0, 2 0, 2 1, 1 1, 1 2, 0 2, 0 0)); true",
            "a bow tie; POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0)); false",
            "a ring touching itself at a vertex; POLYGON ((0 0, 2 0, 1 1, 2 2, 0 2, 1 1, 0 0)); false",
            "a vertex on another edge; POLYGON ((0 0, 4 0, 4 4, 2 0, 0 4, 0 0)); false",
            "a spike; POLYGON ((0 0, 2 0, 2 2, 2 3, 2 2, 0 2, 0 0)); false",
            "a repeated point; POLYGON ((0 0, 1 0, 1 0, 1 1, 0 1, 0 0)); false",
            "a flat ring; POLYGON ((0 0, 1 0, 2 0, 0 0)); false",
            "a hole; POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 1)); false",
            "a multipolygon; MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0))); false",
            "a line; LINESTRING (0 0, 1 1); false"})
    void provesOnlySmallSimplePolygonsValid(String what, String wkt, boolean proven) throws ParseException {
        Geometry geometry = new WKTReader(FACTORY).read(wkt);

        assertThat(Validity.isSmallSimplePolygon(geometry)).as(what).isEqualTo(proven);
        assertThat(Validity.error(geometry) == null).as(what).isEqualTo(new IsValidOp(geometry).isValid());
    }

    /** Random rings on a small grid, where collinear points, touches and overlaps are common. */
    @Test
    void neverCallsValidWhatIsValidOpRefuses() {
        Random random = new Random(20240517);
        int proven = 0;
        for (int n = 0; n < 200_000; n++) {
            int vertices = 3 + random.nextInt(Validity.SHORTCUT_SEGMENTS - 2);
            int grid = 2 + random.nextInt(5);
            Coordinate[] ring = new Coordinate[vertices + 1];
            for (int i = 0; i < vertices; i++) {
                ring[i] = new Coordinate(random.nextInt(grid) + (random.nextInt(8) == 0 ? 0.5 : 0), random.nextInt(grid));
            }
            ring[vertices] = ring[0].copy();
            Geometry polygon = FACTORY.createPolygon(ring);
            boolean valid = new IsValidOp(polygon).isValid();
            if (Validity.isSmallSimplePolygon(polygon)) {
                proven++;
                assertThat(valid).as("%s", polygon).isTrue();
            }
            assertThat(Validity.error(polygon) == null).as("%s", polygon).isEqualTo(valid);
        }
        assertThat(proven).as("rings the shortcut proves valid").isGreaterThan(10_000);
    }
}
