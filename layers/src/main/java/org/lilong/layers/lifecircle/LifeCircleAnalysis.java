package org.lilong.layers.lifecircle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.lilong.layers.isochrone.Isochrone;
import org.lilong.layers.isochrone.IsochroneBuilder;
import org.lilong.layers.model.Feature;
import org.lilong.layers.network.NearestEdgeSnapper;
import org.lilong.layers.network.ShortestPathTree;
import org.lilong.layers.network.SnapResult;
import org.lilong.layers.network.VincentyDistance;
import org.lilong.layers.network.WalkingNetwork;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.standard.FacilityCategory;
import org.lilong.layers.standard.LifeCircleProfile;
import org.lilong.layers.standard.WalkingSpeed;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * The life-circle questions over one snapshot of the layers: where a walk starts, what it reaches in
 * so many minutes, and the facility checklist. Immutable and safe to share between threads.
 *
 * <p>Built once from the layers ({@link #build}): the walking network of the streets, a snapper
 * ({@value NearestEdgeSnapper#DEFAULT_LIMIT_METRES} m limit), an {@link IsochroneBuilder} with the
 * water, and the facilities of the profile's categories attached to their nearest streets. Each
 * question is one bounded search ({@link ShortestPathTree}, one reused per thread, about 40 bytes
 * per node).
 *
 * <p><b>Facilities.</b> A {@code service-stations} feature serves the profile category whose id
 * equals its {@code category} attribute; every {@code pocket-parks} feature serves
 * {@value #POCKET_PARK_CATEGORY}, placed at its interior point (the data do not record entrances).
 * Stations of a category the profile lacks are {@linkplain #ignoredFacilityCount() ignored}; a
 * facility farther than the snapping limit from every street is
 * {@linkplain #offNetworkFacilityCount() left out}, though its category still has data.
 *
 * <p><b>Walks.</b> From a point: the straight access leg to its nearest street, the streets, and the
 * facility's own straight leg from its street. From a residential area: from every street point
 * within {@value #AREA_ATTACH_LIMIT_METRES} m of its outer edge, sampled every
 * {@value #AREA_SAMPLE_SPACING_METRES} m and at its corners, with no access leg (gates open onto the
 * streets that bound a compound; a street farther away runs behind another block).
 */
public final class LifeCircleAnalysis {

    /** Layers the analysis is built from; a change to any of them needs a new analysis. */
    public static final List<String> SOURCE_LAYERS = List.of("streets", "water", "service-stations", "pocket-parks");

    /** The category every pocket park serves. */
    public static final String POCKET_PARK_CATEGORY = FacilityDirectory.POCKET_PARK;
    /** How far from an area's edge a street may run and still start its walks, in metres. */
    public static final double AREA_ATTACH_LIMIT_METRES = AreaEdgeAttacher.ATTACH_LIMIT_METRES;
    /** The spacing of the samples along an area's edge, in metres. */
    public static final double AREA_SAMPLE_SPACING_METRES = AreaEdgeAttacher.SAMPLE_SPACING_METRES;
    /** The most minutes an isochrone may be asked for. */
    public static final double MAX_MINUTES = 60;
    /** The most isochrones one request may ask for. */
    public static final int MAX_BANDS = 6;
    /** The bands of the report's counts, in minutes. */
    private static final double[] COUNT_MINUTES = {5, 10, 15};

    private final LifeCircleProfile profile;
    private final WalkingNetwork network;
    private final NearestEdgeSnapper snapper;
    private final IsochroneBuilder isochroneBuilder;
    private final FacilityDirectory facilities;
    private final AreaEdgeAttacher areaEdge;
    /** The largest maximum walk of any category: the report searches twice as far, to name a failing category's nearest. */
    private final double largestMaxWalkMetres;
    private final ThreadLocal<ShortestPathTree> trees;

    private LifeCircleAnalysis(LifeCircleProfile profile, WalkingNetwork network, List<Geometry> water,
            List<Feature> stations, List<Feature> pocketParks) {
        this.profile = profile;
        this.network = network;
        this.snapper = new NearestEdgeSnapper(network);
        this.isochroneBuilder = new IsochroneBuilder(network, water);
        this.facilities = FacilityDirectory.build(stations, pocketParks, profile, snapper);
        this.areaEdge = new AreaEdgeAttacher(network, snapper);
        this.largestMaxWalkMetres = profile.categories().stream().mapToDouble(FacilityCategory::maxWalkMetres).max().orElse(0);
        this.trees = ThreadLocal.withInitial(() -> new ShortestPathTree(network));
    }

    /**
     * The analysis of these layers' features (WGS84).
     *
     * @param streets lines of the streets layer, the walking network
     * @param water polygons an isochrone must not span
     * @param stations service stations, by their {@code category} attribute
     * @param pocketParks pocket parks, serving {@value #POCKET_PARK_CATEGORY}
     * @throws IllegalArgumentException when a street is not a line or has a coordinate out of range
     */
    public static LifeCircleAnalysis build(List<Feature> streets, List<Feature> water, List<Feature> stations,
            List<Feature> pocketParks, LifeCircleProfile profile) {
        return new LifeCircleAnalysis(profile, WalkingNetwork.fromStreets(streets),
                water.stream().map(Feature::geometry).toList(), stations, pocketParks);
    }

    public LifeCircleProfile profile() {
        return profile;
    }

    public WalkingNetwork network() {
        return network;
    }

    /** The farthest a start or a facility may lie from a street, in metres. */
    public double snapLimitMetres() {
        return snapper.limitMetres();
    }

    /** Facilities (of the profile's categories) left out because no street lies within the snapping limit. */
    public int offNetworkFacilityCount() {
        return facilities.offNetworkCount();
    }

    /** Stations whose category the profile does not know (and parks, when it has no pocket_park): not in the checklist. */
    public int ignoredFacilityCount() {
        return facilities.ignoredCount();
    }

    /** Facilities in the analysis: those of the profile's categories attached to a street. */
    public int facilityCount() {
        return facilities.facilities().size();
    }

    /**
     * The facilities of one category attached to a street, stations first, in the order of their
     * layers; empty for a category the profile lacks.
     */
    public List<Facility> facilitiesOf(String categoryId) {
        return facilities.facilities().stream().filter(f -> f.categoryId().equals(categoryId)).toList();
    }

    /** Whether the layers hold any feature of the category, attached to a street or not. */
    public boolean hasData(String categoryId) {
        List<FacilityCategory> categories = profile.categories();
        for (int i = 0; i < categories.size(); i++) {
            if (categories.get(i).id().equals(categoryId)) {
                return facilities.hasData(i);
            }
        }
        return false;
    }

    /** Attaches points to the nearest street of {@link #network()}, within {@link #snapLimitMetres()}. */
    public NearestEdgeSnapper snapper() {
        return snapper;
    }

    /**
     * A walk from a point, attached to its nearest street.
     *
     * @throws IllegalArgumentException when (lon, lat) is not a longitude/latitude
     * @throws OffNetworkException when the point is farther than the snapping limit from every street
     */
    public WalkStart startAt(double lon, double lat) {
        SnapResult snap = snapper.snap(lon, lat);
        if (snap.isTooFar()) {
            throw new OffNetworkException(snap.position() == null
                    ? "there are no streets to walk on"
                    : "the nearest street is " + Math.round(snap.distanceMetres()) + " m away, farther than the "
                            + Math.round(snap.limitMetres()) + " m limit",
                    snap.distanceMetres(), snap.limitMetres());
        }
        Point point = GeometryFactories.WGS84.createPoint(new Coordinate(lon, lat));
        return new WalkStart(null, point, List.of(snap.position()), snap.distanceMetres());
    }

    /**
     * A walk from a residential area: from the streets along its edge (within
     * {@value #AREA_ATTACH_LIMIT_METRES} m of it).
     *
     * @throws IllegalArgumentException when the feature is not a polygon
     * @throws OffNetworkException when no street runs within that limit of the area's edge
     */
    public WalkStart startAtArea(Feature residentialArea) {
        return new WalkStart(residentialArea.id(), residentialArea.geometry(), areaEdge.attach(residentialArea.geometry()), 0);
    }

    /**
     * One isochrone per number of minutes (ascending, 0 < m ≤ 60, at most {@value #MAX_BANDS}), nested.
     * Each is for the whole walk at the speed: from a point start, the access leg to the street is
     * taken off what is left to walk on the streets, and an isochrone the access leg alone uses up is
     * empty. {@link Isochrone#distanceMetres()} is the whole walk.
     *
     * @throws IllegalArgumentException when the minutes are not ascending within (0, 60], or too many
     */
    public List<Isochrone> isochrones(WalkStart start, WalkingSpeed speed, double... minutes) {
        checkMinutes(minutes);
        double access = start.accessMetres();
        double[] onStreets = new double[minutes.length];
        int empty = 0;
        for (int i = 0; i < minutes.length; i++) {
            onStreets[i] = speed.metresIn(minutes[i]) - access;
            if (onStreets[i] <= 0) {
                empty++;
            }
        }
        List<Isochrone> result = new ArrayList<>(minutes.length);
        for (int i = 0; i < empty; i++) {
            result.add(new Isochrone(speed.metresIn(minutes[i]), GeometryFactories.WGS84.createPolygon(), 0, 0));
        }
        if (empty < minutes.length) {
            double[] reached = Arrays.copyOfRange(onStreets, empty, minutes.length);
            ShortestPathTree tree = trees.get().fromAll(start.positions(), reached[reached.length - 1]);
            List<Isochrone> built = isochroneBuilder.build(tree, reached);
            for (int i = 0; i < built.size(); i++) {
                Isochrone iso = built.get(i);
                result.add(new Isochrone(speed.metresIn(minutes[empty + i]), iso.area(), iso.areaSquareMetres(),
                        iso.reachedStreetMetres()));
            }
        }
        return result;
    }

    private static void checkMinutes(double[] minutes) {
        if (minutes.length == 0 || minutes.length > MAX_BANDS) {
            throw new IllegalArgumentException("ask for 1 to " + MAX_BANDS + " isochrones, not " + minutes.length);
        }
        for (int i = 0; i < minutes.length; i++) {
            if (!(minutes[i] > 0 && minutes[i] <= MAX_MINUTES)) {
                throw new IllegalArgumentException("minutes must be within (0, " + (int) MAX_MINUTES + "], not " + minutes[i]);
            }
            if (i > 0 && !(minutes[i] > minutes[i - 1])) {
                throw new IllegalArgumentException("minutes must ascend: " + minutes[i] + " follows " + minutes[i - 1]);
            }
        }
    }

    /**
     * The checklist: per profile category the nearest facility by walk, with its route, and whether it
     * is within the category's maximum walk; counts within 5, 10 and 15 minutes; every facility
     * within 15 minutes.
     *
     * <p>One search, as far as 15 minutes at the speed or twice the largest maximum walk of any
     * category, whichever is farther: a category that fails can then still name its nearest facility,
     * unless even that is absurdly far; a category whose facilities all lie beyond it fails with no
     * nearest. Straight-line distances are geodesic, from the start point, or for an area from the
     * nearest point of its edge (nearest in longitude/latitude; 0 for a facility inside it).
     */
    public LifeCircleReport report(WalkStart start, WalkingSpeed speed) {
        double fifteen = speed.metresIn(15);
        double limit = Math.max(fifteen, 2 * largestMaxWalkMetres);
        double access = start.accessMetres();
        ShortestPathTree tree = trees.get().fromAll(start.positions(), Math.max(0, limit - access));
        List<FacilityCategory> categories = profile.categories();
        int n = categories.size();
        Facility[] nearest = new Facility[n];
        double[] nearestWalk = new double[n];
        Arrays.fill(nearestWalk, Double.POSITIVE_INFINITY);
        int[][] counts = new int[n][COUNT_MINUTES.length];
        double[] countMetres = new double[COUNT_MINUTES.length];
        for (int b = 0; b < COUNT_MINUTES.length; b++) {
            countMetres[b] = speed.metresIn(COUNT_MINUTES[b]);
        }
        List<Facility> reachedFacilities = new ArrayList<>();
        List<Double> reachedWalks = new ArrayList<>();
        for (Facility facility : facilities.facilities()) {
            double walk = access + tree.distanceMetres(facility.position()) + facility.legMetres();
            if (!(walk <= limit)) {
                continue;
            }
            int c = facility.categoryIndex();
            if (walk < nearestWalk[c]) {
                nearestWalk[c] = walk;
                nearest[c] = facility;
            }
            for (int b = 0; b < countMetres.length; b++) {
                if (walk <= countMetres[b]) {
                    counts[c][b]++;
                }
            }
            if (walk <= fifteen) {
                reachedFacilities.add(facility);
                reachedWalks.add(walk);
            }
        }
        List<CategoryResult> results = new ArrayList<>(n);
        int passed = 0;
        int failed = 0;
        int noData = 0;
        for (int c = 0; c < n; c++) {
            FacilityCategory category = categories.get(c);
            CategoryResult.Status status;
            if (!facilities.hasData(c)) {
                status = CategoryResult.Status.NO_DATA;
                noData++;
            } else if (nearestWalk[c] <= category.maxWalkMetres()) {
                status = CategoryResult.Status.PASS;
                passed++;
            } else {
                status = CategoryResult.Status.FAIL;
                failed++;
            }
            ReachedFacility reached = nearest[c] == null ? null
                    : reached(nearest[c], nearestWalk[c], start, speed,
                            WalkingRoute.to(tree, start, nearest[c].position(), new Coordinate(nearest[c].lon(), nearest[c].lat())));
            results.add(new CategoryResult(category, status, reached, counts[c][0], counts[c][1], counts[c][2]));
        }
        List<ReachedFacility> reachable = new ArrayList<>(reachedFacilities.size());
        for (int i = 0; i < reachedFacilities.size(); i++) {
            reachable.add(reached(reachedFacilities.get(i), reachedWalks.get(i), start, speed, null));
        }
        reachable.sort(Comparator.comparingDouble(ReachedFacility::walkMetres));
        double score = passed + failed == 0 ? 0 : 100.0 * passed / (passed + failed);
        return new LifeCircleReport(start, speed, results, reachable, passed, failed, noData, score);
    }

    private static ReachedFacility reached(Facility facility, double walkMetres, WalkStart start, WalkingSpeed speed,
            LineString route) {
        return new ReachedFacility(facility.categoryId(), facility.layer(), facility.featureId(), facility.name(),
                facility.lon(), facility.lat(), walkMetres, speed.minutesFor(walkMetres),
                straightMetres(start, facility), route);
    }

    /** Geodesic metres from the start point, or from the nearest point of an area's edge (0 inside it). */
    private static double straightMetres(WalkStart start, Facility facility) {
        Geometry geometry = start.geometry();
        Coordinate from;
        if (geometry instanceof Point point) {
            from = point.getCoordinate();
        } else {
            Point target = GeometryFactories.WGS84.createPoint(new Coordinate(facility.lon(), facility.lat()));
            from = DistanceOp.nearestPoints(geometry, target)[0];
        }
        return VincentyDistance.metres(from.x, from.y, facility.lon(), facility.lat());
    }

}
