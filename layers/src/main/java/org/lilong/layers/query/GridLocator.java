package org.lilong.layers.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.GridLevel;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.spatial.LayerIndex;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * Answers "where am I": the chain of grids that contain a point, one per level, plus the
 * residential area and sub-district. A point on a shared boundary belongs to the grid with the
 * lower id, so every point has one answer.
 */
public final class GridLocator {

    private final LayerIndex grids;
    private final LayerIndex residentialAreas;
    private final LayerIndex subdistricts;

    public GridLocator(LayerIndex grids, LayerIndex residentialAreas, LayerIndex subdistricts) {
        this.grids = grids;
        this.residentialAreas = residentialAreas;
        this.subdistricts = subdistricts;
    }

    public Whereabouts locate(double lon, double lat) {
        Point point = GeometryFactories.WGS84.createPoint(new Coordinate(lon, lat));
        List<Feature> chain = new ArrayList<>();
        for (GridLevel level : GridLevel.values()) {
            grids.covering(point).stream()
                    .filter(g -> level.code().equals(g.get("level")))
                    .findFirst()
                    .ifPresent(chain::add);
        }
        chain.sort(Comparator.comparingInt(g -> GridLevel.fromCode(g.text("level")).orElseThrow().depth()));
        return new Whereabouts(lon, lat, chain, first(residentialAreas, point), first(subdistricts, point));
    }

    private static Optional<Feature> first(LayerIndex index, Point point) {
        return index.covering(point).stream().findFirst();
    }
}
