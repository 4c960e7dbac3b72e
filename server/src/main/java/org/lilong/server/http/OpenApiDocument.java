package org.lilong.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lilong.layers.coverage.CoverageAnalysis;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.standard.WalkingSpeed;

/** Builds the OpenAPI 3.0 definition of the service at {@code /api}, from the catalogue. */
final class OpenApiDocument {

    private OpenApiDocument() {
    }

    static ObjectNode build(ObjectMapper json, LayerCatalogue catalogue, String base) {
        ObjectNode doc = json.createObjectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", "里弄 Lilong");
        info.put("version", "0.1.0");
        info.put("description", "OGC API – Features for the maps of neighbourhood governance.");
        info.putObject("license").put("name", "Apache-2.0");
        doc.putArray("servers").addObject().put("url", base);
        ObjectNode paths = doc.putObject("paths");
        operation(paths, "/", "getLandingPage", "Landing page", false, false);
        operation(paths, "/conformance", "getConformance", "Conformance classes", false, false);
        operation(paths, "/collections", "getCollections", "The collections", false, false);
        operation(paths, "/collections/{collectionId}", "describeCollection", "One collection", true, false);
        ObjectNode items = operation(paths, "/collections/{collectionId}/items", "getFeatures", "Features of a collection", true, false);
        ArrayNode parameters = (ArrayNode) items.get("parameters");
        parameters.add(query(json, "bbox", "minLon,minLat,maxLon,maxLat in CRS84, or in bbox-crs and its axis order", "array"));
        parameters.add(crsParameter(json, "bbox-crs", "the CRS of bbox (default CRS84), in its axis order: EPSG:4326 and"
                + " EPSG:4490 latitude first, EPSG:4549 northing first; only with bbox"));
        parameters.add(crsParameter(json, "crs", "the CRS of the returned coordinates (default CRS84), in its axis order;"
                + " named in the Content-Crs header. f=gpkg is EPSG:4326 only; csv and shp put easting/longitude first"));
        parameters.add(query(json, "limit", "page size, 1 to " + ItemQueryParser.MAX_LIMIT + " (default "
                + ItemQueryParser.DEFAULT_LIMIT + "); larger values are served at the maximum. For the downloads"
                + " (f=csv, gpkg, shp) no limit means every match, and a limit is not capped", "integer"));
        downloadFormats(items);
        parameters.add(query(json, "offset", "number of matches to skip", "integer"));
        parameters.add(query(json, "datetime", "date or interval (start/end, '..' for open) for layers with dates", "string"));
        ObjectNode feature = operation(paths, "/collections/{collectionId}/items/{featureId}", "getFeature", "One feature", true, true);
        ((ArrayNode) feature.get("parameters")).add(crsParameter(json, "crs",
                "the CRS of the returned coordinates (default CRS84), in its axis order; named in the Content-Crs header"));
        operation(paths, "/where", "locate", "The grids, residential area and sub-district at lon,lat", false, false);
        analysisOperations(json, paths);
        coverageOperations(json, paths);
        tileOperations(json, paths);
        EditingOpenApi.add(paths);
        ArrayNode ids = json.createArrayNode();
        catalogue.layers().stream().map(LayerDefinition::id).forEach(ids::add);
        ObjectNode components = doc.putObject("components").putObject("parameters");
        ObjectNode collectionId = components.putObject("collectionId");
        collectionId.put("name", "collectionId").put("in", "path").put("required", true);
        collectionId.putObject("schema").put("type", "string").set("enum", ids);
        ObjectNode featureId = components.putObject("featureId");
        featureId.put("name", "featureId").put("in", "path").put("required", true);
        featureId.putObject("schema").put("type", "integer");
        return doc;
    }

