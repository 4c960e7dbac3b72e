package org.lilong.geodata.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.lilong.layers.model.GridLevel;

/**
 * Builds the five-level grid (街道 → 综合网格 → 居民区网格 → 微网格 → 楼组) by recursive
 * subdivision of the plan's lattice, so that each level tiles its parent exactly:
 * <ul>
 * <li>the sub-district is the whole lattice;</li>
 * <li>4–6 comprehensive grids: the district is cut at the north embankment into a southern part
 * (which takes the creek band) and a northern part, each cut into 2–3 runs of super-blocks along
 * main roads;</li>
 * <li>about 40 residential-area grids: each super-block (the land between main roads) is cut into
 * 2–3 strips of whole blocks; a strip touching the creek band takes the band in front of it;</li>
 * <li>3–5 micro-grids per residential grid: the land is cut into 2–5 pieces, preferring street
 * lines, and the band part, if any, is a riverside micro-grid of its own;</li>
 * <li>4–12 building groups (楼组) per micro-grid, sized to the micro-grid: about one per 60 lattice
 * units² of land (some 20–40 households each), so 9–11 on a whole block, 4–6 on a small
 * micro-grid and 12 on a two-block one; a riverside micro-grid gets one per 6 units of its width.
 * Groups are at least 4 units (about 28 m) across, 3 units in a micro-grid too small for that.
 * The default seed gives about 1,200 building groups in about 160 micro-grids.</li>
 * </ul>
 * Codes are hierarchical (LL, LL-02, LL-02-07, LL-02-07-3, LL-02-07-3-05), numbered in reading order.
 */
final class GridHierarchyBuilder {

    private static final String[] CHINESE_NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
    private static final int TARGET_RESIDENTIAL_MIN = 38;
    private static final int TARGET_RESIDENTIAL_SPREAD = 5;
    /** Building groups per micro-grid: a 楼组 is one building or stairwell group of some 20–40 households. */
    private static final int MIN_GROUPS = 4;
    private static final int MAX_GROUPS = 12;
    /** Lattice units² of land per building group (about 2,900 m²: a whole block, 24 × 24, takes 9–11). */
    private static final double LAND_AREA_PER_GROUP = 60.0;
    /** Lattice units of riverside band per building group, west to east. */
    private static final int RIVERSIDE_WIDTH_PER_GROUP = 6;
    /** The narrowest building group, in lattice units (about 28 m); 3 (about 21 m) in small micro-grids. */
    private static final int GROUP_MIN_SIDE = 4;
    private static final int GROUP_MIN_SIDE_SMALL = 3;

    private final StreetPlan plan;
    private final SplittableRandom random;
    private final NameBank names;
    private final ContactNumbers contacts;
    private final int bandBottom;
    private final int bandTop;

    GridHierarchyBuilder(StreetPlan plan, SplittableRandom random, NameBank names, ContactNumbers contacts) {
        this.plan = plan;
        this.random = random;
        this.names = names;
        this.contacts = contacts;
        this.bandBottom = plan.creekRow() * StreetPlan.LATTICE;
        this.bandTop = bandBottom + StreetPlan.LATTICE;
    }

    GridNode build() {
        GridNode root = node(GridLevel.SUBDISTRICT, plan.extent());
        root.identify(NameBank.GRID_CODE_PREFIX, NameBank.SUBDISTRICT);
        List<LatticeRect> comprehensive = comprehensiveRects();
        List<List<LatticeRect>> superBlocks = new ArrayList<>();
        for (LatticeRect rect : comprehensive) {
            superBlocks.add(superBlocksIn(rect));
        }
        List<List<Integer>> strips = stripCounts(superBlocks);
        List<BilingualName> areaStems = names.residentialStems(random);
        int nextStem = 0;
        for (int c = 0; c < comprehensive.size(); c++) {
            GridNode grid = node(GridLevel.COMPREHENSIVE, comprehensive.get(c));
            String code = NameBank.GRID_CODE_PREFIX + "-" + twoDigits(c + 1);
            grid.identify(code, new BilingualName("第" + CHINESE_NUMERALS[c] + "综合网格", "Comprehensive Grid " + (c + 1)));
            root.addChild(grid);
            List<LatticeRect> residential = new ArrayList<>();
            for (int s = 0; s < superBlocks.get(c).size(); s++) {
                residential.addAll(strips(superBlocks.get(c).get(s), strips.get(c).get(s)));
            }
            residential.sort(LatticeSplitter.READING_ORDER);
            for (int r = 0; r < residential.size(); r++) {
                GridNode area = node(GridLevel.RESIDENTIAL, residential.get(r));
                BilingualName stem = areaStems.get(nextStem++);
                area.residentialStem(stem);
                BilingualName areaName = area.residentialArea();
                area.identify(code + "-" + twoDigits(r + 1), new BilingualName(areaName.zh() + "网格", areaName.en() + " Grid"));
                grid.addChild(area);
                addMicroGrids(area, stem);
            }
        }
        root.visit(node -> node.lead(names.personName(random), contacts.gridLeaderLine()));
        return root;
    }

