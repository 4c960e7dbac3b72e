package org.lilong.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;

/** An OGC API link (RFC 8288 relation, media type, title). */
public record Link(String href, String rel, String type, String title) {

    /** The server's root URL as the client reached it, without a trailing slash. */
    public static String base(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }

    public static void addAll(ArrayNode array, List<Link> links) {
        for (Link link : links) {
            ObjectNode node = array.addObject();
            node.put("href", link.href);
            node.put("rel", link.rel);
            node.put("type", link.type);
            if (link.title != null) {
                node.put("title", link.title);
            }
        }
    }
}