    /** The items also come as files to save, chosen by f only (never by Accept). */
    private static void downloadFormats(ObjectNode items) {
        for (com.fasterxml.jackson.databind.JsonNode parameter : items.get("parameters")) {
            if ("f".equals(parameter.path("name").asText())) {
                ObjectNode f = (ObjectNode) parameter;
                ((ArrayNode) f.get("schema").get("enum")).add("csv").add("gpkg").add("shp");
                f.put("description", "json (GeoJSON, paged) or html; or a download of every match of the other parameters:"
                        + " csv (text/csv; charset=utf-8, WKT geometry), gpkg (application/geopackage+sqlite3) or"
                        + " shp (application/zip of a UTF-8 shapefile), with Content-Disposition: attachment");
            }
        }
        ObjectNode ok = (ObjectNode) items.get("responses").get("200");
        ObjectNode content = ok.putObject("content");
        content.putObject("application/geo+json");
        content.putObject("text/html");
        content.putObject("text/csv");
        content.putObject("application/geopackage+sqlite3");
        content.putObject("application/zip");
    }

    /** The life-circle analysis: its own parameters, no f, and 422 for a start the data cannot serve. */
    private static void analysisOperations(ObjectMapper json, ObjectNode paths) {
        ObjectNode isochrones = analysisOperation(paths, "/analysis/isochrones", "getIsochrones",
                "Nested walking isochrones from a point or a residential area (GeoJSON FeatureCollection, one polygon per band,"
                        + " ascending, with start, speed and method as foreign members)", AnalysisRoutes.GEO_JSON, true);
        startParameters(json, isochrones);
        ArrayNode parameters = (ArrayNode) isochrones.get("parameters");
        ObjectNode minutes = query(json, "minutes", "walking times in minutes, comma-separated: at most "
                + AnalysisParameters.MAX_BANDS + " distinct bands, each in (0, " + (int) AnalysisParameters.MAX_MINUTES
                + "] (default 5,10,15); answered in ascending order", "string");
        ((ObjectNode) minutes.get("schema")).put("example", "5,10,15");
        parameters.add(minutes);
        speedAndProfileParameters(json, parameters);

        ObjectNode lifeCircle = analysisOperation(paths, "/analysis/life-circle", "getLifeCircleReport",
                "The life-circle checklist: per profile category the nearest facility on foot with its route, pass, fail or"
                        + " no-data, counts within 5/10/15 minutes; the facilities within 15 minutes; a score", "application/json", true);
        startParameters(json, lifeCircle);
        parameters = (ArrayNode) lifeCircle.get("parameters");
        speedAndProfileParameters(json, parameters);
        parameters.add(query(json, "categories", "only these category ids of the profile, comma-separated (default all);"
                + " counts and score are then over these alone", "string"));

        analysisOperation(paths, "/analysis/profile", "getLifeCircleProfile",
                "The life-circle profile: its name, facility categories with level and maximum walk, and walking-speed presets",
                "application/json", false);
    }

    /** Coverage gaps: a category and a threshold, then the table, the gaps, suggested sites or a what-if. */
    private static void coverageOperations(ObjectMapper json, ObjectNode paths) {
        ObjectNode coverage = analysisOperation(paths, "/analysis/coverage", "getCoverage",
                "Coverage of a facility category: residents within the walk and out of it, their share, and a table per grid"
                        + " at every level (街道, 综合网格, 居民区网格, 微网格), with links to the gaps; without category, a summary"
                        + " of every category of the profile at its own maximum walk", "application/json", false);
        coverageParameters(json, coverage, false);
        badRequest(coverage);
        ObjectNode gaps = analysisOperation(paths, "/analysis/coverage/gaps", "getCoverageGaps",
                "The residential units out of reach: a GeoJSON FeatureCollection (layer, featureId, name, residents,"
                        + " walkMetres, null when no facility is within the search) or, with f=csv, a CSV download"
                        + " (layer,id,name,residents,walk_metres,wkt)", AnalysisRoutes.GEO_JSON, false);
        coverageParameters(json, gaps, true);
        ObjectNode f = query(json, "f", "geojson (default) or csv (text/csv; charset=utf-8, Content-Disposition: attachment)", "string");
        ((ObjectNode) f.get("schema")).putArray("enum").add("geojson").add("csv");
        ((ArrayNode) gaps.get("parameters")).add(f);
        ((ObjectNode) gaps.get("responses").get("200").get("content")).putObject("text/csv");
        badRequest(gaps);
        ((ObjectNode) gaps.get("responses")).putObject("406").put("description", "the Accept header allows no GeoJSON (application/problem+json)");
        ObjectNode suggest = analysisOperation(paths, "/analysis/suggest-sites", "suggestSites",
                "Where k new facilities would bring the most residents within reach (greedy maximal covering, at least"
                        + " 1 − 1/e of the best possible gain): each site's gain and newly covered units, the total, and"
                        + " the residents covered before and after", "application/json", false);
        coverageParameters(json, suggest, true);
        ArrayNode parameters = (ArrayNode) suggest.get("parameters");
        ObjectNode k = query(json, "k", "how many sites, 1 to " + CoverageAnalysis.MAX_SITES, "integer");
        k.put("required", true);
        parameters.add(k);
        parameters.add(query(json, "candidates", "a layer id whose features (their interior points) may take a site;"
                + " default the street junctions", "string"));
        badRequest(suggest);
        whatIfOperation(json, paths);
    }

