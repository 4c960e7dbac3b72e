package org.lilong.server;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.gpkg.GeoPackageStore;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A hand-drawn district small enough to reason about in a test, stored in a real GeoPackage.
 * <pre>
 *  31.240 +-----------+-----+-----+
 *         |           |LL-02-01   |   LL      sub-district 121.48–121.50 × 31.22–31.24
 *         |  LL-01    |(金坛 area)|   LL-01   west comprehensive grid
 *  31.230 |  west     +-----------+   LL-02   east comprehensive grid
 *         |  (station |LL-02-02   |   LL-02-01-1 / -1-01: micro-grid and building group at 121.490–121.495
 *         |   <img>)  |           |
 *  31.220 +-----------+-----------+
 *      121.480     121.490     121.500
 * </pre>
 *
 * <p>{@link #walkingNetwork()} adds lanes and a creek, so the life-circle analysis has streets to
 * walk; {@link #create} stores both, the CLI tests store {@link #changes()} alone. Streets meet only
 * at shared vertices. The creek 西浜 is a dead-end branch (浜) between the north- and south-bank
 * lanes: from H the canteen C (station 2) is about 340 m away in a straight line but about 750 m on
 * foot, round the creek's east end.
 * <pre>
 *  31.2300  ===+==========+=========+=====  复兴东路 (1); 河南南路 (2) runs north–south at 121.49
 *              |                    |       北浜弄 (3) at 121.485
 *  31.2280     |  H                 |       H: NORTH_OF_CREEK, 55 m above 浜北路
 *  31.2275  +--+----------+         |       浜北路 (4)
 *                         |         |       浜东弄 (5) at 121.4875, round the creek's end
 *  31.2268  ~~~~~~~~~~~~~ |         |
 *           ~ 西浜 creek ~ |         |       the creek: water 1, 121.480–121.4865
 *  31.2262  ~~~~~~~~~~~~~ |         |
 *  31.2255  +--+----------+---------+-----  浜南路 (6), on east to 121.499 (past the health centre)
 *              C                            C: the canteen, 55 m below 浜南路
 *     121.482 121.485  121.4875  121.49
 * </pre>
 * 金坛路 (7) runs along 31.2365 from 河南南路 east to 121.499, past the citizen station and the pocket
 * park. {@link #OFF_NETWORK_LON}/{@link #OFF_NETWORK_LAT} lies more than 200 m from every street.
 */
public final class SmallDistrict {

    public static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>";
    public static final double INSIDE_BUILDING_GROUP_LON = 121.4925;
    public static final double INSIDE_BUILDING_GROUP_LAT = 31.2375;
    /** A home on the creek's north side, across the water from the canteen. */
    public static final double NORTH_OF_CREEK_LON = 121.4856;
    public static final double NORTH_OF_CREEK_LAT = 31.2280;
    /** Farther than the snapping limit (200 m) from every street. */
    public static final double OFF_NETWORK_LON = 121.4810;
    public static final double OFF_NETWORK_LAT = 31.2350;

    private SmallDistrict() {
    }

    public static Atlas create(Path dir) {
        Atlas atlas = new Atlas(GeoPackageStore.open(dir.resolve("small.gpkg"), LayerCatalogue.standard()));
        atlas.apply(changes());
        atlas.apply(walkingNetwork());
        return atlas;
    }

    public static ChangeSet changes() {
        ChangeSet changes = new ChangeSet()
                .putMetadata("dataset.title", "测试街道 Test sub-district")
                .putMetadata("dataset.synthetic", "true")
                .putMetadata("dataset.description", "A hand-drawn fixture")
                .putMetadata("attribution.streets", "Test streets");
        changes.insert(LayerCatalogue.SUBDISTRICTS, feature(1, box(121.48, 31.22, 121.50, 31.24),
                "code", "310101999", "name", "测试街道", "name_en", "Test Sub-district", "residents", 3200L));
        changes.insert(LayerCatalogue.GRIDS, grid(1, box(121.48, 31.22, 121.50, 31.24), "LL", null, "subdistrict", "测试街道"));
        changes.insert(LayerCatalogue.GRIDS, grid(2, box(121.48, 31.22, 121.49, 31.24), "LL-01", "LL", "comprehensive", "西综合网格"));
        changes.insert(LayerCatalogue.GRIDS, grid(3, box(121.49, 31.22, 121.50, 31.24), "LL-02", "LL", "comprehensive", "东综合网格"));
        changes.insert(LayerCatalogue.GRIDS, grid(4, box(121.49, 31.23, 121.50, 31.24), "LL-02-01", "LL-02", "residential", "金坛居民区网格"));
        changes.insert(LayerCatalogue.GRIDS, grid(5, box(121.49, 31.22, 121.50, 31.23), "LL-02-02", "LL-02", "residential", "复兴居民区网格"));
        changes.insert(LayerCatalogue.GRIDS, grid(6, box(121.49, 31.23, 121.495, 31.24), "LL-02-01-1", "LL-02-01", "micro", "金坛一微网格"));
        changes.insert(LayerCatalogue.GRIDS, grid(7, box(121.49, 31.235, 121.495, 31.24), "LL-02-01-1-01", "LL-02-01-1", "building-group", "金坛一楼组"));
        changes.insert(LayerCatalogue.RESIDENTIAL_AREAS, feature(1, box(121.491, 31.231, 121.499, 31.239),
                "name", "金坛居民区", "name_en", "Jintan", "residents", 3200L, "households", 1300L));
        changes.insert(LayerCatalogue.SERVICE_STATIONS, feature(1, "POINT (121.493 31.236)", "name", "市民驿站（金坛路站）",
                "name_en", "Citizen Station (Jintan Rd)", "category", "community_station", "phone", "021-63280000",
                "manager_phone", "13900000000"));
        changes.insert(LayerCatalogue.SERVICE_STATIONS, feature(2, "POINT (121.485 31.225)", "name", HOSTILE_NAME,
                "category", "canteen", "address", "<script>alert(2)</script>"));
        changes.insert(LayerCatalogue.SERVICE_STATIONS, feature(3, "POINT (121.497 31.225)", "name", "社区卫生服务中心",
                "category", "health_centre"));
        changes.insert(LayerCatalogue.RENOVATION_PLOTS, plot(1, box(121.481, 31.221, 121.483, 31.223), "done", "2018-03-01", "2020-06-30"));
        changes.insert(LayerCatalogue.RENOVATION_PLOTS, plot(2, box(121.484, 31.221, 121.486, 31.223), "signing", "2022-05-01", null));
        changes.insert(LayerCatalogue.RENOVATION_PLOTS, plot(3, box(121.487, 31.221, 121.489, 31.223), "signing", "2023-01-15", null));
        changes.insert(LayerCatalogue.POCKET_PARKS, feature(1, box(121.4955, 31.2355, 121.4960, 31.2360), "name", "面筋弄口袋花园",
                "area_m2", 2500.0, "opened", LocalDate.of(2021, 9, 1)));
        // Vertices where other streets of walkingNetwork() join: a junction is a shared vertex.
        changes.insert(LayerCatalogue.STREETS, feature(1, "LINESTRING (121.48 31.23, 121.485 31.23, 121.49 31.23, 121.50 31.23)",
                "name", "复兴东路", "class", "main", "bridge", false));
        changes.insert(LayerCatalogue.STREETS, feature(2, "LINESTRING (121.49 31.22, 121.49 31.2255, 121.49 31.23, 121.49 31.2365, 121.49 31.24)",
                "name", "河南南路", "class", "main", "bridge", false));
        return changes;
    }

    /**
     * The lanes and the creek drawn above (streets 3–7, water 1). The lanes leave {@code bridge}
     * unset, so the two main roads stay the only streets filtered by it.
     */
    public static ChangeSet walkingNetwork() {
        ChangeSet changes = new ChangeSet();
        changes.insert(LayerCatalogue.STREETS, feature(3, "LINESTRING (121.485 31.23, 121.485 31.2275)",
                "name", "北浜弄", "class", "lane"));
        changes.insert(LayerCatalogue.STREETS, feature(4, "LINESTRING (121.482 31.2275, 121.485 31.2275, 121.4875 31.2275)",
                "name", "浜北路", "class", "lane"));
        changes.insert(LayerCatalogue.STREETS, feature(5, "LINESTRING (121.4875 31.2275, 121.4875 31.2255)",
                "name", "浜东弄", "class", "lane"));
        changes.insert(LayerCatalogue.STREETS, feature(6,
                "LINESTRING (121.482 31.2255, 121.485 31.2255, 121.4875 31.2255, 121.49 31.2255, 121.499 31.2255)",
                "name", "浜南路", "class", "lane"));
        changes.insert(LayerCatalogue.STREETS, feature(7, "LINESTRING (121.49 31.2365, 121.499 31.2365)",
                "name", "金坛路", "class", "street"));
        changes.insert(LayerCatalogue.WATER, feature(1, box(121.480, 31.2262, 121.4865, 31.2268),
                "name", "西浜", "name_en", "West Creek", "kind", "creek"));
        return changes;
    }

    /**
     * Two more residential areas either side of the creek, and the residential grids and micro-grids
     * of the west comprehensive grid, for the coverage tests; stored on top of {@link #create} by
     * those tests alone, so the other tests keep their one residential area and seven grids. The
     * residential grids now tile the sub-district, and each new area lies inside one grid of every level.
     * <pre>
     *  31.2300  ===+==========+======  复兴东路        LL-01-02(-1) above 31.23, LL-01-01(-1) below (121.48–121.49)
     *           +--+--+                               area 3 ({@link #HOSTILE_NAME}, 2000 residents):
     *           |  3  |                               121.4825–121.4845 × 31.2278–31.2292, north bank;
     *           +-----+ |                             about 750 m on foot from the canteen C
     *  31.2275  +--+----+------+  浜北路
     *           ~~~ 西浜 creek ~~~ |
     *  31.2255  +--+----+------+-----  浜南路
     *              | 2 |C                             area 2 浜南里 (1500 residents):
     *              +---+                              121.4830–121.4845 × 31.2240–31.2252, south bank,
     *     121.4825  121.485                           next to the canteen (both areas lie within
     *                                                 50 m of a lane, so they join the network)
     * </pre>
     */
    public static ChangeSet homes() {
        ChangeSet changes = new ChangeSet();
        changes.insert(LayerCatalogue.RESIDENTIAL_AREAS, feature(2, box(121.4830, 31.2240, 121.4845, 31.2252),
                "name", "浜南里", "name_en", "Bangnan Li", "residents", 1500L, "households", 600L));
        changes.insert(LayerCatalogue.RESIDENTIAL_AREAS, feature(3, box(121.4825, 31.2278, 121.4845, 31.2292),
                "name", HOSTILE_NAME, "residents", 2000L, "households", 800L));
        changes.insert(LayerCatalogue.GRIDS, grid(8, box(121.48, 31.22, 121.49, 31.23), "LL-01-01", "LL-01", "residential", "西浜居民区网格"));
        changes.insert(LayerCatalogue.GRIDS, grid(9, box(121.48, 31.23, 121.49, 31.24), "LL-01-02", "LL-01", "residential", "复兴西居民区网格"));
        changes.insert(LayerCatalogue.GRIDS, grid(10, box(121.48, 31.22, 121.49, 31.23), "LL-01-01-1", "LL-01-01", "micro", "西浜一微网格"));
        changes.insert(LayerCatalogue.GRIDS, grid(11, box(121.48, 31.23, 121.49, 31.24), "LL-01-02-1", "LL-01-02", "micro", "复兴西一微网格"));
        return changes;
    }

    private static Feature grid(long id, String wkt, String code, String parent, String level, String name) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("code", code);
        properties.put("name", name);
        properties.put("level", level);
        if (parent != null) {
            properties.put("parent_code", parent);
        }
        properties.put("leader_name", "网格长" + id);
        properties.put("leader_phone", "021-6328000" + id);
        properties.put("households", 100L * id);
        return new Feature(id, read(wkt), properties);
    }

    private static Feature plot(long id, String wkt, String stage, String start, String finish) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", "地块" + id);
        properties.put("stage", stage);
        properties.put("households", 300L);
        properties.put("signed_households", 290L);
        properties.put("start_date", LocalDate.parse(start));
        if (finish != null) {
            properties.put("finish_date", LocalDate.parse(finish));
        }
        return new Feature(id, read(wkt), properties);
    }

    private static Feature feature(long id, String wkt, Object... keysAndValues) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new Feature(id, read(wkt), properties);
    }

    private static String box(double minLon, double minLat, double maxLon, double maxLat) {
        return String.format("POLYGON ((%s %s, %s %s, %s %s, %s %s, %s %s))",
                minLon, minLat, maxLon, minLat, maxLon, maxLat, minLon, maxLat, minLon, minLat);
    }

    private static org.locationtech.jts.geom.Geometry read(String wkt) {
        try {
            return new WKTReader(GeometryFactories.WGS84).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
