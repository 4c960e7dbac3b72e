package org.lilong.geodata.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.lilong.layers.model.Feature;
import org.locationtech.jts.geom.Coordinate;

/**
 * Turns the street plan into the {@code streets} layer: a noded walking network whose segments
 * meet only at shared end points. Every street line is cut at every crossing and at every lane
 * mouth; lanes (弄) run into blocks from one street, some as dead ends and some through to the
 * street opposite, never crossing each other. In the creek band only the bridge columns continue:
 * each becomes approach, bridge (bridge = true, reaching 8 m beyond both banks) and approach.
 */
final class StreetNetworkBuilder {

    private static final double BRIDGE_OVERHANG = 8;

    private final StreetPlan plan;
    private final CreekCourse creek;
    private final LocalProjection projection;
    private final SplittableRandom random;
    private final Map<Long, TreeSet<Integer>> mouthsOnRowEdges = new HashMap<>();
    private final Map<Long, TreeSet<Integer>> mouthsOnColumnEdges = new HashMap<>();
    private final Map<Long, Coordinate> lonLatCache = new HashMap<>();
    private final List<Feature> features = new ArrayList<>();

    StreetNetworkBuilder(StreetPlan plan, CreekCourse creek, LocalProjection projection, SplittableRandom random) {
        this.plan = plan;
        this.creek = creek;
        this.projection = projection;
        this.random = random;
    }

    /**
     * @param laneFree blocks that get no lanes (those holding a pocket park)
     */
    List<Feature> build(Set<Block> laneFree) {
        List<Runnable> laneWork = new ArrayList<>();
        for (Block block : plan.landBlocks()) {
            if (!laneFree.contains(block)) {
                laneWork.addAll(layLanes(block));
            }
        }
        int l = StreetPlan.LATTICE;
        for (int i = 0; i <= plan.columns(); i++) {
            for (int j = 0; j < plan.rows(); j++) {
                if (plan.isCreekRow(j)) {
                    if (plan.bridgeColumns().contains(i)) {
                        addBridge(i, j);
                    }
                    continue;
                }
                TreeSet<Integer> stops = new TreeSet<>(mouthsOnColumnEdges.getOrDefault(edgeKey(i, j), new TreeSet<>()));
                stops.add(j * l);
                stops.add((j + 1) * l);
                Integer previous = null;
                for (int y : stops) {
                    if (previous != null) {
                        addSegment(key(i * l, previous), key(i * l, y), plan.columnName(i), false);
                    }
                    previous = y;
                }
            }
        }
        for (int j = 0; j <= plan.rows(); j++) {
            for (int i = 0; i < plan.columns(); i++) {
                TreeSet<Integer> stops = new TreeSet<>(mouthsOnRowEdges.getOrDefault(edgeKey(j, i), new TreeSet<>()));
                stops.add(i * l);
                stops.add((i + 1) * l);
                Integer previous = null;
                for (int x : stops) {
                    if (previous != null) {
                        addSegment(key(previous, j * l), key(x, j * l), plan.rowName(j), false);
                    }
                    previous = x;
                }
            }
        }
        laneWork.forEach(Runnable::run);
        return List.copyOf(features);
    }