    private static void coverageParameters(ObjectMapper json, ObjectNode operation, boolean categoryRequired) {
        ArrayNode parameters = (ArrayNode) operation.get("parameters");
        ObjectNode category = query(json, "category", "a category id of the profile (see /analysis/profile)"
                + (categoryRequired ? "" : "; without it, the summary of all categories"), "string");
        category.put("required", categoryRequired);
        parameters.add(category);
        parameters.add(query(json, "metres", "the walk that counts as covered, in (0, " + (int) CoverageParameters.MAX_THRESHOLD_METRES
                + "] m; default the category's maximum walk. Not with minutes", "number"));
        parameters.add(query(json, "minutes", "the walk that counts as covered in minutes at speed, in (0, "
                + (int) CoverageParameters.MAX_MINUTES + "]. Not with metres", "number"));
        parameters.add(query(json, "speed", "with minutes: a walking-speed preset of the profile or metres per second in ["
                + WalkingSpeed.MIN_METRES_PER_SECOND + ", " + WalkingSpeed.MAX_METRES_PER_SECOND + "]", "string"));
    }

    private static void badRequest(ObjectNode operation) {
        ((ObjectNode) operation.get("responses")).putObject("400").put("description",
                "a parameter is malformed or out of range (application/problem+json naming it)");
    }

    private static void whatIfOperation(ObjectMapper json, ObjectNode paths) {
        ObjectNode post = paths.putObject("/analysis/what-if").putObject("post");
        post.put("operationId", "whatIf");
        post.put("summary", "Coverage of a category before and after proposed facilities and walking links (a new gate,"
                + " a footbridge), side by side, with the gain and the units newly within reach; nothing is stored");
        ObjectNode body = post.putObject("requestBody");
        body.put("required", true);
        body.put("description", "at most " + WhatIfRequestReader.MAX_BODY_BYTES + " bytes; at most "
                + WhatIfRequestReader.MAX_FACILITIES + " facilities and " + WhatIfRequestReader.MAX_LINKS
                + " links, at least one of either");
        ObjectNode schema = body.putObject("content").putObject("application/json").putObject("schema");
        schema.put("type", "object").putArray("required").add("category");
        schema.put("additionalProperties", false);
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("category").put("type", "string");
        properties.putObject("metres").put("type", "number").put("description", "not with minutes; default the category's maximum walk");
        properties.putObject("minutes").put("type", "number").put("description", "not with metres");
        properties.putObject("speed").put("description", "a preset id (string) or metres per second (number)");
        ObjectNode facilities = properties.putObject("facilities");
        facilities.put("type", "array").put("maxItems", WhatIfRequestReader.MAX_FACILITIES);
        facilities.putObject("items").put("description", "a GeoJSON Point, WGS84, within the snapping limit of a street");
        ObjectNode links = properties.putObject("links");
        links.put("type", "array").put("maxItems", WhatIfRequestReader.MAX_LINKS);
        links.putObject("items").put("description", "a GeoJSON LineString of two or more positions, WGS84, whose ends join"
                + " the nearest streets");
        ObjectNode responses = post.putObject("responses");
        responses.putObject("200").put("description", "before, after, gain and newlyCovered").putObject("content")
                .putObject("application/json");
        responses.putObject("400").put("description", "malformed JSON or a field that is missing, unknown or out of range"
                + " (application/problem+json naming the field, e.g. facilities[2])");
        responses.putObject("413").put("description", "the body is larger than " + WhatIfRequestReader.MAX_BODY_BYTES + " bytes");
        responses.putObject("415").put("description", "the body is not application/json");
        responses.putObject("422").put("description", "a facility or link end farther than the snapping limit from every"
                + " street (application/problem+json naming it, with the distance and the limit)");
    }

