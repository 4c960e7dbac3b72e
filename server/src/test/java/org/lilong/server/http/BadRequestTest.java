package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every client mistake gets a 4xx problem+json naming the parameter, never a 500. One line per case. */
class BadRequestTest extends ServerTestSupport {

    @ParameterizedTest(name = "{0} → {1} naming {2}")
    @CsvSource(delimiter = '|', value = {
            "/collections/grids/items?bbox=1,2,3                      | 400 | bbox",
            "/collections/grids/items?bbox=a,b,c,d                    | 400 | bbox",
            "/collections/grids/items?bbox=121.5,31.2,121.4,31.3      | 400 | bbox",
            "/collections/grids/items?bbox=121.4,31.3,121.5,31.2      | 400 | bbox",
            "/collections/grids/items?bbox=-200,31.2,121.4,31.3       | 400 | bbox",
            "/collections/grids/items?bbox=121.4,-91,121.5,31.3       | 400 | bbox",
            "/collections/grids/items?bbox=NaN,31.2,121.5,31.3        | 400 | bbox",
            "/collections/grids/items?limit=abc                       | 400 | limit",
            "/collections/grids/items?limit=-1                        | 400 | limit",
            "/collections/grids/items?limit=0                         | 400 | limit",
            "/collections/grids/items?limit=1.5                       | 400 | limit",
            "/collections/grids/items?offset=-3                       | 400 | offset",
            "/collections/grids/items?f=xml                           | 400 | f",
            "/collections?f=shapefile                                 | 400 | f",
            "/collections/streets/items?datetime=2020-01-01           | 400 | datetime",
            "/collections/renovation-plots/items?datetime=yesterday   | 400 | datetime",
            "/collections/renovation-plots/items?datetime=2021-01-01/2020-01-01 | 400 | datetime",
            "/collections/grids/items?colour=red                      | 400 | colour",
            "/collections/grids/items?households=700                  | 400 | households",
            "/collections/grids/items?residents=many                  | 400 | residents",
            "/collections/streets/items?bridge=maybe                  | 400 | bridge",
            "/collections/grids/items?level=micro&level=subdistrict   | 400 | level",
            "/where?lat=31.23                                         | 400 | lon",
            "/where?lon=121.49&lat=100                                | 400 | lat",
            "/where?lon=east&lat=31.23                                | 400 | lon",
            "/where?lon=NaN&lat=31.23                                 | 400 | lon",
            "/where?lon=121.49&lat=0x1p4                              | 400 | lat",
            "/collections/nowhere/items                               | 404 | collectionId",
            "/collections/nowhere/items/1                             | 404 | collectionId",
            "/collections/grids/items/0                               | 404 | featureId",
            "/analysis/isochrones                                     | 400 | lon",
            "/analysis/isochrones?lat=31.23                           | 400 | lon",
            "/analysis/isochrones?lon=121.49                          | 400 | lat",
            "/analysis/isochrones?lon=east&lat=31.23                  | 400 | lon",
            "/analysis/isochrones?lon=121.49&lat=north                | 400 | lat",
            "/analysis/isochrones?lon=NaN&lat=31.23                   | 400 | lon",
            "/analysis/isochrones?lon=0x1p7&lat=31.23                 | 400 | lon",
            "/analysis/isochrones?lon=181&lat=31.23                   | 400 | lon",
            "/analysis/isochrones?lon=121.49&lat=-90.5                | 400 | lat",
            "/analysis/life-circle?lon=121.49&lat=91                  | 400 | lat",
            "/analysis/isochrones?lon=121.49&lat=31.23&area=1         | 400 | area",
            "/analysis/isochrones?area=one                            | 400 | area",
            "/analysis/isochrones?area=999                            | 422 | area",
            "/analysis/life-circle?area=999                           | 422 | area",
            "/analysis/isochrones?lon=121.481&lat=31.235              | 422 | lon,lat",
            "/analysis/life-circle?lon=121.481&lat=31.235             | 422 | lon,lat",
            "/analysis/isochrones?lon=121.4905&lat=31.2303&minutes=0        | 400 | minutes",
            "/analysis/isochrones?lon=121.4905&lat=31.2303&minutes=-5       | 400 | minutes",
            "/analysis/isochrones?lon=121.4905&lat=31.2303&minutes=60.5     | 400 | minutes",
            "/analysis/isochrones?lon=121.4905&lat=31.2303&minutes=ten      | 400 | minutes",
            "/analysis/isochrones?lon=121.4905&lat=31.2303&minutes=NaN      | 400 | minutes",
            "/analysis/isochrones?lon=121.4905&lat=31.2303&minutes=         | 400 | minutes",
            "/analysis/isochrones?lon=121.4905&lat=31.2303&minutes=5,,10    | 400 | minutes",
            "/analysis/isochrones?lon=121.4905&lat=31.2303&minutes=1,2,3,4,5,6,7 | 400 | minutes",
            "/analysis/isochrones?lon=121.4905&lat=31.2303&minutes=10,5,10  | 400 | minutes",
            "/analysis/isochrones?lon=121.4905&lat=31.2303&minutes=5&minutes=10 | 400 | minutes",
            "/analysis/isochrones?lon=121.4905&lat=31.2303&speed=0          | 400 | speed",
            "/analysis/isochrones?lon=121.4905&lat=31.2303&speed=-1.1       | 400 | speed",
            "/analysis/isochrones?lon=121.4905&lat=31.2303&speed=50         | 400 | speed",
            "/analysis/isochrones?lon=121.4905&lat=31.2303&speed=fast       | 400 | speed",
            "/analysis/isochrones?lon=121.4905&lat=31.2303&speed=Infinity   | 400 | speed",
            "/analysis/isochrones?lon=121.4905&lat=31.2303&speed=           | 400 | speed",
            "/analysis/life-circle?lon=121.4905&lat=31.2303&speed=50        | 400 | speed",
            "/analysis/life-circle?lon=121.4905&lat=31.2303&speed=runner    | 400 | speed",
            "/analysis/life-circle?lon=121.4905&lat=31.2303&categories=cinema | 400 | categories",
            "/analysis/life-circle?lon=121.4905&lat=31.2303&categories=canteen,,market | 400 | categories",
            "/analysis/life-circle?lon=121.4905&lat=31.2303&categories=     | 400 | categories",
            "/analysis/life-circle?lon=121.4905&lat=31.2303&profile=strict  | 400 | profile",
            "/analysis/isochrones?lon=121.4905&lat=31.2303&profile=         | 400 | profile",
            "/analysis/coverage?category=cinema                       | 400 | category",
            "/analysis/coverage?metres=300                            | 400 | category",
            "/analysis/coverage?category=                             | 400 | category",
            "/analysis/coverage?category=canteen&category=market      | 400 | category",
            "/analysis/coverage?category=canteen&metres=300&minutes=5 | 400 | metres",
            "/analysis/coverage?category=canteen&metres=far           | 400 | metres",
            "/analysis/coverage?category=canteen&metres=NaN           | 400 | metres",
            "/analysis/coverage?category=canteen&metres=0             | 400 | metres",
            "/analysis/coverage?category=canteen&metres=-300          | 400 | metres",
            "/analysis/coverage?category=canteen&metres=10000.5       | 400 | metres",
            "/analysis/coverage?category=canteen&metres=300&metres=500 | 400 | metres",
            "/analysis/coverage?category=canteen&minutes=0            | 400 | minutes",
            "/analysis/coverage?category=canteen&minutes=60.5         | 400 | minutes",
            "/analysis/coverage?category=canteen&minutes=5,10         | 400 | minutes",
            "/analysis/coverage?category=canteen&minutes=60&speed=3   | 400 | minutes",
            "/analysis/coverage?category=canteen&minutes=5&speed=fast | 400 | speed",
            "/analysis/coverage?category=canteen&minutes=5&speed=50   | 400 | speed",
            "/analysis/coverage/gaps                                  | 400 | category",
            "/analysis/coverage/gaps?category=cinema                  | 400 | category",
            "/analysis/coverage/gaps?category=canteen&metres=0x1p8    | 400 | metres",
            "/analysis/coverage/gaps?category=canteen&f=xml           | 400 | f",
            "/analysis/coverage/gaps?category=canteen&f=html          | 400 | f",
            "/analysis/coverage/gaps?category=canteen&f=gpkg          | 400 | f",
            "/analysis/suggest-sites?k=3                              | 400 | category",
            "/analysis/suggest-sites?category=cinema&k=3              | 400 | category",
            "/analysis/suggest-sites?category=canteen                 | 400 | k",
            "/analysis/suggest-sites?category=canteen&k=              | 400 | k",
            "/analysis/suggest-sites?category=canteen&k=three         | 400 | k",
            "/analysis/suggest-sites?category=canteen&k=2.5           | 400 | k",
            "/analysis/suggest-sites?category=canteen&k=-1            | 400 | k",
            "/analysis/suggest-sites?category=canteen&k=0             | 400 | k",
            "/analysis/suggest-sites?category=canteen&k=11            | 400 | k",
            "/analysis/suggest-sites?category=canteen&k=99999999999   | 400 | k",
            "/analysis/suggest-sites?category=canteen&k=3&candidates=vacant-plots | 400 | candidates",
            "/analysis/suggest-sites?category=canteen&k=3&candidates= | 400 | candidates",
            "/analysis/suggest-sites?category=canteen&k=3&metres=20000 | 400 | metres",
            "/collections/grids/items?bbox=121.4,31.2,121.5,0x1p5     | 400 | bbox",
            "/collections/grids/items?crs=EPSG:9999                   | 400 | crs",
            "/collections/grids/items?crs=EPSG:32651                  | 400 | crs",
            "/collections/grids/items?crs=                            | 400 | crs",
            "/collections/grids/items?crs=gcj02&crs=bd09              | 400 | crs",
            "/collections/grids/items?f=html&crs=mars                 | 400 | crs",
            "/collections/grids/items/1?crs=EPSG:4610                 | 400 | crs",
            "/collections/grids/items/1?f=html&crs=wgs                | 400 | crs",
            "/collections/grids/items?f=gpkg&crs=EPSG:4549            | 400 | crs",
            "/collections/grids/items?f=csv&crs=EPSG:0                | 400 | crs",
            "/collections/grids/items?bbox-crs=EPSG:4326              | 400 | bbox-crs",
            "/collections/grids/items?bbox=31.2,121.4,31.3,121.6&bbox-crs=EPSG:27700 | 400 | bbox-crs",
            "/collections/grids/items?bbox=31.2,121.4,31.3,121.6&bbox-crs=EPSG:4326&bbox-crs=CRS84 | 400 | bbox-crs",
            "/collections/grids/items?bbox=121.4,31.2,121.5,31.3&bbox-crs=EPSG:4326 | 400 | bbox",
            "/collections/grids/items?bbox=121.4,31.2,121.5,31.3&bbox-crs=EPSG:4490 | 400 | bbox",
            "/collections/grids/items?bbox=31.3,121.4,31.2,121.5&bbox-crs=EPSG:4326 | 400 | bbox",
            "/collections/grids/items?bbox=0,0,30000000,1&bbox-crs=EPSG:3857       | 400 | bbox",
            "/collections/grids/items?bbox=3458000,641000,3457000,642000&bbox-crs=EPSG:4549 | 400 | bbox",
            "/collections/grids/items?bbox=0,0,1e12,1e12&bbox-crs=EPSG:4549        | 400 | bbox",
            "/collections/grids/items?bbox=3457000,641000&bbox-crs=EPSG:4549        | 400 | bbox",
            "/collections/grids/items?bbox=121.4,95,121.5,96&bbox-crs=gcj02          | 400 | bbox",
    })
    void mistakesAreRefusedWithAProblemNamingTheParameter(String path, int status, String parameter) {
        Answer answer = get(path);
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith(ProblemResponses.CONTENT_TYPE);
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("parameter").asText()).isEqualTo(parameter);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("type").asText()).startsWith("urn:lilong:problem:");
    }

    @ParameterizedTest
    @CsvSource({"/collections/grids/items", "/collections", "/conformance", "/analysis/coverage/gaps?category=canteen"})
    void anAcceptHeaderThatAllowsNothingWeHaveIs406(String path) {
        Answer answer = get(path, Map.of("Accept", "application/xml"));
        assertThat(answer.status()).isEqualTo(406);
        assertThat(answer.contentType()).startsWith(ProblemResponses.CONTENT_TYPE);
    }
}
