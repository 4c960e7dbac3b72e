package org.lilong.geodata.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import org.lilong.layers.model.Feature;
import org.locationtech.jts.geom.Coordinate;

/**
 * Places the {@code service-stations} layer: 60 stations across the facility categories of the
 * default life-circle profile, each 6–22 m from a street (on the block side of it), never in the
 * creek band, with an address on the street it faces.
 *
 * <p>Counts per category: community_station 16 (市民驿站 and 党群服务站, spread over the district),
 * culture_station 6, kindergarten 7, primary_school 3 (2 north of the creek, 1 south), market 5,
 * bus_stop 12 (on main roads, near crossings), metro_station 2, culture_centre 1, sports_centre 1.
 *
 * <p>Deliberately sparse, so that the coverage-gap analyses have something to find:
 * <ul>
 * <li><b>health_centre</b>: exactly 1, north of the creek in the east half: residents in the
 * south-west must walk over a bridge and farther than the 1000 m standard;</li>
 * <li><b>canteen</b>: 3, clustered in neighbouring blocks north of the creek in the west half:
 * everyone south of the creek, and the north-east, is beyond 300 m;</li>
 * <li><b>elderly_daycare</b>: 2, both north of the creek (one west, one east): nothing south of it;</li>
 * <li><b>middle_school</b>: 1, south of the creek in the east half.</li>
 * </ul>
 * Parks (park_15, park_10, pocket_park) are not stations: the pocket-parks layer holds them.
 */
final class StationPlacer {

    private static final double MIN_SPACING = 20;

    private enum Side { SOUTH, NORTH, WEST, EAST }

    private record Spot(Coordinate metric, Block block, StreetName street, StreetName crossStreet, String address) {
    }

    private final StreetPlan plan;
    private final CreekCourse creek;
    private final LocalProjection projection;
    private final ContactNumbers contacts;
    private final Function<Block, BilingualName> areaStemAt;
    private final SplittableRandom random;
    private final List<Feature> stations = new ArrayList<>();
    private final List<Coordinate> placed = new ArrayList<>();
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedCorners = new HashSet<>();

    StationPlacer(StreetPlan plan, CreekCourse creek, LocalProjection projection, ContactNumbers contacts,
            Function<Block, BilingualName> areaStemAt, SplittableRandom random) {
        this.plan = plan;
        this.creek = creek;
        this.projection = projection;
        this.contacts = contacts;
        this.areaStemAt = areaStemAt;
        this.random = random;
    }

