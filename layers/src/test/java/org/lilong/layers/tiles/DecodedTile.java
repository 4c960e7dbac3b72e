package org.lilong.layers.tiles;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsMvt;
import io.github.sebasbaumh.mapbox.vectortile.util.MvtUtil;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A tile read back with the library's own reader ({@link MvtReader}, MVT 2.1 ring rules): geometries
 * in tile units with their ids and properties, plus the raw protobuf for version, extent and the
 * rings' winding as written.
 */
final class DecodedTile {

    private final VectorTile.Tile raw;
    private final JtsMvt mvt;

    private DecodedTile(VectorTile.Tile raw, JtsMvt mvt) {
        this.raw = raw;
        this.mvt = mvt;
    }

    static DecodedTile of(byte[] bytes) {
        try {
            return new DecodedTile(VectorTile.Tile.parseFrom(bytes), MvtReader.loadMvt(new ByteArrayInputStream(bytes),
                    TileFixtures.TILE_UNITS, new TagKeyValueMapConverter(false, "__id"), MvtReader.RING_CLASSIFIER_V2_1));
        } catch (IOException e) {
            throw new AssertionError("not a vector tile", e);
        }
    }

    VectorTile.Tile raw() {
        return raw;
    }

    List<String> layerNames() {
        return raw.getLayersList().stream().map(VectorTile.Tile.Layer::getName).toList();
    }

    /** Feature id → geometry (parts of one feature come back as one geometry). */
    Map<Long, Geometry> geometries(String layer) {
        Map<Long, Geometry> result = new LinkedHashMap<>();
        JtsLayer jts = mvt.getLayer(layer);
        if (jts == null) {
            return result;
        }
        for (Geometry geometry : jts.getGeometries()) {
            result.put(id(geometry), geometry);
        }
        return result;
    }

    /** Feature id → properties. */
    Map<Long, Map<String, Object>> properties(String layer) {
        Map<Long, Map<String, Object>> result = new LinkedHashMap<>();
        JtsLayer jts = mvt.getLayer(layer);
        if (jts == null) {
            return result;
        }
        for (Geometry geometry : jts.getGeometries()) {
            Map<String, Object> properties = new LinkedHashMap<>(userData(geometry));
            properties.remove("__id");
            result.put(id(geometry), properties);
        }
        return result;
    }

    /**
     * Every ring of every polygon feature of the layer as written: twice its signed area by the
     * surveyor's formula in tile coordinates, in order (positive opens a polygon, negative is a hole).
     */
    List<Long> ringDoubleAreas(String layer) {
        List<Long> areas = new ArrayList<>();
        for (VectorTile.Tile.Layer l : raw.getLayersList()) {
            if (!l.getName().equals(layer)) {
                continue;
            }
            for (VectorTile.Tile.Feature feature : l.getFeaturesList()) {
                if (feature.getType() != VectorTile.Tile.GeomType.POLYGON) {
                    continue;
                }
                long x = 0;
                long y = 0;
                List<long[]> ring = new ArrayList<>();
                List<Integer> g = feature.getGeometryList();
                for (int i = 0; i < g.size(); ) {
                    int command = MvtUtil.getGeomCmdId(g.get(i));
                    int count = MvtUtil.getGeomCmdLength(g.get(i));
                    i++;
                    if (command == 7) {
                        areas.add(doubleArea(ring));
                        ring = new ArrayList<>();
                        continue;
                    }
                    for (int c = 0; c < count; c++) {
                        x += MvtUtil.decodeZigZag(g.get(i++));
                        y += MvtUtil.decodeZigZag(g.get(i++));
                        ring.add(new long[] {x, y});
                    }
                }
            }
        }
        return areas;
    }

    private static long doubleArea(List<long[]> ring) {
        long sum = 0;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            sum += ring.get(j)[0] * ring.get(i)[1] - ring.get(i)[0] * ring.get(j)[1];
        }
        return sum;
    }

    private static long id(Geometry geometry) {
        return ((Number) userData(geometry).get("__id")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> userData(Geometry geometry) {
        return (Map<String, Object>) geometry.getUserData();
    }
}
