package org.lilong.geodata.io.geojson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.StringWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeoJsonGeometryWriterTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "121.4784490,   121.478449",
            "31.2220973,    31.2220973",
            "121.47844904,  121.478449",
            "121.47844906,  121.4784491",
            "-73.98,        -73.98",
            "-0.5,          -0.5",
            "0,             0",
            "180,           180",
            "-0.00000001,   0",
            "0.0000001,     0.0000001",
            "1.99999999,    2",
            "641966.1194,   641966.1194",
            "-0.00000005,   -0.0000001",
    })
    void coordinatesAreWrittenWithAtMostSevenDecimals(double degrees, String expected) throws Exception {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = new JsonFactory().createGenerator(text)) {
            GeoJsonGeometryWriter.writeCoordinate(out, degrees);
        }
        assertThat(text.toString()).isEqualTo(expected);
        assertThat(Double.parseDouble(text.toString())).isCloseTo(degrees, org.assertj.core.data.Offset.offset(5.1e-8));
    }

    @org.junit.jupiter.api.Test
    void ringsAreWrittenExteriorCounterClockwiseAndHolesClockwise() throws Exception {
        // Exterior given clockwise and the hole counter-clockwise: both must come out reversed.
        org.locationtech.jts.geom.Geometry polygon = new org.locationtech.jts.io.WKTReader().read(
                "POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0), (2 2, 4 2, 4 4, 2 4, 2 2))");
        StringWriter text = new StringWriter();
        try (JsonGenerator out = new JsonFactory().createGenerator(text)) {
            GeoJsonGeometryWriter.writeGeometry(out, polygon);
        }
        assertThat(text.toString()).isEqualTo("{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[2,2],[2,4],[4,4],[4,2],[2,2]]]}");
    }
}
