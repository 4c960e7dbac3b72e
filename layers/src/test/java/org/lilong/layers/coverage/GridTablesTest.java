package org.lilong.layers.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lilong.layers.model.GridLevel;

/**
 * Per-grid tables over a hand-drawn hierarchy (metres; S is the sub-district, C comprehensive, R
 * residential-area and M micro-grids; b building groups, A a residential area without any):
 * <pre>
 *   200 ┌──────────── C1 = R1 ─────────┬──────── C2 = R2 = M3 ───────┐
 *       │      M1      │      M2       │                 A            │
 *   100 │          b4 (says M2)        │                              │
 *       │   b1         │   b2          │   b3 (parent unknown)        │      b5 (outside)
 *     0 └──────────────┴───────────────┴──────────────────────────────┘
 *       0             100             200                            400     500
 * </pre>
 */
class GridTablesTest {

    private static CoverageTown town() {
        return new CoverageTown()
                .street("LINESTRING (-10 0, 600 0)")
                .station("canteen", "POINT (30 -5)")
                .grid("subdistrict", "S", null, 0, rectangle(0, 0, 400, 200))
                .grid("comprehensive", "C1", "S", 0, rectangle(0, 0, 200, 200))
                .grid("comprehensive", "C2", "S", 0, rectangle(200, 0, 400, 200))
                .grid("residential", "R1", "C1", 0, rectangle(0, 0, 200, 200))
                .grid("residential", "R2", "C2", 0, rectangle(200, 0, 400, 200))
                .grid("micro", "M1", "R1", 0, rectangle(0, 0, 100, 200))
                .grid("micro", "M2", "R1", 0, rectangle(100, 0, 200, 200))
                .grid("micro", "M3", "R2", 0, rectangle(200, 0, 400, 200))
                .grid("building-group", "b1", "M1", 100, rectangle(10, 10, 60, 60))
                .grid("building-group", "b2", "M2", 200, rectangle(110, 10, 160, 60))
                .grid("building-group", "b3", "M9", 300, rectangle(210, 10, 260, 60))
                .grid("building-group", "b4", "M2", 400, rectangle(60, 110, 90, 140))
                .grid("building-group", "b5", null, 50, rectangle(500, 10, 540, 50))
                .area(1000, rectangle(300, 110, 380, 190));
    }

    private static String rectangle(double west, double south, double east, double north) {
        return "POLYGON ((" + west + " " + south + ", " + east + " " + south + ", " + east + " " + north + ", " + west + " "
                + north + ", " + west + " " + south + "))";
    }

    private static Map<String, GridCoverage> byCode(CategoryCoverage coverage) {
        return coverage.grids().stream().collect(Collectors.toMap(GridCoverage::code, g -> g));
    }

    @Test
    void everyLevelsRowsAddUpToTheDistrictLessTheUnassigned() {
        CategoryCoverage coverage = town().coverage().coverage("canteen", 300);

        assertThat(coverage.residents()).isEqualTo(2050);
        assertThat(coverage.unassignedResidents()).isEqualTo(50);
        for (GridLevel level : GridTables.LEVELS) {
            List<GridCoverage> rows = coverage.grids().stream().filter(g -> g.level() == level).toList();
            assertThat(rows.stream().mapToLong(GridCoverage::residents).sum()).as("%s", level).isEqualTo(2000);
            assertThat(rows.stream().mapToLong(GridCoverage::coveredResidents).sum()).as("%s covered", level)
                    .isEqualTo(coverage.coveredResidents() - coveredUnassigned(coverage));
        }
    }

    private static long coveredUnassigned(CategoryCoverage coverage) {
        return coverage.units().stream().filter(u -> u.unit().name().equals("grid b5") && u.covered())
                .mapToLong(u -> u.unit().residents()).sum();
    }

    @Test
    void rowsRunFromTheCoarsestLevelDownAndByCodeWithinALevel() {
        CategoryCoverage coverage = town().coverage().coverage("canteen", 300);

        assertThat(coverage.grids()).extracting(GridCoverage::code)
                .containsExactly("S", "C1", "C2", "R1", "R2", "M1", "M2", "M3");
        assertThat(coverage.grids()).extracting(GridCoverage::parentCode)
                .containsExactly(null, "S", "S", "C1", "C2", "R1", "R1", "R2");
    }

    @Test
    void aBuildingGroupBelongsWhereItsParentCodeSaysEvenWhenDrawnInAnotherGrid() {
        Map<String, GridCoverage> rows = byCode(town().coverage().coverage("canteen", 300));

        assertThat(rows.get("M1").residents()).isEqualTo(100);
        assertThat(rows.get("M2").residents()).isEqualTo(200 + 400);
    }

    @Test
    void aBuildingGroupWithAnUnknownParentAndAResidentialAreaAreFoundByTheirInteriorPoints() {
        Map<String, GridCoverage> rows = byCode(town().coverage().coverage("canteen", 300));

        assertThat(rows.get("M3").residents()).isEqualTo(300 + 1000);
        assertThat(rows.get("R2").residents()).isEqualTo(300 + 1000);
        assertThat(rows.get("C2").residents()).isEqualTo(300 + 1000);
    }

    @Test
    void coveredResidentsAreCountedInTheirGrids() {
        Map<String, GridCoverage> rows = byCode(town().coverage().coverage("canteen", 300));

        // Within 300 m: b1, b2 and b3 along the street; b4 and A are 110 m from it, off the network; b5 is 470 m along.
        assertThat(rows.get("M1").coveredResidents()).isEqualTo(100);
        assertThat(rows.get("M2").coveredResidents()).isEqualTo(200);
        assertThat(rows.get("M3").coveredResidents()).isEqualTo(300);
        assertThat(rows.get("S").coveredShare()).isEqualTo(600.0 / 2000);
    }
}
