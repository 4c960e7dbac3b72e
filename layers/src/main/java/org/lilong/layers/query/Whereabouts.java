package org.lilong.layers.query;

import java.util.List;
import java.util.Optional;
import org.lilong.layers.model.Feature;

/**
 * Where a point lies: the grids that contain it from 街道 down to 楼组, and the residential area
 * and sub-district around it. Any of these may be missing outside the covered district.
 *
 * @param gridChain containing grids ordered from the top level (街道) down
 */
public record Whereabouts(double lon, double lat, List<Feature> gridChain, Optional<Feature> residentialArea,
                          Optional<Feature> subdistrict) {

    public Whereabouts {
        gridChain = List.copyOf(gridChain);
    }

    public boolean isInsideDistrict() {
        return !gridChain.isEmpty() || subdistrict.isPresent();
    }
}
