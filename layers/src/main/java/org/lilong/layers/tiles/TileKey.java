package org.lilong.layers.tiles;

import java.util.List;
import org.lilong.layers.model.Visibility;

/**
 * What a cached tile was made for: the layers drawn (in order), the tile, the datum and the
 * audience, whose attributes it holds. Different audiences never share an entry.
 */
record TileKey(List<String> layerIds, TileAddress tile, String crs, Visibility audience) {

    TileKey {
        layerIds = List.copyOf(layerIds);
    }
}
