package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lilong.geodata.io.FeatureSource;
import org.lilong.geodata.io.FeatureSources;
import org.lilong.geodata.io.SourceOptions;
import org.lilong.geodata.io.SourceRecord;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.store.ChangeSet;
import org.lilong.server.config.ServerConfig;
import org.locationtech.jts.geom.Coordinate;

/**
 * {@code /collections/{id}/items?f=csv|gpkg|shp}: files to save, with every match of the same
 * filters as the JSON (no limit means all), the right content type and attachment name, and never an
 * internal attribute.
 */
class DownloadRoutesTest extends ServerTestSupport {

    /** More pocket parks than a default page holds, east of the small district. */
    private static final int EXTRA_PARKS = 30;

    @BeforeAll
    static void addManyPocketParks() {
        ChangeSet changes = new ChangeSet();
        for (int i = 0; i < EXTRA_PARKS; i++) {
            double lon = 121.51 + 0.0005 * i;
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("name", "口袋公园" + (i + 1));
            properties.put("area_m2", 100.0 + i);
            properties.put("opened", LocalDate.of(2022, 1, 1).plusDays(i));
            changes.insert(LayerCatalogue.POCKET_PARKS, new Feature(100 + i, GeometryFactories.WGS84.createPolygon(new Coordinate[] {
                    new Coordinate(lon, 31.25), new Coordinate(lon + 0.0003, 31.25), new Coordinate(lon + 0.0003, 31.2503),
                    new Coordinate(lon, 31.2503), new Coordinate(lon, 31.25)}), properties));
        }
        atlas.apply(changes);
    }

    /** A download: status, headers and the raw bytes. */
    record Download(int status, String contentType, String disposition, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The CSV's data rows (the header left out). */
        List<String> rows() {
            List<String> lines = new ArrayList<>(List.of(text().split("\r\n")));
            lines.remove(0);
            return lines;
        }

        /** The first column of each CSV row: the feature ids. */
        List<Long> ids() {
            return rows().stream().map(row -> Long.parseLong(row.substring(0, row.indexOf(',')))).toList();
        }
    }

