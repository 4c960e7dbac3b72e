package org.lilong.layers.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.GridLevel;
import org.lilong.layers.model.LayerCatalogue;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which grid each residential unit belongs to at the levels 街道, 综合网格, 居民区网格 and 微网格, and
 * the per-grid coverage tables that follow.
 *
 * <p>A building group is assigned through its {@code parent_code} chain, which is what the street
 * office maintains; a level the chain does not reach (a missing or unknown parent) falls back to the
 * grid containing the unit's interior point, as does every level of a residential area. Each unit
 * gets at most one grid per level, so a level's rows never count anyone twice. A unit that finds no
 * grid at some level the layer has is <em>unassigned</em> and counted in no row at any level: then
 * every level's rows add up to the same total, the district's residents less the unassigned.
 * Levels with no grids at all have no rows and do not make units unassigned.
 */
final class GridTables {

    /** The levels tabulated, coarsest first. */
    static final List<GridLevel> LEVELS = List.of(GridLevel.SUBDISTRICT, GridLevel.COMPREHENSIVE, GridLevel.RESIDENTIAL,
            GridLevel.MICRO);
    /** A parent chain longer than this is taken to be a cycle. */
    private static final int MAX_CHAIN = 16;

    /** The tabulated grids: by level (coarsest first), then by code, then by id. */
    private final List<Feature> rows;
    private final List<GridLevel> rowLevels;
    /** For each unit, its row at each level; null for an unassigned unit. */
    private final int[][] rowsOfUnit;

    private GridTables(List<Feature> rows, List<GridLevel> rowLevels, int[][] rowsOfUnit) {
        this.rows = rows;
        this.rowLevels = rowLevels;
        this.rowsOfUnit = rowsOfUnit;
    }

