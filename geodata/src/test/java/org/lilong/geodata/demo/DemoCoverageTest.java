package org.lilong.geodata.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lilong.layers.coverage.CategoryCoverage;
import org.lilong.layers.coverage.CoverageAnalysis;
import org.lilong.layers.coverage.GridCoverage;
import org.lilong.layers.coverage.ResidentialUnit;
import org.lilong.layers.coverage.WhatIfProposal;
import org.lilong.layers.coverage.WhatIfResult;
import org.lilong.layers.lifecircle.Facility;
import org.lilong.layers.lifecircle.LifeCircleAnalysis;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.GridLevel;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.network.LocalScale;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.standard.LifeCircleProfile;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Coverage gaps on the demo district (default seed): the tables add up, a footbridge where the
 * creek cuts residents off a service raises its coverage, and the all-categories summary is quick
 * (measured and printed; bench/coverage.sh has the benchmark).
 */
class DemoCoverageTest {

    /** The categories the demo keeps on one side of the creek (StationPlacer). */
    private static final List<String> ONE_SIDED = List.of("health_centre", "middle_school", "elderly_daycare", "canteen");
    /** A footbridge at least this far along the creek from every bridge is a new way across. */
    private static final double NEW_CROSSING_METRES = 300;
    /** Shanghai's 2016 guide lays out services for the elderly on a 500 m walking base (STANDARDS.md). */
    private static final double ELDERLY_BASE_METRES = 500;
    /** The footbridge's ends: this far beyond the water's edges, so that they join the embankment streets. */
    private static final double BEYOND_WATER_METRES = 2;

    private static DemoDistrict district;
    private static CoverageAnalysis coverage;

    @BeforeAll
    static void analyse() {
        district = GeneratedDistricts.standard();
        LifeCircleAnalysis lifeCircle = LifeCircleAnalysis.build(district.features(LayerCatalogue.STREETS),
                district.features(LayerCatalogue.WATER), district.features(LayerCatalogue.SERVICE_STATIONS),
                district.features(LayerCatalogue.POCKET_PARKS), LifeCircleProfile.defaults());
        coverage = CoverageAnalysis.build(lifeCircle, district.features(LayerCatalogue.RESIDENTIAL_AREAS),
                district.features(LayerCatalogue.GRIDS));
    }

    @Test
    void everyResidentOfTheDistrictIsInOneUnit() {
        long districtResidents = ((Number) district.features(LayerCatalogue.SUBDISTRICTS).get(0).get("residents")).longValue();

        System.out.printf("demo units: %d (%d building groups, %d residential areas), %d off the network, %d residents%n",
                coverage.units().size(), count(LayerCatalogue.GRIDS), count(LayerCatalogue.RESIDENTIAL_AREAS),
                coverage.offNetworkUnits().size(), coverage.residents());
        assertThat(coverage.residents()).isEqualTo(districtResidents);
    }

    private static long count(String layer) {
        return coverage.units().stream().filter(u -> u.layer().equals(layer)).count();
    }

    @Test
    void everyLevelsGridTableAddsUpToTheDistrictLessTheUnassigned() {
        for (CategoryCoverage category : coverage.summary()) {
            for (GridLevel level : List.of(GridLevel.SUBDISTRICT, GridLevel.COMPREHENSIVE, GridLevel.RESIDENTIAL, GridLevel.MICRO)) {
                List<GridCoverage> rows = category.grids().stream().filter(g -> g.level() == level).toList();
                assertThat(rows).as("%s has rows at %s", category.category().id(), level).isNotEmpty();
                assertThat(rows.stream().mapToLong(GridCoverage::residents).sum()).as("%s at %s", category.category().id(), level)
                        .isEqualTo(category.residents() - category.unassignedResidents());
                assertThat(rows.stream().mapToLong(GridCoverage::coveredResidents).sum()).isLessThanOrEqualTo(
                        category.coveredResidents());
            }
            assertThat(category.unassignedResidents()).isZero();
        }
        List<GridCoverage> subdistrict = coverage.summary().get(0).grids().stream()
                .filter(g -> g.level() == GridLevel.SUBDISTRICT).toList();
        assertThat(subdistrict).hasSize(1);
    }

