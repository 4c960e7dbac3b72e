package org.lilong.layers.store.gpkg;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Converts JTS geometries to and from GeoPackage geometry blobs (GeoPackage 1.4 §2.1.3): a header
 * of "GP", version 0, a flags byte, the srs_id and the envelope, followed by standard WKB. The
 * header is written and read here rather than by NGA, whose GeoPackageGeometryData parses the WKB
 * into its own geometry model and writes it out again: a third of a bulk load's time.
 *
 * <p>Blobs are written as GDAL writes them: little-endian header, envelope [minx, maxx, miny, maxy].
 */
final class GeometryCodec {

    static final int WGS84 = 4326;

    private static final byte MAGIC_G = 'G';
    private static final byte MAGIC_P = 'P';
    private static final int HEADER_BYTES = 8;
    private static final int ENVELOPE_XY = 1;
    private static final int LITTLE_ENDIAN_FLAG = 0x01;
    private static final int EMPTY_FLAG = 0x10;
    private static final int EXTENDED_FLAG = 0x20;
    /** Doubles in the envelope for each envelope contents indicator: none, xy, xyz, xym, xyzm. */
    private static final int[] ENVELOPE_DOUBLES = {0, 4, 6, 6, 8};

    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), WGS84);
    /** Reused under this codec's lock (WKBWriter keeps state): one per row was tens of megabytes of garbage per bulk load. */
    private final WKBWriter writer = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);

    /** The blob of a non-empty geometry, in EPSG:4326. */
    synchronized byte[] encode(Geometry geometry) {
        byte[] wkb = writer.write(geometry);
        Envelope envelope = geometry.getEnvelopeInternal();
        ByteBuffer blob = ByteBuffer.allocate(HEADER_BYTES + 4 * Double.BYTES + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        blob.put(MAGIC_G).put(MAGIC_P).put((byte) 0).put((byte) (ENVELOPE_XY << 1 | LITTLE_ENDIAN_FLAG)).putInt(WGS84);
        blob.putDouble(envelope.getMinX()).putDouble(envelope.getMaxX())
                .putDouble(envelope.getMinY()).putDouble(envelope.getMaxY());
        return blob.put(wkb).array();
    }

    /** The geometry of a blob, with SRID 4326; null for a null blob or one flagged empty. */
    Geometry decode(byte[] blob) throws IOException {
        if (blob == null) {
            return null;
        }
        if (blob.length < HEADER_BYTES || blob[0] != MAGIC_G || blob[1] != MAGIC_P) {
            throw new IOException("not a GeoPackage geometry blob");
        }
        int flags = blob[3];
        int envelope = (flags >> 1) & 0x07;
        if ((flags & EXTENDED_FLAG) != 0 || envelope >= ENVELOPE_DOUBLES.length) {
            throw new IOException("unsupported GeoPackage geometry flags 0x" + Integer.toHexString(flags & 0xff));
        }
        if ((flags & EMPTY_FLAG) != 0) {
            return null;
        }
        int wkbStart = HEADER_BYTES + ENVELOPE_DOUBLES[envelope] * Double.BYTES;
        if (wkbStart >= blob.length) {
            throw new IOException("a GeoPackage geometry blob ends in its header");
        }
        byte[] wkb = new byte[blob.length - wkbStart];
        System.arraycopy(blob, wkbStart, wkb, 0, wkb.length);
        try {
            // A fresh reader per call: WKBReader keeps parsing state and is not thread-safe.
            return new WKBReader(factory).read(wkb);
        } catch (ParseException e) {
            throw new IOException("unreadable geometry: " + e.getMessage(), e);
        }
    }
}
