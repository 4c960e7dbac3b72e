package org.lilong.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the basemaps of {@code serve --basemaps FILE}: a JSON list of objects with the fields of
 * {@code /map-config}'s basemaps,
 * <pre>
 * [{"id": "amap-satellite", "name": "高德影像", "url": "https://webst0{s}.is.autonavi.com/appmaptile?style=6&amp;x={x}&amp;y={y}&amp;z={z}",
 *   "subdomains": "1234", "attribution": "© 高德地图", "maxZoom": 18, "crs": "gcj02"}]
 * </pre>
 * {@code id}, {@code name}, {@code url}, {@code attribution} and {@code crs} are required;
 * {@code subdomains} (a string, or a list of one-character strings), {@code maxZoom} (default
 * {@value #DEFAULT_MAX_ZOOM}) and {@code osm} (default false) are optional. Every mistake is refused
 * with the entry and the field: an unknown field (a typo would otherwise be ignored), a missing or
 * mistyped one, a crs other than wgs84, cgcs2000 or gcj02, a repeated id or a preset's id.
 */
public final class BasemapFile {

    static final int DEFAULT_MAX_ZOOM = 18;
    private static final List<String> FIELDS = List.of("id", "name", "url", "subdomains", "attribution", "maxZoom", "crs", "osm");
    private static final ObjectMapper JSON = new ObjectMapper();

    private BasemapFile() {
    }

    /** @throws IllegalArgumentException "FILE: entry N (id 'x'): field 'f': why", or why the file cannot be read */
    public static List<Basemap> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(file + ": expected a JSON list of basemaps, [{\"id\": ..., \"url\": ...}, ...]");
        }
        List<Basemap> basemaps = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int number = 0;
        for (JsonNode entry : root) {
            number++;
            String where = file + ": entry " + number + (entry.path("id").isTextual() ? " (id '" + entry.get("id").asText() + "')" : "");
            Basemap basemap;
            try {
                basemap = basemap(entry);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
            if (BasemapCatalogue.PRESETS.contains(basemap.id())) {
                throw new IllegalArgumentException(where + ": field 'id': '" + basemap.id() + "' is a built-in preset; choose another id");
            }
            if (!ids.add(basemap.id())) {
                throw new IllegalArgumentException(where + ": field 'id': '" + basemap.id() + "' is used by an earlier entry");
            }
            basemaps.add(basemap);
        }
        return basemaps;
    }

    private static Basemap basemap(JsonNode entry) {
        if (!entry.isObject()) {
            throw new IllegalArgumentException("expected an object, not " + entry.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("field '" + name + "' is not known; the fields are " + String.join(", ", FIELDS));
            }
        }
        int maxZoom = DEFAULT_MAX_ZOOM;
        if (entry.has("maxZoom")) {
            JsonNode zoom = entry.get("maxZoom");
            if (!zoom.isInt()) {
                throw new IllegalArgumentException("field 'maxZoom': expected a whole number, not " + zoom);
            }
            maxZoom = zoom.intValue();
        }
        boolean osm = false;
        if (entry.has("osm")) {
            if (!entry.get("osm").isBoolean()) {
                throw new IllegalArgumentException("field 'osm': expected true or false, not " + entry.get("osm"));
            }
            osm = entry.get("osm").booleanValue();
        }
        return new Basemap(text(entry, "id"), text(entry, "name"), text(entry, "url"), subdomains(entry),
                text(entry, "attribution"), maxZoom, text(entry, "crs"), osm);
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "': expected a string, not " + value);
        }
        return value.asText();
    }

    /** "1234", or ["1", "2", "3", "4"] as Leaflet also takes it. */
    private static String subdomains(JsonNode entry) {
        JsonNode value = entry.get("subdomains");
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode item : value) {
                if (!item.isTextual() || item.asText().length() != 1) {
                    throw new IllegalArgumentException("field 'subdomains': expected one-character strings, not " + item);
                }
                joined.append(item.asText());
            }
            return joined.toString();
        }
        throw new IllegalArgumentException("field 'subdomains': expected a string such as \"1234\", not " + value);
    }
}
