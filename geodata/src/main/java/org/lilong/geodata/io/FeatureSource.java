package org.lilong.geodata.io;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A file of features to import, read one record at a time: a GeoJSON FeatureCollection, a
 * GeoPackage feature table, a CSV file or a Shapefile. Open one with {@link FeatureSources#open}.
 *
 * <p>Geometries come out in the source's own CRS, with x = easting or longitude; attribute values as
 * the format carries them (String, Long, Double, Boolean, LocalDate), null when absent.
 *
 * <p>{@link #iterator()} starts from the first record each time it is called. Its {@code next()}
 * throws {@link RecordException} for a record it cannot read (bad coordinates in a CSV row, an
 * unreadable shape); the iteration can go on with the next record after that. A
 * {@link FeatureSourceException} from anywhere else means the file itself cannot be read.
 */
public interface FeatureSource extends Iterable<SourceRecord>, AutoCloseable {

    /** The file read. */
    Path path();

    /** The attribute fields, in the source's order (every property name, for GeoJSON). */
    List<SourceField> fields();

    /**
     * The CRS the source declares, as a code {@link org.lilong.geodata.crs.CrsRegistry#resolve}
     * accepts; EPSG:4326 for GeoJSON without a {@code crs} member (RFC 7946). Empty when the source
     * declares none or one that is not recognised (see {@link #declaredCrs()}).
     */
    Optional<String> crsCode();

    /** The CRS declaration as the file has it (.prj WKT, SRS definition, crs name), if it has one. */
    default Optional<String> declaredCrs() {
        return crsCode();
    }

    /** What messages call a record: "record", or "row" for CSV. */
    default String recordLabel() {
        return "record";
    }

    /** The number of records, when known without reading them all. */
    OptionalLong size();

    @Override
    Iterator<SourceRecord> iterator();

    @Override
    void close();
}
