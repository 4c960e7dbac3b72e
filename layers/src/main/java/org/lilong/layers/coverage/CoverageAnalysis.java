package org.lilong.layers.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.lilong.layers.lifecircle.Facility;
import org.lilong.layers.lifecircle.LifeCircleAnalysis;
import org.lilong.layers.model.Feature;
import org.lilong.layers.network.EdgePosition;
import org.lilong.layers.network.ShortestPathTree;
import org.lilong.layers.network.SnapResult;
import org.lilong.layers.network.WalkingNetwork;
import org.lilong.layers.standard.FacilityCategory;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;

/**
 * Coverage gaps: for each facility category of the life-circle profile, which residents live farther
 * on foot than a threshold, in which grids, where new facilities would help most, and what a proposal
 * would change. Immutable and safe to share between threads.
 *
 * <p><b>Units</b> are building-group grids (楼组) with residents, and residential areas the building
 * groups miss, counted whole ({@link ResidentialUnits} says exactly which). Each is attached to the
 * walking network by the streets along its edge, within
 * {@value LifeCircleAnalysis#AREA_ATTACH_LIMIT_METRES} m ({@link LifeCircleAnalysis#startAtArea}); the
 * layers record no entrances, so a unit's walk starts at its nearest such street point (its nearest
 * gate). A unit with no street that near is {@linkplain #offNetworkUnits() off the network}: never
 * covered, and never brought into reach by a suggestion.
 *
 * <p><b>Walks.</b> Per category, one search from all its facilities at once, each seeded with its
 * own straight leg from its street ({@link UnitWalks}), bounded by the threshold; a unit is covered
 * when its walk is at most the threshold. Grid tables come from {@link GridTables}.
 *
 * <p><b>Suggestions</b> are maximal covering by lazy greedy ({@link GreedyCovering}): at least
 * 1 − 1/e of the best possible gain. <b>What-ifs</b> are worked out on a network built for the
 * proposal ({@link ProposalNetwork}); nothing touches the shared network or the store.
 */
public final class CoverageAnalysis {

    /** The most sites one suggestion may ask for. */
    public static final int MAX_SITES = 10;
    /** The longest threshold a question may use, in metres. */
    public static final double MAX_THRESHOLD_METRES = 10_000;
    /** Layers besides {@link LifeCircleAnalysis#SOURCE_LAYERS} the analysis is built from. */
    public static final List<String> UNIT_LAYERS = List.of("residential-areas", "grids");

    private final LifeCircleAnalysis lifeCircle;
    private final ResidentialUnits units;
    private final GridTables grids;
    private final long[] residents;
    private final ThreadLocal<ShortestPathTree> trees;

    private CoverageAnalysis(LifeCircleAnalysis lifeCircle, ResidentialUnits units, GridTables grids) {
        this.lifeCircle = lifeCircle;
        this.units = units;
        this.grids = grids;
        this.residents = units.units().stream().mapToLong(ResidentialUnit::residents).toArray();
        WalkingNetwork network = lifeCircle.network();
        this.trees = ThreadLocal.withInitial(() -> new ShortestPathTree(network));
    }

    /**
     * The analysis over the life-circle analysis's network and facilities.
     *
     * @param residentialAreas features of the residential-areas layer
     * @param grids features of the grids layer, every level
     */
    public static CoverageAnalysis build(LifeCircleAnalysis lifeCircle, List<Feature> residentialAreas, List<Feature> grids) {
        ResidentialUnits units = ResidentialUnits.find(lifeCircle, residentialAreas, grids);
        return new CoverageAnalysis(lifeCircle, units, GridTables.assign(units.units(), grids));
    }

    public LifeCircleAnalysis lifeCircle() {
        return lifeCircle;
    }

    /** Every residential unit, in a fixed order: building groups, then residential areas, each in their layer's order. */
    public List<ResidentialUnit> units() {
        return units.units();
    }

    /** Units with no street within {@value LifeCircleAnalysis#AREA_ATTACH_LIMIT_METRES} m of their edge: never covered. */
    public List<ResidentialUnit> offNetworkUnits() {
        return units.offNetwork();
    }

    /** Residents of all units, on the network or not. */
    public long residents() {
        return units.residents();
    }

    /**
     * @throws IllegalArgumentException for a category the profile lacks, or a threshold not in (0, 10,000] metres
     */
    public CategoryCoverage coverage(String categoryId, double thresholdMetres) {
        FacilityCategory category = category(categoryId);
        checkThreshold(thresholdMetres);
        return current(category, thresholdMetres);
    }