    static Download download(String path) {
        AtomicReference<Download> answer = new AtomicReference<>();
        JavalinTest.test(LilongServer.create(atlas, ServerConfig.defaults().withPort(0)), (server, client) -> {
            // The test client reads bodies as text; a GeoPackage or zip needs its bytes.
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            answer.set(new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Content-Disposition").orElse(null), response.body()));
        });
        return answer.get();
    }

    @Test
    void csvHasItsTypeAnAttachmentNameAndEveryMatchWithoutALimit() {
        Download csv = download("/collections/pocket-parks/items?f=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).isEqualTo("text/csv; charset=utf-8");
        assertThat(csv.disposition()).isEqualTo("attachment; filename=\"pocket-parks.csv\"");
        assertThat(csv.text()).startsWith("id,name,name_en,area_m2,facilities,opened,maintained_by,wkt\r\n1,面筋弄口袋花园,,2500.0,,2021-09-01,,");
        assertThat(csv.rows()).hasSize(1 + EXTRA_PARKS);
        // The JSON, asked the same way, gives its default page.
        JsonNode page = get("/collections/pocket-parks/items").json();
        assertThat(page.get("numberReturned").asInt()).isEqualTo(ItemQueryParser.DEFAULT_LIMIT);
    }

    @Test
    void aGivenLimitAndOffsetAreHonoured() {
        assertThat(download("/collections/pocket-parks/items?f=csv&limit=3").ids()).containsExactly(1L, 100L, 101L);
        assertThat(download("/collections/pocket-parks/items?f=csv&limit=2&offset=5").ids()).containsExactly(104L, 105L);
        // A download's limit is not capped at the page maximum.
        assertThat(download("/collections/pocket-parks/items?f=csv&limit=" + (ItemQueryParser.MAX_LIMIT * 10)).ids())
                .hasSize(1 + EXTRA_PARKS);
    }

    @Test
    void bboxFiltersAndDatetimeWorkAsForJson() {
        assertThat(download("/collections/service-stations/items?f=csv&bbox=121.49,31.22,121.50,31.24").ids()).containsExactly(1L, 3L);
        assertThat(download("/collections/renovation-plots/items?f=csv&stage=signing").ids()).containsExactly(2L, 3L);
        assertThat(download("/collections/renovation-plots/items?f=csv&datetime=../2020-12-31").ids()).containsExactly(1L);
        assertThat(download("/collections/grids/items?f=csv&level=comprehensive&bbox=121.495,31.22,121.5,31.24").ids())
                .containsExactly(3L);
        assertThat(download("/collections/streets/items?f=csv&bridge=true").rows()).isEmpty();
    }

    @Test
    void aGeoPackageIsAFileOfTheMatches(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Download gpkg = download("/collections/service-stations/items?f=gpkg&bbox=121.49,31.22,121.50,31.24");
        assertThat(gpkg.status()).isEqualTo(200);
        assertThat(gpkg.contentType()).isEqualTo("application/geopackage+sqlite3");
        assertThat(gpkg.disposition()).isEqualTo("attachment; filename=\"service-stations.gpkg\"");
        assertThat(new String(gpkg.body(), 0, 16, StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3\0");
        Path file = tmp.resolve("service-stations.gpkg");
        Files.write(file, gpkg.body());
        List<SourceRecord> records = read(file, "service_stations");
        assertThat(records).extracting(r -> r.values().get("name")).containsExactly("市民驿站（金坛路站）", "社区卫生服务中心");
        assertThat(records.get(0).values()).doesNotContainKey("manager_phone");
    }

    @Test
    void aShapefileIsAZipOfItsParts(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Download zip = download("/collections/grids/items?f=shp&level=comprehensive");
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.contentType()).isEqualTo("application/zip");
        assertThat(zip.disposition()).isEqualTo("attachment; filename=\"grids.zip\"");
        Map<String, byte[]> parts = unzip(zip.body());
        assertThat(parts).containsOnlyKeys("grids.shp", "grids.shx", "grids.dbf", "grids.prj", "grids.cpg");
        assertThat(new String(parts.get("grids.cpg"), StandardCharsets.US_ASCII)).isEqualTo("UTF-8");
        for (Map.Entry<String, byte[]> part : parts.entrySet()) {
            Files.write(tmp.resolve(part.getKey()), part.getValue());
        }
        List<SourceRecord> records = read(tmp.resolve("grids.shp"), null);
        assertThat(records).extracting(r -> r.values().get("id")).containsExactly(2L, 3L);
        assertThat(records).extracting(r -> r.values().get("name")).containsExactly("西综合网格", "东综合网格");
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "gpkg", "shp"})
    void thePublicNeverReceivesInternalAttributes(String f) throws IOException {
        for (String layer : List.of("grids", "service-stations", "renovation-plots", "residential-areas")) {
            Download download = download("/collections/" + layer + "/items?f=" + f);
            assertThat(download.status()).isEqualTo(200);
            List<byte[]> contents = f.equals("shp") ? List.copyOf(unzip(download.body()).values()) : List.of(download.body());
            for (byte[] content : contents) {
                String text = new String(content, StandardCharsets.UTF_8);
                assertThat(text).as(layer + " as " + f).doesNotContain("households", "signed_hou", "manager_ph", "13900000000");
            }
        }
    }

    @Test
    void gdalReadsEveryDownload(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path ogrinfo = Path.of("/usr/bin/ogrinfo");
        if (!Files.isExecutable(ogrinfo) && "true".equals(System.getenv("LILONG_REQUIRE_GDAL"))) {
            throw new AssertionError("ogrinfo is required (LILONG_REQUIRE_GDAL=true) but missing: apt-get install gdal-bin");
        }
        assumeTrue(Files.isExecutable(ogrinfo), "ogrinfo not installed; skipping");
        for (String f : List.of("csv", "gpkg", "shp")) {
            Download download = download("/collections/pocket-parks/items?f=" + f);
            Path file = tmp.resolve("pocket-parks." + (f.equals("shp") ? "zip" : f));
            Files.write(file, download.body());
            List<String> command = new ArrayList<>(List.of(ogrinfo.toString(), "-ro", "-so"));
            switch (f) {
                case "csv" -> command.addAll(List.of("-oo", "GEOM_POSSIBLE_NAMES=wkt", file.toString(), "pocket-parks"));
                case "gpkg" -> command.addAll(List.of(file.toString(), "pocket_parks"));
                default -> command.addAll(List.of("/vsizip/" + file, "pocket-parks"));
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).as(f).contains("Feature Count: " + (1 + EXTRA_PARKS)).doesNotContain("ERROR");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "shapefile", "kml", "zip"})
    void anUnknownFormatIs400NamingF(String f) {
        Answer answer = get("/collections/grids/items?f=" + f);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith(ProblemResponses.CONTENT_TYPE);
        assertThat(answer.json().get("parameter").asText()).isEqualTo("f");
        assertThat(answer.json().get("detail").asText()).contains("csv", "gpkg", "shp");
    }

    @ParameterizedTest
    @CsvSource({"/collections/grids?f=csv", "/collections/grids/items/1?f=shp", "/collections?f=gpkg"})
    void onlyTheItemsComeAsDownloads(String path) {
        Answer answer = get(path);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asText()).contains("json or html");
    }

    @Test
    void anAcceptHeaderNeverChoosesADownload() {
        assertThat(get("/collections/grids/items", Map.of("Accept", "text/csv")).status()).isEqualTo(406);
        assertThat(get("/collections/grids/items", Map.of("Accept", "application/zip")).status()).isEqualTo(406);
        assertThat(get("/collections/grids/items", Map.of("Accept", "application/*")).contentType()).startsWith("application/geo+json");
    }

    @Test
    void filterMistakesAreStill400ForDownloads() {
        Answer answer = get("/collections/grids/items?f=csv&households=100");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("parameter").asText()).isEqualTo("households");
        assertThat(get("/collections/grids/items?f=gpkg&limit=0").status()).isEqualTo(400);
    }