    /** The vector tiles (issue 7): per layer and combined, each with its TileJSON. */
    private static void tileOperations(ObjectMapper json, ObjectNode paths) {
        String crs = "the datum the data are shifted into before being cut into the Web Mercator grid: wgs84 (default),"
                + " gcj02 (AMap, Tencent basemaps) or bd09 (Baidu)";
        for (boolean combined : new boolean[] {false, true}) {
            String prefix = combined ? "/tiles" : "/collections/{collectionId}/tiles";
            ObjectNode tile = paths.putObject(prefix + "/{z}/{x}/{y}.mvt").putObject("get");
            tile.put("operationId", combined ? "getTile" : "getCollectionTile");
            tile.put("summary", combined
                    ? "A Mapbox vector tile of every layer (or those in layers=), each within its own zoom range"
                    : "A Mapbox vector tile of one layer (one MVT layer named for it)");
            ArrayNode parameters = tile.putArray("parameters");
            if (!combined) {
                parameters.addObject().put("$ref", "#/components/parameters/collectionId");
            }
            for (String name : new String[] {"z", "x", "y"}) {
                ObjectNode p = parameters.addObject();
                p.put("name", name).put("in", "path").put("required", true).put("description", name.equals("z")
                        ? "zoom, 0 to 22 (each layer has its own range; see its TileJSON)" : "column or row, 0 to 2^z - 1");
                p.putObject("schema").put("type", "integer").put("minimum", 0);
            }
            parameters.add(query(json, "crs", crs, "string"));
            if (combined) {
                parameters.add(query(json, "layers", "comma-separated layer ids (default: every layer); drawn in catalogue order", "string"));
            }
            ObjectNode responses = tile.putObject("responses");
            ObjectNode ok = responses.putObject("200").put("description", "the tile (MVT 2.1, extent 4096, buffer 64), with a strong"
                    + " ETag and Cache-Control: no-cache (public or private by audience), Vary: Cookie, Authorization");
            ok.putObject("content").putObject("application/vnd.mapbox-vector-tile").putObject("schema")
                    .put("type", "string").put("format", "binary");
            responses.putObject("204").put("description", "the tile exists but nothing is drawn in it (no body), as OGC API - Tiles allows");
            responses.putObject("304").put("description", "If-None-Match matched the tile's ETag: unchanged");
            responses.putObject("400").put("description", "z, x or y not an integer, an unknown crs"
                    + (combined ? " or an unknown layer in layers=" : "") + " (application/problem+json naming the parameter)");
            responses.putObject("404").put("description", "no such tile (outside the tile matrix)"
                    + (combined ? "" : ", no such collection, or a zoom outside the layer's range") + " (application/problem+json)");
            ObjectNode tileJson = paths.putObject(prefix).putObject("get");
            tileJson.put("operationId", combined ? "getTileJson" : "getCollectionTileJson");
            tileJson.put("summary", "TileJSON 3.0.0: tile URL template, zooms, bounds, attribution, vector_layers with the visible fields");
            ArrayNode tileJsonParameters = tileJson.putArray("parameters");
            if (!combined) {
                tileJsonParameters.addObject().put("$ref", "#/components/parameters/collectionId");
            }
            tileJsonParameters.add(query(json, "crs", crs + "; kept in the tile URL template", "string"));
            if (combined) {
                tileJsonParameters.add(query(json, "layers", "comma-separated layer ids (default: every layer)", "string"));
            }
            ObjectNode tileJsonResponses = tileJson.putObject("responses");
            tileJsonResponses.putObject("200").put("description", "the TileJSON document").putObject("content").putObject("application/json");
            tileJsonResponses.putObject("400").put("description", "an unknown crs or layer (application/problem+json naming the parameter)");
            if (!combined) {
                tileJsonResponses.putObject("404").put("description", "no such collection (application/problem+json)");
            }
        }
    }

