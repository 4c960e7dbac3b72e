package org.lilong.layers.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lilong.layers.editing.GridFixtures.box;
import static org.lilong.layers.editing.GridFixtures.grid;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lilong.layers.model.Feature;
import org.lilong.layers.spatial.LayerIndex;

/** The grid rules on the fixture hierarchy (S1 ⊃ R1, R2; R1 ⊃ M1), tolerance 0.5 m. */
class GridTopologyTest {

    private static final double LON_METRE = 1.0 / 95_300; // ≈ degrees of longitude per metre at 31.22° N

    private final GridTopology topology = new GridTopology(0.5);
    private final LayerIndex grids = new LayerIndex(List.of(GridFixtures.s1(), GridFixtures.s2(), GridFixtures.r1(),
            GridFixtures.r2(), GridFixtures.m1()));

    private static List<String> rules(List<TopologyProblem> problems) {
        return problems.stream().map(TopologyProblem::rule).toList();
    }

    @Test
    void aMicroGridInsideItsParentBesideItsSiblingPasses() {
        Feature m2 = grid(0, box(121.4825, 31.220, 121.485, 31.225), "M2", "micro", "R1");

        GridTopology.Outcome outcome = topology.checkWrite(grids, m2, null);

        assertThat(outcome.violations()).isEmpty();
        assertThat(rules(outcome.warnings())).containsExactly("parent-gap");
        // R1 is 0.005° × 0.010°; M1 and M2 cover its south half, so about half of it is a gap.
        assertThat(outcome.warnings().get(0).areaSquareMetres()).isBetween(0.45 * 476 * 1110, 0.55 * 476 * 1110);
    }

    @Test
    void aSelfIntersectingPolygonIsInvalidAndSaysWhere() {
        Feature bowTie = grid(0, "POLYGON ((121.481 31.221, 121.482 31.222, 121.482 31.221, 121.481 31.222, 121.481 31.221))",
                "M2", "micro", "R1");

        List<TopologyProblem> violations = topology.checkWrite(grids, bowTie, null).violations();

        assertThat(rules(violations)).containsExactly("invalid-geometry");
        assertThat(violations.get(0).message()).contains("Self-intersection").contains("121.4815000 31.2215000");
        assertThat(violations.get(0).where().getCoordinate().x).isEqualTo(121.4815, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aGridReachingOutOfItsParentIsRefusedWithTheAreaOutside() {
        Feature m2 = grid(0, box(121.4825, 31.225, 121.4850 + 10 * LON_METRE, 31.226), "M2", "micro", "R1");

        List<TopologyProblem> violations = topology.checkWrite(grids, m2, null).violations();

        assertThat(rules(violations)).containsExactly("outside-parent");
        // 10 m (less the 0.5 m tolerance) by 0.001° of latitude (≈ 111 m)
        assertThat(violations.get(0).areaSquareMetres()).isBetween(9.3 * 110.0, 9.7 * 112.0);
        assertThat(violations.get(0).codes()).containsExactly("R1");
    }

    @Test
    void slippingOutOfTheParentByLessThanTheToleranceIsAccepted() {
        Feature m2 = grid(0, box(121.4825, 31.225, 121.4850 + 0.3 * LON_METRE, 31.226), "M2", "micro", "R1");

        assertThat(topology.checkWrite(grids, m2, null).violations()).isEmpty();
    }

    @Test
    void overlappingASiblingIsRefusedNamingItAndTheOverlap() {
        Feature m2 = grid(0, box(121.482, 31.220, 121.485, 31.225), "M2", "micro", "R1");

        List<TopologyProblem> violations = topology.checkWrite(grids, m2, null).violations();

        assertThat(rules(violations)).containsExactly("sibling-overlap");
        assertThat(violations.get(0).codes()).containsExactly("M1");
        // 0.0005° × 0.005° ≈ 47.6 m × 555 m, less the tolerance strip
        assertThat(violations.get(0).areaSquareMetres()).isBetween(0.9 * 47.6 * 555, 1.02 * 47.6 * 555);
        assertThat(violations.get(0).where().getEnvelopeInternal().getMinX()).isGreaterThan(121.4819);
    }

    @Test
    void sharingAnEdgeWithASiblingIsNoOverlap() {
        Feature m2 = grid(0, box(121.4825, 31.220, 121.485, 31.225), "M2", "micro", "R1");

        assertThat(rules(topology.checkWrite(grids, m2, null).violations())).isEmpty();
    }

    @Test
    void shrinkingAParentAwayFromItsChildIsRefused() {
        Feature shrunk = grid(3, box(121.481, 31.220, 121.485, 31.230), "R1", "residential", "S1");

        List<TopologyProblem> violations = topology.checkWrite(grids, shrunk, GridFixtures.r1()).violations();

        assertThat(rules(violations)).containsExactly("child-outside");
        assertThat(violations.get(0).codes()).containsExactly("M1");
    }

    @Test
    void theParentMustExistAndBeOfAHigherLevel() {
        Feature orphan = grid(0, box(121.481, 31.221, 121.482, 31.222), "M2", "micro", "R9");
        Feature upsideDown = grid(0, box(121.481, 31.226, 121.482, 31.227), "R9", "residential", "M1");
        Feature noParent = grid(0, box(121.481, 31.226, 121.482, 31.227), "M3", "micro", null);

        assertThat(rules(topology.checkWrite(grids, orphan, null).violations())).containsExactly("parent-missing");
        assertThat(rules(topology.checkWrite(grids, upsideDown, null).violations())).contains("parent-level");
        assertThat(rules(topology.checkWrite(grids, noParent, null).violations())).containsExactly("parent-missing");
    }

    @Test
    void aGridCannotBecomeItsOwnAncestor() {
        Feature r1UnderM1 = grid(3, box(121.480, 31.220, 121.485, 31.230), "R1", "residential", "M1");

        assertThat(rules(topology.checkWrite(grids, r1UnderM1, GridFixtures.r1()).violations())).contains("cycle");
    }

    @Test
    void aCodeIsUnique() {
        Feature twin = grid(0, box(121.4825, 31.220, 121.485, 31.225), "M1", "micro", "R1");

        assertThat(rules(topology.checkWrite(grids, twin, null).violations())).contains("duplicate-code");
    }

    @Test
    void aGridWithChildrenCannotBeDeleted() {
        List<TopologyProblem> violations = topology.checkDelete(grids, GridFixtures.r1()).violations();

        assertThat(rules(violations)).containsExactly("has-children");
        assertThat(violations.get(0).codes()).containsExactly("M1");
    }

    @Test
    void deletingALeafWarnsOfTheGapItLeaves() {
        GridTopology.Outcome outcome = topology.checkDelete(grids, GridFixtures.m1());

        assertThat(outcome.violations()).isEmpty();
        assertThat(rules(outcome.warnings())).containsExactly("parent-gap");
    }
}
