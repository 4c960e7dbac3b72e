package org.lilong.server.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.model.Visibility;
import org.lilong.layers.query.DateInterval;
import org.lilong.layers.query.FeatureQuery;

/**
 * Turns the query string of {@code /collections/{id}/items} into a {@link FeatureQuery}, refusing
 * anything malformed with a 400 that names the parameter (OGC API – Features Part 1, /req/core).
 */
public final class ItemQueryParser {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 10_000;
    private static final Set<String> RESERVED = Set.of("f", BboxParameter.BBOX, BboxParameter.BBOX_CRS, ApiCrs.CRS_PARAMETER,
            "limit", "offset", "datetime");

    private ItemQueryParser() {
    }

    /**
     * A page of items: {@code limit} 1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when not given.
     *
     * @param area the request's bbox in WGS84 ({@link BboxParameter}), whose envelope the query takes
     */
    static FeatureQuery parse(Context ctx, LayerDefinition layer, Visibility audience, BboxArea area) {
        return parse(ctx, layer, audience, area, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /**
     * A download ({@code f=csv}, {@code gpkg}, {@code shp}): the same filters, but without a
     * {@code limit} every match, and a {@code limit} is not capped, because a download has no next
     * page to fetch the rest from. {@code offset} still skips matches.
     */
    static FeatureQuery parseDownload(Context ctx, LayerDefinition layer, Visibility audience, BboxArea area) {
        return parse(ctx, layer, audience, area, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    private static FeatureQuery parse(Context ctx, LayerDefinition layer, Visibility audience, BboxArea area,
                                      int defaultLimit, int maxLimit) {
        Map<String, List<String>> parameters = ctx.queryParamMap();
        Map<String, Object> equals = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (RESERVED.contains(name)) {
                continue;
            }
            // Attributes the audience may not see are unknown to it: filtering on them would leak values.
            AttributeDefinition attribute = layer.attributesVisibleTo(audience).stream()
                    .filter(a -> a.name().equals(name)).findFirst()
                    .orElseThrow(() -> ApiProblem.invalidParameter(name, "unknown parameter; collection '" + layer.id()
                            + "' can be filtered by " + String.join(", ", layer.attributesVisibleTo(audience).stream()
                            .map(AttributeDefinition::name).toList())));
            try {
                equals.put(name, attribute.type().parse(single(name, parameter.getValue())));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidParameter(name, e.getMessage());
            }
        }
        return new FeatureQuery(area.envelope(), equals, datetime(layer, ctx.queryParam("datetime")),
                nonNegative("offset", ctx.queryParam("offset"), 0), limit(ctx.queryParam("limit"), defaultLimit, maxLimit));
    }

    private static String single(String name, List<String> values) {
        if (values.size() != 1) {
            throw ApiProblem.invalidParameter(name, "give it once");
        }
        return values.get(0);
    }

    private static int limit(String text, int defaultLimit, int maxLimit) {
        if (text == null) {
            return defaultLimit;
        }
        int limit = nonNegative("limit", text, defaultLimit);
        if (limit < 1) {
            throw ApiProblem.invalidParameter("limit", "must be at least 1");
        }
        // OGC API – Features: a limit above the server's maximum is served at the maximum, not refused.
        return Math.min(limit, maxLimit);
    }

    private static int nonNegative(String name, String text, int fallback) {
        if (text == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidParameter(name, "'" + text + "' is not an integer");
        }
        if (value < 0) {
            throw ApiProblem.invalidParameter(name, "must not be negative");
        }
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    private static DateInterval datetime(LayerDefinition layer, String text) {
        if (text == null) {
            return null;
        }
        if (layer.temporal() == null) {
            throw ApiProblem.invalidParameter("datetime", "collection '" + layer.id() + "' has no dates to filter by");
        }
        try {
            return DateInterval.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidParameter("datetime", e.getMessage());
        }
    }
}
