/**
 * The walking network: a compact undirected street graph in primitive arrays
 * ({@link org.lilong.layers.network.WalkingNetwork}, built by
 * {@link org.lilong.layers.network.WalkingNetworkBuilder} from street lines), bounded one-to-all
 * shortest paths ({@link org.lilong.layers.network.ShortestPathTree}) and attaching points to the
 * nearest street ({@link org.lilong.layers.network.NearestEdgeSnapper}).
 *
 * <p>Knows nothing of files or HTTP: OpenStreetMap is read in {@code org.lilong.geodata.osm}, which
 * writes the walkable ways into the {@code streets} layer that the network is built from. Distances
 * are geodesic metres on WGS84 ({@link org.lilong.layers.network.VincentyDistance}).
 */
package org.lilong.layers.network;