    List<Feature> place() {
        Predicate<Block> anywhere = b -> true;
        Predicate<Block> north = b -> b.row() > plan.creekRow();
        Predicate<Block> south = b -> b.row() < plan.creekRow();
        Predicate<Block> west = b -> b.column() < plan.columns() / 2;
        Predicate<Block> east = b -> b.column() > plan.columns() / 2;

        for (int k = 0; k < 16; k++) {
            boolean citizen = k % 2 == 0;
            spread("community_station", anywhere, 16, spot -> citizen
                    ? new BilingualName("市民驿站（" + spot.street().zh() + "站）", "Citizen Station (" + spot.street().en() + ")")
                    : areaNamed(spot, "党群服务站", " Party-Mass Service Station"),
                    "政务服务代办、就业援助、法律咨询、健康小屋、助老服务、党群活动、社区图书角、理发修补", citizen ? "08:30–20:00" : "08:30–17:00", true);
        }
        for (int k = 0; k < 6; k++) {
            spread("culture_station", anywhere, 6, spot -> areaNamed(spot, "居民区文化活动站", " Culture Station"),
                    "书画、合唱、棋牌、舞蹈、阅览、摄影、戏曲", "09:00–21:00", true);
        }
        for (int k = 0; k < 7; k++) {
            spread("kindergarten", anywhere, 7, spot -> areaNamed(spot, "幼儿园", " Kindergarten"),
                    "托班、小班、中班、大班、亲子活动", "07:45–16:30", true);
        }
        for (Predicate<Block> side : List.of(north, north, south)) {
            spread("primary_school", side, 3, spot -> streetNamed(spot, "小学", " Primary School"),
                    "一至五年级、课后服务、午餐", "07:30–16:30", true);
        }
        spread("middle_school", south.and(east), 1, spot -> streetNamed(spot, "中学", " Middle School"),
                "六至九年级、课后服务", "07:30–17:00", true);
        for (int k = 0; k < 5; k++) {
            spread("market", anywhere, 5, spot -> streetNamed(spot, "菜场", " Market"),
                    "蔬菜、水产、肉禽、豆制品、早点", "06:00–18:30", true);
        }
        placeCanteens(north.and(west));
        spread("elderly_daycare", north.and(west), 1, spot -> areaNamed(spot, "长者照护之家", " Elderly Day Care"),
                "日间照料、康复护理、助浴、助餐、认知症照护", "08:00–17:30", true);
        spread("elderly_daycare", north.and(east), 1, spot -> areaNamed(spot, "长者照护之家", " Elderly Day Care"),
                "日间照料、康复护理、助浴、助餐、认知症照护", "08:00–17:30", true);
        spread("health_centre", north.and(east), 1, spot -> new BilingualName(
                NameBank.SUBDISTRICT_SHORT.zh() + "社区卫生服务中心", NameBank.SUBDISTRICT_SHORT.en() + " Community Health Service Centre"),
                "全科门诊、家庭医生签约、预防接种、慢病管理、康复理疗", "08:00–16:30", true);
        placeMetro(north);
        placeMetro(south);
        for (int k = 0; k < 12; k++) {
            placeBusStop();
        }
        spread("culture_centre", north, 1, spot -> new BilingualName(
                NameBank.SUBDISTRICT_SHORT.zh() + "社区文化活动中心", NameBank.SUBDISTRICT_SHORT.en() + " Community Culture Centre"),
                "剧场、图书馆、培训教室、展厅、排练厅", "09:00–21:00", true);
        spread("sports_centre", south, 1, spot -> new BilingualName(
                NameBank.SUBDISTRICT_SHORT.zh() + "市民健身中心", NameBank.SUBDISTRICT_SHORT.en() + " Fitness Centre"),
                "游泳池、羽毛球馆、健身房、乒乓球室", "06:30–21:30", true);
        return List.copyOf(stations);
    }

    private BilingualName areaNamed(Spot spot, String suffixZh, String suffixEn) {
        BilingualName stem = areaStemAt.apply(spot.block());
        return new BilingualName(stem.zh() + suffixZh, stem.en() + suffixEn);
    }

    private static BilingualName streetNamed(Spot spot, String suffixZh, String suffixEn) {
        return new BilingualName(spot.street().zh() + suffixZh, spot.street().en() + suffixEn);
    }

