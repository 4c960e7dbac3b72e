package org.lilong.layers.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lilong.layers.standard.FacilityCategory;
import org.lilong.layers.standard.LifeCircleProfile;

/**
 * Who is covered, on a hand-drawn street: one east–west street of 1 km, a canteen 10 m south of its
 * west end, and homes north of it.
 * <pre>
 *      [A]            [B]                                    [far]  (300 m north of everything)
 *   0 ──────────────────────────────────────────────────── 1000
 *   c (0, −10)
 * </pre>
 */
class CoverageAnalysisTest {

    private static final String STREET = "LINESTRING (0 0, 1000 0)";
    private static final String CANTEEN = "POINT (0 -10)";
    /** Its south-west corner is 10 m from the street at x = 100: a walk of 100 + 10 m (the canteen's leg). */
    private static final String A = CoverageTown.square(100, 10, 50);
    /** A walk of 400 + 10 m. */
    private static final String B = CoverageTown.square(400, 10, 50);

    private static ResidentialUnit unit(CoverageAnalysis coverage, long areaId) {
        return coverage.units().stream().filter(u -> u.featureId() == areaId).findFirst().orElseThrow();
    }

    private static UnitReach reach(CategoryCoverage coverage, long areaId) {
        return coverage.units().stream().filter(u -> u.unit().featureId() == areaId).findFirst().orElseThrow();
    }

    @Test
    void aHomeWithinTheThresholdIsCoveredAndOneBeyondItIsNot() {
        CoverageAnalysis analysis = new CoverageTown().street(STREET).station("canteen", CANTEEN)
                .area(1000, A).area(3000, B).coverage();

        CategoryCoverage canteens = analysis.coverage("canteen", 300);

        assertThat(reach(canteens, 1).covered()).isTrue();
        assertThat(reach(canteens, 1).walkMetres()).isCloseTo(110, within(0.5));
        assertThat(reach(canteens, 2).covered()).isFalse();
        assertThat(reach(canteens, 2).walkMetres()).isInfinite();
        assertThat(canteens.residents()).isEqualTo(4000);
        assertThat(canteens.coveredResidents()).isEqualTo(1000);
        assertThat(canteens.uncoveredResidents()).isEqualTo(3000);
        assertThat(canteens.coveredShare()).isCloseTo(0.25, within(1e-12));
        assertThat(canteens.uncovered()).extracting(u -> u.unit().featureId()).containsExactly(2L);
        assertThat(canteens.facilities()).isEqualTo(1);
    }

    @Test
    void aLongerThresholdCoversTheFartherHomeWithItsWalk() {
        CoverageAnalysis analysis = new CoverageTown().street(STREET).station("canteen", CANTEEN)
                .area(1000, A).area(3000, B).coverage();

        CategoryCoverage canteens = analysis.coverage("canteen", 500);

        assertThat(reach(canteens, 2).covered()).isTrue();
        assertThat(reach(canteens, 2).walkMetres()).isCloseTo(410, within(0.5));
        assertThat(canteens.coveredShare()).isEqualTo(1.0);
    }

    @Test
    void theFacilitysOwnLegFromItsStreetCountsInTheWalk() {
        // The gate is at x = 100; the canteen stands 190 m along and 15 or 25 m off the street.
        String nearGate = CoverageTown.square(100, 10, 10);
        CategoryCoverage shortLeg = new CoverageTown().street(STREET).station("canteen", "POINT (290 -15)")
                .area(500, nearGate).coverage().coverage("canteen", 200);
        CategoryCoverage longLeg = new CoverageTown().street(STREET).station("canteen", "POINT (290 -25)")
                .area(500, nearGate).coverage().coverage("canteen", 200);

        // From the square's east side (x = 110): 180 m along, plus the leg.
        assertThat(reach(shortLeg, 1).walkMetres()).isCloseTo(195, within(0.5));
        assertThat(reach(shortLeg, 1).covered()).isTrue();
        assertThat(reach(longLeg, 1).covered()).isFalse();
    }

