package org.lilong.layers.tiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.model.Visibility;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.spatial.LayerIndex;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Features from WKT, tiles cut straight from them (no store), and the tile maths tests check against. */
final class TileFixtures {

    static final GeometryFactory TILE_UNITS = new GeometryFactory();

    private TileFixtures() {
    }

    static Feature feature(long id, String wkt, Object... keysAndValues) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new Feature(id, geometry(wkt), properties);
    }

    static Geometry geometry(String wkt) {
        try {
            return new WKTReader(GeometryFactories.WGS84).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }

    static LayerDefinition layer(String id) {
        return LayerCatalogue.standard().get(id);
    }

    /** One layer's tile, cut directly from the features. */
    static DecodedTile cut(String layerId, List<Feature> features, TileAddress tile, Visibility audience) {
        return DecodedTile.of(cutBytes(layerId, features, tile, audience));
    }

    static byte[] cutBytes(String layerId, List<Feature> features, TileAddress tile, Visibility audience) {
        LayerDefinition layer = layer(layerId);
        ProjectedLayer projected = ProjectedLayer.of(new LayerIndex(features), TileCrs.WGS84, layer);
        return TileEncoder.encode(List.of(new TileEncoder.Source(layer, projected)), tile, audience);
    }

    /** The tile holding the point at the zoom. */
    static TileAddress tileAt(int z, double lon, double lat) {
        long n = 1L << z;
        return new TileAddress(z, (int) Math.floor(WebMercator.x(lon) * n), (int) Math.floor(WebMercator.y(lat) * n));
    }

    /** A WGS84 geometry in the tile's units (y down, 0–4096 across the tile), unrounded. */
    static Geometry toTileUnits(Geometry lonLat, TileAddress tile) {
        double scale = tile.scale();
        return new GeometryTransformer() {
            @Override
            protected org.locationtech.jts.geom.CoordinateSequence transformCoordinates(
                    org.locationtech.jts.geom.CoordinateSequence coordinates, Geometry parent) {
                Coordinate[] out = new Coordinate[coordinates.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = new Coordinate(WebMercator.x(coordinates.getX(i)) * scale - tile.x() * (double) TileAddress.EXTENT,
                            WebMercator.y(coordinates.getY(i)) * scale - tile.y() * (double) TileAddress.EXTENT);
                }
                return TILE_UNITS.getCoordinateSequenceFactory().create(out);
            }
        }.transform(lonLat);
    }

    /** The source geometry in tile units, cut to the buffered tile as a tile must show it. */
    static Geometry expectedInTile(Geometry lonLat, TileAddress tile) {
        double min = -TileAddress.BUFFER;
        double max = TileAddress.EXTENT + TileAddress.BUFFER;
        Geometry square = TILE_UNITS.toGeometry(new org.locationtech.jts.geom.Envelope(min, max, min, max));
        return toTileUnits(lonLat, tile).intersection(square);
    }
}
