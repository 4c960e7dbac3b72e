package org.lilong.layers.lifecircle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lilong.layers.model.Feature;
import org.lilong.layers.network.LocalScale;
import org.lilong.layers.network.VincentyDistance;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.standard.LifeCircleProfile;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A hand-drawn test town: streets, water, stations and parks given as WKT in metres east (x) and
 * north (y) of People's Square, turned into WGS84 features as the layers hold them.
 *
 * <pre>{@code
 *   LifeCircleAnalysis analysis = new Town()
 *           .street("LINESTRING (0 0, 400 0)")
 *           .station("canteen", "POINT (250 -10)")
 *           .analysis();
 * }</pre>
 *
 * <p>Metres become degrees with the {@link LocalScale} of the origin's latitude, so drawn lengths
 * and geodesic ones agree within a few millimetres per 100 m.
 */
final class Town {

    static final double ORIGIN_LON = 121.4737;
    static final double ORIGIN_LAT = 31.2304;
    private static final LocalScale SCALE = LocalScale.at(ORIGIN_LAT);

    private final List<Feature> streets = new ArrayList<>();
    private final List<Feature> water = new ArrayList<>();
    private final List<Feature> stations = new ArrayList<>();
    private final List<Feature> parks = new ArrayList<>();

    Town street(String wktMetres) {
        streets.add(new Feature(streets.size() + 1, geometry(wktMetres), Map.of()));
        return this;
    }

    Town water(String wktMetres) {
        water.add(new Feature(water.size() + 1, geometry(wktMetres), Map.of("kind", "creek")));
        return this;
    }

    /** A service station of the category; its id is its number among the stations, from 1. */
    Town station(String category, String wktMetres) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", category + " " + (stations.size() + 1));
        properties.put("category", category);
        stations.add(new Feature(stations.size() + 1, geometry(wktMetres), properties));
        return this;
    }

    Town pocketPark(String wktMetres) {
        parks.add(new Feature(parks.size() + 1, geometry(wktMetres), Map.of("name", "park " + (parks.size() + 1))));
        return this;
    }

    List<Feature> streets() {
        return streets;
    }

    List<Feature> stations() {
        return stations;
    }

    LifeCircleAnalysis analysis() {
        return analysis(LifeCircleProfile.defaults());
    }

    LifeCircleAnalysis analysis(LifeCircleProfile profile) {
        return LifeCircleAnalysis.build(streets, water, stations, parks, profile);
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

    static Coordinate lonLat(double eastMetres, double northMetres) {
        return new Coordinate(ORIGIN_LON + eastMetres / SCALE.metresPerDegreeLon(),
                ORIGIN_LAT + northMetres / SCALE.metresPerDegreeLat());
    }

    /** A feature of the residential-areas layer drawn in metres. */
    static Feature area(long id, String wktMetres) {
        return new Feature(id, geometry(wktMetres), Map.of());
    }

    /** The geodesic length of a line: the sum of its segments. */
    static double geodesicMetres(LineString line) {
        double metres = 0;
        for (int i = 1; i < line.getNumPoints(); i++) {
            Coordinate a = line.getCoordinateN(i - 1);
            Coordinate b = line.getCoordinateN(i);
            metres += VincentyDistance.metres(a.x, a.y, b.x, b.y);
        }
        return metres;
    }
}
