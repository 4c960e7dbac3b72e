package org.lilong.geodata.io.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.geodata.demo.DemoDistrict;
import org.lilong.geodata.demo.DemoDistrictGenerator;
import org.lilong.layers.accounts.AccountStore;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.FeatureStore;
import org.lilong.layers.store.HistoryEntry;
import org.lilong.layers.store.gpkg.GeoPackageStore;

class StoreCopierTest {

    private static final LayerCatalogue CATALOGUE = LayerCatalogue.standard();
    private static final DemoDistrict DEMO = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED);

    @TempDir
    Path dir;

    @Test
    void theDemoDistrictIsCopiedWithItsIdsAndVerified() {
        try (GeoPackageStore source = GeoPackageStore.open(dir.resolve("a.gpkg"), CATALOGUE);
             GeoPackageStore target = GeoPackageStore.open(dir.resolve("b.gpkg"), CATALOGUE)) {
            source.apply(DEMO.toChangeSet());
            StoreCopier.Report report = StoreCopier.copy(source, target);
            assertThat(report.verified()).isTrue();
            assertThat(report.layers()).extracting(StoreCopier.Check::name)
                    .containsExactlyElementsOf(CATALOGUE.layers().stream().map(LayerDefinition::id).toList());
            for (LayerDefinition layer : CATALOGUE.layers()) {
                assertThat(target.readAll(layer.id())).extracting(Feature::id)
                        .containsExactlyElementsOf(source.readAll(layer.id()).stream().map(Feature::id).toList());
            }
            assertThat(target.metadata()).isEqualTo(source.metadata()).isNotEmpty();
            assertThat(report.features()).isEqualTo(DEMO.toChangeSet().changes().size());
        }
    }

    @Test
    void aTargetWithDataIsRefusedAndLeftAlone() throws Exception {
        Path targetFile = dir.resolve("b.gpkg");
        try (GeoPackageStore target = GeoPackageStore.open(targetFile, CATALOGUE)) {
            target.apply(new ChangeSet().putMetadata("dataset.title", "already here"));
        }
        byte[] before = Files.readAllBytes(targetFile);
        try (GeoPackageStore source = GeoPackageStore.open(dir.resolve("a.gpkg"), CATALOGUE);
             GeoPackageStore target = GeoPackageStore.open(targetFile, CATALOGUE)) {
            source.apply(DEMO.toChangeSet());
            assertThatThrownBy(() -> StoreCopier.copy(source, target)).isInstanceOf(StoreCopier.TargetNotEmptyException.class);
            assertThat(target.metadata()).containsOnlyKeys("dataset.title");
        }
        assertThat(Files.readAllBytes(targetFile)).isEqualTo(before);
    }

    @Test
    void aTargetThatLosesAFeatureFailsTheVerificationOfThatLayerOnly() {
        try (GeoPackageStore source = GeoPackageStore.open(dir.resolve("a.gpkg"), CATALOGUE);
             GeoPackageStore inner = GeoPackageStore.open(dir.resolve("b.gpkg"), CATALOGUE)) {
            source.apply(DEMO.toChangeSet());
            FeatureStore lossy = new LossyStore(inner, LayerCatalogue.SERVICE_STATIONS);
            StoreCopier.Report report = StoreCopier.copy(source, lossy);
            assertThat(report.verified()).isFalse();
            assertThat(report.layers()).filteredOn(c -> !c.matches()).extracting(StoreCopier.Check::name)
                    .containsExactly(LayerCatalogue.SERVICE_STATIONS);
            StoreCopier.Check stations = report.layers().stream()
                    .filter(c -> c.name().equals(LayerCatalogue.SERVICE_STATIONS)).findFirst().orElseThrow();
            assertThat(stations.targetCount()).isEqualTo(stations.sourceCount() - 1);
            assertThat(report.metadata().matches()).isTrue();
        }
    }

    /** A store that silently drops the last insert into one layer: what verification is there to catch. */
    private record LossyStore(FeatureStore inner, String layerId) implements FeatureStore {

        @Override
        public LayerCatalogue catalogue() {
            return inner.catalogue();
        }

        @Override
        public AccountStore accounts() {
            return inner.accounts();
        }

        @Override
        public List<HistoryEntry> history(String layer, long featureId) {
            return inner.history(layer, featureId);
        }

        @Override
        public List<Feature> readAll(String id) {
            return inner.readAll(id);
        }

        @Override
        public List<Feature> apply(ChangeSet changes) {
            ChangeSet kept = new ChangeSet();
            List<ChangeSet.Change> all = changes.changes();
            ChangeSet.Change dropped = null;
            for (ChangeSet.Change change : all) {
                if (change.layerId().equals(layerId)) {
                    dropped = change;
                }
            }
            for (ChangeSet.Change change : all) {
                if (change != dropped && change instanceof ChangeSet.Insert insert) {
                    kept.insert(insert.layerId(), insert.feature());
                }
            }
            changes.metadata().forEach(kept::putMetadata);
            return inner.apply(kept);
        }

        @Override
        public Map<String, String> metadata() {
            return inner.metadata();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    void theChecksumSeesEveryDifferenceButNotTheOrder() {
        LayerDefinition grids = CATALOGUE.get(LayerCatalogue.GRIDS);
        List<Feature> features = DEMO.features(LayerCatalogue.GRIDS).subList(0, 20);
        String checksum = LayerChecksum.of(grids, features);
        List<Feature> reversed = new ArrayList<>(features);
        java.util.Collections.reverse(reversed);
        assertThat(LayerChecksum.of(grids, reversed)).isEqualTo(checksum).hasSize(64);

        Feature first = features.get(0);
        Map<String, Object> renamed = new LinkedHashMap<>(first.properties());
        renamed.put("name", first.get("name") + " ");
        Map<String, Object> withoutValue = new LinkedHashMap<>(first.properties());
        withoutValue.remove("residents");
        for (Feature changed : List.of(
                new Feature(first.id(), first.geometry(), renamed),
                new Feature(first.id(), first.geometry(), withoutValue),
                new Feature(first.id(), first.geometry().getCentroid().buffer(1e-6), first.properties()),
                first.withId(999_999))) {
            List<Feature> altered = new ArrayList<>(features);
            altered.set(0, changed);
            assertThat(LayerChecksum.of(grids, altered)).as(changed.toString()).isNotEqualTo(checksum);
        }
        assertThat(LayerChecksum.of(grids, features.subList(1, 20))).isNotEqualTo(checksum);
    }
}
