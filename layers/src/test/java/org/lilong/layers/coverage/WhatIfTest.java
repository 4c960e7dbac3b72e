package org.lilong.layers.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lilong.layers.lifecircle.OffNetworkException;
import org.lilong.layers.network.WalkingNetwork;
import org.lilong.layers.spatial.GeometryFactories;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * What a proposal would change, on two streets either side of a creek joined only by a bridge at
 * the east end; the canteen is on the north bank, the home on the south bank straight across.
 * <pre>
 *   (0,60) ──────────c─────────────────────────────── (600,60)
 *   ~~~~~~~~~~~~~~~~~~~~~~~~~~ creek ~~~~~~~~~~~~~~~~~~~~~~~ │ bridge
 *   (0,0) ───────────[home]────────────────────────── (600,0)
 *                  100 (home 100–130, 10 m south of the street)
 * </pre>
 */
class WhatIfTest {

    private static CoverageTown creekTown() {
        return new CoverageTown()
                .street("LINESTRING (0 0, 600 0)")
                .street("LINESTRING (0 60, 600 60)")
                .street("LINESTRING (600 0, 600 60)")
                .station("canteen", "POINT (110 70)")
                .area(800, CoverageTown.square(100, -40, 30));
    }

    /** A footbridge drawn from 5 m south of the north street to 5 m north of the south street, at x = 120. */
    private static final LineString FOOTBRIDGE = CoverageTown.lineString(120, 55, 120, 5);

    @Test
    void aFootbridgeOverTheCreekBringsTheHomeAcrossIntoReach() {
        CoverageAnalysis analysis = creekTown().coverage();

        WhatIfResult result = analysis.whatIf("canteen", 300, new WhatIfProposal(List.of(), List.of(FOOTBRIDGE)));

        assertThat(result.before().units().get(0).covered()).isFalse();
        assertThat(result.after().units().get(0).covered()).isTrue();
        // The home's edge is sampled every 15 m on its 30 m side, so its nearest gate is at x = 115: 5 m
        // east to the bridge's foot, 5 m to the drawn bridge, 50 m over it, 5 m up to the north street,
        // 10 m west along it and the canteen's 10 m leg.
        assertThat(result.after().units().get(0).walkMetres()).isCloseTo(5 + 5 + 50 + 5 + 10 + 10, within(0.5));
        assertThat(result.gainResidents()).isEqualTo(800);
        assertThat(result.after().coveredShare()).isEqualTo(1.0);
    }

    @Test
    void aProposedFacilityJoinsTheCategorysOwn() {
        CoverageAnalysis analysis = creekTown().coverage();
        Point newCanteen = CoverageTown.point(300, -10);

        WhatIfResult result = analysis.whatIf("canteen", 300, new WhatIfProposal(List.of(newCanteen), List.of()));

        assertThat(result.before().facilities()).isEqualTo(1);
        assertThat(result.after().facilities()).isEqualTo(2);
        // From the gate at x = 130: 170 m along the street and the new canteen's 10 m leg.
        assertThat(result.after().units().get(0).walkMetres()).isCloseTo(180, within(0.5));
        assertThat(result.gainResidents()).isEqualTo(800);
    }

    @Test
    void aWhatIfLeavesTheSharedNetworkAndTheCoverageAsTheyWere() {
        CoverageAnalysis analysis = creekTown().coverage();
        WalkingNetwork network = analysis.lifeCircle().network();
        String before = network.toString();
        CategoryCoverage coverageBefore = analysis.coverage("canteen", 300);

        analysis.whatIf("canteen", 300, new WhatIfProposal(List.of(CoverageTown.point(300, -10)), List.of(FOOTBRIDGE)));

        assertThat(analysis.lifeCircle().network()).isSameAs(network);
        assertThat(network.toString()).isEqualTo(before);
        assertThat(analysis.coverage("canteen", 300)).isEqualTo(coverageBefore);
    }

    @Test
    void theBeforeSideIsTheCoverageAsItIs() {
        CoverageAnalysis analysis = creekTown().coverage();

        WhatIfResult result = analysis.whatIf("canteen", 300, new WhatIfProposal(List.of(), List.of(FOOTBRIDGE)));

        assertThat(result.before()).isEqualTo(analysis.coverage("canteen", 300));
    }

    @Test
    void aFootbridgeFarFromTheHomesGainsNothing() {
        CoverageAnalysis analysis = creekTown().coverage();

        WhatIfResult result = analysis.whatIf("canteen", 300,
                new WhatIfProposal(List.of(), List.of(CoverageTown.lineString(450, 55, 450, 5))));

        assertThat(result.gainResidents()).isZero();
    }

    @Test
    void anInvalidGeometryIsRefused() {
        CoverageAnalysis analysis = creekTown().coverage();
        Point empty = GeometryFactories.WGS84.createPoint();
        Point notANumber = GeometryFactories.WGS84.createPoint(new Coordinate(Double.NaN, 31.2));
        Point outOfRange = GeometryFactories.WGS84.createPoint(new Coordinate(121.5, 91));
        LineString emptyLine = GeometryFactories.WGS84.createLineString();
        Coordinate at = CoverageTown.lonLat(120, 5);
        LineString onePoint = GeometryFactories.WGS84.createLineString(new Coordinate[] {at, new Coordinate(at)});
        LineString outOfRangeLine = GeometryFactories.WGS84.createLineString(
                new Coordinate[] {at, new Coordinate(200, 31.2)});

        for (Point bad : new Point[] {empty, notANumber, outOfRange}) {
            assertThatThrownBy(() -> analysis.whatIf("canteen", 300, new WhatIfProposal(List.of(bad), List.of())))
                    .as("%s", bad).isInstanceOf(IllegalArgumentException.class);
        }
        for (LineString bad : new LineString[] {emptyLine, onePoint, outOfRangeLine}) {
            assertThatThrownBy(() -> analysis.whatIf("canteen", 300, new WhatIfProposal(List.of(), List.of(bad))))
                    .as("%s", bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aFacilityOrLinkEndFartherThanTheSnappingLimitFromEveryStreetIsOffTheNetwork() {
        CoverageAnalysis analysis = creekTown().coverage();
        Point farFacility = CoverageTown.point(300, 500);
        LineString farEnd = CoverageTown.lineString(120, 55, 120, -400);

        assertThatThrownBy(() -> analysis.whatIf("canteen", 300, new WhatIfProposal(List.of(farFacility), List.of())))
                .isInstanceOf(OffNetworkException.class).hasMessageContaining("proposed facility 1");
        assertThatThrownBy(() -> analysis.whatIf("canteen", 300, new WhatIfProposal(List.of(), List.of(farEnd))))
                .isInstanceOf(OffNetworkException.class).hasMessageContaining("the end of proposed link 1");
    }

    @Test
    void anUnknownCategoryOrBadThresholdIsRefusedBeforeTheProposalIsLookedAt() {
        CoverageAnalysis analysis = creekTown().coverage();
        WhatIfProposal far = new WhatIfProposal(List.of(CoverageTown.point(300, 500)), List.of());

        assertThatThrownBy(() -> analysis.whatIf("casino", 300, far)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("casino");
        assertThatThrownBy(() -> analysis.whatIf("canteen", 20_000, far)).isInstanceOf(IllegalArgumentException.class);
    }
}