    static GridTables assign(List<ResidentialUnit> units, List<Feature> grids) {
        Map<GridLevel, List<Feature>> byLevel = new EnumMap<>(GridLevel.class);
        Map<String, Feature> byCode = new HashMap<>();
        Map<Long, Feature> byId = new HashMap<>();
        for (Feature grid : grids) {
            byId.put(grid.id(), grid);
            GridLevel.fromCode(grid.text("level")).ifPresent(level -> byLevel.computeIfAbsent(level, l -> new ArrayList<>()).add(grid));
            String code = grid.text("code");
            if (code != null) {
                // Codes should be unique; if not, the lowest id wins, as the layer's order has it.
                byCode.merge(code, grid, (a, b) -> a.id() <= b.id() ? a : b);
            }
        }
        List<Feature> rows = new ArrayList<>();
        List<GridLevel> rowLevels = new ArrayList<>();
        Map<Long, Integer>[] rowOfGrid = newRowMaps();
        LevelLocator[] locators = new LevelLocator[LEVELS.size()];
        for (int l = 0; l < LEVELS.size(); l++) {
            List<Feature> level = new ArrayList<>(byLevel.getOrDefault(LEVELS.get(l), List.of()));
            level.sort(Comparator.comparing((Feature f) -> f.text("code"), Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparingLong(Feature::id));
            for (Feature grid : level) {
                rowOfGrid[l].put(grid.id(), rows.size());
                rows.add(grid);
                rowLevels.add(LEVELS.get(l));
            }
            locators[l] = level.isEmpty() ? null : new LevelLocator(level);
        }
        int[][] rowsOfUnit = new int[units.size()][];
        for (int u = 0; u < units.size(); u++) {
            ResidentialUnit unit = units.get(u);
            Feature[] found = new Feature[LEVELS.size()];
            if (unit.layer().equals(LayerCatalogue.GRIDS) && byId.containsKey(unit.featureId())) {
                followParents(byId.get(unit.featureId()), byCode, found);
            }
            Point inside = null;
            int[] assigned = new int[LEVELS.size()];
            for (int l = 0; l < LEVELS.size(); l++) {
                if (locators[l] == null) {
                    assigned[l] = -1;
                    continue;
                }
                if (found[l] == null) {
                    inside = inside == null ? unit.geometry().getInteriorPoint() : inside;
                    found[l] = locators[l].gridAt(inside);
                }
                if (found[l] == null) {
                    assigned = null;
                    break;
                }
                assigned[l] = rowOfGrid[l].get(found[l].id());
            }
            rowsOfUnit[u] = assigned;
        }
        return new GridTables(List.copyOf(rows), List.copyOf(rowLevels), rowsOfUnit);
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, Integer>[] newRowMaps() {
        Map<Long, Integer>[] maps = new Map[LEVELS.size()];
        for (int l = 0; l < maps.length; l++) {
            maps[l] = new HashMap<>();
        }
        return maps;
    }

    /** Fills in the ancestors of a building group at the tabulated levels, nearest first. */
    private static void followParents(Feature buildingGroup, Map<String, Feature> byCode, Feature[] found) {
        String parentCode = buildingGroup.text("parent_code");
        for (int step = 0; parentCode != null && step < MAX_CHAIN; step++) {
            Feature parent = byCode.get(parentCode);
            if (parent == null) {
                return;
            }
            int l = GridLevel.fromCode(parent.text("level")).map(LEVELS::indexOf).orElse(-1);
            if (l >= 0 && found[l] == null) {
                found[l] = parent;
            }
            parentCode = parent.text("parent_code");
        }
    }

    /** Coverage per grid: the residents of the units assigned to it and how many of them are covered. */
    List<GridCoverage> tabulate(long[] residents, boolean[] covered) {
        long[] total = new long[rows.size()];
        long[] reached = new long[rows.size()];
        for (int u = 0; u < rowsOfUnit.length; u++) {
            int[] assigned = rowsOfUnit[u];
            if (assigned == null) {
                continue;
            }
            for (int row : assigned) {
                if (row >= 0) {
                    total[row] += residents[u];
                    if (covered[u]) {
                        reached[row] += residents[u];
                    }
                }
            }
        }
        List<GridCoverage> table = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            Feature grid = rows.get(r);
            table.add(new GridCoverage(grid.id(), grid.text("code"), grid.text("name"), rowLevels.get(r),
                    grid.text("parent_code"), total[r], reached[r]));
        }
        return table;
    }

    /** Residents of the units in no row. */
    long unassignedResidents(long[] residents) {
        long sum = 0;
        for (int u = 0; u < rowsOfUnit.length; u++) {
            if (rowsOfUnit[u] == null) {
                sum += residents[u];
            }
        }
        return sum;
    }

    /** The grids of one level, found by containment of a point. */
    private static final class LevelLocator {
        private final STRtree tree = new STRtree();

        LevelLocator(List<Feature> grids) {
            for (int i = 0; i < grids.size(); i++) {
                Feature grid = grids.get(i);
                if (grid.geometry() instanceof Polygonal && !grid.geometry().isEmpty()) {
                    tree.insert(grid.geometry().getEnvelopeInternal(), new Candidate(i, grid));
                }
            }
            tree.build();
        }

        /**
         * The grid covering the point; of several (a point on the edge two siblings share, or
         * overlapping siblings), the first in code order, so a unit on a boundary is still counted once.
         */
        Feature gridAt(Point point) {
            Candidate best = null;
            for (Object item : tree.query(point.getEnvelopeInternal())) {
                Candidate candidate = (Candidate) item;
                if ((best == null || candidate.order < best.order) && candidate.prepared().covers(point)) {
                    best = candidate;
                }
            }
            return best == null ? null : best.grid;
        }

        private static final class Candidate {
            final int order;
            final Feature grid;
            private PreparedGeometry prepared;

            Candidate(int order, Feature grid) {
                this.order = order;
                this.grid = grid;
            }

            synchronized PreparedGeometry prepared() {
                if (prepared == null) {
                    prepared = PreparedGeometryFactory.prepare(grid.geometry());
                }
                return prepared;
            }
        }
    }
}
