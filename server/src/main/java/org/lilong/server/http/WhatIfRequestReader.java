package org.lilong.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lilong.layers.coverage.WhatIfProposal;
import org.lilong.layers.lifecircle.LifeCircleAnalysis;
import org.lilong.layers.lifecircle.OffNetworkException;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.standard.FacilityCategory;
import org.lilong.layers.standard.WalkingSpeed;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * Reads the body of {@code POST /analysis/what-if} strictly:
 * <pre>
 * {"category": "canteen", "metres": 300 | "minutes": 5, "speed": "adult" | 0.9,
 *  "facilities": [{"type": "Point", "coordinates": [lon, lat]}, …],
 *  "links": [{"type": "LineString", "coordinates": [[lon, lat], [lon, lat], …]}, …]}
 * </pre>
 * At most {@value #MAX_BODY_BYTES} bytes (413 beyond, before parsing), at most
 * {@value #MAX_FACILITIES} facilities and {@value #MAX_LINKS} links, at least one of either; no field
 * it does not know, no key twice. A mistake is a 400 naming the field ({@code facilities[2]});
 * a facility or link end farther than the snapping limit from every street is a 422 naming it.
 */
final class WhatIfRequestReader {

    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_FACILITIES = 50;
    static final int MAX_LINKS = 50;
    private static final Set<String> FIELDS = Set.of("category", "metres", "minutes", "speed", "facilities", "links");
    /** Jackson already refuses NaN and Infinity tokens; this also refuses duplicate keys and trailing text. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final CoverageParameters parameters;
    private final AnalysisParameters analysis;

    WhatIfRequestReader(CoverageParameters parameters, AnalysisParameters analysis) {
        this.parameters = parameters;
        this.analysis = analysis;
    }

    /** @throws ApiProblem 413, 415 or 400 for a body this route cannot take */
    WhatIfRequest read(Context ctx) {
        JsonNode body = parse(ctx);
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw bad(name, "unknown field; the fields are category, metres or minutes, speed, facilities and links");
            }
        }
        JsonNode categoryNode = body.path("category");
        if (!categoryNode.isTextual()) {
            throw bad("category", categoryNode.isMissingNode() ? "required" : "must be a category id (a string)");
        }
        FacilityCategory category = parameters.category(categoryNode.asText());
        WalkingSpeed speed = speed(body.get("speed"));
        double threshold = parameters.thresholdMetres(category, number(body, "metres"), number(body, "minutes"), speed);
        List<Point> facilities = new ArrayList<>();
        for (JsonNode item : list(body, "facilities", MAX_FACILITIES)) {
            facilities.add(point(item, "facilities[" + facilities.size() + "]"));
        }
        List<LineString> links = new ArrayList<>();
        for (JsonNode item : list(body, "links", MAX_LINKS)) {
            links.add(lineString(item, "links[" + links.size() + "]"));
        }
        if (facilities.isEmpty() && links.isEmpty()) {
            throw bad("facilities", "propose at least one facility or link");
        }
        return new WhatIfRequest(category, threshold, new WhatIfProposal(facilities, links));
    }

    /**
     * Every proposed facility and both ends of every link must lie within the snapping limit of a
     * street; checked one by one so that the answer names the one that does not.
     *
     * @throws ApiProblem 422 naming the facility or link
     */
    static void checkOnNetwork(WhatIfProposal proposal, LifeCircleAnalysis walking) {
        for (int i = 0; i < proposal.facilities().size(); i++) {
            Point point = proposal.facilities().get(i);
            checkOnNetwork(walking, point.getCoordinate(), "facilities[" + i + "]", "the facility");
        }
        for (int i = 0; i < proposal.links().size(); i++) {
            LineString link = proposal.links().get(i);
            checkOnNetwork(walking, link.getCoordinateN(0), "links[" + i + "]", "the link's first end");
            checkOnNetwork(walking, link.getCoordinateN(link.getNumPoints() - 1), "links[" + i + "]", "the link's last end");
        }
    }

    private static void checkOnNetwork(LifeCircleAnalysis walking, Coordinate at, String field, String what) {
        try {
            walking.startAt(at.x, at.y);
        } catch (OffNetworkException e) {
            throw offNetwork(field, what + " is too far from the streets to join them", e);
        }
    }

    /** A proposal the analysis itself found off the network, when the fields cannot be told apart. */
    static ApiProblem offNetwork(String field, String what, OffNetworkException e) {
        String nearest = Double.isInfinite(e.distanceMetres())
                ? "there is no walkable street at all"
                : String.format(Locale.ROOT, "the nearest walkable street is %.0f m away", e.distanceMetres());
        return new ApiProblem(422, "off-network", "Proposal off the walking network", String.format(Locale.ROOT,
                "field '%s': %s: %s, and the limit is %.0f m", field, what, nearest, e.limitMetres()), field);
    }

    private static JsonNode parse(Context ctx) {
        String type = ctx.contentType();
        if (type != null && !isJson(type)) {
            throw new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
                    "the body must be application/json, not " + type, "Content-Type");
        }
        if (ctx.contentLength() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = ctx.bodyInputStream()) {
            // Content-Length may be absent (chunked): read one byte past the limit to know.
            bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        JsonNode body;
        try {
            body = STRICT.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw bad("body", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (body == null || body.isMissingNode()) {
            throw bad("body", "required: a JSON object with category, facilities and/or links");
        }
        if (!body.isObject()) {
            throw bad("body", "must be a JSON object");
        }
        return body;
    }

    private static boolean isJson(String contentType) {
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
    }

    private static ApiProblem tooLarge() {
        return new ApiProblem(413, "body-too-large", "Request body too large",
                "the body may hold at most " + MAX_BODY_BYTES + " bytes", "body");
    }

    private WalkingSpeed speed(JsonNode node) {
        if (node == null || node.isNull()) {
            return analysis.speed((String) null);
        }
        if (!node.isTextual() && !node.isNumber()) {
            throw bad("speed", "must be a preset (a string) or metres per second (a number)");
        }
        return analysis.speed(node.asText());
    }

    private static Double number(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw bad(field, "must be a finite number");
        }
        return node.asDouble();
    }

    private static List<JsonNode> list(JsonNode body, String field, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw bad(field, "must be an array of GeoJSON geometries");
        }
        if (node.size() > max) {
            throw bad(field, "at most " + max + " items, not " + node.size());
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    private static Point point(JsonNode geometry, String field) {
        JsonNode coordinates = geometryCoordinates(geometry, "Point", field);
        return GeometryFactories.WGS84.createPoint(position(coordinates, field));
    }

    private static LineString lineString(JsonNode geometry, String field) {
        JsonNode coordinates = geometryCoordinates(geometry, "LineString", field);
        if (!coordinates.isArray() || coordinates.size() < 2) {
            throw bad(field, "a LineString needs at least two positions");
        }
        Coordinate[] positions = new Coordinate[coordinates.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = position(coordinates.get(i), field);
        }
        LineString line = GeometryFactories.WGS84.createLineString(positions);
        if (line.getLength() == 0) {
            throw bad(field, "a LineString needs two distinct positions");
        }
        return line;
    }

    private static JsonNode geometryCoordinates(JsonNode geometry, String type, String field) {
        if (!geometry.isObject()) {
            throw bad(field, "must be a GeoJSON " + type + " object");
        }
        JsonNode given = geometry.path("type");
        if (!given.isTextual() || !given.asText().equals(type)) {
            throw bad(field, "must be a GeoJSON " + type + (given.isTextual() ? ", not a " + given.asText() : ""));
        }
        JsonNode coordinates = geometry.path("coordinates");
        if (coordinates.isMissingNode()) {
            throw bad(field, "has no coordinates");
        }
        return coordinates;
    }

    /** [lon, lat] or [lon, lat, height] (the height is ignored), WGS84, in range. */
    private static Coordinate position(JsonNode position, String field) {
        if (!position.isArray() || position.size() < 2 || position.size() > 3) {
            throw bad(field, "a position is [longitude, latitude]");
        }
        for (JsonNode value : position) {
            if (!value.isNumber()) {
                throw bad(field, "a position holds numbers only");
            }
        }
        double lon = position.get(0).asDouble();
        double lat = position.get(1).asDouble();
        if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
            throw bad(field, "a position must lie within longitude [-180, 180] and latitude [-90, 90]");
        }
        return new Coordinate(lon, lat);
    }

    private static ApiProblem bad(String field, String reason) {
        return new ApiProblem(400, "invalid-body", "Invalid request body", "field '" + field + "': " + reason, field);
    }
}