    private GridNode node(GridLevel level, LatticeRect rect) {
        LatticeRect land = landOf(rect);
        return new GridNode(level, rect, land);
    }

    /** The part of a rectangle outside the creek band (the band is one whole row, so this is one rectangle). */
    private LatticeRect landOf(LatticeRect rect) {
        if (rect.y0() >= bandBottom && rect.y1() <= bandTop) {
            return null;
        }
        if (rect.y0() < bandBottom && rect.y1() > bandBottom) {
            if (rect.y1() <= bandTop) {
                return rect.southOf(bandBottom);
            }
            return rect; // spans the band: the whole district only
        }
        if (rect.y0() < bandTop && rect.y1() > bandTop) {
            return rect.northOf(bandTop);
        }
        return rect;
    }

    private List<LatticeRect> comprehensiveRects() {
        int l = StreetPlan.LATTICE;
        LatticeRect extent = plan.extent();
        LatticeRect north = extent.northOf(bandTop);
        LatticeRect south = extent.southOf(bandTop);
        List<LatticeRect> rects = new ArrayList<>();
        rects.addAll(runs(north, 2 + random.nextInt(2), l));
        rects.addAll(runs(south, 2 + random.nextInt(2), l));
        return rects;
    }

    /** Cuts a part into runs of whole super-block columns, west to east. */
    private List<LatticeRect> runs(LatticeRect part, int count, int l) {
        int[] groupLines = plan.columnGroupLines();
        List<Integer> interior = new ArrayList<>();
        for (int g = 1; g < groupLines.length - 1; g++) {
            interior.add(groupLines[g]);
        }
        List<Integer> cuts = new ArrayList<>(NameBank.pick(interior, count - 1, random));
        Collections.sort(cuts);
        List<LatticeRect> runs = new ArrayList<>();
        int west = part.x0();
        for (int cut : cuts) {
            runs.add(new LatticeRect(west, part.y0(), cut * l, part.y1()));
            west = cut * l;
        }
        runs.add(new LatticeRect(west, part.y0(), part.x1(), part.y1()));
        return runs;
    }

    /** The super-blocks (land between main roads; band included) inside a comprehensive grid. */
    private List<LatticeRect> superBlocksIn(LatticeRect comprehensive) {
        int l = StreetPlan.LATTICE;
        int[] rowLines = plan.rowGroupLines();
        // south: [0,3], [3, band top]; north: [band top, rows-3], [rows-3, rows]
        int[][] bands = {{rowLines[0], rowLines[1]}, {rowLines[1], rowLines[3]}, {rowLines[3], rowLines[4]}, {rowLines[4], rowLines[5]}};
        int[] groupLines = plan.columnGroupLines();
        List<LatticeRect> blocks = new ArrayList<>();
        for (int[] band : bands) {
            for (int g = 0; g < groupLines.length - 1; g++) {
                LatticeRect rect = new LatticeRect(groupLines[g] * l, band[0] * l, groupLines[g + 1] * l, band[1] * l);
                if (comprehensive.contains(rect)) {
                    blocks.add(rect);
                }
            }
        }
        return blocks;
    }

    /** How many residential grids each super-block gets: 2 each, plus extras up to about 40 in all. */
    private List<List<Integer>> stripCounts(List<List<LatticeRect>> superBlocks) {
        List<int[]> slots = new ArrayList<>();
        List<List<Integer>> counts = new ArrayList<>();
        int total = 0;
        for (int c = 0; c < superBlocks.size(); c++) {
            List<Integer> row = new ArrayList<>();
            for (int s = 0; s < superBlocks.get(c).size(); s++) {
                row.add(2);
                total += 2;
                slots.add(new int[] {c, s});
            }
            counts.add(row);
        }
        int target = TARGET_RESIDENTIAL_MIN + random.nextInt(TARGET_RESIDENTIAL_SPREAD);
        for (int[] slot : NameBank.shuffled(slots, random)) {
            if (total >= target) {
                break;
            }
            LatticeRect rect = superBlocks.get(slot[0]).get(slot[1]);
            if (capacity(rect) >= 3) {
                counts.get(slot[0]).set(slot[1], 3);
                total++;
            }
        }
        return counts;
    }

