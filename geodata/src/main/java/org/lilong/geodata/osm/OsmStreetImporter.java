package org.lilong.geodata.osm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lilong.geodata.io.FeatureSourceException;
import org.lilong.geodata.osm.WalkableWayCollector.WalkableWay;
import org.lilong.layers.model.Feature;
import org.lilong.layers.spatial.GeometryFactories;
import org.locationtech.jts.geom.Coordinate;

/**
 * Reads an OpenStreetMap file, XML ({@code .osm}) or PBF ({@code .osm.pbf}), into features of the
 * {@code streets} layer: one per walkable way ({@link OsmWalkability}), with
 *
 * <ul>
 *   <li>{@code name} from {@code name}, {@code name_en} from {@code name:en};</li>
 *   <li>{@code class} from {@code highway}: motorway, trunk, primary, secondary (and links) →
 *       "main"; tertiary, residential, unclassified, living_street, road → "street"; service →
 *       "lane"; footway, path, pedestrian, steps, cycleway, track, corridor, bridleway → "path"
 *       (the demo district's classes, plus "path");</li>
 *   <li>{@code bridge} true for {@code bridge=yes|viaduct}, else false.</li>
 * </ul>
 *
 * Ways are kept whole (split only where the file lacks a node): the routing graph built from the
 * layer ({@link org.lilong.layers.network.WalkingNetwork#fromStreets}) splits them at every vertex
 * two streets share, which for OSM data is exactly the nodes ways share, so the map shows what the
 * router uses. The whole file is read and checked before anything is returned, so a malformed or
 * truncated file ({@link OsmFormatException}) leaves the store untouched.
 */
public final class OsmStreetImporter {

    /**
     * @throws OsmFormatException when the file is malformed or truncated, naming the position
     * @throws FeatureSourceException when the file cannot be read or is not named .osm, .osm.xml or .osm.pbf
     */
    public OsmStreets read(Path file) {
        WalkableWayCollector collector = new WalkableWayCollector();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".osm") || name.endsWith(".osm.xml")) {
            OsmXmlReader.read(file, collector);
        } else if (name.endsWith(".pbf")) {
            OsmPbfReader.read(file, collector);
        } else {
            throw new FeatureSourceException(file, "not an OpenStreetMap file: give OSM XML (.osm, .osm.xml) or PBF (.osm.pbf)");
        }
        NodeCoordinates nodes = collector.nodes();
        List<Feature> streets = new ArrayList<>();
        int missing = 0;
        for (WalkableWay way : collector.ways()) {
            if (lacksNodes(way, nodes)) {
                missing++;
            }
            List<List<Coordinate>> pieces = pieces(way, nodes);
            Map<String, Object> properties = properties(way.tags());
            for (List<Coordinate> piece : pieces) {
                // Two nodes at one spot are no street (and no valid line for the store).
                if (piece.stream().distinct().count() >= 2) {
                    streets.add(new Feature(0, GeometryFactories.WGS84.createLineString(piece.toArray(Coordinate[]::new)), properties));
                }
            }
        }
        return new OsmStreets(file, streets, nodes.size(), collector.waysRead(), collector.ways().size(), missing);
    }

    private static boolean lacksNodes(WalkableWay way, NodeCoordinates nodes) {
        for (long id : way.nodeIds()) {
            if (nodes.find(id) < 0) {
                return true;
            }
        }
        return false;
    }

    /** The way's runs of nodes the file has, with a node repeated in a row kept once. */
    private static List<List<Coordinate>> pieces(WalkableWay way, NodeCoordinates nodes) {
        List<List<Coordinate>> pieces = new ArrayList<>();
        List<Coordinate> piece = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        for (long id : way.nodeIds()) {
            int at = nodes.find(id);
            if (at < 0) {
                if (!piece.isEmpty()) {
                    pieces.add(piece);
                    piece = new ArrayList<>();
                }
                previous = Long.MIN_VALUE;
                continue;
            }
            if (id != previous) {
                piece.add(new Coordinate(nodes.lon(at), nodes.lat(at)));
            }
            previous = id;
        }
        if (!piece.isEmpty()) {
            pieces.add(piece);
        }
        return pieces;
    }

    static Map<String, Object> properties(Map<String, String> tags) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (tags.containsKey("name")) {
            properties.put("name", tags.get("name"));
        }
        if (tags.containsKey("name:en")) {
            properties.put("name_en", tags.get("name:en"));
        }
        properties.put("class", streetClass(tags.get("highway")));
        String bridge = tags.get("bridge");
        properties.put("bridge", "yes".equals(bridge) || "viaduct".equals(bridge));
        return properties;
    }

    /** The street class of a walkable highway value. */
    static String streetClass(String highway) {
        return switch (highway) {
            case "motorway", "motorway_link", "trunk", "trunk_link", "primary", "primary_link", "secondary", "secondary_link" -> "main";
            case "service" -> "lane";
            case "footway", "path", "pedestrian", "steps", "cycleway", "track", "corridor", "bridleway" -> "path";
            default -> "street";
        };
    }
}