    /**
     * Places one station of a category in a block allowed by the predicate, choosing among a few
     * random candidates the one farthest from the stations of that category already placed.
     */
    private void spread(String category, Predicate<Block> allowed, int ofCategory, Function<Spot, BilingualName> naming,
            String services, String hours, boolean staffed) {
        List<Block> candidates = plan.landBlocks().stream().filter(allowed).toList();
        List<Coordinate> sameCategory = placedOf(category);
        Spot best = null;
        BilingualName bestName = null;
        double bestDistance = -1;
        for (int attempt = 0; attempt < 60 && (best == null || attempt < 8); attempt++) {
            Block block = candidates.get(random.nextInt(candidates.size()));
            Spot spot = spotBeside(block, Side.values()[random.nextInt(4)], 0.15 + random.nextDouble() * 0.7, 10 + random.nextDouble() * 12);
            BilingualName name = naming.apply(spot);
            if (!acceptable(spot) || usedNames.contains(name.zh())) {
                continue;
            }
            double distance = sameCategory.stream().mapToDouble(c -> c.distance(spot.metric())).min().orElse(Double.MAX_VALUE);
            if (distance > bestDistance) {
                best = spot;
                bestName = name;
                bestDistance = distance;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no room for another " + category + " (" + ofCategory + " wanted)");
        }
        add(category, best, bestName, pickServices(services), hours, contacts.officeLine(), staffed ? contacts.mobile() : null);
    }

    private void placeCanteens(Predicate<Block> region) {
        List<Block> candidates = plan.landBlocks().stream().filter(region).toList();
        Block anchor = candidates.get(random.nextInt(candidates.size()));
        int count = 0;
        for (int attempt = 0; count < 3 && attempt < 200; attempt++) {
            Block block = new Block(
                    Math.max(0, Math.min(plan.columns() - 1, anchor.column() + random.nextInt(3) - 1)),
                    Math.max(plan.creekRow() + 1, Math.min(plan.rows() - 1, anchor.row() + random.nextInt(3) - 1)));
            Spot spot = spotBeside(block, Side.values()[random.nextInt(4)], 0.15 + random.nextDouble() * 0.7, 10 + random.nextDouble() * 12);
            BilingualName stem = areaStemAt.apply(block);
            BilingualName name = new BilingualName(stem.zh() + "社区长者食堂", stem.en() + " Community Canteen");
            if (!acceptable(spot) || usedNames.contains(name.zh())) {
                name = new BilingualName(spot.street().zh() + "助餐点", spot.street().en() + " Meal Point");
                if (!acceptable(spot) || usedNames.contains(name.zh())) {
                    continue;
                }
            }
            add("canteen", spot, name, "午餐、晚餐、送餐上门、老年助餐补贴", "10:30–13:00、16:30–18:00", contacts.officeLine(), contacts.mobile());
            count++;
        }
        if (count < 3) {
            throw new IllegalStateException("could not cluster three canteens");
        }
    }

    /** A bus stop on a main road, 6 m from the kerb line, near a crossing not used by another stop. */
    private void placeBusStop() {
        for (int attempt = 0; attempt < 500; attempt++) {
            List<Block> blocks = plan.landBlocks();
            Block block = blocks.get(random.nextInt(blocks.size()));
            Side side = Side.values()[random.nextInt(4)];
            int line = lineOf(block, side);
            boolean onMainRoad = side == Side.SOUTH || side == Side.NORTH ? plan.isMainRow(line) : plan.isMainColumn(line);
            if (!onMainRoad) {
                continue;
            }
            boolean nearLow = random.nextBoolean();
            double t = nearLow ? 0.08 + random.nextDouble() * 0.1 : 0.82 + random.nextDouble() * 0.1;
            Spot spot = spotBeside(block, side, t, 6);
            String corner = side + "/" + line + "/" + spot.crossStreet().zh();
            BilingualName name = new BilingualName(spot.street().zh() + spot.crossStreet().zh() + "站",
                    spot.street().en() + " & " + spot.crossStreet().en());
            if (!acceptable(spot) || usedCorners.contains(corner) || usedNames.contains(name.zh())) {
                continue;
            }
            usedCorners.add(corner);
            List<String> routes = new ArrayList<>();
            for (int r = 2 + random.nextInt(3); r > 0; r--) {
                String route = (1 + random.nextInt(989)) + "路";
                if (!routes.contains(route)) {
                    routes.add(route);
                }
            }
            add("bus_stop", spot, name, "途经线路：" + String.join("、", routes), "05:30–23:00", null, null);
            return;
        }
        throw new IllegalStateException("no room for another bus stop");
    }

    /** A metro entrance at the corner of a block where two main roads cross. */
    private void placeMetro(Predicate<Block> region) {
        List<Block> corners = plan.landBlocks().stream().filter(region)
                .filter(b -> plan.isMainColumn(b.column()) && plan.isMainRow(b.row()) && b.column() > 0 && b.row() > 0)
                .toList();
        for (int attempt = 0; attempt < 100; attempt++) {
            Block block = corners.get(random.nextInt(corners.size()));
            Spot spot = spotBeside(block, Side.WEST, 0.05 + random.nextDouble() * 0.2, 12 + random.nextDouble() * 8);
            BilingualName name = new BilingualName(spot.street().zh() + "站", spot.street().en() + " Station");
            if (!acceptable(spot) || usedNames.contains(name.zh())) {
                continue;
            }
            int line = 4 + random.nextInt(15);
            add("metro_station", spot, name, "轨道交通" + line + "号线（示例）", "05:30–23:00", contacts.officeLine(), null);
            return;
        }
        throw new IllegalStateException("no room for a metro station");
    }

    private int lineOf(Block block, Side side) {
        return switch (side) {
            case SOUTH -> block.row();
            case NORTH -> block.row() + 1;
            case WEST -> block.column();
            case EAST -> block.column() + 1;
        };
    }

    /**
     * The point {@code back} metres into a block from one of its sides, at fraction t along that
     * side (west to east, or south to north), with the street it faces and its house number.
     */
    private Spot spotBeside(Block block, Side side, double t, double back) {
        int l = StreetPlan.LATTICE;
        double inX = back / plan.blockWidth(block) * l;
        double inY = back / plan.blockDepth(block) * l;
        int i = block.column();
        int j = block.row();
        double x;
        double y;
        double footX;
        double footY;
        switch (side) {
            case SOUTH -> { x = (i + t) * l; y = j * l + inY; footX = x; footY = j * l; }
            case NORTH -> { x = (i + t) * l; y = (j + 1) * l - inY; footX = x; footY = (j + 1) * l; }
            case WEST -> { x = i * l + inX; y = (j + t) * l; footX = i * l; footY = y; }
            default -> { x = (i + 1) * l - inX; y = (j + t) * l; footX = (i + 1) * l; footY = y; }
        }
        Coordinate foot = plan.point(footX, footY);
        int line = lineOf(block, side);
        boolean rowStreet = side == Side.SOUTH || side == Side.NORTH;
        StreetName street = rowStreet ? plan.rowName(line) : plan.columnName(line);
        StreetName cross = rowStreet ? plan.columnName(t < 0.5 ? i : i + 1) : plan.rowName(t < 0.5 ? j : j + 1);
        double along = rowStreet ? plan.distanceAlongRow(line, foot) : plan.distanceAlongColumn(line, foot);
        boolean oddSide = side == Side.SOUTH || side == Side.WEST;
        String address = street.zh() + StreetPlan.houseNumber(along, oddSide) + "号";
        return new Spot(plan.point(x, y), block, street, cross, address);
    }

    private boolean acceptable(Spot spot) {
        if (creek.water().distance(projection.localFactory().createPoint(spot.metric())) < 10) {
            return false;
        }
        for (Coordinate other : placed) {
            if (other.distance(spot.metric()) < MIN_SPACING) {
                return false;
            }
        }
        return true;
    }

    private List<Coordinate> placedOf(String category) {
        List<Coordinate> same = new ArrayList<>();
        for (int k = 0; k < stations.size(); k++) {
            if (category.equals(stations.get(k).get("category"))) {
                same.add(placed.get(k));
            }
        }
        return same;
    }

    private String pickServices(String all) {
        List<String> services = List.of(all.split("、"));
        List<String> chosen = new ArrayList<>();
        int count = Math.min(services.size(), 3 + random.nextInt(3));
        for (String service : services) {
            if (chosen.size() < count && random.nextInt(services.size()) < count + 1) {
                chosen.add(service);
            }
        }
        if (chosen.isEmpty()) {
            chosen.add(services.get(0));
        }
        return String.join("、", chosen);
    }

    private void add(String category, Spot spot, BilingualName name, String services, String hours, String phone,
            String managerPhone) {
        usedNames.add(name.zh());
        placed.add(spot.metric());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", name.zh());
        properties.put("name_en", name.en());
        properties.put("category", category);
        properties.put("services", services);
        properties.put("hours", hours);
        properties.put("address", spot.address());
        if (phone != null) {
            properties.put("phone", phone);
        }
        if (managerPhone != null) {
            properties.put("manager_phone", managerPhone);
        }
        Coordinate lonLat = projection.toLonLat(spot.metric());
        stations.add(new Feature(0, projection.wgs84Factory().createPoint(lonLat), properties));
    }
}
