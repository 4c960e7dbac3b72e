package org.lilong.geodata.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.store.ChangeSet;
import org.locationtech.jts.geom.Polygon;

/**
 * A generated demo sub-district: the features of every layer of {@link LayerCatalogue#standard()}
 * (ids 1..n per layer, in a fixed order) and the data set's metadata. The creek is the feature of
 * the water layer of kind {@code creek}. Everything is in WGS84 longitude/latitude rounded to 7
 * decimals. Immutable.
 */
public final class DemoDistrict {

    private final long seed;
    private final Map<String, List<Feature>> layers;
    private final Map<String, String> metadata;

    DemoDistrict(long seed, Map<String, List<Feature>> layers, Map<String, String> metadata) {
        this.seed = seed;
        Map<String, List<Feature>> copy = new LinkedHashMap<>();
        layers.forEach((id, features) -> copy.put(id, List.copyOf(features)));
        this.layers = Collections.unmodifiableMap(copy);
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    public long seed() {
        return seed;
    }

    /** The features by layer id, in catalogue order. */
    public Map<String, List<Feature>> layers() {
        return layers;
    }

    /** The features of one layer (empty for a layer the district does not fill). */
    public List<Feature> features(String layerId) {
        return layers.getOrDefault(layerId, List.of());
    }

    /** dataset.* keys (title, synthetic, seed, description, bbox, ...) and attribution.&lt;layer id&gt;. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * The water of the creek within the sub-district, in WGS84 (a copy of the geometry of the
     * water layer's feature of kind {@code creek}).
     */
    public Polygon creek() {
        return features(LayerCatalogue.WATER).stream()
                .filter(f -> "creek".equals(f.text("kind")))
                .map(f -> (Polygon) f.geometry().copy())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the district has no creek"));
    }

    /** Inserts of every feature (keeping their ids) plus the metadata, ready for a feature store. */
    public ChangeSet toChangeSet() {
        ChangeSet changes = new ChangeSet();
        layers.forEach(changes::insertAll);
        metadata.forEach(changes::putMetadata);
        return changes;
    }

    /**
     * Writes the whole district as one canonical JSON document (metadata plus one GeoJSON
     * FeatureCollection per layer); the same seed always gives the same bytes. Does not close the stream.
     */
    public void writeGeoJson(OutputStream out) throws IOException {
        new CanonicalGeoJsonWriter(LayerCatalogue.standard()).write(metadata, layers, out);
    }
}
