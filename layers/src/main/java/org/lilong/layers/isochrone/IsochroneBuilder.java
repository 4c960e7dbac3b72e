package org.lilong.layers.isochrone;

import java.util.List;
import org.lilong.layers.network.ShortestPathTree;
import org.lilong.layers.network.WalkingNetwork;
import org.locationtech.jts.geom.Geometry;

/**
 * Turns a walking search into nested isochrone polygons that hug the reached streets.
 * (Stub: being written.)
 */
public final class IsochroneBuilder {

    public static final double DEFAULT_BUFFER_METRES = 25;

    /**
     * @param water polygons (WGS84) that an isochrone must not span, except along a street crossing them (a bridge)
     */
    public IsochroneBuilder(WalkingNetwork network, List<Geometry> water) {
    }

    /**
     * One isochrone per limit, in the order given (ascending), each covering the previous ones.
     *
     * @param tree a search on this builder's network whose limit is at least the largest distance
     * @throws IllegalArgumentException when the limits are not ascending positive numbers or exceed the tree's limit
     */
    public List<Isochrone> build(ShortestPathTree tree, double... distancesMetres) {
        throw new UnsupportedOperationException("not yet");
    }
}
