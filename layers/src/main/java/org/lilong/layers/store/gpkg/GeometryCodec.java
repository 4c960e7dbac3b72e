package org.lilong.layers.store.gpkg;

import java.io.IOException;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Converts JTS geometries to and from GeoPackage geometry blobs (a "GP" header followed by WKB).
 * WKB is the bridge, so no JTS ↔ NGA simple-features adapter is needed; NGA writes the header and
 * the envelope, which the RTree triggers and GDAL read.
 */
final class GeometryCodec {

    static final int WGS84 = 4326;

    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), WGS84);

    byte[] encode(Geometry geometry) throws IOException {
        byte[] wkb = new WKBWriter(2).write(geometry);
        return GeoPackageGeometryData.createFromWkbAndBuildEnvelope(WGS84, wkb).toBytes();
    }

    /** The geometry of a blob, with SRID 4326; null for a null or empty blob. */
    Geometry decode(byte[] blob) throws IOException {
        if (blob == null) {
            return null;
        }
        GeoPackageGeometryData data = GeoPackageGeometryData.create(blob);
        if (data.isEmpty()) {
            return null;
        }
        try {
            // A fresh reader per call: WKBReader keeps parsing state and is not thread-safe.
            return new WKBReader(factory).read(data.getWkb());
        } catch (ParseException e) {
            throw new IOException("unreadable geometry: " + e.getMessage(), e);
        }
    }
}
