package org.lilong.geodata.osm;

import java.util.Map;

/**
 * What an OSM reader reports, in file order: nodes with their coordinates and ways with their node
 * references and tags. Relations are not reported (walkable streets are ways), nor are node tags.
 */
interface OsmHandler {

    /** A node; lon and lat are WGS84 degrees, checked to be in range. */
    void node(long id, double lon, double lat);

    /** A way: its node ids in order (possibly referring to nodes the file lacks) and its tags. */
    void way(long id, long[] nodeIds, Map<String, String> tags);
}
