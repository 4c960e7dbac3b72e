package org.lilong.layers.coverage;

import java.util.Arrays;
import java.util.List;
import org.lilong.layers.network.EdgePosition;
import org.lilong.layers.network.ShortestPathTree;

/**
 * Every unit's walk to the nearest of a set of facilities: ONE bounded search from all the
 * facilities at once, each seeded with its own straight leg from its street, then for each unit the
 * least distance over its street points (its nearest gate). Walks are symmetric on the undirected
 * network, so searching from the facilities gives each home's walk to its nearest one, at the cost
 * of one search rather than one per home.
 */
final class UnitWalks {

    private UnitWalks() {
    }

    /**
     * @param tree a search state for the network the positions are on
     * @param sources the facilities' street points
     * @param legMetres each facility's straight walk from its street point
     * @param units each unit's street points (empty for a unit off the network)
     * @return each unit's walk, positive infinity beyond the limit
     */
    static double[] walks(ShortestPathTree tree, List<EdgePosition> sources, double[] legMetres, EdgePosition[][] units,
            double limitMetres) {
        double[] walks = new double[units.length];
        Arrays.fill(walks, Double.POSITIVE_INFINITY);
        if (sources.isEmpty()) {
            return walks;
        }
        tree.fromAll(sources, legMetres, limitMetres);
        for (int u = 0; u < units.length; u++) {
            double best = Double.POSITIVE_INFINITY;
            for (EdgePosition position : units[u]) {
                best = Math.min(best, tree.distanceMetres(position));
            }
            walks[u] = best;
        }
        return walks;
    }
}
