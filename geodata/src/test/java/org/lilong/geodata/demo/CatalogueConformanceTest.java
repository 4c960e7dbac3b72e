package org.lilong.geodata.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.ChangeValidator;

class CatalogueConformanceTest {

    static final List<Long> SEEDS = GeneratedDistricts.SEEDS;

    @ParameterizedTest
    @FieldSource("SEEDS")
    void everyFeatureValidatesAgainstItsLayer(long seed) {
        ChangeValidator validator = new ChangeValidator(LayerCatalogue.standard());
        GeneratedDistricts.of(seed).layers().forEach((layerId, features) -> {
            for (Feature feature : features) {
                assertThatCode(() -> validator.normalise(layerId, feature)).as("%s %d", layerId, feature.id()).doesNotThrowAnyException();
            }
        });
    }

    @Test
    void everyLayerOfTheCatalogueIsFilledInCatalogueOrder() {
        DemoDistrict district = GeneratedDistricts.standard();
        List<String> ids = LayerCatalogue.standard().layers().stream().map(LayerDefinition::id).toList();

        assertThat(district.layers().keySet()).containsExactlyElementsOf(ids);
        assertThat(district.layers().values()).allSatisfy(features -> assertThat(features).isNotEmpty());
        assertThat(district.features(LayerCatalogue.SUBDISTRICTS)).hasSize(1);
    }

    @Test
    void featureIdsRunFromOneWithinEachLayer() {
        GeneratedDistricts.standard().layers().forEach((layerId, features) -> {
            for (int k = 0; k < features.size(); k++) {
                assertThat(features.get(k).id()).as(layerId).isEqualTo(k + 1);
            }
        });
    }

    @Test
    void metadataSaysTheDataIsSyntheticAndAttributesEveryLayer() {
        DemoDistrict district = GeneratedDistricts.standard();

        assertThat(district.metadata())
                .containsEntry("dataset.synthetic", "true")
                .containsEntry("dataset.seed", Long.toString(DemoDistrictGenerator.DEFAULT_SEED))
                .containsEntry("dataset.title", "示例街道（虚构） / Demo sub-district (synthetic)");
        assertThat(district.metadata().get("dataset.description")).contains("虚构", "fictional", "Generated");
        for (LayerDefinition layer : LayerCatalogue.standard().layers()) {
            assertThat(district.metadata()).containsEntry("attribution." + layer.id(), "Lilong demo data (synthetic)");
        }
    }

    @Test
    void changeSetInsertsEveryFeatureAndCarriesTheMetadata() {
        DemoDistrict district = GeneratedDistricts.standard();
        ChangeSet changes = district.toChangeSet();
        int features = district.layers().values().stream().mapToInt(List::size).sum();

        assertThat(changes.changes()).hasSize(features).allSatisfy(c -> assertThat(c).isInstanceOf(ChangeSet.Insert.class));
        assertThat(changes.metadata()).isEqualTo(district.metadata());
        assertThat(changes.layerIds()).hasSize(LayerCatalogue.standard().layers().size());
    }
}
