package org.lilong.geodata.io.copy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.FeatureStore;

/**
 * Copies every layer and the metadata of one store into another, empty one (GeoPackage to PostGIS
 * and back, or between two files), then proves the copy: per layer, the feature count and
 * {@link LayerChecksum} computed on both sides, the target's read back from the target after the
 * commit; and the metadata compared entry by entry.
 *
 * <p>The copy is one change set, so the target's store commits all of it or none of it: a failure
 * leaves the target as empty as it was. Features keep their ids. Holding every layer at once is no
 * more than the server's read model holds anyway.
 */
public final class StoreCopier {

    /** One line of the verification: a layer, or the metadata (counting entries). */
    public record Check(String name, int sourceCount, int targetCount, String sourceChecksum, String targetChecksum) {

        public boolean matches() {
            return sourceCount == targetCount && sourceChecksum.equals(targetChecksum);
        }
    }

    /** What was copied, and whether the target proved equal to the source. */
    public record Report(List<Check> layers, Check metadata) {

        public Report {
            layers = List.copyOf(layers);
        }

        public boolean verified() {
            return metadata.matches() && layers.stream().allMatch(Check::matches);
        }

        public long features() {
            return layers.stream().mapToLong(Check::targetCount).sum();
        }
    }

    /** The target already holds data, so nothing was copied. */
    public static final class TargetNotEmptyException extends RuntimeException {

        public TargetNotEmptyException(String message) {
            super(message);
        }
    }

    private StoreCopier() {
    }

    /**
     * @throws TargetNotEmptyException when the target holds any feature or metadata entry; nothing is written
     * @throws IllegalArgumentException when the target's catalogue lacks one of the source's layers
     * @throws org.lilong.layers.store.StoreException when either store fails; the target is unchanged
     */
    public static Report copy(FeatureStore source, FeatureStore target) {
        if (!target.isEmpty() || !target.metadata().isEmpty()) {
            throw new TargetNotEmptyException(target + " is not empty (it holds features or metadata); copy only into an empty store");
        }
        for (LayerDefinition layer : source.catalogue().layers()) {
            if (target.catalogue().find(layer.id()).isEmpty()) {
                throw new IllegalArgumentException(target + " has no layer '" + layer.id() + "'");
            }
        }
        ChangeSet changes = new ChangeSet();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> checksums = new LinkedHashMap<>();
        for (LayerDefinition layer : source.catalogue().layers()) {
            List<Feature> features = source.readAll(layer.id());
            counts.put(layer.id(), features.size());
            checksums.put(layer.id(), LayerChecksum.of(layer, features));
            changes.insertAll(layer.id(), features);
        }
        Map<String, String> metadata = source.metadata();
        metadata.forEach(changes::putMetadata);
        target.apply(changes);
        return verify(source, target, counts, checksums, metadata);
    }

    private static Report verify(FeatureStore source, FeatureStore target, Map<String, Integer> counts,
                                 Map<String, String> checksums, Map<String, String> metadata) {
        List<Check> layers = new ArrayList<>();
        for (LayerDefinition layer : source.catalogue().layers()) {
            List<Feature> copied = target.readAll(layer.id());
            layers.add(new Check(layer.id(), counts.get(layer.id()), copied.size(), checksums.get(layer.id()),
                    LayerChecksum.of(layer, copied)));
        }
        Map<String, String> copiedMetadata = target.metadata();
        Check metadataCheck = new Check("metadata", metadata.size(), copiedMetadata.size(),
                LayerChecksum.ofMetadata(metadata), LayerChecksum.ofMetadata(copiedMetadata));
        return new Report(layers, metadataCheck);
    }
}
