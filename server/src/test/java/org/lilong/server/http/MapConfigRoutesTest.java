package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lilong.layers.model.LayerCatalogue;

class MapConfigRoutesTest extends ServerTestSupport {

    @Test
    void thePageLearnsTheLayersLabelsAndThatTheDataIsSynthetic() {
        JsonNode config = get("/map-config").json();
        assertThat(config.at("/dataset/synthetic").asBoolean()).isTrue();
        assertThat(config.get("layers")).hasSize(LayerCatalogue.standard().layers().size());
        assertThat(config.get("gridLevels")).hasSize(5);
        assertThat(config.get("stages")).hasSize(5);
        assertThat(config.get("categories").size()).isGreaterThanOrEqualTo(10);
        assertThat(config.get("defaultBasemap").asText()).isEqualTo("none");
    }

    @Test
    void attributeTitlesArePublicOnly() {
        JsonNode titles = get("/map-config").json().at("/attributes/service-stations");
        titles.forEach(t -> assertThat(t.get("name").asText()).isNotEqualTo("manager_phone"));
        assertThat(titles.size()).isGreaterThan(3);
    }
}
