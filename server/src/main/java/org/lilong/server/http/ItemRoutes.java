package org.lilong.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.FeatureDigest;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.model.Visibility;
import org.lilong.layers.query.FeaturePage;
import org.lilong.layers.query.FeatureQuery;

/** {@code /collections/{collectionId}/items} and {@code /items/{featureId}}: the features themselves. */
public final class ItemRoutes {

    private static final List<ResponseFormat> FORMATS = List.of(ResponseFormat.GEOJSON, ResponseFormat.HTML);
    /** The items also come as files to save: {@code f=csv}, {@code gpkg}, {@code shp} (see {@link ItemDownloads}). */
    private static final List<ResponseFormat> ITEMS_FORMATS = List.of(ResponseFormat.GEOJSON, ResponseFormat.HTML,
            ResponseFormat.CSV, ResponseFormat.GPKG, ResponseFormat.SHAPEFILE);

    /** The header naming the CRS of a response's coordinates (OGC API – Features Part 2, /req/crs/ogc-crs-header). */
    static final String CONTENT_CRS = "Content-Crs";

    private final Atlas atlas;
    private final JsonFactory jsonFactory;

    public ItemRoutes(Atlas atlas, JsonFactory jsonFactory) {
        this.atlas = atlas;
        this.jsonFactory = jsonFactory;
    }

    public void register(JavalinConfig config) {
        config.routes.get("/collections/{collectionId}/items", this::items);
        config.routes.get("/collections/{collectionId}/items/{featureId}", this::item);
    }

