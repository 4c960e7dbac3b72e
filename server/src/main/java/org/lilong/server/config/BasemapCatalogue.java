package org.lilong.server.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The basemaps {@code serve} can offer: the built-in presets ({@code osm}, {@code tianditu}, which
 * needs a key, and {@code amap}) and those of a {@code --basemaps} file, and the choice
 * {@code --basemap} makes among them.
 *
 * <p>No Baidu preset: Baidu's tiles are in BD-09 on its own tile grid, not XYZ Web Mercator, so
 * Leaflet cannot draw them without a custom CRS. No Tencent preset either: Tencent publishes no XYZ
 * template, and the ones in circulation disagree (row flipped or not, style parameters).
 */
public final class BasemapCatalogue {

    /** The preset ids, in the order help texts list them. */
    public static final List<String> PRESETS = List.of("osm", "tianditu", "amap");

    private final Map<String, Basemap> fromFile = new LinkedHashMap<>();
    private final String tiandituKey;

    /**
     * @param fromFile the basemaps of a {@code --basemaps} file (ids unique), or none
     * @param tiandituKey the Tianditu key, or null
     * @throws IllegalArgumentException when a file basemap takes a preset's id
     */
    public BasemapCatalogue(List<Basemap> fromFile, String tiandituKey) {
        for (Basemap basemap : fromFile) {
            if (PRESETS.contains(basemap.id())) {
                throw new IllegalArgumentException("basemap id '" + basemap.id() + "' is a built-in preset; give the file's basemap"
                        + " another id");
            }
            this.fromFile.put(basemap.id(), basemap);
        }
        this.tiandituKey = tiandituKey;
    }

    /** The basemaps the page offers, in order, and the one it shows first ({@link Basemap#NONE} for none). */
    public record Choice(List<Basemap> basemaps, String defaultBasemap) {

        public Choice {
            basemaps = List.copyOf(basemaps);
        }
    }

    /**
     * Offers the named basemaps in the order given, then every other basemap of the file; the first
     * name is the default ("none" keeps the page offline until the user picks one). A name is
     * "none", a preset id, an id from the file, or a URL template with {z}, {x} and {y} (WGS84).
     *
     * @param names the values of {@code --basemap}, possibly empty
     * @throws IllegalArgumentException for an unknown name, tianditu without a key, or a bad URL template
     */
    public Choice choose(List<String> names) {
        Map<String, Basemap> offered = new LinkedHashMap<>();
        String defaultBasemap = null;
        int customs = 0;
        for (String raw : names) {
            String name = raw.trim();
            Basemap basemap;
            if (name.equals(Basemap.NONE)) {
                basemap = null;
            } else if (name.contains("{")) {
                customs++;
                try {
                    basemap = Basemap.custom(customs == 1 ? "custom" : "custom-" + customs, name);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--basemap " + name + ": " + e.getMessage());
                }
            } else {
                basemap = named(name);
            }
            if (defaultBasemap == null) {
                defaultBasemap = basemap == null ? Basemap.NONE : basemap.id();
            }
            if (basemap != null) {
                offered.putIfAbsent(basemap.id(), basemap);
            }
        }
        fromFile.values().forEach(b -> offered.putIfAbsent(b.id(), b));
        return new Choice(new ArrayList<>(offered.values()), defaultBasemap == null ? Basemap.NONE : defaultBasemap);
    }

    private Basemap named(String name) {
        switch (name) {
            case "osm" -> {
                return Basemap.openStreetMap();
            }
            case "amap" -> {
                return Basemap.amap();
            }
            case "tianditu" -> {
                if (tiandituKey == null || tiandituKey.isBlank()) {
                    throw new IllegalArgumentException("--basemap tianditu needs --tianditu-key");
                }
                return Basemap.tianditu(tiandituKey.trim());
            }
            default -> {
                Basemap basemap = fromFile.get(name);
                if (basemap == null) {
                    throw new IllegalArgumentException("--basemap '" + name + "' is not a basemap: use none, "
                            + String.join(", ", PRESETS) + (fromFile.isEmpty() ? "" : ", " + String.join(", ", fromFile.keySet()))
                            + " or a URL template with {z}, {x} and {y}");
                }
                return basemap;
            }
        }
    }
}
