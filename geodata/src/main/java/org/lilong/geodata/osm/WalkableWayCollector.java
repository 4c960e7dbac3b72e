package org.lilong.geodata.osm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps what streets need from an OSM file while a reader streams it: every node's coordinates
 * (ways may come before or after their nodes) and the ways {@link OsmWalkability} calls walkable,
 * with only the tags a street keeps. Memory is about 16 bytes per node of the file plus the walkable
 * ways: a district or a city extract, not a planet.
 */
final class WalkableWayCollector implements OsmHandler {

    /** The tags a street feature is made from; the others are dropped as the way is read. */
    private static final List<String> KEPT_TAGS = List.of("highway", "name", "name:en", "bridge");

    /** A walkable way: its node ids and kept tags. */
    record WalkableWay(long id, long[] nodeIds, Map<String, String> tags) {
    }

    private final NodeCoordinates nodes = new NodeCoordinates();
    private final List<WalkableWay> ways = new ArrayList<>();
    private long waysRead;

    @Override
    public void node(long id, double lon, double lat) {
        nodes.add(id, lon, lat);
    }

    @Override
    public void way(long id, long[] nodeIds, Map<String, String> tags) {
        waysRead++;
        if (!OsmWalkability.isWalkable(tags)) {
            return;
        }
        Map<String, String> kept = new HashMap<>();
        for (String key : KEPT_TAGS) {
            String value = tags.get(key);
            if (value != null && !value.isBlank()) {
                kept.put(key, value.trim());
            }
        }
        ways.add(new WalkableWay(id, nodeIds, kept));
    }

    /** The nodes, sorted for lookup; call after the reader has finished. */
    NodeCoordinates nodes() {
        nodes.seal();
        return nodes;
    }

    List<WalkableWay> ways() {
        return ways;
    }

    long waysRead() {
        return waysRead;
    }
}
