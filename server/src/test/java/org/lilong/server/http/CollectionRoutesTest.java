package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;

class CollectionRoutesTest extends ServerTestSupport {

    @Test
    void everyLayerOfTheCatalogueIsACollection() {
        JsonNode collections = get("/collections").json().get("collections");
        List<String> ids = new ArrayList<>();
        collections.forEach(c -> ids.add(c.get("id").asText()));
        assertThat(ids).containsExactlyElementsOf(LayerCatalogue.standard().layers().stream().map(LayerDefinition::id).toList());
    }

    @Test
    void aCollectionStatesItsSpatialExtentFromItsFeatures() {
        JsonNode bbox = get("/collections/grids").json().at("/extent/spatial/bbox/0");
        assertThat(bbox.get(0).asDouble()).isEqualTo(121.48);
        assertThat(bbox.get(1).asDouble()).isEqualTo(31.22);
        assertThat(bbox.get(2).asDouble()).isEqualTo(121.50);
        assertThat(bbox.get(3).asDouble()).isEqualTo(31.24);
    }

    @Test
    void aLayerWithDatesStatesItsTemporalExtentOpenWhileWorkGoesOn() {
        JsonNode interval = get("/collections/renovation-plots").json().at("/extent/temporal/interval/0");
        assertThat(interval.get(0).asText()).startsWith("2018-03-01");
        assertThat(interval.get(1).isNull()).isTrue();
    }

    @Test
    void aCollectionLinksItsItemsAsGeoJsonAndHtml() {
        JsonNode links = get("/collections/streets").json().get("links");
        List<String> itemTypes = new ArrayList<>();
        links.forEach(l -> {
            if (l.get("rel").asText().equals("items")) {
                itemTypes.add(l.get("type").asText());
            }
        });
        assertThat(itemTypes).containsExactlyInAnyOrder("application/geo+json", "text/html");
    }

    @Test
    void anUnknownCollectionIsA404NamingIt() {
        Answer answer = get("/collections/no-such-layer");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith(ProblemResponses.CONTENT_TYPE);
        assertThat(answer.json().get("detail").asText()).contains("no-such-layer");
    }

    @Test
    void theCollectionsPageInHtmlListsEveryLayer() {
        Answer answer = get("/collections?f=html");
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body()).contains("renovation-plots", "旧改地块", "Service stations");
    }

    @Test
    void theHtmlCollectionPageListsOnlyPublicAttributes() {
        Answer answer = get("/collections/service-stations?f=html");
        assertThat(answer.body()).contains("phone").doesNotContain("manager_phone");
    }
}