    @Test
    void aHomeNoStreetRunsNearIsOffTheNetworkCountedAndNeverCovered() {
        CoverageAnalysis analysis = new CoverageTown().street(STREET).station("canteen", CANTEEN)
                .area(1000, A).area(700, CoverageTown.square(500, 300, 40)).coverage();

        CategoryCoverage canteens = analysis.coverage("canteen", CoverageAnalysis.MAX_THRESHOLD_METRES);

        assertThat(analysis.offNetworkUnits()).extracting(ResidentialUnit::featureId).containsExactly(2L);
        assertThat(reach(canteens, 2).covered()).isFalse();
        assertThat(canteens.residents()).isEqualTo(1700);
        assertThat(canteens.coveredResidents()).isEqualTo(1000);
    }

    @Test
    void aCategoryWithoutFacilitiesCoversNobody() {
        CategoryCoverage markets = new CoverageTown().street(STREET).station("canteen", CANTEEN).area(1000, A)
                .coverage().coverage("market", 500);

        assertThat(markets.facilities()).isZero();
        assertThat(markets.coveredResidents()).isZero();
        assertThat(markets.coveredShare()).isZero();
    }

    @Test
    void buildingGroupsWithResidentsAreTheUnitsAndTheResidentialAreaAroundThemIsNotCountedAgain() {
        CoverageAnalysis analysis = new CoverageTown().street(STREET)
                .area(900, CoverageTown.square(100, 10, 100))
                .area(400, CoverageTown.square(600, 10, 60))
                .grid("building-group", "BG1", null, 500, CoverageTown.square(110, 20, 40))
                .grid("building-group", "BG2", null, 400, CoverageTown.square(160, 20, 40))
                .grid("building-group", "BG0", null, 0, CoverageTown.square(610, 20, 40))
                .grid("micro", "M1", null, 900, CoverageTown.square(100, 10, 100))
                .coverage();

        // Area 1 holds building groups with residents; area 2 only one without.
        assertThat(analysis.units()).extracting(ResidentialUnit::layer, ResidentialUnit::featureId, ResidentialUnit::residents)
                .containsExactly(
                        tuple("grids", 1L, 500L),
                        tuple("grids", 2L, 400L),
                        tuple("residential-areas", 2L, 400L));
        assertThat(analysis.residents()).isEqualTo(1300);
    }

    @Test
    void theSummaryHasEveryCategoryOfTheProfileAtItsOwnMaximumWalk() {
        CoverageAnalysis analysis = new CoverageTown().street(STREET).station("canteen", CANTEEN)
                .station("health_centre", "POINT (900 -10)").area(1000, A).area(3000, B).coverage();

        List<CategoryCoverage> summary = analysis.summary();

        List<FacilityCategory> categories = LifeCircleProfile.defaults().categories();
        assertThat(summary).extracting(CategoryCoverage::category).containsExactlyElementsOf(categories);
        for (CategoryCoverage row : summary) {
            assertThat(row.thresholdMetres()).isEqualTo(row.category().maxWalkMetres());
            assertThat(row).isEqualTo(analysis.coverage(row.category().id(), row.category().maxWalkMetres()));
        }
    }

    @Test
    void anUnknownCategoryIsRefused() {
        CoverageAnalysis analysis = new CoverageTown().street(STREET).area(1000, A).coverage();

        assertThatThrownBy(() -> analysis.coverage("casino", 300)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("casino");
    }

    @Test
    void aThresholdOutsideZeroToTenKilometresIsRefused() {
        CoverageAnalysis analysis = new CoverageTown().street(STREET).area(1000, A).coverage();

        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 10_000.5}) {
            assertThatThrownBy(() -> analysis.coverage("canteen", bad)).as("threshold %s", bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(analysis.coverage("canteen", 10_000).thresholdMetres()).isEqualTo(10_000);
    }

    @Test
    void unitsKeepTheirOrderInEveryCoverage() {
        CoverageAnalysis analysis = new CoverageTown().street(STREET).station("canteen", CANTEEN)
                .area(1000, A).area(3000, B).coverage();

        assertThat(analysis.coverage("canteen", 300).units()).extracting(UnitReach::unit).isEqualTo(analysis.units());
        assertThat(unit(analysis, 2).name()).isEqualTo("area 2");
    }
}
