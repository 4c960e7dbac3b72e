package org.lilong.layers.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.lilong.layers.lifecircle.LifeCircleAnalysis;
import org.lilong.layers.lifecircle.OffNetworkException;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.GridLevel;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.network.EdgePosition;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The places where people live, as the coverage analysis counts them, each attached to the walking
 * network by the streets along its edge ({@link LifeCircleAnalysis#startAtArea}).
 *
 * <p>Which features are units: every building-group grid (楼组, {@code level=building-group}) with
 * residents; and every residential area with residents whose polygon contains the interior point of
 * no such building group, counted whole. So a district whose grids layer has building groups with
 * residents is counted by building group, a district without them by residential area, and a
 * residential area the building groups miss is not left out; an area partly drawn in building
 * groups counts by its building groups alone (its residents figure and theirs would count the same
 * people twice). Features that are not polygons, or have no residents, are not units.
 *
 * <p>A unit with no street within {@value LifeCircleAnalysis#AREA_ATTACH_LIMIT_METRES} m of its
 * edge has no positions: it is {@linkplain #offNetwork() off the network} and never covered.
 */
final class ResidentialUnits {

    private static final EdgePosition[] NONE = new EdgePosition[0];

    private final List<ResidentialUnit> units;
    private final EdgePosition[][] positions;
    private final long residents;

    private ResidentialUnits(List<ResidentialUnit> units, EdgePosition[][] positions) {
        this.units = List.copyOf(units);
        this.positions = positions;
        this.residents = units.stream().mapToLong(ResidentialUnit::residents).sum();
    }

    static ResidentialUnits find(LifeCircleAnalysis lifeCircle, List<Feature> residentialAreas, List<Feature> grids) {
        List<Feature> unitFeatures = new ArrayList<>();
        List<ResidentialUnit> units = new ArrayList<>();
        STRtree groupPoints = new STRtree();
        for (Feature grid : grids) {
            if (GridLevel.BUILDING_GROUP.code().equals(grid.text("level")) && isHome(grid)) {
                unitFeatures.add(grid);
                units.add(unit(LayerCatalogue.GRIDS, grid));
                Point inside = grid.geometry().getInteriorPoint();
                groupPoints.insert(inside.getEnvelopeInternal(), inside);
            }
        }
        for (Feature area : residentialAreas) {
            if (isHome(area) && !containsAny(area.geometry(), groupPoints)) {
                unitFeatures.add(area);
                units.add(unit(LayerCatalogue.RESIDENTIAL_AREAS, area));
            }
        }
        // Snapping the edge samples is the cost of building; units attach independently.
        EdgePosition[][] positions = IntStream.range(0, units.size()).parallel()
                .mapToObj(i -> attach(lifeCircle, unitFeatures.get(i)))
                .toArray(EdgePosition[][]::new);
        return new ResidentialUnits(units, positions);
    }

    private static boolean isHome(Feature feature) {
        return feature.geometry() instanceof Polygonal && !feature.geometry().isEmpty() && residentsOf(feature) > 0;
    }

    private static long residentsOf(Feature feature) {
        return feature.get("residents") instanceof Number n ? n.longValue() : 0;
    }

    private static ResidentialUnit unit(String layer, Feature feature) {
        return new ResidentialUnit(layer, feature.id(), feature.text("name"), residentsOf(feature), feature.geometry());
    }

    private static boolean containsAny(Geometry area, STRtree points) {
        List<?> near = points.query(area.getEnvelopeInternal());
        if (near.isEmpty()) {
            return false;
        }
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(area);
        return near.stream().anyMatch(p -> prepared.contains((Point) p));
    }

    private static EdgePosition[] attach(LifeCircleAnalysis lifeCircle, Feature feature) {
        try {
            return lifeCircle.startAtArea(feature).positions().toArray(EdgePosition[]::new);
        } catch (OffNetworkException e) {
            return NONE;
        }
    }

    List<ResidentialUnit> units() {
        return units;
    }

    int size() {
        return units.size();
    }

    ResidentialUnit unit(int i) {
        return units.get(i);
    }

    long residents(int i) {
        return units.get(i).residents();
    }

    /** The unit's street points on the analysis's network; empty when it is off the network. */
    EdgePosition[] positions(int i) {
        return positions[i];
    }

    /** All units' street points, by unit. */
    EdgePosition[][] positions() {
        return positions;
    }

    boolean isAttached(int i) {
        return positions[i].length > 0;
    }

    long residents() {
        return residents;
    }

    /** Units no street runs near: never covered. */
    List<ResidentialUnit> offNetwork() {
        List<ResidentialUnit> off = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            if (!isAttached(i)) {
                off.add(units.get(i));
            }
        }
        return off;
    }
}
