package org.lilong.layers.tiles;

import java.util.Map;
import org.lilong.layers.model.LayerCatalogue;

/**
 * The zooms at which a layer is drawn from tiles: large areas from far out, small features only
 * once they are more than a few pixels wide. Outside its range a layer is left out of combined
 * tiles and its own tiles do not exist.
 */
public record TileZoomRange(int minZoom, int maxZoom) {

    /** For layers the rule below does not name (a newer catalogue): as the small point layers. */
    public static final TileZoomRange DEFAULT = new TileZoomRange(13, 20);

    private static final Map<String, TileZoomRange> BY_LAYER = Map.of(
            LayerCatalogue.SUBDISTRICTS, new TileZoomRange(8, 20),
            LayerCatalogue.WATER, new TileZoomRange(10, 20),
            LayerCatalogue.STREETS, new TileZoomRange(12, 20),
            LayerCatalogue.GRIDS, new TileZoomRange(12, 20),
            LayerCatalogue.RESIDENTIAL_AREAS, new TileZoomRange(13, 20),
            LayerCatalogue.RENOVATION_PLOTS, new TileZoomRange(13, 20),
            LayerCatalogue.POCKET_PARKS, new TileZoomRange(13, 20),
            LayerCatalogue.SERVICE_STATIONS, new TileZoomRange(13, 20));

    public TileZoomRange {
        if (minZoom < 0 || maxZoom > TileAddress.MAX_ZOOM || minZoom > maxZoom) {
            throw new IllegalArgumentException("not a zoom range: " + minZoom + "–" + maxZoom);
        }
    }

    public static TileZoomRange of(String layerId) {
        return BY_LAYER.getOrDefault(layerId, DEFAULT);
    }

    public boolean contains(int zoom) {
        return zoom >= minZoom && zoom <= maxZoom;
    }

    @Override
    public String toString() {
        return minZoom + "–" + maxZoom;
    }
}
