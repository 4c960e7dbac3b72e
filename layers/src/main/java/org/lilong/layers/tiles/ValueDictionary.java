package org.lilong.layers.tiles;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import io.github.sebasbaumh.mapbox.vectortile.util.MvtUtil;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every distinct attribute value of a projected layer, numbered once per snapshot, with its MVT
 * value message built once: a tile then finds a feature's values by number in an array instead of
 * hashing each value into a fresh table (which took a fifth of an uncached tile's time), and copies
 * the prebuilt messages into its value table.
 *
 * <p>{@link #ids} holds, per feature position and attribute, the value's number, or −1 where the
 * feature has none (or one MVT cannot hold).
 */
final class ValueDictionary {

    final VectorTile.Tile.Value[] values;
    final int[] ids;
    final int attributeCount;

    private ValueDictionary(VectorTile.Tile.Value[] values, int[] ids, int attributeCount) {
        this.values = values;
        this.ids = ids;
        this.attributeCount = attributeCount;
    }

    static ValueDictionary of(ProjectedFeature[] features, int attributeCount) {
        Map<Object, Integer> numbers = new HashMap<>();
        List<VectorTile.Tile.Value> values = new ArrayList<>();
        int[] ids = new int[features.length * attributeCount];
        for (int position = 0; position < features.length; position++) {
            Object[] featureValues = features[position].values;
            for (int a = 0; a < attributeCount; a++) {
                Object value = featureValues[a];
                int id = -1;
                if (value != null && MvtUtil.isValidPropValue(value)) {
                    Integer known = numbers.get(value);
                    if (known == null) {
                        known = values.size();
                        numbers.put(value, known);
                        values.add(MvtUtil.toMvtValue(value));
                    }
                    id = known;
                }
                ids[position * attributeCount + a] = id;
            }
        }
        return new ValueDictionary(values.toArray(VectorTile.Tile.Value[]::new), ids, attributeCount);
    }

    int id(int position, int attribute) {
        return ids[position * attributeCount + attribute];
    }
}