    private int capacity(LatticeRect superBlock) {
        LatticeRect land = landOf(superBlock);
        return Math.max(land.width(), land.height()) / StreetPlan.LATTICE;
    }

    /** Cuts a super-block into strips of whole blocks across its longer side. */
    private List<LatticeRect> strips(LatticeRect superBlock, int count) {
        int l = StreetPlan.LATTICE;
        LatticeRect land = landOf(superBlock);
        boolean alongX = land.width() >= land.height();
        int blocks = (alongX ? land.width() : land.height()) / l;
        count = Math.min(count, blocks);
        int[] sizes = new int[count];
        for (int k = 0; k < count; k++) {
            sizes[k] = blocks / count;
        }
        for (int extra : NameBank.pick(range(count), blocks % count, random)) {
            sizes[extra]++;
        }
        List<LatticeRect> strips = new ArrayList<>();
        int start = alongX ? superBlock.x0() : superBlock.y0();
        for (int k = 0; k < count; k++) {
            int end = start + sizes[k] * l;
            if (alongX) {
                strips.add(new LatticeRect(start, superBlock.y0(), end, superBlock.y1()));
            } else {
                int top = k == count - 1 ? superBlock.y1() : end; // the northernmost strip keeps the band
                strips.add(new LatticeRect(superBlock.x0(), start, superBlock.x1(), top));
            }
            start = end;
        }
        return strips;
    }

    private void addMicroGrids(GridNode area, BilingualName stem) {
        LatticeRect land = area.land();
        boolean riverside = !land.equals(area.rect());
        int landPieces = riverside ? 2 + random.nextInt(3) : 3 + random.nextInt(3);
        List<LatticeRect> pieces = new LatticeSplitter(random, 6).split(land, landPieces);
        int number = 0;
        for (LatticeRect piece : pieces) {
            number++;
            GridNode micro = node(GridLevel.MICRO, piece);
            micro.identify(area.code() + "-" + number,
                    new BilingualName(stem.zh() + "第" + CHINESE_NUMERALS[number - 1] + "微网格", stem.en() + " Micro-grid " + number));
            area.addChild(micro);
            addBuildingGroups(micro, stem, number);
        }
        if (riverside) {
            number++;
            LatticeRect band = new LatticeRect(land.x0(), bandBottom, land.x1(), bandTop);
            GridNode micro = node(GridLevel.MICRO, band);
            micro.identify(area.code() + "-" + number,
                    new BilingualName(stem.zh() + "滨河微网格", stem.en() + " Riverside Micro-grid"));
            area.addChild(micro);
            addBuildingGroups(micro, stem, number);
        }
    }

    private void addBuildingGroups(GridNode micro, BilingualName stem, int microNumber) {
        LatticeRect rect = micro.rect();
        List<LatticeRect> pieces;
        if (micro.isRiverside()) {
            int count = Math.max(MIN_GROUPS, Math.min(MAX_GROUPS, rect.width() / RIVERSIDE_WIDTH_PER_GROUP));
            pieces = new LatticeSplitter(random, GROUP_MIN_SIDE).splitWestEast(rect, count);
        } else {
            int count = (int) Math.max(MIN_GROUPS, Math.min(MAX_GROUPS,
                    Math.round(rect.area() / LAND_AREA_PER_GROUP) + random.nextInt(3) - 1));
            pieces = new LatticeSplitter(random, GROUP_MIN_SIDE).split(rect, count);
            if (pieces.size() < count) { // a small micro-grid: allow narrower groups rather than fewer
                pieces = new LatticeSplitter(random, GROUP_MIN_SIDE_SMALL).split(rect, count);
            }
        }
        for (int g = 0; g < pieces.size(); g++) {
            GridNode group = node(GridLevel.BUILDING_GROUP, pieces.get(g));
            String number = twoDigits(g + 1);
            BilingualName name = micro.isRiverside()
                    ? new BilingualName(stem.zh() + "滨河" + number + "楼组", stem.en() + " Riverside Building Group " + number)
                    : new BilingualName(stem.zh() + microNumber + "-" + number + "楼组", stem.en() + " Building Group " + microNumber + "-" + number);
            group.identify(micro.code() + "-" + number, name);
            micro.addChild(group);
        }
    }

    private static List<Integer> range(int count) {
        List<Integer> indices = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            indices.add(k);
        }
        return indices;
    }

    private static String twoDigits(int number) {
        return String.format(Locale.ROOT, "%02d", number);
    }
}
