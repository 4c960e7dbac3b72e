package org.lilong.geodata.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.GridLevel;

/**
 * Draws the {@code residential-areas} layer: one 居民区 per residential-area grid, covering the
 * grid's land (never the creek band) pulled 8 m in from the surrounding street centre lines, with
 * the grid's residents and households.
 */
final class ResidentialAreaBuilder {

    static final double STREET_SETBACK = 8;

    private final LatticeOutliner outliner;
    private final LocalProjection projection;

    ResidentialAreaBuilder(LatticeOutliner outliner, LocalProjection projection) {
        this.outliner = outliner;
        this.projection = projection;
    }

    List<Feature> build(GridNode root) {
        List<Feature> features = new ArrayList<>();
        for (GridNode grid : root.atLevel(GridLevel.RESIDENTIAL)) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("name", grid.residentialArea().zh());
            properties.put("name_en", grid.residentialArea().en());
            properties.put("residents", grid.residents());
            properties.put("households", grid.households());
            features.add(new Feature(0, projection.toLonLat(Inset.by(outliner.metricOutline(grid.land()), STREET_SETBACK)), properties));
        }
        return features;
    }
}
