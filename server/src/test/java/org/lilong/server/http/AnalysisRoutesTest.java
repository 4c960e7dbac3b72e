package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.standard.FacilityCategory;
import org.lilong.layers.standard.WalkingSpeed;
import org.lilong.server.SmallDistrict;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** The life-circle routes over {@link SmallDistrict}, whose lanes and creek are drawn in its Javadoc. */
class AnalysisRoutesTest extends ServerTestSupport {

    /** 33 m north of 复兴东路, 48 m east of 河南南路: central, with streets in every direction. */
    private static final String CENTRE = "lon=121.4905&lat=31.2303";
    private static final String NORTH_OF_CREEK = "lon=" + SmallDistrict.NORTH_OF_CREEK_LON + "&lat=" + SmallDistrict.NORTH_OF_CREEK_LAT;
    /** Rounding to 7 decimals moves a vertex by at most 5e-8 degrees. */
    private static final double ROUNDING_DEGREES = 1e-7;

    @Test
    void isochronesAreGeoJsonBandsInAscendingOrder() {
        Answer answer = get("/analysis/isochrones?" + CENTRE + "&minutes=15,5,10");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/geo+json");
        JsonNode body = answer.json();
        assertThat(body.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(body.get("method").asText()).isEqualTo(AnalysisJsonWriter.METHOD);
        List<String> ids = new ArrayList<>();
        body.get("features").forEach(feature -> ids.add(feature.get("id").asText()));
        assertThat(ids).containsExactly("5", "10", "15");
        JsonNode five = body.get("features").get(0).get("properties");
        assertThat(five.get("minutes").asDouble()).isEqualTo(5);
        assertThat(five.get("distanceMetres").asDouble()).isCloseTo(5 * 60 * 1.1, within(0.05));
        assertThat(five.get("areaSquareMetres").asDouble()).isPositive();
        assertThat(five.get("reachedStreetMetres").asDouble()).isPositive();
    }

    @Test
    void fiveMinuteAreaLiesInsideTenAndTenInsideFifteen() {
        JsonNode features = get("/analysis/isochrones?" + CENTRE).json().get("features");

        Geometry five = geometry(features.get(0).get("geometry"));
        Geometry ten = geometry(features.get(1).get("geometry"));
        Geometry fifteen = geometry(features.get(2).get("geometry"));
        assertThat(five.getGeometryType()).isIn("Polygon", "MultiPolygon");
        assertThat(five.isEmpty()).isFalse();
        assertThat(ten.buffer(ROUNDING_DEGREES).covers(five)).isTrue();
        assertThat(fifteen.buffer(ROUNDING_DEGREES).covers(ten)).isTrue();
        assertThat(fifteen.getArea()).isGreaterThan(ten.getArea());
    }

    @Test
    void theStartAndSpeedAreEchoed() {
        JsonNode body = get("/analysis/isochrones?" + CENTRE + "&speed=0.9").json();

        JsonNode start = body.get("start");
        assertThat(start.get("lon").asDouble()).isEqualTo(121.4905);
        assertThat(start.get("lat").asDouble()).isEqualTo(31.2303);
        assertThat(start.get("area").isNull()).isTrue();
        assertThat(start.get("accessMetres").asDouble()).isCloseTo(33.4, within(1.0));
        assertThat(body.get("speed").get("id").asText()).isEqualTo("custom");
        assertThat(body.get("speed").get("metresPerSecond").asDouble()).isEqualTo(0.9);
    }

    @Test
    void elderlySpeedGivesASmallerFifteenMinuteArea() {
        JsonNode adult = get("/analysis/isochrones?" + CENTRE + "&minutes=15").json();
        JsonNode elderly = get("/analysis/isochrones?" + CENTRE + "&minutes=15&speed=elderly").json();

        WalkingSpeed slow = atlas.profile().speed("elderly").orElseThrow();
        assertThat(elderly.get("speed").get("metresPerSecond").asDouble()).isEqualTo(slow.metresPerSecond());
        JsonNode slowBand = elderly.get("features").get(0).get("properties");
        JsonNode fastBand = adult.get("features").get(0).get("properties");
        assertThat(slowBand.get("distanceMetres").asDouble()).isCloseTo(slow.metresIn(15), within(0.05));
        assertThat(slowBand.get("areaSquareMetres").asDouble()).isLessThan(fastBand.get("areaSquareMetres").asDouble());
        assertThat(slowBand.get("reachedStreetMetres").asDouble()).isLessThan(fastBand.get("reachedStreetMetres").asDouble());
    }

    @Test
    void anAreaStartsFromAPointInsideItWithItsName() {
        Answer answer = get("/analysis/isochrones?area=1");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode start = answer.json().get("start");
        assertThat(start.get("area").get("id").asLong()).isEqualTo(1);
        assertThat(start.get("area").get("name").asText()).isEqualTo("金坛居民区");
        Geometry area = atlas.feature(LayerCatalogue.RESIDENTIAL_AREAS, 1).orElseThrow().geometry();
        assertThat(area.covers(GeometryFactories.WGS84.createPoint(
                new Coordinate(start.get("lon").asDouble(), start.get("lat").asDouble())))).isTrue();
        assertThat(answer.json().get("features")).hasSize(3);
        assertThat(get("/analysis/life-circle?area=1").json().get("start").get("area").get("id").asLong()).isEqualTo(1);
    }

    @Test
    void theReportListsEveryProfileCategoryInProfileOrderWithTheDocumentedFields() {
        JsonNode report = get("/analysis/life-circle?" + CENTRE).json();

        List<String> expected = atlas.profile().categories().stream().map(FacilityCategory::id).toList();
        List<String> ids = new ArrayList<>();
        report.get("categories").forEach(category -> ids.add(category.get("id").asText()));
        assertThat(ids).isEqualTo(expected);
        assertThat(report.get("profile").asText()).isEqualTo("default");
        assertThat(report.get("speed").get("id").asText()).isEqualTo(atlas.profile().defaultSpeed().id());
        assertThat(report.get("passed").asInt() + report.get("failed").asInt() + report.get("noData").asInt())
                .isEqualTo(expected.size());
        assertThat(report.get("score").asDouble()).isBetween(0.0, 100.0);
        for (JsonNode category : report.get("categories")) {
            assertThat(category.fieldNames()).toIterable().containsExactly("id", "nameZh", "nameEn", "levelMinutes",
                    "maxWalkMetres", "status", "nearest", "within5", "within10", "within15");
            assertThat(category.get("status").asText()).isIn("pass", "fail", "no-data");
        }
        JsonNode health = category(report, "health_centre");
        assertThat(health.get("levelMinutes").asInt()).isEqualTo(15);
        assertThat(health.get("maxWalkMetres").asDouble()).isEqualTo(1000);
        assertThat(category(report, "kindergarten").get("status").asText()).isEqualTo("no-data");
        assertThat(category(report, "kindergarten").get("nearest").isNull()).isTrue();
    }

    @Test
    void aStationAcrossTheCreekIsFartherOnFootThanInAStraightLine() {
        JsonNode canteen = category(get("/analysis/life-circle?" + NORTH_OF_CREEK).json(), "canteen");

        JsonNode nearest = canteen.get("nearest");
        assertThat(nearest.get("layer").asText()).isEqualTo("service-stations");
        assertThat(nearest.get("id").asLong()).isEqualTo(2);
        // Round the creek's end: about 750 m on foot for about 340 m as the crow flies.
        assertThat(nearest.get("walkMetres").asDouble()).isGreaterThan(2 * nearest.get("straightMetres").asDouble());
        assertThat(nearest.get("walkMetres").asDouble()).isGreaterThan(canteen.get("maxWalkMetres").asDouble());
        assertThat(canteen.get("status").asText()).isEqualTo("fail");
        assertThat(nearest.get("minutes").asDouble()).isCloseTo(
                atlas.profile().defaultSpeed().minutesFor(nearest.get("walkMetres").asDouble()), within(0.01));
    }

    @Test
    void theRouteRunsFromTheStartToTheFacility() {
        JsonNode nearest = category(get("/analysis/life-circle?" + NORTH_OF_CREEK).json(), "canteen").get("nearest");

        LineString route = (LineString) geometry(nearest.get("route"));
        Coordinate first = route.getCoordinateN(0);
        Coordinate last = route.getCoordinateN(route.getNumPoints() - 1);
        assertThat(first.distance(new Coordinate(SmallDistrict.NORTH_OF_CREEK_LON, SmallDistrict.NORTH_OF_CREEK_LAT)))
                .isLessThan(2 * ROUNDING_DEGREES);
        assertThat(last.distance(new Coordinate(nearest.get("lon").asDouble(), nearest.get("lat").asDouble())))
                .isLessThan(2 * ROUNDING_DEGREES);
        assertThat(last.distance(new Coordinate(121.485, 31.225))).isLessThan(2 * ROUNDING_DEGREES);
    }

    @Test
    void reachableFacilitiesAreListedNearestFirst() {
        JsonNode reachable = get("/analysis/life-circle?" + NORTH_OF_CREEK).json().get("reachable");

        assertThat(reachable).isNotEmpty();
        double previous = 0;
        for (JsonNode facility : reachable) {
            assertThat(facility.fieldNames()).toIterable().containsExactly("category", "layer", "id", "name", "lon", "lat",
                    "walkMetres", "minutes");
            assertThat(facility.get("walkMetres").asDouble()).isGreaterThanOrEqualTo(previous);
            assertThat(facility.get("minutes").asDouble()).isLessThanOrEqualTo(15);
            previous = facility.get("walkMetres").asDouble();
        }
    }

    @Test
    void aHostileStationNameComesBackAsDataNeverAsMarkup() {
        Answer answer = get("/analysis/life-circle?" + NORTH_OF_CREEK);

        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.body()).doesNotContain("<img", "<script");
        assertThat(category(answer.json(), "canteen").get("nearest").get("name").asText()).isEqualTo(SmallDistrict.HOSTILE_NAME);
        assertThat(answer.body()).doesNotContain("alert(2)"); // the address is not part of the answer
    }

