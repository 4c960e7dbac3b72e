package org.lilong.geodata.io.geojson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Rings and lines are written as one raw value per array of positions; the output must be the bytes
 * the per-number path writes. A {@link MinimalPrettyPrinter} prints exactly what no printer prints but
 * turns the bulk path off, so it gives the per-number output to compare with.
 */
class GeoJsonGeometryWriterBulkTest {

    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final JsonFactory JSON = new JsonFactory();

    @Test
    void bulkPositionsAreTheBytesOfThePerNumberPath() throws IOException {
        Random random = new Random(20261122);
        for (int round = 0; round < 300; round++) {
            Geometry geometry = randomGeometry(random);
            assertThat(utf8(geometry, false)).as(geometry.toText()).isEqualTo(utf8(geometry, true));
            assertThat(chars(geometry, false)).as(geometry.toText()).isEqualTo(chars(geometry, true));
        }
    }

    @Test
    void coordinatesOutsideFixedPointAreWrittenAsThePerNumberPathWritesThem() throws IOException {
        Geometry line = FACTORY.createLineString(new Coordinate[] {
            new Coordinate(121.5, 31.2), new Coordinate(2e12, -3.25), new Coordinate(-1e-9, 0)});
        assertThat(utf8(line, false)).isEqualTo(utf8(line, true));
    }

    @Test
    void eachCoordinateIsItsScaledRoundingWithTrailingZerosDropped() throws IOException {
        Random random = new Random(7);
        for (int k = 0; k < 2000; k++) {
            double value = (random.nextDouble() * 2 - 1) * Math.pow(10, random.nextInt(8) - 2);
            long scaled = Math.round(Math.abs(value) * 1e7);
            String expected = (value < 0 && scaled != 0 ? "-" : "")
                    + BigDecimal.valueOf(scaled, 7).stripTrailingZeros().toPlainString();
            Geometry line = FACTORY.createLineString(new Coordinate[] {new Coordinate(value, 0), new Coordinate(0, value)});
            assertThat(utf8(line, false)).isEqualTo(
                    "[1,{\"type\":\"LineString\",\"coordinates\":[[" + expected + ",0],[0," + expected + "]]}]");
        }
    }

    /** Polygons with holes, multipolygons and lines of random length, in lon/lat with 1 to 12 decimals. */
    private static Geometry randomGeometry(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> randomPolygon(random);
            case 1 -> FACTORY.createMultiPolygon(new Polygon[] {randomPolygon(random), randomPolygon(random)});
            default -> FACTORY.createLineString(randomPositions(random, 2 + random.nextInt(50), false));
        };
    }

    private static Polygon randomPolygon(Random random) {
        LinearRing shell = FACTORY.createLinearRing(randomPositions(random, 3 + random.nextInt(400), true));
        LinearRing[] holes = new LinearRing[random.nextInt(3)];
        for (int h = 0; h < holes.length; h++) {
            holes[h] = FACTORY.createLinearRing(randomPositions(random, 3 + random.nextInt(20), true));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    /** Points on a circle (either way round), closed when asked, so rings have an orientation to fix. */
    private static Coordinate[] randomPositions(Random random, int count, boolean closed) {
        Coordinate[] positions = new Coordinate[closed ? count + 1 : count];
        double lon = random.nextDouble() * 360 - 180;
        double lat = random.nextDouble() * 170 - 85;
        double direction = random.nextBoolean() ? 1 : -1;
        double scale = Math.pow(10, random.nextInt(12));
        for (int i = 0; i < count; i++) {
            double angle = direction * 2 * Math.PI * i / count;
            positions[i] = new Coordinate(Math.rint((lon + 0.01 * Math.cos(angle)) * scale) / scale,
                    Math.rint((lat + 0.01 * Math.sin(angle)) * scale) / scale);
        }
        if (closed) {
            positions[count] = positions[0].copy();
        }
        return positions;
    }

    private static String utf8(Geometry geometry, boolean perNumber) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            write(out, geometry, perNumber);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String chars(Geometry geometry, boolean perNumber) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            write(out, geometry, perNumber);
        }
        return text.toString();
    }

    private static void write(JsonGenerator out, Geometry geometry, boolean perNumber) throws IOException {
        if (perNumber) {
            out.setPrettyPrinter(new MinimalPrettyPrinter());
        }
        // Inside an array, so that the separators the raw value needs are checked too.
        out.writeStartArray();
        out.writeNumber(1);
        GeoJsonGeometryWriter.writeGeometry(out, geometry);
        out.writeEndArray();
    }
}