    /** Decides a block's lanes, records their mouths, and returns the work that adds them. */
    private List<Runnable> layLanes(Block block) {
        double draw = random.nextDouble();
        int count = draw < 0.3 ? 0 : draw < 0.8 ? 1 : 2;
        boolean northSouth = random.nextBoolean();
        int[] offsets = count == 1 ? new int[] {9 + random.nextInt(7)} : new int[] {5 + random.nextInt(4), 16 + random.nextInt(4)};
        List<Runnable> work = new ArrayList<>();
        int l = StreetPlan.LATTICE;
        int i = block.column();
        int j = block.row();
        for (int k = 0; k < count; k++) {
            boolean fromLowSide = random.nextBoolean();
            boolean through = random.nextDouble() < 0.3;
            int depth = through ? l : 9 + random.nextInt(7);
            if (northSouth) {
                int x = i * l + offsets[k];
                int mouthY = fromLowSide ? j * l : (j + 1) * l;
                int endY = fromLowSide ? j * l + depth : (j + 1) * l - depth;
                int row = fromLowSide ? j : j + 1;
                mouth(mouthsOnRowEdges, edgeKey(row, i), x);
                if (through) {
                    mouth(mouthsOnRowEdges, edgeKey(fromLowSide ? j + 1 : j, i), x);
                }
                StreetName parent = plan.rowName(row);
                double along = plan.distanceAlongRow(row, plan.point(x, mouthY));
                StreetName lane = laneName(parent, StreetPlan.houseNumber(along, fromLowSide));
                work.add(() -> addSegment(key(x, mouthY), key(x, endY), lane, false));
            } else {
                int y = j * l + offsets[k];
                int mouthX = fromLowSide ? i * l : (i + 1) * l;
                int endX = fromLowSide ? i * l + depth : (i + 1) * l - depth;
                int column = fromLowSide ? i : i + 1;
                mouth(mouthsOnColumnEdges, edgeKey(column, j), y);
                if (through) {
                    mouth(mouthsOnColumnEdges, edgeKey(fromLowSide ? i + 1 : i, j), y);
                }
                StreetName parent = plan.columnName(column);
                double along = plan.distanceAlongColumn(column, plan.point(mouthX, y));
                StreetName lane = laneName(parent, StreetPlan.houseNumber(along, fromLowSide));
                work.add(() -> addSegment(key(mouthX, y), key(endX, y), lane, false));
            }
        }
        return work;
    }

    private static StreetName laneName(StreetName parent, int number) {
        return new StreetName(parent.zh() + number + "弄", "Lane " + number + ", " + parent.en(), StreetName.LANE);
    }

    private static void mouth(Map<Long, TreeSet<Integer>> index, long edge, int position) {
        index.computeIfAbsent(edge, k -> new TreeSet<>()).add(position);
    }

    private void addBridge(int column, int row) {
        int l = StreetPlan.LATTICE;
        long southKey = key(column * l, row * l);
        long northKey = key(column * l, (row + 1) * l);
        Coordinate south = plan.point(column * l, row * l);
        Coordinate north = plan.point(column * l, (row + 1) * l);
        double[] wet = creek.crossing(south, north);
        if (wet == null) {
            throw new IllegalStateException("bridge column " + column + " does not cross the creek");
        }
        double length = south.distance(north);
        Coordinate southAbutment = between(south, north, wet[0] - BRIDGE_OVERHANG / length);
        Coordinate northAbutment = between(south, north, wet[1] + BRIDGE_OVERHANG / length);
        StreetName road = plan.columnName(column);
        StreetName bridge = new StreetName(road.zh() + "桥", road.en() + " Bridge", road.streetClass());
        Coordinate a = lonLat(southKey);
        Coordinate b = projection.toLonLat(southAbutment);
        Coordinate c = projection.toLonLat(northAbutment);
        Coordinate d = lonLat(northKey);
        features.add(segment(a, b, road, false));
        features.add(segment(b, c, bridge, true));
        features.add(segment(c, d, road, false));
    }

    private static Coordinate between(Coordinate a, Coordinate b, double t) {
        return new Coordinate(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
    }

    private void addSegment(long from, long to, StreetName name, boolean bridge) {
        features.add(segment(lonLat(from), lonLat(to), name, bridge));
    }

    private Feature segment(Coordinate from, Coordinate to, StreetName name, boolean bridge) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", name.zh());
        properties.put("name_en", name.en());
        properties.put("class", name.streetClass());
        properties.put("bridge", bridge);
        return new Feature(0, projection.wgs84Factory().createLineString(new Coordinate[] {from, to}), properties);
    }

    private Coordinate lonLat(long key) {
        return lonLatCache.computeIfAbsent(key, k -> projection.toLonLat(plan.point(k >> 32, (int) (long) k)));
    }

    private static long key(int x, int y) {
        return ((long) x << 32) | (y & 0xffffffffL);
    }

    private static long edgeKey(int line, int cell) {
        return ((long) line << 32) | (cell & 0xffffffffL);
    }
}
