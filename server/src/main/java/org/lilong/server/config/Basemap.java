package org.lilong.server.config;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A background tile layer the map page may show, in the shape Leaflet's {@code L.tileLayer} takes.
 *
 * @param id short name used by {@code serve --basemap} and {@code /map-config} (lower case letters,
 *     digits, '-' and '_'; never "none", which the page always offers itself)
 * @param urlTemplate XYZ tile URL with {z}, {x} and {y} (or {-y} for a TMS row), {s} where the
 *     provider shards over subdomains and {r} for Leaflet's retina suffix; nothing else in braces
 * @param subdomains the values of {s}, one character each ("1234" for AMap), empty without {s}
 * @param maxZoom the deepest zoom the provider has tiles for, 1 to 22
 * @param crs the coordinates the tiles are drawn in: {@value #WGS84} (OSM), {@value #CGCS2000}
 *     (Tianditu; within a metre of WGS84, drawn as it) or {@value #GCJ02} (AMap, Tencent), over
 *     which overlays must be shifted to GCJ-02
 * @param osm whether the tiles are OpenStreetMap's, which requires its attribution
 */
public record Basemap(String id, String name, String urlTemplate, String subdomains, String attribution, int maxZoom, String crs,
        boolean osm) {

    public static final String NONE = "none";
    public static final String WGS84 = "wgs84";
    public static final String CGCS2000 = "cgcs2000";
    public static final String GCJ02 = "gcj02";
    /** The coordinate systems a basemap may be drawn in; BD-09 (Baidu) is not among them: its tiles are not XYZ. */
    public static final List<String> CRS_VALUES = List.of(WGS84, CGCS2000, GCJ02);

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final List<String> PLACEHOLDERS = List.of("z", "x", "y", "-y", "s", "r");

    /** @throws IllegalArgumentException naming the field at fault and why */
    public Basemap {
        Objects.requireNonNull(attribution, "attribution");
        subdomains = subdomains == null ? "" : subdomains;
        if (id == null || !ID.matcher(id).matches() || id.equals(NONE)) {
            throw new IllegalArgumentException("field 'id': '" + id + "' must be 1 to 40 lower-case letters, digits, '-' or '_'"
                    + " (and not 'none')");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("field 'name': must not be empty");
        }
        checkTemplate(urlTemplate, subdomains);
        if (maxZoom < 1 || maxZoom > 22) {
            throw new IllegalArgumentException("field 'maxZoom': " + maxZoom + " is not in 1..22");
        }
        if (!CRS_VALUES.contains(crs)) {
            throw new IllegalArgumentException("field 'crs': '" + crs + "' is not one of " + String.join(", ", CRS_VALUES)
                    + (crs != null && crs.toLowerCase(java.util.Locale.ROOT).startsWith("bd") ? " (Baidu's BD-09 tiles are not XYZ)" : ""));
        }
    }

    private static void checkTemplate(String template, String subdomains) {
        if (template == null || !(template.startsWith("https://") || template.startsWith("http://") || template.startsWith("/"))) {
            throw new IllegalArgumentException("field 'url': '" + template + "' must start with https://, http:// or /");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw new IllegalArgumentException("field 'url': {" + m.group(1) + "} is not a tile placeholder; use {z}, {x},"
                        + " {y} or {-y}, {s} and {r} (put keys into the URL itself)");
            }
        }
        if (!template.contains("{z}") || !template.contains("{x}") || !(template.contains("{y}") || template.contains("{-y}"))) {
            throw new IllegalArgumentException("field 'url': '" + template + "' needs {z}, {x} and {y} (or {-y})");
        }
        if (template.contains("{s}") && subdomains.isEmpty()) {
            throw new IllegalArgumentException("field 'subdomains': the url has {s}, so it needs the subdomains to put there, as \"abc\"");
        }
        if (!template.contains("{s}") && !subdomains.isEmpty()) {
            throw new IllegalArgumentException("field 'subdomains': given, but the url has no {s} to put them in");
        }
    }

    /** OpenStreetMap's standard tiles (its tile usage policy applies: light use, attribution shown). */
    public static Basemap openStreetMap() {
        return new Basemap("osm", "OpenStreetMap", "https://tile.openstreetmap.org/{z}/{x}/{y}.png", "",
                "© OpenStreetMap contributors", 19, WGS84, true);
    }

    /**
     * Tianditu's vector tiles in Web Mercator (the {@code _w} tile matrix set), in CGCS2000; the
     * service requires a key (tk) and shards over t0 to t7.
     */
    public static Basemap tianditu(String key) {
        return new Basemap("tianditu", "天地图 Tianditu",
                "https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default"
                        + "&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk="
                        + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8),
                "01234567", "© 天地图 Tianditu", 18, CGCS2000, false);
    }

    /** AMap (高德地图) road tiles with Chinese labels, in GCJ-02, sharded over webrd01 to webrd04. */
    public static Basemap amap() {
        return new Basemap("amap", "高德地图 AMap",
                "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}", "1234",
                "© 高德地图 AutoNavi", 18, GCJ02, false);
    }

    /** A URL template given on the command line, assumed to be WGS84 Web Mercator tiles. */
    public static Basemap custom(String id, String urlTemplate) {
        return new Basemap(id, "Custom", urlTemplate, urlTemplate.contains("{s}") ? "abc" : "", "", 19, WGS84, false);
    }
}