    private static ObjectNode analysisOperation(ObjectNode paths, String path, String id, String summary, String mediaType,
            boolean analysis) {
        ObjectNode get = paths.putObject(path).putObject("get");
        get.put("operationId", id);
        get.put("summary", summary);
        get.putArray("parameters");
        ObjectNode responses = get.putObject("responses");
        responses.putObject("200").put("description", "the analysis").putObject("content").putObject(mediaType);
        if (!analysis) {
            return get;
        }
        responses.putObject("400").put("description", "a parameter is malformed (application/problem+json naming it)");
        responses.putObject("422").put("description", "an unknown residential area, or a start farther than the snapping"
                + " limit from every street (application/problem+json naming the parameter, with the distance and the limit)");
        return get;
    }

    private static void startParameters(ObjectMapper json, ObjectNode operation) {
        ArrayNode parameters = (ArrayNode) operation.get("parameters");
        parameters.add(query(json, "lon", "longitude of the start, WGS84 (with lat; or area instead)", "number"));
        parameters.add(query(json, "lat", "latitude of the start, WGS84 (with lon; or area instead)", "number"));
        parameters.add(query(json, "area", "id of a residential area to start from, along its edge (instead of lon and lat)", "integer"));
    }

    private static void speedAndProfileParameters(ObjectMapper json, ArrayNode parameters) {
        parameters.add(query(json, "speed", "a walking-speed preset of the profile (see /analysis/profile; adult, elderly by"
                + " default) or metres per second in [" + WalkingSpeed.MIN_METRES_PER_SECOND + ", "
                + WalkingSpeed.MAX_METRES_PER_SECOND + "]; default the profile's first preset", "string"));
        parameters.add(query(json, "profile", "the life-circle profile's name; only the server's own is accepted"
                + " (\"default\", or the base name of the file given to serve --profile)", "string"));
    }

    private static ObjectNode operation(ObjectNode paths, String path, String id, String summary, boolean collection, boolean feature) {
        ObjectNode get = paths.putObject(path).putObject("get");
        get.put("operationId", id);
        get.put("summary", summary);
        ArrayNode parameters = get.putArray("parameters");
        if (collection) {
            parameters.addObject().put("$ref", "#/components/parameters/collectionId");
        }
        if (feature) {
            parameters.addObject().put("$ref", "#/components/parameters/featureId");
        }
        ObjectNode f = parameters.addObject();
        f.put("name", "f").put("in", "query").put("required", false);
        f.putObject("schema").put("type", "string").putArray("enum").add("json").add("html");
        ObjectNode responses = get.putObject("responses");
        responses.putObject("200").put("description", "the resource");
        responses.putObject("400").put("description", "a parameter is malformed (application/problem+json)");
        if (collection) {
            responses.putObject("404").put("description", "no such collection or feature (application/problem+json)");
        }
        return get;
    }

    /** {@code crs} or {@code bbox-crs} (OGC API – Features Part 2): a URI of the list, or a short name. */
    private static ObjectNode crsParameter(ObjectMapper json, String name, String description) {
        ObjectNode parameter = query(json, name, description + ". One of " + String.join(", ", ApiCrs.uris())
                + ", or the short names " + String.join(", ", java.util.Arrays.stream(ApiCrs.values()).map(ApiCrs::shortName).toList()),
                "string");
        ((ObjectNode) parameter.get("schema")).put("default", ApiCrs.CRS84.uri()).put("example", ApiCrs.EPSG_4549.uri());
        return parameter;
    }

    private static ObjectNode query(ObjectMapper json, String name, String description, String type) {
        ObjectNode parameter = json.createObjectNode();
        parameter.put("name", name).put("in", "query").put("required", false).put("description", description);
        ObjectNode schema = parameter.putObject("schema").put("type", type);
        if (type.equals("array")) {
            schema.put("minItems", 4).put("maxItems", 6).putObject("items").put("type", "number");
            parameter.put("style", "form").put("explode", false);
        }
        return parameter;
    }
}