    @Test
    void chosenCategoriesAreReportedAloneInProfileOrderAndScoredAlone() {
        JsonNode report = get("/analysis/life-circle?" + NORTH_OF_CREEK + "&categories=canteen,health_centre").json();

        List<String> ids = new ArrayList<>();
        report.get("categories").forEach(category -> ids.add(category.get("id").asText()));
        assertThat(ids).containsExactly("health_centre", "canteen");
        assertThat(report.get("passed").asInt() + report.get("failed").asInt() + report.get("noData").asInt()).isEqualTo(2);
        report.get("reachable").forEach(f -> assertThat(f.get("category").asText()).isIn("canteen", "health_centre"));
        int passed = report.get("passed").asInt();
        int failed = report.get("failed").asInt();
        assertThat(report.get("score").asDouble()).isCloseTo(100.0 * passed / (passed + failed), within(0.01));
    }

    @Test
    void theProfileListsCategoriesAndSpeeds() {
        JsonNode profile = get("/analysis/profile").json();

        assertThat(profile.get("name").asText()).isEqualTo("default");
        assertThat(profile.get("defaultSpeed").asText()).isEqualTo("adult");
        assertThat(profile.get("categories")).hasSize(atlas.profile().categories().size());
        assertThat(profile.get("categories").get(0).fieldNames()).toIterable()
                .containsExactly("id", "nameZh", "nameEn", "levelMinutes", "maxWalkMetres");
        List<String> speeds = new ArrayList<>();
        profile.get("speeds").forEach(speed -> speeds.add(speed.get("id").asText()));
        assertThat(speeds).containsExactly("adult", "elderly");
        assertThat(profile.get("speeds").get(1).get("metresPerSecond").asDouble()).isEqualTo(0.8);
    }

