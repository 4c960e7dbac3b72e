package org.lilong.geodata.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.lilong.layers.model.Feature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Plans the {@code pocket-parks} layer: 12 small gardens of 300–3000 m². Nine sit in a corner of a
 * block, 10 m back from both streets (one per block, and those blocks get no lanes); three are
 * riverside gardens on a bank of the creek, between an embankment street and the water, cut back
 * to stay at least 4 m from the water. {@code area_m2} is measured in metres on the final, rounded
 * polygon.
 */
final class PocketParkPlanner {

    private static final int BLOCK_PARKS = 9;
    private static final int RIVERSIDE_PARKS = 3;
    private static final double MIN_AREA = 300;
    private static final double MAX_AREA = 3000;
    private static final List<String> FACILITIES = List.of("葡萄架", "休憩座椅", "历史文化墙", "健身步道", "儿童游乐设施",
            "花境", "廊架", "党群服务点", "共享书亭", "雨水花园", "乒乓球台", "健身器材", "树池座凳", "微型舞台");
    private static final String[] THIRDS_ZH = {"西段", "中段", "东段"};
    private static final String[] THIRDS_EN = {"West", "Middle", "East"};

    private final StreetPlan plan;
    private final CreekCourse creek;
    private final LocalProjection projection;
    private final NameBank names;
    private final Function<Block, BilingualName> areaStemAt;
    private final SplittableRandom random;

    PocketParkPlanner(StreetPlan plan, CreekCourse creek, LocalProjection projection, NameBank names,
            Function<Block, BilingualName> areaStemAt, SplittableRandom random) {
        this.plan = plan;
        this.creek = creek;
        this.projection = projection;
        this.names = names;
        this.areaStemAt = areaStemAt;
        this.random = random;
    }

    /**
     * @param taken blocks already used; the blocks of block parks are added to it
     */
    List<Feature> plan(Set<Block> taken) {
        List<Feature> parks = new ArrayList<>();
        List<BilingualName> lanes = names.gardenLanes(random);
        List<Block> blocks = NameBank.shuffled(plan.landBlocks(), random);
        int next = 0;
        for (Block block : blocks) {
            if (next == BLOCK_PARKS) {
                break;
            }
            if (taken.contains(block)) {
                continue;
            }
            taken.add(block);
            BilingualName lane = lanes.get(next++);
            BilingualName stem = areaStemAt.apply(block);
            String maintainer = switch (random.nextInt(3)) {
                case 0 -> stem.zh() + "居民区居委会";
                case 1 -> NameBank.SUBDISTRICT_SHORT.zh() + "城市运行管理中心";
                default -> NameBank.SUBDISTRICT_SHORT.zh() + "绿化养护所";
            };
            parks.add(park(cornerGarden(block), new BilingualName(lane.zh() + "口袋花园", lane.en() + " Lane Pocket Garden"), maintainer));
        }
        Set<String> usedStretches = new HashSet<>();
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < plan.columns(); i++) {
            columns.add(i);
        }
        for (int column : NameBank.shuffled(columns, random)) {
            if (parks.size() == BLOCK_PARKS + RIVERSIDE_PARKS) {
                break;
            }
            boolean northBank = random.nextBoolean();
            int third = Math.min(2, column * 3 / plan.columns());
            String stretch = northBank + "/" + third;
            if (usedStretches.contains(stretch)) {
                continue;
            }
            Polygon garden = riversideGarden(column, northBank);
            if (garden == null) {
                continue;
            }
            usedStretches.add(stretch);
            BilingualName name = new BilingualName(
                    NameBank.CREEK.zh() + (northBank ? "北岸" : "南岸") + "小游园（" + THIRDS_ZH[third] + "）",
                    NameBank.CREEK.en() + (northBank ? " North Bank" : " South Bank") + " Garden (" + THIRDS_EN[third] + ")");
            parks.add(park(garden, name, "区河道与绿化养护所"));
        }
        return parks;
    }

    /** A quadrilateral in one corner of a block, 10 m back from both streets. */
    private Polygon cornerGarden(Block block) {
        double perMetreX = StreetPlan.LATTICE / plan.blockWidth(block);
        double perMetreY = StreetPlan.LATTICE / plan.blockDepth(block);
        double width;
        double depth;
        do {
            width = 22 + random.nextDouble() * 40;
            depth = 15 + random.nextDouble() * 32;
        } while (width * depth < 400 || width * depth > 2600);
        boolean east = random.nextBoolean();
        boolean north = random.nextBoolean();
        LatticeRect r = block.rect();
        double x0 = east ? r.x1() - (10 + width) * perMetreX : r.x0() + 10 * perMetreX;
        double y0 = north ? r.y1() - (10 + depth) * perMetreY : r.y0() + 10 * perMetreY;
        double x1 = x0 + width * perMetreX;
        double y1 = y0 + depth * perMetreY;
        return projection.localFactory().createPolygon(new Coordinate[] {
                plan.point(x0, y0), plan.point(x1, y0), plan.point(x1, y1), plan.point(x0, y1), plan.point(x0, y0)});
    }

    /** A strip between an embankment street (8 m back) and the water (4 m back), or null if it does not fit. */
    private Polygon riversideGarden(int column, boolean northBank) {
        Block band = new Block(column, plan.creekRow());
        double perMetreX = StreetPlan.LATTICE / plan.blockWidth(band);
        double perMetreY = StreetPlan.LATTICE / plan.blockDepth(band);
        LatticeRect r = band.rect();
        double length = 40 + random.nextDouble() * 60;
        double x0 = r.x0() + (r.width() - length * perMetreX) * (0.2 + random.nextDouble() * 0.6);
        double x1 = x0 + length * perMetreX;
        double y0 = northBank ? r.y1() - 50 * perMetreY : r.y0() + 8 * perMetreY;
        double y1 = northBank ? r.y1() - 8 * perMetreY : r.y0() + 50 * perMetreY;
        Polygon strip = projection.localFactory().createPolygon(new Coordinate[] {
                plan.point(x0, y0), plan.point(x1, y0), plan.point(x1, y1), plan.point(x0, y1), plan.point(x0, y0)});
        Geometry dry = strip.difference(creek.water().buffer(4));
        Polygon largest = null;
        for (int k = 0; k < dry.getNumGeometries(); k++) {
            Geometry part = dry.getGeometryN(k);
            if (part instanceof Polygon polygon && (largest == null || polygon.getArea() > largest.getArea())) {
                largest = polygon;
            }
        }
        if (largest == null || largest.getArea() < MIN_AREA * 1.05 || largest.getArea() > MAX_AREA * 0.95) {
            return null;
        }
        return largest;
    }

    private Feature park(Polygon metric, BilingualName name, String maintainer) {
        Geometry lonLat = projection.toLonLat(metric);
        double area = Math.round(projection.toMetric(lonLat).getArea() * 10) / 10.0;
        List<String> facilities = NameBank.pick(FACILITIES, 3 + random.nextInt(2), random);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", name.zh());
        properties.put("name_en", name.en());
        properties.put("area_m2", area);
        properties.put("facilities", String.join("、", facilities));
        properties.put("opened", LocalDate.of(2017, 1, 1).plusDays(random.nextInt(3000)));
        properties.put("maintained_by", maintainer);
        return new Feature(0, lonLat, properties);
    }
}
