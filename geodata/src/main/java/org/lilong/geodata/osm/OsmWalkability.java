package org.lilong.geodata.osm;

import java.util.Map;
import java.util.Set;

/**
 * Whether a pedestrian may walk along an OSM way, decided from its tags as pedestrian routers do
 * (GraphHopper's foot profile, OSRM's foot.lua), with the rules of issue 4:
 *
 * <ul>
 *   <li>Ways for walkers and ordinary streets are walkable: {@code highway} = footway, path,
 *       pedestrian, steps, corridor, track, cycleway, bridleway, living_street, residential, service,
 *       unclassified, road, and tertiary, secondary, primary with their links.</li>
 *   <li>Motorways and trunk roads (and their links) are not, unless {@code foot=yes|designated}:
 *       in Shanghai these are the elevated expressways.</li>
 *   <li>{@code foot=no} closes any way to walkers; {@code access=no|private} closes it unless
 *       {@code foot=yes|designated|permissive} opens it again.</li>
 *   <li>A way under construction is not walkable: {@code highway=construction}, or any
 *       {@code construction=*} other than {@code no}.</li>
 *   <li>Every other {@code highway} value (proposed, abandoned, raceway, bus_guideway, platform, …)
 *       and a way without one are not walkable.</li>
 * </ul>
 *
 * One-way tags do not bind walkers, so they are not read (nor is the rare {@code oneway:foot}); the
 * network is undirected. A pedestrian area ({@code highway=pedestrian} + {@code area=yes})
 * is a closed way like any other and is walked along its outline, as GraphHopper and osm2pgrouting
 * do; crossing the square diagonally is not modelled.
 */
public final class OsmWalkability {

    /** Walkable unless closed by foot, access or construction tags. */
    static final Set<String> WALKABLE_HIGHWAYS = Set.of("footway", "path", "pedestrian", "steps", "corridor", "track",
            "cycleway", "bridleway", "living_street", "residential", "service", "unclassified", "road",
            "tertiary", "tertiary_link", "secondary", "secondary_link", "primary", "primary_link");

    /** Walkable only with an explicit foot=yes|designated. */
    static final Set<String> MOTOR_ROADS = Set.of("motorway", "motorway_link", "trunk", "trunk_link");

    private static final Set<String> FOOT_ALLOWED = Set.of("yes", "designated", "permissive");
    private static final Set<String> FOOT_EXPLICIT = Set.of("yes", "designated");
    private static final Set<String> ACCESS_CLOSED = Set.of("no", "private");

    private OsmWalkability() {
    }

    public static boolean isWalkable(Map<String, String> tags) {
        String highway = tags.get("highway");
        if (highway == null || underConstruction(highway, tags)) {
            return false;
        }
        // Set.of(...).contains(null) throws, so absent tags read as "".
        String foot = tags.getOrDefault("foot", "");
        if (foot.equals("no")) {
            return false;
        }
        if (MOTOR_ROADS.contains(highway)) {
            return FOOT_EXPLICIT.contains(foot);
        }
        if (!WALKABLE_HIGHWAYS.contains(highway)) {
            return false;
        }
        return !ACCESS_CLOSED.contains(tags.getOrDefault("access", "")) || FOOT_ALLOWED.contains(foot);
    }

    private static boolean underConstruction(String highway, Map<String, String> tags) {
        String construction = tags.get("construction");
        return highway.equals("construction") || construction != null && !construction.equals("no");
    }
}
