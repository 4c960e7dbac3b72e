package org.lilong.geodata.io.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.model.TemporalProperty;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.gpkg.GeoPackageStore;

/**
 * A new GeoPackage holding the one layer, written through {@link GeoPackageStore} (so the file is
 * exactly what Lilong's own store would be: typed columns, RTree index, titles in gpkg_contents) in
 * change sets of {@value #CHUNK} features, so a large layer is never buffered whole. Coordinates
 * stay in WGS84 (EPSG:4326): the store writes nothing else, so {@link FeatureExport} refuses another
 * output CRS for this format. Feature ids are kept. The file is a Lilong store of the one layer:
 * its {@code lilong_metadata} table (which GDAL lists as a second, non-spatial layer) names the
 * exported layer, its title and attributes.
 */
public final class GeoPackageSink implements FeatureSink {

    static final int CHUNK = 2_000;

    private final Path file;
    private GeoPackageStore store;
    private String layerId;
    private ChangeSet pending = new ChangeSet();
    private int pendingCount;

    /** @param file a path ending in .gpkg that does not exist yet */
    public GeoPackageSink(Path file, ExportOptions options) {
        if (!options.crs().isWgs84()) {
            throw new IllegalArgumentException("a GeoPackage export is written in EPSG:4326 only, not " + options.crs().code());
        }
        this.file = file;
    }

    @Override
    public void begin(LayerDefinition layer, List<AttributeDefinition> attributes) throws IOException {
        if (Files.exists(file)) {
            throw new IOException(file + " exists already");
        }
        LayerDefinition exported = new LayerDefinition(layer.id(), layer.titleZh(), layer.titleEn(),
                layer.descriptionZh(), layer.descriptionEn(), layer.geometryType(), attributes,
                temporal(layer.temporal(), attributes), layer.base());
        layerId = exported.id();
        store = GeoPackageStore.open(file, new LayerCatalogue(List.of(exported)));
        // The file is a Lilong store of one layer; its metadata table says what it is an export of.
        pending.putMetadata("export.layer", layer.id())
                .putMetadata("export.title", layer.titleZh() + " / " + layer.titleEn())
                .putMetadata("export.attributes", String.join(",", attributes.stream().map(AttributeDefinition::name).toList()))
                .putMetadata("export.crs", "EPSG:4326");
    }

    /** Keeps the layer's time span only when the attributes it names are exported. */
    private static TemporalProperty temporal(TemporalProperty temporal, List<AttributeDefinition> attributes) {
        if (temporal == null) {
            return null;
        }
        List<String> names = attributes.stream().map(AttributeDefinition::name).toList();
        boolean start = names.contains(temporal.start());
        boolean end = temporal.end() == null || names.contains(temporal.end());
        return start && end ? temporal : null;
    }

    @Override
    public void write(Feature feature) {
        pending.insert(layerId, feature);
        if (++pendingCount >= CHUNK) {
            flush();
        }
    }

    private void flush() {
        if (pendingCount > 0 || !pending.metadata().isEmpty()) {
            store.apply(pending);
            pending = new ChangeSet();
            pendingCount = 0;
        }
    }

    @Override
    public void finish() {
        flush();
        store.close();
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