    /** Every category of the profile at its own maximum walk. */
    public List<CategoryCoverage> summary() {
        List<CategoryCoverage> summary = new ArrayList<>();
        for (FacilityCategory category : lifeCircle.profile().categories()) {
            summary.add(current(category, category.maxWalkMetres()));
        }
        return summary;
    }

    private CategoryCoverage current(FacilityCategory category, double thresholdMetres) {
        List<Facility> facilities = lifeCircle.facilitiesOf(category.id());
        double[] walks = UnitWalks.walks(trees.get(), facilities.stream().map(Facility::position).toList(),
                facilities.stream().mapToDouble(Facility::legMetres).toArray(), units.positions(), thresholdMetres);
        return tabulate(category, thresholdMetres, facilities.size(), walks);
    }

    private CategoryCoverage tabulate(FacilityCategory category, double thresholdMetres, int facilities, double[] walks) {
        boolean[] covered = new boolean[walks.length];
        List<UnitReach> reach = new ArrayList<>(walks.length);
        long coveredResidents = 0;
        for (int u = 0; u < walks.length; u++) {
            covered[u] = walks[u] <= thresholdMetres;
            if (covered[u]) {
                coveredResidents += residents[u];
            }
            reach.add(new UnitReach(units.unit(u), covered[u] ? walks[u] : Double.POSITIVE_INFINITY, covered[u]));
        }
        return new CategoryCoverage(category, thresholdMetres, facilities, units.residents(), coveredResidents,
                List.copyOf(reach), grids.tabulate(residents, covered), grids.unassignedResidents(residents));
    }

    /**
     * Where k new facilities would bring the most uncovered residents within reach, among the street nodes.
     *
     * @param candidates features whose interior points may take a new facility; null for the street nodes
     * @throws IllegalArgumentException for an unknown category, a bad threshold, k outside 1–{@value #MAX_SITES}
     */
    public SiteSuggestion suggest(String categoryId, double thresholdMetres, int k, List<Feature> candidates) {
        return suggest(categoryId, thresholdMetres, k, null, candidates);
    }

