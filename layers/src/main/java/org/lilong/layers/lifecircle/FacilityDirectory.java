package org.lilong.layers.lifecircle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.network.NearestEdgeSnapper;
import org.lilong.layers.network.SnapResult;
import org.lilong.layers.standard.FacilityCategory;
import org.lilong.layers.standard.LifeCircleProfile;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;

/**
 * The facilities of the profile's categories, each attached to its nearest street.
 *
 * <p>Which feature serves which category:
 * <ul>
 * <li>a {@code service-stations} feature serves the category whose id equals its {@code category}
 * attribute; a station whose category is not in the profile (or is missing) serves none and is
 * counted as {@linkplain #ignoredCount() ignored};</li>
 * <li>every {@code pocket-parks} feature serves {@value #POCKET_PARK}, when the profile has that
 * category (the layer holds only pocket parks; the larger park_10 and park_15 parks have no layer
 * yet). A park is a polygon: it is placed at its interior point (JTS {@code getInteriorPoint},
 * inside even for a concave park), not at its entrance, which the data does not record.</li>
 * </ul>
 * A facility farther than the snapper's limit from every street cannot be walked to: it is left out
 * and counted as {@linkplain #offNetworkCount() off the network}, but still counts as data of its
 * category (its category is not NO_DATA). A station with a MultiPoint geometry is placed at its first point.
 */
final class FacilityDirectory {

    /** The category the pocket-parks layer serves. */
    static final String POCKET_PARK = "pocket_park";

    private final List<Facility> facilities;
    /** How many features of each category the layers hold, attached or not, by category index. */
    private final int[] featuresPerCategory;
    private final int offNetwork;
    private final int ignored;

    private FacilityDirectory(List<Facility> facilities, int[] featuresPerCategory, int offNetwork, int ignored) {
        this.facilities = List.copyOf(facilities);
        this.featuresPerCategory = featuresPerCategory;
        this.offNetwork = offNetwork;
        this.ignored = ignored;
    }

    static FacilityDirectory build(List<Feature> stations, List<Feature> pocketParks, LifeCircleProfile profile,
            NearestEdgeSnapper snapper) {
        List<FacilityCategory> categories = profile.categories();
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            indexOf.put(categories.get(i).id(), i);
        }
        int[] perCategory = new int[categories.size()];
        List<Facility> attached = new ArrayList<>();
        int offNetwork = 0;
        int ignored = 0;
        for (Feature station : stations) {
            Integer category = indexOf.get(station.text("category"));
            if (category == null) {
                ignored++;
            } else if (!attach(station, LayerCatalogue.SERVICE_STATIONS, category, categories, snapper, attached)) {
                offNetwork++;
            }
            if (category != null) {
                perCategory[category]++;
            }
        }
        Integer park = indexOf.get(POCKET_PARK);
        for (Feature pocketPark : pocketParks) {
            if (park == null) {
                ignored++;
                continue;
            }
            perCategory[park]++;
            if (!attach(pocketPark, LayerCatalogue.POCKET_PARKS, park, categories, snapper, attached)) {
                offNetwork++;
            }
        }
        return new FacilityDirectory(attached, perCategory, offNetwork, ignored);
    }

    /** Adds the feature as a facility when a street is near enough; false when none is. */
    private static boolean attach(Feature feature, String layer, int category, List<FacilityCategory> categories,
            NearestEdgeSnapper snapper, List<Facility> attached) {
        Point place = placeOf(feature.geometry());
        if (place == null) {
            return false;
        }
        SnapResult snap = snapper.snap(place.getX(), place.getY());
        if (snap.isTooFar()) {
            return false;
        }
        attached.add(new Facility(category, categories.get(category).id(), layer, feature.id(), feature.text("name"),
                place.getX(), place.getY(), snap.position(), snap.distanceMetres()));
        return true;
    }

    /** A point's own position (a MultiPoint's first), a polygon's interior point; null for an empty geometry. */
    private static Point placeOf(Geometry geometry) {
        if (geometry.isEmpty()) {
            return null;
        }
        if (geometry instanceof Polygonal) {
            return geometry.getInteriorPoint();
        }
        return geometry.getGeometryN(0).getInteriorPoint();
    }

    /** The attached facilities, stations first, in the order of their layers. */
    List<Facility> facilities() {
        return facilities;
    }

    /** True when the layers hold at least one feature of the category, whether or not it could be attached. */
    boolean hasData(int categoryIndex) {
        return featuresPerCategory[categoryIndex] > 0;
    }

    int offNetworkCount() {
        return offNetwork;
    }

    int ignoredCount() {
        return ignored;
    }
}