    @Test
    void theJsonPageLinksTheDownloadsOfAllItsMatches() {
        JsonNode page = get("/collections/grids/items?level=comprehensive&limit=1").json();
        List<JsonNode> enclosures = new ArrayList<>();
        page.get("links").forEach(link -> {
            if (link.get("rel").asText().equals("enclosure")) {
                enclosures.add(link);
            }
        });
        assertThat(enclosures).extracting(l -> l.get("type").asText())
                .containsExactly("text/csv; charset=utf-8", "application/geopackage+sqlite3", "application/zip");
        assertThat(enclosures).allSatisfy(link -> assertThat(link.get("href").asText())
                .contains("/collections/grids/items?level=comprehensive&f=").doesNotContain("limit=", "offset="));
        String csvHref = enclosures.get(0).get("href").asText();
        assertThat(download(csvHref.substring(csvHref.indexOf("/collections"))).ids()).containsExactly(2L, 3L);
    }

    @Test
    void theHtmlPageHasADownloadSection() {
        String html = get("/collections/grids/items?f=html&level=micro").body();
        assertThat(html).contains("下载 Download", "level=micro&amp;f=csv", "level=micro&amp;f=gpkg", "level=micro&amp;f=shp",
                "as Shapefile (zip)");
    }

    @Test
    void theOpenApiDocumentListsTheDownloadFormats() {
        JsonNode api = get("/api").json();
        JsonNode parameters = api.at("/paths/~1collections~1{collectionId}~1items/get/parameters");
        List<String> formats = new ArrayList<>();
        String limit = null;
        for (JsonNode parameter : parameters) {
            if ("f".equals(parameter.path("name").asText())) {
                parameter.at("/schema/enum").forEach(v -> formats.add(v.asText()));
            }
            if ("limit".equals(parameter.path("name").asText())) {
                limit = parameter.get("description").asText();
            }
        }
        assertThat(formats).contains("json", "html", "csv", "gpkg", "shp");
        assertThat(limit).contains("no limit means every match");
    }

    private static List<SourceRecord> read(Path file, String table) {
        List<SourceRecord> records = new ArrayList<>();
        try (FeatureSource source = FeatureSources.open(file, SourceOptions.defaults().withTable(table))) {
            source.forEach(records::add);
        }
        return records;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                parts.put(entry.getName(), in.readAllBytes());
            }
        }
        return parts;
    }
}
