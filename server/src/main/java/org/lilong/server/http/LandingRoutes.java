package org.lilong.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lilong.layers.Atlas;

/**
 * The service root, conformance and API definition. {@code /} answers browsers with the map page
 * (the HTML face of the service, linking to the API) and API clients with the OGC landing page.
 */
public final class LandingRoutes {

    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");

    private final Atlas atlas;
    private final ObjectMapper json;
    private final String mapPage;

    public LandingRoutes(Atlas atlas, ObjectMapper json) {
        this.atlas = atlas;
        this.json = json;
        this.mapPage = resource("/web/index.html");
    }

    public void register(JavalinConfig config) {
        config.routes.get("/", this::landing);
        config.routes.get("/conformance", this::conformance);
        config.routes.get("/api", this::api);
    }

    private void landing(Context ctx) {
        if (ResponseFormat.negotiate(ctx, List.of(ResponseFormat.JSON, ResponseFormat.HTML)) == ResponseFormat.HTML) {
            ctx.contentType("text/html; charset=utf-8").result(mapPage);
            return;
        }
        String base = Link.base(ctx);
        ObjectNode body = json.createObjectNode();
        String title = atlas.metadata().getOrDefault("dataset.title", "Lilong");
        body.put("title", "里弄 Lilong — " + title);
        body.put("description", "Maps of neighbourhood governance: grids, renovation plots, pocket parks and service stations."
                + ("true".equals(atlas.metadata().get("dataset.synthetic")) ? " The data set is synthetic demo data." : ""));
        Link.addAll(body.putArray("links"), List.of(
                new Link(base + "/?f=json", "self", "application/json", "this document"),
                new Link(base + "/", "alternate", "text/html", "the map page"),
                new Link(base + "/api", "service-desc", "application/vnd.oai.openapi+json;version=3.0", "the API definition"),
                new Link(base + "/conformance", "conformance", "application/json", "conformance classes"),
                new Link(base + "/collections", "data", "application/json", "the collections")));
        ctx.contentType("application/json").result(body.toString());
    }

    private void conformance(Context ctx) {
        if (ResponseFormat.negotiate(ctx, List.of(ResponseFormat.JSON, ResponseFormat.HTML)) == ResponseFormat.HTML) {
            HtmlPage page = new HtmlPage("Conformance").heading("一致性 Conformance");
            page.table(List.of("class"), CONFORMANCE.stream().map(c -> List.of(HtmlPage.escape(c))).toList());
            ctx.contentType("text/html; charset=utf-8").result(page.render());
            return;
        }
        ObjectNode body = json.createObjectNode();
        CONFORMANCE.forEach(body.putArray("conformsTo")::add);
        ctx.contentType("application/json").result(body.toString());
    }

    private void api(Context ctx) {
        ctx.contentType("application/vnd.oai.openapi+json;version=3.0")
                .result(OpenApiDocument.build(json, atlas.catalogue(), Link.base(ctx)).toString());
    }

    private static String resource(String path) {
        try (InputStream in = LandingRoutes.class.getResourceAsStream(path)) {
            if (in == null) {
                return "<!DOCTYPE html><title>Lilong</title><p>The map page is missing from this build.</p>";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
