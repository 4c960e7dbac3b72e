package org.lilong.layers.lifecircle;

import java.util.List;
import org.lilong.layers.isochrone.Isochrone;
import org.lilong.layers.model.Feature;
import org.lilong.layers.network.WalkingNetwork;
import org.lilong.layers.standard.LifeCircleProfile;
import org.lilong.layers.standard.WalkingSpeed;

/**
 * The life-circle questions over one snapshot of the layers: where a walk starts, what it reaches in
 * so many minutes, and the facility checklist. Immutable and safe to share between threads.
 * (Stub: being written.)
 */
public final class LifeCircleAnalysis {

    /** Layers the analysis is built from; a change to any of them needs a new analysis. */
    public static final List<String> SOURCE_LAYERS = List.of("streets", "water", "service-stations", "pocket-parks");

    private LifeCircleAnalysis() {
    }

    public static LifeCircleAnalysis build(List<Feature> streets, List<Feature> water, List<Feature> stations,
            List<Feature> pocketParks, LifeCircleProfile profile) {
        return new LifeCircleAnalysis();
    }

    public LifeCircleProfile profile() {
        throw new UnsupportedOperationException("not yet");
    }

    public WalkingNetwork network() {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * @throws IllegalArgumentException when (lon, lat) is not a longitude/latitude
     * @throws OffNetworkException when the point is farther than the snapping limit from every street
     */
    public WalkStart startAt(double lon, double lat) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * @throws IllegalArgumentException when the feature is not a polygon
     * @throws OffNetworkException when no street runs along the area's edge within the snapping limit
     */
    public WalkStart startAtArea(Feature residentialArea) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * One isochrone per number of minutes (ascending, 0 < m ≤ 60), nested.
     *
     * @throws IllegalArgumentException when the minutes are not ascending within (0, 60]
     */
    public List<Isochrone> isochrones(WalkStart start, WalkingSpeed speed, double... minutes) {
        throw new UnsupportedOperationException("not yet");
    }

    public LifeCircleReport report(WalkStart start, WalkingSpeed speed) {
        throw new UnsupportedOperationException("not yet");
    }
}
