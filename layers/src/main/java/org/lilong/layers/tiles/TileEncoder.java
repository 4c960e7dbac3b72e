package org.lilong.layers.tiles;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import io.github.sebasbaumh.mapbox.vectortile.util.MvtUtil;
import java.util.List;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.model.Visibility;

/**
 * Encodes one tile (MVT 2.1, extent 4096, buffer 64) from projected layers, with the protobuf
 * builders and value conversion of mapbox-vector-tile-java (the values numbered once per layer
 * snapshot, {@link ValueDictionary}); the geometry is cut by
 * {@link TileGeometryCutter}. Each feature keeps its Lilong id; its properties are the attributes
 * the audience may see ({@link LayerDefinition#attributesVisibleTo}, the rule
 * {@code Feature.visibleTo} applies), nulls left out, dates as ISO 8601 text. Layers with no feature
 * in the tile are left out; a tile with none at all is an empty array.
 */
final class TileEncoder {

    private static final MvtLayerParams PARAMS = new MvtLayerParams(TileAddress.EXTENT);

    /** One layer to draw: what it is and its features. */
    record Source(LayerDefinition layer, ProjectedLayer features) {
    }

    private TileEncoder() {
    }

    static byte[] encode(List<Source> sources, TileAddress tile, Visibility audience) {
        VectorTile.Tile.Builder builder = VectorTile.Tile.newBuilder();
        TileGeometryCutter cutter = new TileGeometryCutter(tile);
        IntList commands = new IntList();
        for (Source source : sources) {
            VectorTile.Tile.Layer.Builder layer = encodeLayer(source, tile, audience, cutter, commands);
            if (layer != null) {
                builder.addLayers(layer);
            }
        }
        return builder.getLayersCount() == 0 ? new byte[0] : builder.build().toByteArray();
    }

    private static VectorTile.Tile.Layer.Builder encodeLayer(Source source, TileAddress tile, Visibility audience,
            TileGeometryCutter cutter, IntList commands) {
        int[] positions = source.features().positionsIntersecting(tile.bufferedWorldBounds());
        if (positions.length == 0) {
            return null;
        }
        List<AttributeDefinition> attributes = source.layer().attributes();
        List<AttributeDefinition> visible = source.layer().attributesVisibleTo(audience);
        int[] visibleIndexes = new int[visible.size()];
        int[] keys = new int[visible.size()];
        for (int k = 0; k < keys.length; k++) {
            visibleIndexes[k] = attributes.indexOf(visible.get(k));
            keys[k] = -1;
        }
        VectorTile.Tile.Layer.Builder layer = MvtUtil.newLayerBuilder(source.layer().id(), PARAMS);
        ValueDictionary dictionary = source.features().values();
        // The tile's value table: dictionary number -> index in this tile (0 = not yet used, else index + 1).
        int[] tileIndex = new int[dictionary.values.length];
        int used = 0;
        for (int position : positions) {
            ProjectedFeature feature = source.features().feature(position);
            commands.clear();
            if (!cutter.cut(feature, commands)) {
                continue;
            }
            VectorTile.Tile.Feature.Builder out = VectorTile.Tile.Feature.newBuilder()
                    .setId(feature.id)
                    .setType(geometryType(feature.kind));
            for (int k = 0; k < keys.length; k++) {
                int id = dictionary.id(position, visibleIndexes[k]);
                if (id < 0) {
                    continue;
                }
                if (tileIndex[id] == 0) {
                    layer.addValues(dictionary.values[id]);
                    tileIndex[id] = ++used;
                }
                if (keys[k] < 0) {
                    keys[k] = layer.getKeysCount();
                    layer.addKeys(visible.get(k).name());
                }
                out.addTags(keys[k]).addTags(tileIndex[id] - 1);
            }
            for (int i = 0; i < commands.size(); i++) {
                out.addGeometry(commands.get(i));
            }
            layer.addFeatures(out);
        }
        if (layer.getFeaturesCount() == 0) {
            return null;
        }
        return layer;
    }

    private static VectorTile.Tile.GeomType geometryType(ProjectedFeature.Kind kind) {
        return switch (kind) {
            case POINT -> VectorTile.Tile.GeomType.POINT;
            case LINE -> VectorTile.Tile.GeomType.LINESTRING;
            case POLYGON -> VectorTile.Tile.GeomType.POLYGON;
        };
    }
}
