package org.lilong.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.LayerDefinition;

/** {@code /collections} and {@code /collections/{collectionId}}: what layers there are. */
public final class CollectionRoutes {

    private final Atlas atlas;
    private final ObjectMapper json;

    public CollectionRoutes(Atlas atlas, ObjectMapper json) {
        this.atlas = atlas;
        this.json = json;
    }

    public void register(JavalinConfig config) {
        config.routes.get("/collections", this::collections);
        config.routes.get("/collections/{collectionId}", this::collection);
    }

    private void collections(Context ctx) {
        ResponseFormat format = ResponseFormat.negotiate(ctx, List.of(ResponseFormat.JSON, ResponseFormat.HTML));
        if (format == ResponseFormat.HTML) {
            List<List<String>> rows = new ArrayList<>();
            for (LayerDefinition layer : atlas.catalogue().layers()) {
                rows.add(List.of(HtmlPage.anchor("/collections/" + layer.id() + "?f=html", layer.id()),
                        HtmlPage.escape(layer.titleZh()), HtmlPage.escape(layer.titleEn()),
                        HtmlPage.escape(layer.geometryType().geoJsonName()),
                        HtmlPage.escape(atlas.index(layer.id()).size())));
            }
            ctx.contentType("text/html; charset=utf-8").result(new HtmlPage("Collections")
                    .heading("图层 Collections")
                    .table(List.of("id", "名称", "title", "geometry", "features"), rows)
                    .render());
            return;
        }
        String base = Link.base(ctx);
        ObjectNode body = json.createObjectNode();
        Link.addAll(body.putArray("links"), List.of(
                new Link(base + "/collections?f=json", "self", "application/json", "the collections"),
                new Link(base + "/collections?f=html", "alternate", "text/html", "the collections as HTML")));
        ArrayNode collections = body.putArray("collections");
        for (LayerDefinition layer : atlas.catalogue().layers()) {
            CollectionDocument.write(collections.addObject(), atlas, layer, base);
        }
        ctx.contentType("application/json").result(body.toString());
    }

    private void collection(Context ctx) {
        LayerDefinition layer = atlas.layer(ctx.pathParam("collectionId"));
        ResponseFormat format = ResponseFormat.negotiate(ctx, List.of(ResponseFormat.JSON, ResponseFormat.HTML));
        if (format == ResponseFormat.HTML) {
            List<List<String>> rows = layer.attributesVisibleTo(RequestAudience.of(ctx)).stream()
                    .map(a -> List.of(HtmlPage.escape(a.name()), HtmlPage.escape(a.titleZh()), HtmlPage.escape(a.titleEn()),
                            HtmlPage.escape(a.type().name().toLowerCase())))
                    .toList();
            ctx.contentType("text/html; charset=utf-8").result(new HtmlPage(layer.titleEn())
                    .heading(layer.titleZh() + " " + layer.titleEn())
                    .paragraph(layer.descriptionZh())
                    .paragraph(layer.descriptionEn())
                    .paragraph(atlas.index(layer.id()).size() + " features")
                    .link("/collections/" + layer.id() + "/items?f=html", "要素 Features")
                    .link("/collections/" + layer.id() + "/items?f=json", "GeoJSON")
                    .subheading("属性 Attributes")
                    .table(List.of("name", "名称", "title", "type"), rows)
                    .render());
            return;
        }
        ObjectNode body = json.createObjectNode();
        CollectionDocument.write(body, atlas, layer, Link.base(ctx));
        ctx.contentType("application/json").result(body.toString());
    }
}
