package org.lilong.server.config;

/**
 * A background tile layer the map page may show.
 *
 * @param urlTemplate Leaflet tile URL with {z}/{x}/{y} (and {s} where the provider shards)
 * @param crs the coordinates the tiles are drawn in: "wgs84" (OSM, Tianditu's _w tiles in CGCS2000 ≈ WGS84)
 *            or "gcj02" (AMap, Tencent); overlays must be shifted to match the latter
 * @param osm whether the tiles are OpenStreetMap's, which requires its attribution
 */
public record Basemap(String id, String name, String urlTemplate, String attribution, int maxZoom, String crs, boolean osm) {

    public static final String NONE = "none";

    public static Basemap openStreetMap() {
        return new Basemap("osm", "OpenStreetMap", "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                "© OpenStreetMap contributors", 19, "wgs84", true);
    }

    /** Tianditu's vector tiles in Web Mercator; the service requires a key (tk). */
    public static Basemap tianditu(String key) {
        return new Basemap("tianditu", "天地图 Tianditu",
                "https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default"
                        + "&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=" + key,
                "© 天地图 Tianditu", 18, "wgs84", false);
    }

    public static Basemap custom(String urlTemplate) {
        return new Basemap("custom", "Custom", urlTemplate, "", 19, "wgs84", false);
    }
}