    /**
     * The creek's gap at a category's own standard. The demo keeps some categories on one side of
     * the creek (StationPlacer); the footbridge goes straight across at the longitude of the facility
     * whose walk leaves the most to spare once it has reached the water, among those at least
     * {@value #NEW_CROSSING_METRES} m along the creek from every bridge (a new way across, not one
     * beside a bridge). On the default seed that is the health centre: the south-west is beyond its
     * 1000 m.
     */
    @Test
    void aFootbridgeWhereTheCreekCutsResidentsOffAOneSidedServiceRaisesItsCoverage() {
        Footbridge bridge = null;
        for (String category : ONE_SIDED) {
            for (Footbridge candidate : footbridgesBeside(category)) {
                if (candidate.metresFromBridges() >= NEW_CROSSING_METRES
                        && (bridge == null || candidate.spareMetres() > bridge.spareMetres())) {
                    bridge = candidate;
                }
            }
        }
        assertThat(bridge).as("a one-sided facility away from the bridges").isNotNull();

        WhatIfResult result = coverage.whatIf(bridge.category(), threshold(bridge.category()),
                new WhatIfProposal(List.of(), List.of(bridge.line())));

        report(bridge, threshold(bridge.category()), result);
        assertThat(result.after().coveredShare()).isGreaterThan(result.before().coveredShare());
        assertThat(result.before()).isEqualTo(coverage.coverage(bridge.category(), threshold(bridge.category())));
    }

    /**
     * The elderly gap. The canteens and day care stand north of the creek, but even the canteen
     * nearest the water is farther from it than a 300 m walk could cross, so at the 5-minute
     * standard no footbridge brings anyone in; on the 500 m base that Shanghai's guide lays out
     * elderly services on, a footbridge beside that canteen does.
     */
    @Test
    void aFootbridgeBesideTheCanteenNearestTheCreekBringsElderlyResidentsWithinFiveHundredMetres() {
        Footbridge bridge = footbridgesBeside("canteen").stream()
                .filter(b -> b.metresFromBridges() >= NEW_CROSSING_METRES)
                .min(Comparator.comparingDouble(Footbridge::metresFromWater)).orElseThrow();
        WhatIfProposal proposal = new WhatIfProposal(List.of(), List.of(bridge.line()));

        WhatIfResult atStandard = coverage.whatIf("canteen", threshold("canteen"), proposal);
        WhatIfResult onElderlyBase = coverage.whatIf("canteen", ELDERLY_BASE_METRES, proposal);

        report(bridge, threshold("canteen"), atStandard);
        report(bridge, ELDERLY_BASE_METRES, onElderlyBase);
        assertThat(bridge.metresFromWater()).as("the nearest canteen is beyond a 300 m walk to the water and across")
                .isGreaterThan(threshold("canteen") / 2);
        assertThat(atStandard.gainResidents()).isZero();
        assertThat(onElderlyBase.after().coveredShare()).isGreaterThan(onElderlyBase.before().coveredShare());
    }

    private static void report(Footbridge bridge, double thresholdMetres, WhatIfResult result) {
        System.out.printf(Locale.ROOT, "footbridge beside %s %d (%.0f m from the water) at %.6f E, %.0f m from the nearest"
                        + " bridge, %.0f m walk: covered %d → %d residents (%.2f%% → %.2f%%), +%d residents, +%.2f points%n",
                bridge.category(), bridge.facilityId(), bridge.metresFromWater(), bridge.line().getCoordinateN(0).x,
                bridge.metresFromBridges(), thresholdMetres, result.before().coveredResidents(),
                result.after().coveredResidents(), 100 * result.before().coveredShare(), 100 * result.after().coveredShare(),
                result.gainResidents(), 100 * (result.after().coveredShare() - result.before().coveredShare()));
    }

