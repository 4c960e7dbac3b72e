package org.lilong.layers.tiles.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.store.gpkg.GeoPackageStore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A generated city for tile benchmarks, about 10 × 10 km of Shanghai: a street lattice of
 * {@code side} × {@code side} blocks of 100 m, each block a micro-grid with 30 building groups (as
 * residential-area polygons, every third L-shaped) and every fourth block a service station. With
 * side 100: 20,200 street segments, 300,000 building groups, 10,000 grids, 2,500 stations.
 * Deterministic (seeded); written to {@code lilong.gpkg}, never committed.
 */
final class GeneratedCity {

    private static final double WEST = 121.40;
    private static final double SOUTH = 31.18;
    private static final double BLOCK_METRES = 100;
    private static final double METRES_PER_DEGREE_LAT = 110_950;
    private static final double METRES_PER_DEGREE_LON = 111_320 * Math.cos(Math.toRadians(31.22));
    private static final GeometryFactory WGS84 = GeometryFactories.WGS84;

    private GeneratedCity() {
    }

    static void writeIfMissing(Path dataDir, int side) {
        Path file = dataDir.resolve("lilong.gpkg");
        if (Files.exists(file)) {
            System.out.println("generated city already at " + file);
            return;
        }
        long start = System.nanoTime();
        Random random = new Random(7);
        ChangeSet changes = new ChangeSet().putMetadata("dataset.title", "Generated city (tile benchmark)")
                .putMetadata("dataset.synthetic", "true");
        long streetId = 1;
        for (int i = 0; i <= side; i++) {
            for (int j = 0; j < side; j++) {
                changes.insert(LayerCatalogue.STREETS, street(streetId++, i, j, i, j + 1, "纵" + i + "路"));
                changes.insert(LayerCatalogue.STREETS, street(streetId++, j, i, j + 1, i, "横" + i + "路"));
            }
        }
        long groupId = 1;
        long stationId = 1;
        for (int bx = 0; bx < side; bx++) {
            for (int by = 0; by < side; by++) {
                long grid = (long) bx * side + by + 1;
                changes.insert(LayerCatalogue.GRIDS, new Feature(grid, rectangle(bx * 100 + 5, by * 100 + 5, 90, 90),
                        props("code", "G-" + bx + "-" + by, "name", "微网格" + bx + "-" + by, "level", "micro",
                                "residents", 900L + random.nextInt(300), "households", 400L + random.nextInt(100))));
                for (int k = 0; k < 30; k++) {
                    double x = bx * 100 + 10 + (k % 5) * 16 + random.nextDouble() * 2;
                    double y = by * 100 + 8 + (k / 5) * 14 + random.nextDouble() * 2;
                    Geometry shape = groupId % 3 == 0 ? lShape(x, y, 13, 11) : rectangle(x, y, 13, 11);
                    changes.insert(LayerCatalogue.RESIDENTIAL_AREAS, new Feature(groupId, shape,
                            props("name", "楼组" + groupId, "residents", 20L + random.nextInt(80), "households", 10L + random.nextInt(40))));
                    groupId++;
                }
                if (bx % 2 == 0 && by % 2 == 0) {
                    changes.insert(LayerCatalogue.SERVICE_STATIONS, new Feature(stationId, point(bx * 100 + 50, by * 100 + 50),
                            props("name", "市民驿站" + stationId, "category", "community_station", "phone", "021-6000" + stationId)));
                    stationId++;
                }
            }
        }
        try (GeoPackageStore store = GeoPackageStore.open(dataDir.resolve("lilong.gpkg"), LayerCatalogue.standard())) {
            store.apply(changes);
        }
        System.out.printf(Locale.ROOT, "generated city: %,d streets, %,d building groups, %,d grids, %,d stations in %.1f s%n",
                streetId - 1, groupId - 1, (long) side * side, stationId - 1, (System.nanoTime() - start) / 1e9);
    }

    private static Feature street(long id, int i0, int j0, int i1, int j1, String name) {
        Coordinate a = coordinate(i0 * BLOCK_METRES, j0 * BLOCK_METRES);
        Coordinate b = coordinate(i1 * BLOCK_METRES, j1 * BLOCK_METRES);
        return new Feature(id, WGS84.createLineString(new Coordinate[] {a, b}), props("name", name, "class", "street"));
    }

    private static Geometry rectangle(double x, double y, double w, double h) {
        return WGS84.createPolygon(new Coordinate[] {coordinate(x, y), coordinate(x + w, y), coordinate(x + w, y + h),
                coordinate(x, y + h), coordinate(x, y)});
    }

    private static Geometry lShape(double x, double y, double w, double h) {
        return WGS84.createPolygon(new Coordinate[] {coordinate(x, y), coordinate(x + w, y), coordinate(x + w, y + h / 2),
                coordinate(x + w / 2, y + h / 2), coordinate(x + w / 2, y + h), coordinate(x, y + h), coordinate(x, y)});
    }

    private static Geometry point(double x, double y) {
        return WGS84.createPoint(coordinate(x, y));
    }

    /** Metres east and north of the south-west corner, as longitude/latitude (7 decimals, as surveys give). */
    private static Coordinate coordinate(double east, double north) {
        double lon = WEST + east / METRES_PER_DEGREE_LON;
        double lat = SOUTH + north / METRES_PER_DEGREE_LAT;
        return new Coordinate(Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7);
    }

    private static Map<String, Object> props(Object... keysAndValues) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
