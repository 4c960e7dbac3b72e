package org.lilong.layers.editing;

import java.util.Set;
import org.lilong.layers.model.LayerCatalogue;

/**
 * The layers street offices keep current through the API. The base layers (streets, water,
 * residential areas, sub-district boundaries) come from imports and stay read-only here.
 */
public final class EditableLayers {

    public static final Set<String> IDS = Set.of(LayerCatalogue.GRIDS, LayerCatalogue.RENOVATION_PLOTS,
            LayerCatalogue.POCKET_PARKS, LayerCatalogue.SERVICE_STATIONS);

    private EditableLayers() {
    }

    public static boolean isEditable(String layerId) {
        return IDS.contains(layerId);
    }
}
