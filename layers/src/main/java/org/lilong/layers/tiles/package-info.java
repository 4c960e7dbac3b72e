/**
 * Mapbox vector tiles (MVT 2.1) of the read model, on the Web Mercator tile grid, and their cache.
 *
 * <p>{@link org.lilong.layers.tiles.TileService} is the front door: it keeps, per layer and output
 * datum, the features projected once to Web Mercator ({@link org.lilong.layers.tiles.ProjectedLayer}),
 * cuts tiles from them ({@link org.lilong.layers.tiles.TileEncoder}: clip, snap, simplify, encode with
 * mapbox-vector-tile-java) and caches the bytes ({@link org.lilong.layers.tiles.TileCache}). After each
 * refresh of the atlas it diffs the old and new layer snapshot by feature id and drops exactly the
 * cached tiles the changed features' old and new geometries touch. Chinese datums (GCJ-02, BD-09) come
 * in as a {@link org.lilong.layers.tiles.DatumShift}, since this module does not know them.
 */
package org.lilong.layers.tiles;
