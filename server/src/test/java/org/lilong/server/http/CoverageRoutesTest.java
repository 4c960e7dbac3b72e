package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.GridLevel;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.standard.FacilityCategory;
import org.lilong.server.SmallDistrict;
import org.lilong.server.config.ServerConfig;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * The coverage routes over {@link SmallDistrict} with its {@link SmallDistrict#homes() homes}: three
 * residential areas — 金坛居民区 (3200 residents, far from the canteen), 浜南里 (1500, next to it)
 * and a hostile name on the creek's north bank (2000, about 750 m round the creek) — and one
 * canteen, so at the canteen's 300 m 1500 of 6700 residents are covered.
 */
class CoverageRoutesTest extends ServerTestSupport {

    private static final long JINTAN = 1;
    private static final long SOUTH_BANK = 2;
    private static final long NORTH_BANK = 3;
    private static final long RESIDENTS = 3200 + 1500 + 2000;
    /** On 浜北路, at the north-bank area's south-west corner. */
    private static final String NORTH_BANK_POINT = "{\"type\":\"Point\",\"coordinates\":[121.4835,31.2275]}";
    /** A footbridge over 西浜 from 浜北路 to 浜南路, just west of the canteen. */
    private static final String FOOTBRIDGE = "{\"type\":\"LineString\",\"coordinates\":[[121.4848,31.2275],[121.4848,31.2255]]}";
    private static final String OFF_NETWORK_POINT = "{\"type\":\"Point\",\"coordinates\":[" + SmallDistrict.OFF_NETWORK_LON
            + "," + SmallDistrict.OFF_NETWORK_LAT + "]}";
    /** Rounding to 7 decimals moves a vertex by at most 5e-8 degrees. */
    private static final double ROUNDING_DEGREES = 1e-7;

    @BeforeAll
    static void addHomes() {
        atlas.apply(SmallDistrict.homes());
    }

    @Test
    void coverageCountsTheResidentsWithinTheCategorysWalk() {
        Answer answer = get("/analysis/coverage?category=canteen");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode body = answer.json();
        assertThat(body.get("category").fieldNames()).toIterable()
                .containsExactly("id", "nameZh", "nameEn", "levelMinutes", "maxWalkMetres");
        assertThat(body.get("category").get("id").asText()).isEqualTo("canteen");
        assertThat(body.get("thresholdMetres").asDouble()).isEqualTo(300);
        assertThat(body.get("facilities").asInt()).isEqualTo(1);
        assertThat(body.get("residents").asLong()).isEqualTo(RESIDENTS);
        assertThat(body.get("covered").asLong()).isEqualTo(1500);
        assertThat(body.get("uncovered").asLong()).isEqualTo(RESIDENTS - 1500);
        assertThat(body.get("coveredShare").asDouble()).isEqualTo(0.2239); // 1500 / 6700 to 4 decimals
        // Every home lies in the fixture's grids; 金坛居民区's interior point lies on a micro-grid edge and still counts once.
        assertThat(body.get("unassigned").asLong()).isZero();
    }

    @Test
    void theThresholdIsEchoedFromMetresOrFromMinutesAtTheSpeed() {
        assertThat(get("/analysis/coverage?category=canteen&metres=412.34").json().get("thresholdMetres").asDouble())
                .isEqualTo(412.3);
        assertThat(get("/analysis/coverage?category=canteen&minutes=5").json().get("thresholdMetres").asDouble())
                .isEqualTo(330); // 5 minutes at the adult 1.1 m/s
        assertThat(get("/analysis/coverage?category=canteen&minutes=5&speed=elderly").json().get("thresholdMetres").asDouble())
                .isEqualTo(240); // 0.8 m/s
        assertThat(get("/analysis/coverage?category=health_centre").json().get("thresholdMetres").asDouble())
                .isEqualTo(1000);
    }

    @Test
    void aLongerWalkReachesTheNorthBankRoundTheCreek() {
        JsonNode wide = get("/analysis/coverage?category=canteen&metres=1000").json();

        assertThat(wide.get("covered").asLong()).isEqualTo(1500 + 2000);
    }

    @Test
    void aCategoryWithoutFacilitiesLeavesEveryoneOutOfReachWithNoWalk() {
        JsonNode coverage = get("/analysis/coverage?category=kindergarten").json();
        JsonNode gaps = get("/analysis/coverage/gaps?category=kindergarten").json();

        assertThat(coverage.get("facilities").asInt()).isZero();
        assertThat(coverage.get("covered").asLong()).isZero();
        assertThat(gaps.get("features")).hasSize(3);
        gaps.get("features").forEach(f -> assertThat(f.get("properties").get("walkMetres").isNull()).isTrue());
    }

    @ParameterizedTest(name = "{0} at {1} m")
    @CsvSource({"canteen, 300", "canteen, 1000", "community_station, 300", "health_centre, 1000", "kindergarten, 300"})
    void theGridTableAddsUpToTheSameTotalAtEveryLevel(String category, int metres) {
        JsonNode body = get("/analysis/coverage?category=" + category + "&metres=" + metres).json();

        assertGridTableAddsUp(body.get("grids"), body.get("residents").asLong(), body.get("covered").asLong(),
                body.get("unassigned").asLong());
    }

    @Test
    void theSummaryListsEveryCategoryInProfileOrderAtItsOwnMaximumWalk() {
        JsonNode summary = get("/analysis/coverage").json().get("summary");

        List<FacilityCategory> categories = atlas.profile().categories();
        assertThat(summary).hasSize(categories.size());
        for (int i = 0; i < categories.size(); i++) {
            JsonNode row = summary.get(i);
            assertThat(row.fieldNames()).toIterable().containsExactly("category", "thresholdMetres", "facilities",
                    "residents", "covered", "uncovered", "coveredShare");
            assertThat(row.get("category").get("id").asText()).isEqualTo(categories.get(i).id());
            assertThat(row.get("thresholdMetres").asDouble()).isEqualTo(categories.get(i).maxWalkMetres());
            assertThat(row.get("covered").asLong() + row.get("uncovered").asLong()).isEqualTo(RESIDENTS);
        }
        JsonNode canteen = get("/analysis/coverage?category=canteen").json();
        JsonNode canteenRow = summary.get(indexOf(categories, "canteen"));
        assertThat(canteenRow.get("covered")).isEqualTo(canteen.get("covered"));
        assertThat(canteenRow.get("coveredShare")).isEqualTo(canteen.get("coveredShare"));
    }

    @Test
    void theGapsAreExactlyTheUncoveredUnitsWithTheirPolygons() {
        Answer answer = get("/analysis/coverage/gaps?category=canteen&metres=300");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/geo+json");
        JsonNode gaps = answer.json();
        assertThat(gaps.get("type").asText()).isEqualTo("FeatureCollection");
        Set<Long> ids = new LinkedHashSet<>();
        long residents = 0;
        for (JsonNode feature : gaps.get("features")) {
            JsonNode properties = feature.get("properties");
            assertThat(properties.fieldNames()).toIterable()
                    .containsExactly("layer", "featureId", "name", "residents", "walkMetres");
            assertThat(properties.get("layer").asText()).isEqualTo(LayerCatalogue.RESIDENTIAL_AREAS);
            assertThat(properties.get("walkMetres").isNull() || properties.get("walkMetres").asDouble() > 300).isTrue();
            Feature stored = atlas.feature(LayerCatalogue.RESIDENTIAL_AREAS, properties.get("featureId").asLong()).orElseThrow();
            assertThat(geometry(feature.get("geometry")).equalsExact(stored.geometry(), ROUNDING_DEGREES)).isTrue();
            assertThat(properties.get("residents").asLong()).isEqualTo((Long) stored.get("residents"));
            ids.add(properties.get("featureId").asLong());
            residents += properties.get("residents").asLong();
        }
        assertThat(ids).containsExactlyInAnyOrder(JINTAN, NORTH_BANK);
        assertThat(residents).isEqualTo(get("/analysis/coverage?category=canteen&metres=300").json().get("uncovered").asLong());
    }

    @Test
    void theCoverageAnswerLinksToItsOwnGaps() {
        JsonNode links = get("/analysis/coverage?category=canteen&minutes=5&speed=elderly").json().get("links");

        assertThat(links.get("gaps").asText()).isEqualTo("/analysis/coverage/gaps?category=canteen&metres=240&f=geojson");
        assertThat(links.get("gapsCsv").asText()).isEqualTo("/analysis/coverage/gaps?category=canteen&metres=240&f=csv");
        assertThat(get(links.get("gaps").asText()).json().get("thresholdMetres").asDouble()).isEqualTo(240);
    }

    @Test
    void theGapsCsvIsAnAttachmentHoldingTheSameRowsAsTheGeoJson() {
        Exchange csv = send("GET", "/analysis/coverage/gaps?category=canteen&metres=300&f=csv", null, null);
        JsonNode geoJson = get("/analysis/coverage/gaps?category=canteen&metres=300").json();

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"coverage-gaps-canteen-300m.csv\"");
        List<List<String>> rows = Csv.parse(csv.body());
        assertThat(rows.get(0)).containsExactly("layer", "id", "name", "residents", "walk_metres", "wkt");
        assertThat(rows).hasSize(1 + geoJson.get("features").size());
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            JsonNode feature = geoJson.get("features").get(i - 1);
            JsonNode properties = feature.get("properties");
            assertThat(row.get(0)).isEqualTo(properties.get("layer").asText());
            assertThat(row.get(1)).isEqualTo(properties.get("featureId").asText());
            assertThat(row.get(2)).isEqualTo(properties.get("name").asText());
            assertThat(row.get(3)).isEqualTo(properties.get("residents").asText());
            assertThat(row.get(4)).isEqualTo(properties.get("walkMetres").isNull() ? "" : properties.get("walkMetres").asText());
            assertThat(wkt(row.get(5)).equalsExact(geometry(feature.get("geometry")), ROUNDING_DEGREES)).isTrue();
        }
    }

    @Test
    void suggestedSitesGainsAddUpToTheTotalAndTheCoveredAfter() {
        JsonNode coverage = get("/analysis/coverage?category=canteen").json();
        Set<Long> gaps = featureIds(get("/analysis/coverage/gaps?category=canteen").json());
        JsonNode suggestion = get("/analysis/suggest-sites?category=canteen&k=3").json();

        assertThat(suggestion.fieldNames()).toIterable().containsExactly("category", "thresholdMetres", "residents",
                "coveredBefore", "coveredAfter", "totalGain", "candidatesConsidered", "guarantee", "sites");
        assertThat(suggestion.get("guarantee").asText()).isEqualTo(CoverageJsonWriter.GREEDY_GUARANTEE);
        assertThat(suggestion.get("coveredBefore")).isEqualTo(coverage.get("covered"));
        assertThat(suggestion.get("sites").size()).isBetween(1, 3);
        long total = 0;
        long previousGain = Long.MAX_VALUE;
        Set<Long> newlyCovered = new LinkedHashSet<>();
        for (int i = 0; i < suggestion.get("sites").size(); i++) {
            JsonNode site = suggestion.get("sites").get(i);
            assertThat(site.get("rank").asInt()).isEqualTo(i + 1);
            assertThat(site.get("layer").isNull()).isTrue(); // street junctions by default
            long gain = site.get("gain").asLong();
            long unitResidents = 0;
            for (JsonNode unit : site.get("newlyCovered")) {
                assertThat(newlyCovered.add(unit.get("id").asLong())).as("a unit is gained once").isTrue();
                unitResidents += unit.get("residents").asLong();
            }
            assertThat(unitResidents).isEqualTo(gain);
            assertThat(gain).as("greedy gains never grow").isLessThanOrEqualTo(previousGain);
            previousGain = gain;
            total += gain;
        }
        assertThat(gaps).containsAll(newlyCovered);
        assertThat(suggestion.get("totalGain").asLong()).isEqualTo(total);
        assertThat(suggestion.get("coveredAfter").asLong()).isEqualTo(suggestion.get("coveredBefore").asLong() + total);
        // One junction by 金坛居民区, one by the north bank: everyone is within reach.
        assertThat(suggestion.get("coveredAfter").asLong()).isEqualTo(RESIDENTS);
        assertThat(suggestion.get("sites").get(0).get("newlyCovered").get(0).get("id").asLong()).isEqualTo(JINTAN);
    }

    @Test
    void candidatesFromANamedLayerAreItsFeatures() {
        JsonNode suggestion = get("/analysis/suggest-sites?category=canteen&k=2&candidates=residential-areas").json();

        assertThat(suggestion.get("candidatesConsidered").asInt()).isBetween(1, 3);
        for (JsonNode site : suggestion.get("sites")) {
            assertThat(site.get("layer").asText()).isEqualTo(LayerCatalogue.RESIDENTIAL_AREAS);
            Feature area = atlas.feature(LayerCatalogue.RESIDENTIAL_AREAS, site.get("id").asLong()).orElseThrow();
            assertThat(site.get("name").asText()).isEqualTo(area.text("name"));
            assertThat(area.geometry().covers(GeometryFactories.WGS84.createPoint(
                    new Coordinate(site.get("lon").asDouble(), site.get("lat").asDouble())))).isTrue();
        }
    }

    @Test
    void aFacilityProposedAtAnUncoveredAreaBringsItWithinReach() {
        Exchange answer = whatIf("{\"category\":\"canteen\",\"metres\":300,\"facilities\":[" + NORTH_BANK_POINT + "]}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode body = answer.json();
        assertThat(body.fieldNames()).toIterable()
                .containsExactly("category", "thresholdMetres", "before", "after", "gain", "newlyCovered");
        assertThat(body.get("before").get("covered")).isEqualTo(get("/analysis/coverage?category=canteen").json().get("covered"));
        assertThat(body.get("after").get("covered").asLong()).isEqualTo(body.get("before").get("covered").asLong() + 2000);
        assertThat(body.get("gain").asLong()).isEqualTo(2000);
        assertThat(body.get("newlyCovered")).hasSize(1);
        assertThat(body.get("newlyCovered").get(0).get("id").asLong()).isEqualTo(NORTH_BANK);
        long unassigned = get("/analysis/coverage?category=canteen").json().get("unassigned").asLong();
        for (String side : List.of("before", "after")) {
            JsonNode totals = body.get(side);
            assertThat(totals.get("covered").asLong() + totals.get("uncovered").asLong()).isEqualTo(RESIDENTS);
            assertGridTableAddsUp(totals.get("grids"), totals.get("residents").asLong(), totals.get("covered").asLong(),
                    unassigned);
        }
    }

    @Test
    void aFootbridgeOverTheCreekBringsTheNorthBankWithinReach() {
        // About 750 m round the creek's end before; about 270 m over the bridge.
        JsonNode body = whatIf("{\"category\":\"canteen\",\"metres\":500,\"links\":[" + FOOTBRIDGE + "]}").json();

        assertThat(body.get("before").get("covered").asLong()).isEqualTo(1500);
        assertThat(body.get("after").get("covered").asLong()).isEqualTo(1500 + 2000);
        assertThat(body.get("thresholdMetres").asDouble()).isEqualTo(500);
    }

    @Test
    void minutesAndSpeedSetTheThresholdOfAWhatIf() {
        JsonNode body = whatIf("{\"category\":\"canteen\",\"minutes\":5,\"speed\":\"elderly\",\"facilities\":["
                + NORTH_BANK_POINT + "]}").json();

        assertThat(body.get("thresholdMetres").asDouble()).isEqualTo(240);
    }

    @Test
    void aWhatIfChangesNoStoredData() {
        Map<String, List<Feature>> before = storedFeatures();
        Map<String, String> metadataBefore = atlas.metadata();
        String coverageBefore = get("/analysis/coverage?category=canteen").body();
        List<Set<String>> refreshes = new ArrayList<>();
        atlas.addRefreshListener(refreshes::add);

        assertThat(whatIf("{\"category\":\"canteen\",\"facilities\":[" + NORTH_BANK_POINT + "],\"links\":[" + FOOTBRIDGE
                + "]}").status()).isEqualTo(200);

        assertThat(refreshes).as("nothing was written through the atlas").isEmpty();
        assertThat(storedFeatures()).isEqualTo(before);
        assertThat(atlas.metadata()).isEqualTo(metadataBefore);
        assertThat(get("/analysis/coverage?category=canteen").body()).isEqualTo(coverageBefore);
    }

    @ParameterizedTest(name = "{2} → {0} naming {1}")
    @CsvSource(delimiter = '|', value = {
            "400 | body          | not json",
            "400 | body          | []",
            "400 | body          | ",
            "400 | body          | {\"category\":\"canteen\",\"facilities\":[$P]} {}",
            "400 | body          | {\"category\":\"canteen\",\"facilities\":[$P],\"facilities\":[$P]}",
            "400 | body          | {\"category\":\"canteen\",\"facilities\":[{\"type\":\"Point\",\"coordinates\":[NaN,31.2]}]}",
            "400 | colour        | {\"category\":\"canteen\",\"colour\":\"red\",\"facilities\":[$P]}",
            "400 | category      | {\"facilities\":[$P]}",
            "400 | category      | {\"category\":\"cinema\",\"facilities\":[$P]}",
            "400 | category      | {\"category\":7,\"facilities\":[$P]}",
            "400 | metres        | {\"category\":\"canteen\",\"metres\":300,\"minutes\":5,\"facilities\":[$P]}",
            "400 | metres        | {\"category\":\"canteen\",\"metres\":\"300\",\"facilities\":[$P]}",
            "400 | metres        | {\"category\":\"canteen\",\"metres\":0,\"facilities\":[$P]}",
            "400 | metres        | {\"category\":\"canteen\",\"metres\":1e400,\"facilities\":[$P]}",
            "400 | minutes       | {\"category\":\"canteen\",\"minutes\":61,\"facilities\":[$P]}",
            "400 | speed         | {\"category\":\"canteen\",\"minutes\":5,\"speed\":\"runner\",\"facilities\":[$P]}",
            "400 | speed         | {\"category\":\"canteen\",\"minutes\":5,\"speed\":50,\"facilities\":[$P]}",
            "400 | facilities    | {\"category\":\"canteen\"}",
            "400 | facilities    | {\"category\":\"canteen\",\"facilities\":[],\"links\":[]}",
            "400 | facilities    | {\"category\":\"canteen\",\"facilities\":{\"type\":\"Point\"}}",
            "400 | facilities[0] | {\"category\":\"canteen\",\"facilities\":[$L]}",
            "400 | facilities[0] | {\"category\":\"canteen\",\"facilities\":[{\"type\":\"Point\",\"coordinates\":[200,31.2]}]}",
            "400 | facilities[0] | {\"category\":\"canteen\",\"facilities\":[{\"type\":\"Point\",\"coordinates\":[121.48,\"31.2\"]}]}",
            "400 | facilities[0] | {\"category\":\"canteen\",\"facilities\":[{\"type\":\"Point\",\"coordinates\":[121.48]}]}",
            "400 | facilities[0] | {\"category\":\"canteen\",\"facilities\":[{\"type\":\"Point\"}]}",
            "400 | facilities[1] | {\"category\":\"canteen\",\"facilities\":[$P,\"here\"]}",
            "400 | links[0]      | {\"category\":\"canteen\",\"links\":[{\"type\":\"LineString\",\"coordinates\":[[121.4848,31.2275]]}]}",
            "400 | links[0]      | {\"category\":\"canteen\",\"links\":[{\"type\":\"LineString\",\"coordinates\":[[121.4848,31.2275],[121.4848,31.2275]]}]}",
            "400 | links[0]      | {\"category\":\"canteen\",\"links\":[$P]}",
            "400 | links[0]      | {\"category\":\"canteen\",\"links\":[{\"type\":\"LineString\",\"coordinates\":[[121.4848,31.2275],[121.4848,-91]]}]}",
            "422 | facilities[0] | {\"category\":\"canteen\",\"facilities\":[$OFF]}",
            "422 | facilities[1] | {\"category\":\"canteen\",\"facilities\":[$P,$OFF]}",
            "422 | links[0]      | {\"category\":\"canteen\",\"links\":[{\"type\":\"LineString\",\"coordinates\":[[121.4848,31.2275],[121.4810,31.2350]]}]}",
    })
    void aMistakenWhatIfIsRefusedWithAProblemNamingTheField(int status, String field, String body) {
        String json = body == null ? "" : body.replace("$P", NORTH_BANK_POINT).replace("$L", FOOTBRIDGE).replace("$OFF", OFF_NETWORK_POINT);

        assertProblem(whatIf(json), status, field);
    }

    @Test
    void tooManyFacilitiesOrLinksAreRefused() {
        String facilities = String.join(",", Collections.nCopies(WhatIfRequestReader.MAX_FACILITIES + 1, NORTH_BANK_POINT));
        String links = String.join(",", Collections.nCopies(WhatIfRequestReader.MAX_LINKS + 1, FOOTBRIDGE));

        assertProblem(whatIf("{\"category\":\"canteen\",\"facilities\":[" + facilities + "]}"), 400, "facilities");
        assertProblem(whatIf("{\"category\":\"canteen\",\"links\":[" + links + "]}"), 400, "links");
    }

    @Test
    void aBodyOverSixtyFourKilobytesIs413() {
        String padding = " ".repeat(WhatIfRequestReader.MAX_BODY_BYTES);

        assertProblem(whatIf("{\"category\":\"canteen\",\"facilities\":[" + NORTH_BANK_POINT + "]}" + padding), 413, "body");
    }

    @Test
    void aBodyThatIsNotJsonByItsMediaTypeIs415() {
        Exchange answer = send("POST", "/analysis/what-if", "text/plain",
                ("{\"category\":\"canteen\",\"facilities\":[" + NORTH_BANK_POINT + "]}").getBytes(StandardCharsets.UTF_8));

        assertProblem(answer, 415, "Content-Type");
    }

    @Test
    void theWhatIfIsPostOnly() {
        Answer answer = get("/analysis/what-if");

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.contentType()).startsWith(ProblemResponses.CONTENT_TYPE);
    }

    @Test
    void hostileNamesComeBackAsDataNeverAsMarkup() {
        Answer gaps = get("/analysis/coverage/gaps?category=canteen");
        Exchange whatIf = whatIf("{\"category\":\"canteen\",\"facilities\":[" + NORTH_BANK_POINT + "]}");
        Exchange csv = send("GET", "/analysis/coverage/gaps?category=canteen&f=csv", null, null);

        assertThat(gaps.body()).doesNotContain("<img").contains("\\u003Cimg");
        assertThat(names(gaps.json().get("features"))).contains(SmallDistrict.HOSTILE_NAME);
        assertThat(whatIf.body()).doesNotContain("<img");
        assertThat(whatIf.json().get("newlyCovered").get(0).get("name").asText()).isEqualTo(SmallDistrict.HOSTILE_NAME);
        // The CSV is a file to save, never a page: the name is one field, exactly as stored.
        assertThat(csv.header("Content-Disposition")).startsWith("attachment");
        assertThat(Csv.parse(csv.body()).stream().map(row -> row.get(2))).contains(SmallDistrict.HOSTILE_NAME);
    }

    @Test
    void theOpenApiDocumentDescribesTheCoverageRoutes() {
        JsonNode paths = get("/api").json().get("paths");

        assertThat(parameterNames(paths.at("/~1analysis~1coverage/get")))
                .containsExactlyInAnyOrder("category", "metres", "minutes", "speed");
        assertThat(parameterNames(paths.at("/~1analysis~1coverage~1gaps/get")))
                .containsExactlyInAnyOrder("category", "metres", "minutes", "speed", "f");
        assertThat(parameterNames(paths.at("/~1analysis~1suggest-sites/get")))
                .containsExactlyInAnyOrder("category", "metres", "minutes", "speed", "k", "candidates");
        JsonNode whatIf = paths.at("/~1analysis~1what-if/post");
        assertThat(whatIf.at("/requestBody/content").has("application/json")).isTrue();
        assertThat(whatIf.get("responses").has("413")).isTrue();
        assertThat(whatIf.get("responses").has("422")).isTrue();
    }

    /**
     * Every level's rows add up to the same residents — the district's less the unassigned — and the
     * same covered residents, so no one is counted twice or dropped at any level; shares match.
     */
    private static void assertGridTableAddsUp(JsonNode grids, long residents, long covered, long unassigned) {
        Map<String, long[]> perLevel = new LinkedHashMap<>();
        for (JsonNode grid : grids) {
            assertThat(grid.fieldNames()).toIterable().containsExactly("id", "code", "name", "level", "parentCode",
                    "residents", "covered", "coveredShare");
            long gridResidents = grid.get("residents").asLong();
            long gridCovered = grid.get("covered").asLong();
            assertThat(gridCovered).isBetween(0L, gridResidents);
            assertThat(grid.get("coveredShare").asDouble())
                    .isCloseTo(gridResidents == 0 ? 1 : (double) gridCovered / gridResidents, within(0.00005));
            long[] sums = perLevel.computeIfAbsent(grid.get("level").asText(), level -> new long[2]);
            sums[0] += gridResidents;
            sums[1] += gridCovered;
        }
        assertThat(perLevel.keySet()).containsExactly(GridLevel.SUBDISTRICT.code(), GridLevel.COMPREHENSIVE.code(),
                GridLevel.RESIDENTIAL.code(), GridLevel.MICRO.code());
        long[] district = perLevel.get(GridLevel.SUBDISTRICT.code());
        assertThat(district[0]).isEqualTo(residents - unassigned).isPositive();
        assertThat(district[1]).isBetween(covered - unassigned, covered);
        perLevel.forEach((level, sums) -> assertThat(sums).as(level).containsExactly(district));
    }

    private static void assertProblem(Exchange answer, int status, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith(ProblemResponses.CONTENT_TYPE);
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("parameter").asText()).isEqualTo(field);
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    /** Every layer as the store holds it now: read back from the store, not from the read model's cache. */
    private static Map<String, List<Feature>> storedFeatures() {
        Set<String> layers = new LinkedHashSet<>();
        atlas.catalogue().layers().stream().map(LayerDefinition::id).forEach(layers::add);
        atlas.refresh(layers);
        Map<String, List<Feature>> features = new LinkedHashMap<>();
        layers.forEach(layer -> features.put(layer, atlas.index(layer).all()));
        return features;
    }

    private static Exchange whatIf(String json) {
        return send("POST", "/analysis/what-if", "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** What the server answered, with every header (the download's Content-Disposition). */
    record Exchange(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(",", e.getValue())).findFirst().orElse(null);
        }

        JsonNode json() {
            return new Answer(status, header("Content-Type"), body).json();
        }
    }

    private static Exchange send(String method, String path, String contentType, byte[] body) {
        AtomicReference<Exchange> answer = new AtomicReference<>();
        JavalinTest.test(LilongServer.create(atlas, ServerConfig.defaults().withPort(0)), (server, client) -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.getOrigin() + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                answer.set(new Exchange(response.statusCode(), response.headers().map(), response.body()));
            } catch (IOException e) {
                throw new AssertionError(method + " " + path + " failed", e);
            }
        });
        return answer.get();
    }

    private static Set<Long> featureIds(JsonNode collection) {
        Set<Long> ids = new LinkedHashSet<>();
        collection.get("features").forEach(f -> ids.add(f.get("properties").get("featureId").asLong()));
        return ids;
    }

    private static List<String> names(JsonNode features) {
        List<String> names = new ArrayList<>();
        features.forEach(f -> names.add(f.get("properties").get("name").asText()));
        return names;
    }

    private static List<String> parameterNames(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.get("parameters").forEach(parameter -> names.add(parameter.get("name").asText()));
        return names;
    }

    private static int indexOf(List<FacilityCategory> categories, String id) {
        for (int i = 0; i < categories.size(); i++) {
            if (categories.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no category " + id);
    }

    private static Geometry geometry(JsonNode geoJson) {
        try {
            return new GeoJsonReader(GeometryFactories.WGS84).read(geoJson.toString());
        } catch (ParseException e) {
            throw new AssertionError("not a GeoJSON geometry: " + geoJson, e);
        }
    }

    private static Geometry wkt(String text) {
        try {
            return new WKTReader(GeometryFactories.WGS84).read(text);
        } catch (ParseException e) {
            throw new AssertionError("not WKT: " + text, e);
        }
    }

    /** Just enough RFC 4180 to read the download back: quoted fields, doubled quotes, CRLF rows. */
    private static final class Csv {

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else {
                    field.append(c);
                }
            }
            assertThat(field).as("the last row ends with CRLF").isEmpty();
            assertThat(row).isEmpty();
            return rows;
        }
    }
}
