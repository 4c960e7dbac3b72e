package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lilong.server.SmallDistrict;

class ItemRoutesTest extends ServerTestSupport {

    @Test
    void itemsAreAGeoJsonFeatureCollectionWithCounts() {
        Answer answer = get("/collections/grids/items?limit=100");
        assertThat(answer.contentType()).startsWith("application/geo+json");
        JsonNode body = answer.json();
        assertThat(body.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(body.get("numberMatched").asInt()).isEqualTo(7);
        assertThat(body.get("numberReturned").asInt()).isEqualTo(7);
        assertThat(body.at("/features/0/geometry/type").asText()).isEqualTo("Polygon");
    }

    @Test
    void thePublicNeverReceivesInternalAttributes() {
        for (String layer : List.of("grids", "service-stations", "renovation-plots", "residential-areas")) {
            String body = get("/collections/" + layer + "/items?limit=1000").body();
            assertThat(body).doesNotContain("households", "manager_phone", "13900000000");
        }
        assertThat(get("/collections/service-stations/items/1").body()).doesNotContain("manager_phone");
        assertThat(get("/collections/service-stations/items/1?f=html").body()).doesNotContain("13900000000");
    }

    @Test
    void bboxKeepsOnlyFeaturesThatIntersectIt() {
        JsonNode east = get("/collections/service-stations/items?bbox=121.49,31.22,121.50,31.24").json();
        assertThat(ids(east)).containsExactly(1L, 3L);
    }

    @Test
    void limitPagesWithNextAndPrevLinksThatWalkAllMatches() {
        JsonNode first = get("/collections/grids/items?limit=3").json();
        assertThat(ids(first)).containsExactly(1L, 2L, 3L);
        assertThat(link(first, "prev")).isNull();
        JsonNode second = get(relative(link(first, "next"))).json();
        assertThat(ids(second)).containsExactly(4L, 5L, 6L);
        JsonNode third = get(relative(link(second, "next"))).json();
        assertThat(ids(third)).containsExactly(7L);
        assertThat(link(third, "next")).isNull();
        assertThat(ids(get(relative(link(third, "prev"))).json())).containsExactly(4L, 5L, 6L);
    }

    @Test
    void pagingLinksKeepTheFilters() {
        JsonNode first = get("/collections/grids/items?limit=1&level=comprehensive").json();
        assertThat(link(first, "next")).contains("level=comprehensive");
        assertThat(ids(get(relative(link(first, "next"))).json())).containsExactly(3L);
    }

    @Test
    void aLimitAboveTheMaximumIsServedAtTheMaximum() {
        JsonNode body = get("/collections/grids/items?limit=999999").json();
        assertThat(link(body, "self")).contains("limit=" + ItemQueryParser.MAX_LIMIT);
        assertThat(body.get("numberReturned").asInt()).isEqualTo(7);
    }

    @Test
    void propertyEqualityFiltersByTypedValue() {
        assertThat(ids(get("/collections/renovation-plots/items?stage=signing").json())).containsExactly(2L, 3L);
        assertThat(ids(get("/collections/streets/items?bridge=false").json())).containsExactly(1L, 2L);
        assertThat(ids(get("/collections/grids/items?code=LL-02-01").json())).containsExactly(4L);
    }

    @Test
    void datetimeFiltersALayerWithDates() {
        assertThat(ids(get("/collections/renovation-plots/items?datetime=../2020-12-31").json())).containsExactly(1L);
        assertThat(ids(get("/collections/pocket-parks/items?datetime=2021-01-01/2021-12-31").json())).containsExactly(1L);
        assertThat(ids(get("/collections/pocket-parks/items?datetime=2022-01-01/..").json())).isEmpty();
    }

    @Test
    void oneFeatureComesWithItsLinks() {
        JsonNode feature = get("/collections/grids/items/4").json();
        assertThat(feature.get("id").asLong()).isEqualTo(4);
        assertThat(feature.at("/properties/code").asText()).isEqualTo("LL-02-01");
        assertThat(link(feature, "collection")).endsWith("/collections/grids?f=json");
    }

    @Test
    void anUnknownOrMalformedFeatureIdIsA404() {
        assertThat(get("/collections/grids/items/999").status()).isEqualTo(404);
        Answer malformed = get("/collections/grids/items/abc");
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.json().get("detail").asText()).contains("abc");
    }

    @Test
    void hostileStringsAreEscapedInHtmlPages() {
        for (String path : List.of("/collections/service-stations/items?f=html", "/collections/service-stations/items/2?f=html")) {
            String body = get(path).body();
            assertThat(body).doesNotContain(SmallDistrict.HOSTILE_NAME, "<script>alert(2)");
            assertThat(body).contains("&lt;img src=x onerror=alert(1)&gt;");
        }
    }

    @Test
    void hostileStringsAreOrdinaryStringsInGeoJson() {
        JsonNode station = get("/collections/service-stations/items/2").json();
        assertThat(station.at("/properties/name").asText()).isEqualTo(SmallDistrict.HOSTILE_NAME);
    }

    @Test
    void acceptHeaderChoosesHtml() {
        Answer answer = get("/collections/grids/items", Map.of("Accept", "text/html"));
        assertThat(answer.contentType()).startsWith("text/html");
    }

    private static List<Long> ids(JsonNode collection) {
        List<Long> ids = new ArrayList<>();
        collection.get("features").forEach(f -> ids.add(f.get("id").asLong()));
        return ids;
    }

    private static String link(JsonNode document, String rel) {
        for (JsonNode link : document.get("links")) {
            if (link.get("rel").asText().equals(rel)) {
                return link.get("href").asText();
            }
        }
        return null;
    }

    private static String relative(String href) {
        return href.substring(href.indexOf("/collections"));
    }
}