    private void items(Context ctx) throws IOException {
        LayerDefinition layer = atlas.layer(ctx.pathParam("collectionId"));
        ResponseFormat format = ResponseFormat.negotiate(ctx, ITEMS_FORMATS);
        Visibility audience = RequestAudience.of(ctx);
        ApiCrs crs = ApiCrs.requested(ctx);
        BboxArea area = BboxParameter.parse(ctx);
        if (format.isDownload()) {
            FeatureQuery query = ItemQueryParser.parseDownload(ctx, layer, audience, area);
            ItemDownloads.send(ctx, layer, audience, area.select(atlas, layer.id(), query), format, crs);
            return;
        }
        FeatureQuery query = ItemQueryParser.parse(ctx, layer, audience, area);
        FeaturePage page = area.select(atlas, layer.id(), query);
        List<Link> links = pageLinks(ctx, layer, query, page, format);
        ctx.header(CONTENT_CRS, crs.contentCrsHeader());
        if (format == ResponseFormat.HTML) {
            ctx.contentType("text/html; charset=utf-8").result(itemsHtml(layer, page, audience, links));
            return;
        }
        // Streamed into the response: a page of thousands of features is never held as a second copy.
        ctx.contentType("application/geo+json");
        try (JsonGenerator out = jsonFactory.createGenerator(ctx.outputStream())) {
            out.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            out.writeStartObject();
            out.writeStringField("type", "FeatureCollection");
            out.writeArrayFieldStart("features");
            List<AttributeDefinition> visible = layer.attributesVisibleTo(audience);
            for (Feature feature : page.features()) {
                out.writeStartObject();
                GeoJsonWriter.writeFeatureFields(out, feature, crs.fromWgs84(feature.geometry()), visible);
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeNumberField("numberMatched", page.numberMatched());
            out.writeNumberField("numberReturned", page.features().size());
            out.writeStringField("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            writeLinks(out, links);
            out.writeEndObject();
        }
    }

    private void item(Context ctx) throws IOException {
        LayerDefinition layer = atlas.layer(ctx.pathParam("collectionId"));
        String rawId = ctx.pathParam("featureId");
        Feature feature = parseId(rawId).flatMap(id -> atlas.feature(layer.id(), id))
                .orElseThrow(() -> new ApiProblem(404, "unknown-feature", "Unknown feature",
                        "collection '" + layer.id() + "' has no feature '" + rawId + "'", "featureId"));
        ResponseFormat format = ResponseFormat.negotiate(ctx, FORMATS);
        Visibility audience = RequestAudience.of(ctx);
        ApiCrs crs = ApiCrs.requested(ctx);
        Feature visible = feature.visibleTo(layer, audience);
        // The stored feature's digest: what an edit's If-Match must name (OGC API – Features Part 4).
        ctx.header("ETag", '"' + FeatureDigest.of(feature) + '"');
        ctx.header("Vary", "Cookie, Authorization");
        String base = Link.base(ctx) + "/collections/" + layer.id();
        // The feature's links keep the CRS it was asked in; CRS84, the default, needs no parameter.
        String crsQuery = crs == ApiCrs.CRS84 ? "" : "&crs=" + encode(crs.uri());
        ctx.header(CONTENT_CRS, crs.contentCrsHeader());
        if (format == ResponseFormat.HTML) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of(HtmlPage.escape("id"), HtmlPage.escape(visible.id())));
            for (AttributeDefinition attribute : layer.attributesVisibleTo(audience)) {
                rows.add(List.of(HtmlPage.escape(attribute.titleZh() + " " + attribute.titleEn()),
                        HtmlPage.escape(visible.get(attribute.name()))));
            }
            String name = visible.text("name") != null ? visible.text("name") : layer.titleEn() + " " + visible.id();
            ctx.contentType("text/html; charset=utf-8").result(new HtmlPage(name)
                    .heading(name)
                    .link("/collections/" + layer.id() + "/items?f=html", layer.titleZh() + " " + layer.titleEn())
                    .table(List.of("属性 attribute", "值 value"), rows)
                    .link(base + "/items/" + visible.id() + "?f=json" + crsQuery, "GeoJSON")
                    .render());
            return;
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(2048);
        try (JsonGenerator out = jsonFactory.createGenerator(buffer)) {
            out.writeStartObject();
            GeoJsonWriter.writeFeatureFields(out, visible, crs.fromWgs84(visible.geometry()), null);
            writeLinks(out, List.of(
                    new Link(base + "/items/" + visible.id() + "?f=json" + crsQuery, "self", "application/geo+json", "this feature"),
                    new Link(base + "/items/" + visible.id() + "?f=html" + crsQuery, "alternate", "text/html", "this feature as HTML"),
                    new Link(base + "?f=json", "collection", "application/json", "the collection")));
            out.writeEndObject();
        }
        ctx.contentType("application/geo+json").result(buffer.toByteArray());
    }

    private static java.util.Optional<Long> parseId(String raw) {
        try {
            return java.util.Optional.of(Long.parseLong(raw));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static List<Link> pageLinks(Context ctx, LayerDefinition layer, FeatureQuery query, FeaturePage page,
                                        ResponseFormat format) {
        String path = Link.base(ctx) + "/collections/" + layer.id() + "/items";
        // Keep every parameter the client gave except the paging and format ones, which each link sets.
        String kept = keptParameters(ctx, List.of("offset", "limit", "f"));
        String prefix = path + "?" + (kept.isEmpty() ? "" : kept + "&") + "limit=" + query.limit();
        List<Link> links = new ArrayList<>();
        String selfType = format == ResponseFormat.HTML ? "text/html" : "application/geo+json";
        String selfF = format == ResponseFormat.HTML ? "html" : "json";
        String otherF = format == ResponseFormat.HTML ? "json" : "html";
        String otherType = format == ResponseFormat.HTML ? "application/geo+json" : "text/html";
        links.add(new Link(prefix + "&offset=" + query.offset() + "&f=" + selfF, "self", selfType, "this page"));
        links.add(new Link(prefix + "&offset=" + query.offset() + "&f=" + otherF, "alternate", otherType, "this page as " + otherF));
        if (page.hasNext()) {
            links.add(new Link(prefix + "&offset=" + ((long) query.offset() + query.limit()) + "&f=" + selfF, "next", selfType, "next page"));
        }
        if (query.offset() > 0) {
            links.add(new Link(prefix + "&offset=" + Math.max(0, query.offset() - query.limit()) + "&f=" + selfF, "prev", selfType, "previous page"));
        }
        // Downloads: every match of the same filters (no limit, no offset), as a file to save; a GeoPackage
        // is always in EPSG:4326, so its link leaves the crs out.
        String download = path + "?" + (kept.isEmpty() ? "" : kept + "&") + "f=";
        String keptButCrs = keptParameters(ctx, List.of("offset", "limit", "f", ApiCrs.CRS_PARAMETER));
        String gpkgDownload = path + "?" + (keptButCrs.isEmpty() ? "" : keptButCrs + "&") + "f=";
        for (ResponseFormat enclosure : ITEMS_FORMATS) {
            if (enclosure.isDownload()) {
                links.add(new Link((enclosure == ResponseFormat.GPKG ? gpkgDownload : download) + enclosure.parameter(),
                        "enclosure", enclosure.mediaType(),
                        "all " + page.numberMatched() + " matches as " + ItemDownloads.label(enclosure)));
            }
        }
        links.add(new Link(Link.base(ctx) + "/collections/" + layer.id() + "?f=json", "collection", "application/json", "the collection"));
        return links;
    }

    /** The request's parameters but the dropped ones, encoded as a query string (crs and bbox-crs among them). */
    private static String keptParameters(Context ctx, List<String> dropped) {
        return ctx.queryParamMap().entrySet().stream()
                .filter(e -> !dropped.contains(e.getKey()))
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void writeLinks(JsonGenerator out, List<Link> links) throws IOException {
        out.writeArrayFieldStart("links");
        for (Link link : links) {
            out.writeStartObject();
            out.writeStringField("href", link.href());
            out.writeStringField("rel", link.rel());
            out.writeStringField("type", link.type());
            if (link.title() != null) {
                out.writeStringField("title", link.title());
            }
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static String itemsHtml(LayerDefinition layer, FeaturePage page, Visibility audience, List<Link> links) {
        List<AttributeDefinition> attributes = layer.attributesVisibleTo(audience);
        List<String> headers = new ArrayList<>();
        headers.add("id");
        attributes.forEach(a -> headers.add(a.titleZh()));
        List<List<String>> rows = new ArrayList<>();
        for (Feature feature : page.features()) {
            List<String> row = new ArrayList<>();
            row.add(HtmlPage.anchor("/collections/" + layer.id() + "/items/" + feature.id() + "?f=html", String.valueOf(feature.id())));
            Map<String, Object> properties = feature.properties();
            attributes.forEach(a -> row.add(HtmlPage.escape(properties.get(a.name()))));
            rows.add(row);
        }
        return new HtmlPage(layer.titleEn())
                .heading(layer.titleZh() + " " + layer.titleEn())
                .paragraph(page.numberMatched() + " matched, showing " + page.features().size() + " from " + page.offset())
                .navigation(links.stream().filter(l -> l.rel().equals("next") || l.rel().equals("prev") || l.rel().equals("alternate")).toList())
                .subheading("下载 Download")
                .navigation(links.stream().filter(l -> l.rel().equals("enclosure")).toList())
                .table(headers, rows)
                .render();
    }
}
