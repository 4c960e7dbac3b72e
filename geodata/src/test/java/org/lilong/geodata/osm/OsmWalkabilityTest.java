package org.lilong.geodata.osm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lilong.layers.network.ShortestPathTree;
import org.lilong.layers.network.WalkingNetwork;
import org.locationtech.jts.geom.LineString;

/** One hand-written fixture per tag rule (fixtures/osm/RULE.osm: one way between two nodes). */
class OsmWalkabilityTest {

    @ParameterizedTest(name = "{0}.osm is walkable: {1}")
    @CsvSource({
            "footway, true",
            "steps, true",
            "residential, true",
            "service, true",
            "primary, true",
            "foot-no, false",
            "access-private, false",
            "access-no, false",
            "access-no-foot-yes, true",
            "highway-construction, false",
            "construction-tag, false",
            "motorway, false",
            "trunk, false",
            "trunk-link, false",
            "trunk-foot-yes, true",
            "motorway-foot-designated, true",
            "no-highway, false",
            "proposed, false"})
    void eachTagRuleDecidesWhetherTheWayBecomesAStreet(String rule, boolean walkable) {
        OsmStreets streets = OsmFixtures.read(rule + ".osm.xml");

        assertThat(streets.waysRead()).isEqualTo(1);
        assertThat(streets.streets()).hasSize(walkable ? 1 : 0);
    }

    @Test
    void oneWayTagsDoNotBindWalkers() {
        WalkingNetwork network = WalkingNetwork.fromStreets(OsmFixtures.read("oneway.osm.xml").streets());
        ShortestPathTree tree = new ShortestPathTree(network);

        double forward = tree.fromNode(0, 1000).distanceMetres(1);
        double backward = tree.fromNode(1, 1000).distanceMetres(0);

        assertThat(forward).isCloseTo(95.27, within(0.01)).isEqualTo(backward);
    }

    @Test
    void aPedestrianAreaIsWalkedAlongItsOutline() {
        OsmStreets streets = OsmFixtures.read("pedestrian-area.osm.xml");

        LineString outline = (LineString) streets.streets().get(0).geometry();
        assertThat(outline.isClosed()).isTrue();
        assertThat(outline.getNumPoints()).isEqualTo(5);
        assertThat(WalkingNetwork.fromStreets(streets.streets()).edgeCount()).isEqualTo(1);
    }

    /**
     * <pre>
     *   1 ---- 2 ---- 8 ---- 3     way 10: 1-2-8-3 residential
     *          |      |            way 11: 2-4 footway: 2 is a junction
     *          4      9            way 12: 8-9 motorway: 8 stays a shape point
     * </pre>
     */
    @Test
    void waysAreSplitAtNodesSharedWithOtherWalkableWaysOnly() {
        WalkingNetwork network = WalkingNetwork.fromStreets(OsmFixtures.read("split-at-shared-nodes.osm.xml").streets());

        assertThat(network.nodeCount()).isEqualTo(4);
        assertThat(network.edgeCount()).isEqualTo(3);
    }

    @Test
    void aWayIsSplitWhereTheExtractLacksItsNodes() {
        OsmStreets streets = OsmFixtures.read("missing-nodes.osm.xml");

        // Nodes 1 2 [3] 4 5 [6] 7: pieces 1–2 and 4–5; 7 alone is no line.
        assertThat(streets.streets()).extracting(f -> f.geometry().getNumPoints()).containsExactly(2, 2);
        assertThat(streets.waysMissingNodes()).isEqualTo(1);
    }

    @Test
    void relationsAreSkippedAndWaysMayComeBeforeTheirNodes() {
        OsmStreets streets = OsmFixtures.read("relation-and-unsorted.osm.xml");

        assertThat(streets.waysRead()).isEqualTo(1);
        assertThat(streets.streets()).hasSize(1);
    }

    @Test
    void walkabilityNeedsAHighwayTag() {
        assertThat(OsmWalkability.isWalkable(Map.of("foot", "yes"))).isFalse();
    }

    @Test
    void constructionNoIsNotUnderConstruction() {
        assertThat(OsmWalkability.isWalkable(Map.of("highway", "residential", "construction", "no"))).isTrue();
    }

    @Test
    void permissiveFootAccessOpensAPrivateWay() {
        assertThat(OsmWalkability.isWalkable(Map.of("highway", "service", "access", "private", "foot", "permissive"))).isTrue();
    }
}
