package org.lilong.layers.coverage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.lilong.layers.lifecircle.LifeCircleAnalysis;
import org.lilong.layers.model.Feature;
import org.lilong.layers.network.LocalScale;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.standard.LifeCircleProfile;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A test town for the coverage analysis: streets, stations, residential areas and grids drawn as
 * WKT in metres east (x) and north (y) of People's Square, turned into WGS84 features as the
 * layers hold them, or generated at random ({@link #random}).
 *
 * <pre>{@code
 *   CoverageAnalysis coverage = new CoverageTown()
 *           .street("LINESTRING (0 0, 1000 0)")
 *           .station("canteen", "POINT (0 -10)")
 *           .area(1200, "POLYGON ((100 10, 150 10, 150 60, 100 60, 100 10))")
 *           .coverage();
 * }</pre>
 */
final class CoverageTown {

    static final double ORIGIN_LON = 121.4737;
    static final double ORIGIN_LAT = 31.2304;
    private static final LocalScale SCALE = LocalScale.at(ORIGIN_LAT);

    private final List<Feature> streets = new ArrayList<>();
    private final List<Feature> stations = new ArrayList<>();
    private final List<Feature> parks = new ArrayList<>();
    private final List<Feature> areas = new ArrayList<>();
    private final List<Feature> grids = new ArrayList<>();

    CoverageTown street(String wktMetres) {
        streets.add(new Feature(streets.size() + 1, geometry(wktMetres), Map.of()));
        return this;
    }

    /** A service station of the category; its id is its number among the stations, from 1. */
    CoverageTown station(String category, String wktMetres) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", category + " " + (stations.size() + 1));
        properties.put("category", category);
        stations.add(new Feature(stations.size() + 1, geometry(wktMetres), properties));
        return this;
    }

    /** A residential area with residents; its id is its number among the areas, from 1. */
    CoverageTown area(long residents, String wktMetres) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", "area " + (areas.size() + 1));
        properties.put("residents", residents);
        areas.add(new Feature(areas.size() + 1, geometry(wktMetres), properties));
        return this;
    }

    /** A grid of the level, code and parent; its id is its number among the grids, from 1. */
    CoverageTown grid(String level, String code, String parentCode, long residents, String wktMetres) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("code", code);
        properties.put("name", "grid " + code);
        properties.put("level", level);
        if (parentCode != null) {
            properties.put("parent_code", parentCode);
        }
        properties.put("residents", residents);
        grids.add(new Feature(grids.size() + 1, geometry(wktMetres), properties));
        return this;
    }

    List<Feature> streets() {
        return streets;
    }

    List<Feature> areas() {
        return areas;
    }

    List<Feature> grids() {
        return grids;
    }

    LifeCircleAnalysis lifeCircle() {
        return LifeCircleAnalysis.build(streets, List.of(), stations, parks, LifeCircleProfile.defaults());
    }

    CoverageAnalysis coverage() {
        return CoverageAnalysis.build(lifeCircle(), areas, grids);
    }

    /**
     * A jittered n × n street grid with blocks of about {@code block} metres, a few street pieces
     * missing, a residential area of 20–60 m a side in most blocks (set back 8–40 m from the streets,
     * so some gates reach more streets than others) and random stations of the categories.
     */
    static CoverageTown random(Random random, int n, double block, int stations, String... categories) {
        CoverageTown town = new CoverageTown();
        double[][] x = new double[n][n];
        double[][] y = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[i][j] = i * block + (random.nextDouble() - 0.5) * block / 4;
                y[i][j] = j * block + (random.nextDouble() - 0.5) * block / 4;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i + 1 < n && random.nextInt(8) > 0) {
                    town.street(line(x[i][j], y[i][j], x[i + 1][j], y[i + 1][j]));
                }
                if (j + 1 < n && random.nextInt(8) > 0) {
                    town.street(line(x[i][j], y[i][j], x[i][j + 1], y[i][j + 1]));
                }
            }
        }
        for (int i = 0; i + 1 < n; i++) {
            for (int j = 0; j + 1 < n; j++) {
                if (random.nextInt(5) == 0) {
                    continue;
                }
                double west = i * block + block / 8 + random.nextDouble() * block / 4;
                double south = j * block + block / 8 + random.nextDouble() * block / 4;
                double side = 20 + random.nextDouble() * 40;
                town.area(100 + random.nextInt(2000), square(west, south, Math.min(side, block * 0.7)));
            }
        }
        double extent = (n - 1) * block;
        for (int s = 0; s < stations; s++) {
            town.station(categories[random.nextInt(categories.length)],
                    "POINT (" + random.nextDouble() * extent + " " + random.nextDouble() * extent + ")");
        }
        return town;
    }

    static String line(double x0, double y0, double x1, double y1) {
        return "LINESTRING (" + x0 + " " + y0 + ", " + x1 + " " + y1 + ")";
    }

    static String square(double west, double south, double side) {
        double east = west + side;
        double north = south + side;
        return "POLYGON ((" + west + " " + south + ", " + east + " " + south + ", " + east + " " + north + ", "
                + west + " " + north + ", " + west + " " + south + "))";
    }

    /** A WKT geometry in metres east and north of the origin, in WGS84. */
    static Geometry geometry(String wktMetres) {
        try {
            Geometry g = new WKTReader(GeometryFactories.WGS84).read(wktMetres);
            g.apply((CoordinateFilter) c -> c.setCoordinate(lonLat(c.x, c.y)));
            g.geometryChanged();
            return g;
        } catch (ParseException e) {
            throw new IllegalArgumentException(wktMetres, e);
        }
    }

    static Point point(double eastMetres, double northMetres) {
        return GeometryFactories.WGS84.createPoint(lonLat(eastMetres, northMetres));
    }

    static LineString lineString(double x0, double y0, double x1, double y1) {
        return (LineString) geometry(line(x0, y0, x1, y1));
    }

    static Coordinate lonLat(double eastMetres, double northMetres) {
        return new Coordinate(ORIGIN_LON + eastMetres / SCALE.metresPerDegreeLon(),
                ORIGIN_LAT + northMetres / SCALE.metresPerDegreeLat());
    }
}