    private static double threshold(String categoryId) {
        return LifeCircleProfile.defaults().category(categoryId).orElseThrow().maxWalkMetres();
    }

    /** A footbridge straight across the creek beside a facility, and how the facility lies. */
    private record Footbridge(String category, long facilityId, LineString line, double metresFromBridges,
            double metresFromWater) {

        /** What the category's walk leaves once the facility's straight distance to the water is used up. */
        double spareMetres() {
            return threshold(category) - metresFromWater;
        }
    }

    /**
     * For each facility of the category, a footbridge straight across the creek at its longitude,
     * from just beyond the water's north edge to just beyond its south edge there (the ends join the
     * embankment streets, at least 20 m from the water).
     */
    private static List<Footbridge> footbridgesBeside(String category) {
        Polygon creek = district.creek();
        LocalScale scale = LocalScale.at(creek.getEnvelopeInternal().centre().y);
        List<Double> bridgeLons = new ArrayList<>();
        for (Feature street : district.features(LayerCatalogue.STREETS)) {
            if (Boolean.TRUE.equals(street.get("bridge"))) {
                bridgeLons.add(street.geometry().getCentroid().getX());
            }
        }
        Geometry metricCreek = GeneratedDistricts.metric(creek);
        List<Footbridge> bridges = new ArrayList<>();
        for (Facility facility : coverage.lifeCircle().facilitiesOf(category)) {
            Point at = GeometryFactories.WGS84.createPoint(new Coordinate(facility.lon(), facility.lat()));
            double fromWater = metricCreek.distance(GeneratedDistricts.metric(at));
            double fromBridges = bridgeLons.stream().mapToDouble(lon -> Math.abs(lon - facility.lon()) * scale.metresPerDegreeLon())
                    .min().orElse(Double.POSITIVE_INFINITY);
            bridges.add(new Footbridge(category, facility.featureId(), across(creek, facility.lon(), scale), fromBridges, fromWater));
        }
        return bridges;
    }

    private static LineString across(Polygon creek, double lon, LocalScale scale) {
        Geometry water = GeometryFactories.WGS84.createLineString(new Coordinate[] {
                new Coordinate(lon, creek.getEnvelopeInternal().getMinY() - 0.01),
                new Coordinate(lon, creek.getEnvelopeInternal().getMaxY() + 0.01)}).intersection(creek);
        double beyond = BEYOND_WATER_METRES / scale.metresPerDegreeLat();
        return GeometryFactories.WGS84.createLineString(new Coordinate[] {
                new Coordinate(lon, water.getEnvelopeInternal().getMaxY() + beyond),
                new Coordinate(lon, water.getEnvelopeInternal().getMinY() - beyond)});
    }

    @Test
    void theAllCategoriesSummaryIsMeasured() {
        int rounds = 30;
        for (int warm = 0; warm < 10; warm++) {
            coverage.summary();
        }
        double[] millis = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            List<CategoryCoverage> summary = coverage.summary();
            millis[r] = (System.nanoTime() - start) / 1e6;
            assertThat(summary).hasSize(LifeCircleProfile.defaults().categories().size());
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "demo all-categories summary: median %.2f ms, min %.2f, max %.2f over %d runs"
                + " (target < 200 ms; a measurement, not an assertion)%n", millis[rounds / 2], millis[0], millis[rounds - 1], rounds);
        for (CategoryCoverage row : coverage.summary()) {
            System.out.printf(Locale.ROOT, "  %-18s %5.0f m  %3d facilities  covered %6d of %6d (%5.1f%%)%n",
                    row.category().id(), row.thresholdMetres(), row.facilities(), row.coveredResidents(), row.residents(),
                    100 * row.coveredShare());
        }
    }

    @Test
    void unitsAreTheBuildingGroupsWithResidents() {
        List<ResidentialUnit> units = coverage.units();

        assertThat(units).allSatisfy(u -> assertThat(u.residents()).isPositive());
        assertThat(units).extracting(ResidentialUnit::layer).containsOnly(LayerCatalogue.GRIDS);
    }
}
