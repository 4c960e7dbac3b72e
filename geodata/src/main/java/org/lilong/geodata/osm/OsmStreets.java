package org.lilong.geodata.osm;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.store.ChangeSet;

/**
 * The walkable streets of an OSM file, read in full and checked, ready to replace the
 * {@code streets} layer.
 *
 * @param streets one feature per walkable way (or per piece of one, where the file lacks some of
 *     its nodes), in file order, each with id 0 so that the store numbers them
 * @param nodesRead nodes in the file
 * @param waysRead ways in the file, walkable or not
 * @param walkableWays ways that {@link OsmWalkability} calls walkable
 * @param waysMissingNodes walkable ways that refer to nodes the file lacks (an extract's cut
 *     edge): they are split where a node is missing, and pieces of fewer than two nodes dropped
 */
public record OsmStreets(Path file, List<Feature> streets, long nodesRead, long waysRead, int walkableWays,
        int waysMissingNodes) {

    public static final String ATTRIBUTION_KEY = "attribution.streets";
    public static final String ATTRIBUTION = "© OpenStreetMap contributors (ODbL)";

    public OsmStreets {
        streets = List.copyOf(streets);
    }

    /**
     * One change set that deletes the streets now stored (by id), inserts these, and credits
     * OpenStreetMap in the metadata as its licence requires: applied in one transaction, the layer
     * is replaced whole or not at all.
     */
    public ChangeSet replacing(Collection<Long> storedStreetIds) {
        ChangeSet changes = new ChangeSet();
        storedStreetIds.forEach(id -> changes.delete(LayerCatalogue.STREETS, id));
        changes.insertAll(LayerCatalogue.STREETS, streets);
        changes.putMetadata(ATTRIBUTION_KEY, ATTRIBUTION);
        return changes;
    }
}
