package org.lilong.layers.store.gpkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lilong.layers.store.StoreFixtures.geometry;

import java.io.IOException;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lilong.layers.store.StoreFixtures;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/** Blobs as GeoPackage 1.4 §2.1.3 has them, readable by NGA, and NGA's own (big-endian) blobs read back. */
class GeometryCodecTest {

    private final GeometryCodec codec = new GeometryCodec();

    @ParameterizedTest
    @ValueSource(strings = {StoreFixtures.POINT, StoreFixtures.MULTIPOINT, StoreFixtures.LINESTRING, StoreFixtures.MULTILINESTRING,
            StoreFixtures.POLYGON, StoreFixtures.POLYGON_WITH_HOLE, StoreFixtures.MULTIPOLYGON})
    void blobsHaveTheStandardHeaderAndNgaReadsThem(String wkt) throws IOException, ParseException {
        Geometry written = geometry(wkt);

        byte[] blob = codec.encode(written);

        assertThat(new String(blob, 0, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GP");
        assertThat(blob[2]).as("version").isZero();
        assertThat(blob[3]).as("flags: little-endian, envelope [minx, maxx, miny, maxy]").isEqualTo((byte) 0x03);
        GeoPackageGeometryData nga = GeoPackageGeometryData.create(blob);
        assertThat(nga.getSrsId()).isEqualTo(4326);
        Envelope envelope = written.getEnvelopeInternal();
        assertThat(new double[] {nga.getEnvelope().getMinX(), nga.getEnvelope().getMaxX(), nga.getEnvelope().getMinY(),
                nga.getEnvelope().getMaxY()}).containsExactly(envelope.getMinX(), envelope.getMaxX(), envelope.getMinY(), envelope.getMaxY());
        assertThat(new WKBReader().read(nga.getWkb()).equalsExact(written)).isTrue();
        assertThat(codec.decode(blob).equalsExact(written)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {StoreFixtures.POINT, StoreFixtures.POLYGON_WITH_HOLE, StoreFixtures.MULTILINESTRING})
    void blobsNgaWroteReadBack(String wkt) throws IOException {
        Geometry written = geometry(wkt);
        byte[] blob = GeoPackageGeometryData.createFromWkbAndBuildEnvelope(4326, new WKBWriter(2).write(written)).toBytes();

        Geometry read = codec.decode(blob);

        assertThat(read.equalsExact(written)).isTrue();
        assertThat(read.getSRID()).isEqualTo(4326);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "GQ", "not a geometry"})
    void whatIsNoGeoPackageBlobIsRefused(String text) {
        assertThatThrownBy(() -> codec.decode(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isInstanceOf(IOException.class);
    }
}