    /**
     * Where k new facilities would bring the most uncovered residents within reach: greedy maximal
     * covering with lazy evaluation, which reaches at least 1 − 1/e (63%) of the best possible gain
     * because coverage is submodular ({@link GreedyCovering}). Each site's gain is the residents it
     * brings into reach beyond the facilities that exist and the sites chosen before it, so the gains
     * add up to the total. Fewer than k sites come back when no other candidate would bring anyone
     * into reach.
     *
     * <p>Candidates are the street nodes, or the given features placed at their interior points (a
     * point feature at its point) and attached to their nearest street within the snapping limit, with
     * the straight leg counted in the walk; features farther from every street are not considered.
     *
     * @param candidateLayer the layer the candidate features come from, named in each {@link CandidateSite}; null for none
     * @param candidates features whose interior points may take a new facility; null for the street nodes
     * @throws IllegalArgumentException for an unknown category, a bad threshold, k outside 1–{@value #MAX_SITES}
     */
    public SiteSuggestion suggest(String categoryId, double thresholdMetres, int k, String candidateLayer,
            List<Feature> candidates) {
        FacilityCategory category = category(categoryId);
        checkThreshold(thresholdMetres);
        if (k < 1 || k > MAX_SITES) {
            throw new IllegalArgumentException("k must be within 1–" + MAX_SITES + ", not " + k);
        }
        CategoryCoverage now = current(category, thresholdMetres);
        List<Integer> open = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            if (!now.units().get(u).covered() && units.isAttached(u)) {
                open.add(u);
            }
        }
        EdgePosition[][] openPositions = open.stream().map(units::positions).toArray(EdgePosition[][]::new);
        long[] weight = open.stream().mapToLong(u -> residents[u]).toArray();
        WalkingNetwork network = lifeCircle.network();
        Supplier<ShortestPathTree> tree = trees::get;
        List<CandidateSite> sites;
        int[][] reach;
        if (candidates == null) {
            sites = null;
            reach = CandidateReach.forNodes(network, tree, openPositions, thresholdMetres);
        } else {
            sites = new ArrayList<>();
            List<EdgePosition> positions = new ArrayList<>();
            List<Double> legs = new ArrayList<>();
            for (Feature feature : candidates) {
                Point place = placeOf(feature.geometry());
                if (place == null) {
                    continue;
                }
                SnapResult snap = lifeCircle.snapper().snap(place.getX(), place.getY());
                if (!snap.isTooFar()) {
                    sites.add(new CandidateSite(place.getX(), place.getY(), candidateLayer, feature.id(), feature.text("name")));
                    positions.add(snap.position());
                    legs.add(snap.distanceMetres());
                }
            }
            reach = CandidateReach.forSites(network, tree, openPositions, thresholdMetres, positions,
                    legs.stream().mapToDouble(Double::doubleValue).toArray());
        }
        List<SuggestedSite> chosen = new ArrayList<>();
        for (GreedyCovering.Choice choice : GreedyCovering.choose(reach[0], reach[1], weight, k)) {
            int c = choice.candidate();
            CandidateSite site = sites != null ? sites.get(c)
                    : new CandidateSite(network.nodeLon(c), network.nodeLat(c), null, null, null);
            List<ResidentialUnit> newly = new ArrayList<>(choice.newlyCovered().length);
            for (int i : choice.newlyCovered()) {
                newly.add(units.unit(open.get(i)));
            }
            chosen.add(new SuggestedSite(site, choice.gain(), List.copyOf(newly)));
        }
        int considered = sites == null ? network.nodeCount() : sites.size();
        return new SiteSuggestion(category, thresholdMetres, units.residents(), now.coveredResidents(), List.copyOf(chosen),
                considered);
    }

    /** A point's own position (a MultiPoint's first), another geometry's interior point; null when empty. */
    private static Point placeOf(Geometry geometry) {
        if (geometry == null || geometry.isEmpty()) {
            return null;
        }
        Point place = geometry instanceof Polygonal ? geometry.getInteriorPoint() : geometry.getGeometryN(0).getInteriorPoint();
        return Math.abs(place.getX()) <= 180 && Math.abs(place.getY()) <= 90 ? place : null;
    }

    /**
     * Coverage before and after the proposal; nothing is stored, and the shared network is not
     * changed: a proposal with links is worked out on a network of its own ({@link ProposalNetwork}).
     *
     * @throws IllegalArgumentException for an unknown category, a bad threshold or an invalid geometry
     * @throws org.lilong.layers.lifecircle.OffNetworkException when a proposed facility or link end is farther than the snapping limit from every street
     */
    public WhatIfResult whatIf(String categoryId, double thresholdMetres, WhatIfProposal proposal) {
        FacilityCategory category = category(categoryId);
        checkThreshold(thresholdMetres);
        ProposalNetwork proposed = ProposalNetwork.build(lifeCircle.network(), lifeCircle.snapper(), proposal);
        CategoryCoverage before = current(category, thresholdMetres);

        List<Facility> existing = lifeCircle.facilitiesOf(category.id());
        List<EdgePosition> sources = new ArrayList<>(existing.stream().map(f -> proposed.position(f.position())).toList());
        sources.addAll(proposed.facilities());
        double[] legs = new double[sources.size()];
        for (int i = 0; i < existing.size(); i++) {
            legs[i] = existing.get(i).legMetres();
        }
        System.arraycopy(proposed.facilityLegs(), 0, legs, existing.size(), proposal.facilities().size());
        EdgePosition[][] positions = units.positions();
        if (proposed.hasLinks()) {
            positions = new EdgePosition[positions.length][];
            for (int u = 0; u < positions.length; u++) {
                positions[u] = Arrays.stream(units.positions(u)).map(proposed::position).toArray(EdgePosition[]::new);
            }
        }
        ShortestPathTree tree = proposed.hasLinks() ? new ShortestPathTree(proposed.network()) : trees.get();
        double[] walks = UnitWalks.walks(tree, sources, legs, positions, thresholdMetres);
        return new WhatIfResult(before, tabulate(category, thresholdMetres, sources.size(), walks));
    }

    private FacilityCategory category(String categoryId) {
        return lifeCircle.profile().category(categoryId)
                .orElseThrow(() -> new IllegalArgumentException("unknown category " + categoryId));
    }

    private static void checkThreshold(double thresholdMetres) {
        if (!(thresholdMetres > 0 && thresholdMetres <= MAX_THRESHOLD_METRES)) {
            throw new IllegalArgumentException("the threshold must be within (0, " + (int) MAX_THRESHOLD_METRES
                    + "] metres, not " + thresholdMetres);
        }
    }
}
