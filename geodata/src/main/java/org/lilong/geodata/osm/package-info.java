/**
 * OpenStreetMap in: streaming readers for OSM XML ({@code OsmXmlReader}, StAX) and PBF
 * ({@code OsmPbfReader}, osmpbf's protobuf classes), the pedestrian's reading of the tags
 * ({@link org.lilong.geodata.osm.OsmWalkability}) and the import of walkable ways into the
 * {@code streets} layer ({@link org.lilong.geodata.osm.OsmStreetImporter}), from which
 * {@code org.lilong.layers.network.WalkingNetwork} builds the routing graph. Reading OSM sits apart
 * from routing, as in GraphHopper: the network knows only lines.
 */
package org.lilong.geodata.osm;