    @Test
    void theServersOwnProfileNameIsAccepted() {
        assertThat(get("/analysis/life-circle?" + CENTRE + "&profile=default").status()).isEqualTo(200);
        assertThat(get("/analysis/isochrones?" + CENTRE + "&profile=default").status()).isEqualTo(200);
    }

    @Test
    void aStartOffTheNetworkSaysHowFarTheNearestStreetIsAndTheLimit() {
        Answer answer = get("/analysis/isochrones?lon=" + SmallDistrict.OFF_NETWORK_LON + "&lat=" + SmallDistrict.OFF_NETWORK_LAT);

        assertThat(answer.status()).isEqualTo(422);
        String detail = answer.json().get("detail").asText();
        assertThat(detail).contains("nearest walkable street is", "the limit is 200 m");
        double nearest = Double.parseDouble(detail.replaceAll(".*street is (\\d+) m away.*", "$1"));
        // Straight south to 复兴东路 at 31.23: 0.005 degree of latitude.
        assertThat(nearest).isCloseTo(555, within(5.0));
    }

    @Test
    void theOpenApiDocumentDescribesEachAnalysisParameter() {
        JsonNode paths = get("/api").json().get("paths");

        assertThat(parameterNames(paths.at("/~1analysis~1isochrones/get")))
                .containsExactlyInAnyOrder("lon", "lat", "area", "minutes", "speed", "profile");
        assertThat(parameterNames(paths.at("/~1analysis~1life-circle/get")))
                .containsExactlyInAnyOrder("lon", "lat", "area", "speed", "profile", "categories");
        assertThat(paths.at("/~1analysis~1isochrones/get/responses").has("422")).isTrue();
        assertThat(paths.has("/analysis/profile")).isTrue();
    }

    private static List<String> parameterNames(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.get("parameters").forEach(parameter -> names.add(parameter.get("name").asText()));
        return names;
    }

    private static JsonNode category(JsonNode report, String id) {
        for (JsonNode category : report.get("categories")) {
            if (category.get("id").asText().equals(id)) {
                return category;
            }
        }
        throw new AssertionError("no category " + id + " in " + report);
    }

    private static Geometry geometry(JsonNode geoJson) {
        try {
            return new GeoJsonReader(GeometryFactories.WGS84).read(geoJson.toString());
        } catch (ParseException e) {
            throw new AssertionError("not a GeoJSON geometry: " + geoJson, e);
        }
    }
}
