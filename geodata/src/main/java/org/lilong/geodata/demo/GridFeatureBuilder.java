package org.lilong.geodata.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.GridLevel;
import org.locationtech.jts.geom.Polygon;

/**
 * Turns the grid hierarchy into the {@code grids} layer, coarsest level first and in code order
 * within a level. Outlines come from the {@link LatticeOutliner}, so every level shares its
 * vertices with the levels above and below.
 */
final class GridFeatureBuilder {

    private final LatticeOutliner outliner;

    GridFeatureBuilder(LatticeOutliner outliner) {
        this.outliner = outliner;
    }

    List<Feature> build(GridNode root) {
        Map<GridNode, String> parents = new LinkedHashMap<>();
        root.visit(node -> node.children().forEach(child -> parents.put(child, node.code())));
        List<Feature> features = new ArrayList<>();
        for (GridLevel level : GridLevel.values()) {
            for (GridNode node : root.atLevel(level)) {
                features.add(feature(node, parents.get(node)));
            }
        }
        return features;
    }

    Polygon outline(GridNode node) {
        return outliner.lonLatOutline(node.rect());
    }

    private Feature feature(GridNode node, String parentCode) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("code", node.code());
        properties.put("name", node.name().zh());
        properties.put("name_en", node.name().en());
        properties.put("level", node.level().code());
        if (parentCode != null) {
            properties.put("parent_code", parentCode);
        }
        properties.put("leader_name", node.leaderName());
        properties.put("leader_phone", node.leaderPhone());
        properties.put("residents", node.residents());
        properties.put("households", node.households());
        return new Feature(0, outline(node), properties);
    }
}
