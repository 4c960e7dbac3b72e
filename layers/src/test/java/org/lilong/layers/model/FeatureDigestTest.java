package org.lilong.layers.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lilong.layers.store.StoreFixtures;

/** The entity tag of a feature: equal for equal content, different for any difference. */
class FeatureDigestTest {

    private static final String SQUARE = "POLYGON ((121.40 31.20, 121.41 31.20, 121.41 31.21, 121.40 31.21, 121.40 31.20))";

    private static Feature feature(long id, String wkt, Map<String, Object> properties) {
        return StoreFixtures.feature(id, wkt, properties);
    }

    @Test
    void equalContentGivesEqualTagsWhateverTheAttributeOrder() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("name", "金坛");
        one.put("residents", 3200L);
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("residents", 3200L);
        other.put("name", "金坛");

        assertThat(FeatureDigest.of(feature(1, SQUARE, one))).isEqualTo(FeatureDigest.of(feature(1, SQUARE, other)))
                .hasSize(32).matches("[0-9a-f]+");
    }

    @Test
    void anyDifferenceChangesTheTag() {
        String base = FeatureDigest.of(feature(1, SQUARE, Map.of("name", "金坛", "residents", 3200L)));

        assertThat(FeatureDigest.of(feature(2, SQUARE, Map.of("name", "金坛", "residents", 3200L)))).isNotEqualTo(base);
        assertThat(FeatureDigest.of(feature(1, SQUARE, Map.of("name", "金坛", "residents", 3201L)))).isNotEqualTo(base);
        assertThat(FeatureDigest.of(feature(1, SQUARE, Map.of("name", "金坛")))).isNotEqualTo(base);
        assertThat(FeatureDigest.of(feature(1, SQUARE, Map.of("name", "金坛", "residents", "3200")))).isNotEqualTo(base);
        assertThat(FeatureDigest.of(feature(1, SQUARE.replace("121.41 31.21", "121.41 31.2100001"),
                Map.of("name", "金坛", "residents", 3200L)))).isNotEqualTo(base);
    }
}
