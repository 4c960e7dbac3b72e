package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TileJSON 3.0.0 documents for one layer and for the combined tiles, and the map page's tile settings. */
class TileRoutesTileJsonTest extends ServerTestSupport {

    @Test
    void aLayersTileJsonGivesAnAbsoluteTemplateItsZoomsBoundsAndAttribution() {
        JsonNode doc = get("/collections/streets/tiles").json();
        assertThat(doc.get("tilejson").asText()).isEqualTo("3.0.0");
        assertThat(doc.get("tiles").get(0).asText()).matches("http://[^/]+/collections/streets/tiles/\\{z\\}/\\{x\\}/\\{y\\}\\.mvt");
        assertThat(doc.get("minzoom").asInt()).isEqualTo(12);
        assertThat(doc.get("maxzoom").asInt()).isEqualTo(20);
        assertThat(doc.get("attribution").asText()).isEqualTo("Test streets");
        JsonNode bounds = doc.get("bounds");
        assertThat(bounds.get(0).asDouble()).isEqualTo(121.48);
        assertThat(bounds.get(1).asDouble()).isEqualTo(31.22);
        assertThat(bounds.get(2).asDouble()).isEqualTo(121.50);
        assertThat(bounds.get(3).asDouble()).isEqualTo(31.24);
        assertThat(doc.get("center").get(0).asDouble()).isBetween(121.48, 121.50);
        assertThat(doc.get("center").get(2).asInt()).isBetween(12, 20);
    }

    @Test
    void vectorLayersListOnlyTheFieldsThePublicMaySee() {
        JsonNode layer = get("/collections/grids/tiles").json().get("vector_layers").get(0);
        assertThat(layer.get("id").asText()).isEqualTo("grids");
        assertThat(fieldNames(layer.get("fields"))).contains("code", "name", "residents").doesNotContain("households");
        assertThat(layer.get("fields").get("residents").asText()).isEqualTo("Number");
        assertThat(layer.get("fields").get("name").asText()).isEqualTo("String");
        assertThat(layer.get("minzoom").asInt()).isEqualTo(12);
        assertThat(layer.get("description").asText()).isNotBlank();
    }

    @Test
    void theCombinedTileJsonListsTheAskedLayersInCatalogueOrderAndKeepsThemInTheTemplate() {
        JsonNode doc = get("/tiles?layers=streets,grids&crs=gcj02").json();
        assertThat(doc.get("tiles").get(0).asText()).endsWith("/tiles/{z}/{x}/{y}.mvt?layers=grids%2Cstreets&crs=gcj02");
        List<String> ids = new ArrayList<>();
        doc.get("vector_layers").forEach(l -> ids.add(l.get("id").asText()));
        assertThat(ids).containsExactly("grids", "streets");
        assertThat(doc.get("minzoom").asInt()).isEqualTo(12);
    }

    @Test
    void theCombinedTileJsonWithoutLayersCoversEveryLayer() {
        JsonNode doc = get("/tiles").json();
        assertThat(doc.get("vector_layers")).hasSize(8);
        assertThat(doc.get("minzoom").asInt()).isEqualTo(8);
        assertThat(doc.get("tiles").get(0).asText()).endsWith("/tiles/{z}/{x}/{y}.mvt");
    }

    @Test
    void theMapConfigTellsThePageWhichLayersToDrawFromTilesAndAtWhichZooms() {
        JsonNode config = get("/map-config").json();
        assertThat(config.at("/tiles/template").asText()).isEqualTo("/tiles/{z}/{x}/{y}.mvt");
        List<String> tiled = new ArrayList<>();
        config.at("/tiles/layers").forEach(l -> tiled.add(l.asText()));
        assertThat(tiled).containsExactly("water", "streets", "residential-areas", "grids");
        config.get("layers").forEach(layer -> {
            if (layer.get("id").asText().equals("service-stations")) {
                assertThat(layer.at("/tiles/minzoom").asInt()).isEqualTo(13);
                assertThat(layer.at("/tiles/maxzoom").asInt()).isEqualTo(20);
            }
        });
    }

    private static List<String> fieldNames(JsonNode fields) {
        List<String> names = new ArrayList<>();
        fields.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theApiDocumentDescribesTheTileRoutesAndTheirEmpty204() {
        JsonNode paths = get("/api").json().get("paths");
        assertThat(paths.has("/tiles")).isTrue();
        assertThat(paths.has("/collections/{collectionId}/tiles")).isTrue();
        assertThat(paths.at("/~1tiles~1{z}~1{x}~1{y}.mvt/get/responses/204").isMissingNode()).isFalse();
        assertThat(paths.at("/~1collections~1{collectionId}~1tiles~1{z}~1{x}~1{y}.mvt/get/responses/200/content")
                .has("application/vnd.mapbox-vector-tile")).isTrue();
    }
}
