package org.lilong.geodata.io.export;

import java.io.IOException;
import java.util.List;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerDefinition;

/**
 * Writes one layer in one file format, a feature at a time, so that a layer never sits in memory a
 * second time: {@link #begin} once, {@link #write} per feature, {@link #finish} once, then
 * {@link #close}. Geometries arrive already in the output CRS the sink was made for (see
 * {@link FeatureExport}, which projects them); the sink writes exactly the attributes given to
 * {@code begin}, in that order, and ignores any other property a feature carries.
 *
 * <p>Closing a sink that was not finished abandons what it wrote: the caller deletes the file.
 */
public interface FeatureSink extends AutoCloseable {

    void begin(LayerDefinition layer, List<AttributeDefinition> attributes) throws IOException;

    void write(Feature feature) throws IOException;

    /** Completes the output (headers, counts, trailers) and flushes it. */
    void finish() throws IOException;

    /** What the user should know about the output, e.g. shapefile fields renamed to fit 10 characters. */
    default List<String> notes() {
        return List.of();
    }

    @Override
    void close() throws IOException;
}
