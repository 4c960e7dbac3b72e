package org.lilong.layers.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lilong.layers.model.Feature;
import org.lilong.layers.spatial.GeometryFactories;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

class WalkingNetworkBuilderTest {

    /**
     * <pre>
     *   a ---- b ---- c      a–b–c is one street, b–d another:
     *          |             b is a node because both streets have it
     *          d
     * </pre>
     */
    @Test
    void streetsSharingAVertexMeetAtANode() {
        NetworkSketch.Built net = new NetworkSketch()
                .point("a", 0, 0).point("b", 100, 0).point("c", 200, 0).point("d", 100, -80)
                .street("a", "b", "c").street("b", "d").build();

        assertThat(net.network().nodeCount()).isEqualTo(4);
        assertThat(net.network().edgeCount()).isEqualTo(3);
        assertThat(net.network().degree(net.node("b"))).isEqualTo(3);
    }

    /**
     * <pre>
     *   a ---- b        one street a–b–c: b is only a shape point
     *           \
     *            c
     * </pre>
     */
    @Test
    void aVertexOfOneStreetOnlyIsAShapePointNotANode() {
        NetworkSketch.Built net = new NetworkSketch()
                .point("a", 0, 0).point("b", 100, 0).point("c", 130, -40).street("a", "b", "c").build();

        assertThat(net.network().nodeCount()).isEqualTo(2);
        assertThat(net.network().edgeCount()).isEqualTo(1);
        assertThat(net.network().edgeVertexCount(0)).isEqualTo(3);
        assertThat(net.network().edgeLengthMetres(0)).isCloseTo(150, within(0.01));
    }

    /**
     * <pre>
     *        x
     *        |
     *   a ---+--- b      a–b and x–y cross without a shared vertex: a bridge, not a junction
     *        |
     *        y
     * </pre>
     */
    @Test
    void streetsThatCrossWithoutASharedVertexDoNotConnect() {
        NetworkSketch.Built net = new NetworkSketch()
                .point("a", 0, 0).point("b", 100, 0).point("x", 50, 50).point("y", 50, -50)
                .street("a", "b").street("x", "y").build();

        assertThat(net.network().nodeCount()).isEqualTo(4);
        assertThat(net.network().degree(net.node("a"))).isEqualTo(1);
        assertThat(net.network().degree(net.node("x"))).isEqualTo(1);
    }

    @Test
    void coordinatesThatRoundToTheSame1e7DegreeAreOneVertex() {
        WalkingNetwork network = new WalkingNetworkBuilder()
                .add(1, new Coordinate(121.47, 31.23), new Coordinate(121.471, 31.23))
                .add(2, new Coordinate(121.47100003, 31.22999996), new Coordinate(121.471, 31.231))
                .build();

        assertThat(network.nodeCount()).isEqualTo(3);
    }

    @Test
    void repeatedConsecutiveVerticesAreDropped() {
        WalkingNetwork network = new WalkingNetworkBuilder()
                .add(1, new Coordinate(121.47, 31.23), new Coordinate(121.47, 31.23), new Coordinate(121.471, 31.23))
                .build();

        assertThat(network.edgeCount()).isEqualTo(1);
        assertThat(network.edgeVertexCount(0)).isEqualTo(2);
    }

    @Test
    void aLineOfOneDistinctPointIsIgnored() {
        WalkingNetwork network = new WalkingNetworkBuilder()
                .add(1, new Coordinate(121.47, 31.23), new Coordinate(121.47, 31.23)).build();

        assertThat(network.edgeCount()).isZero();
        assertThat(network.nodeCount()).isZero();
    }

    /**
     * <pre>
     *   a ---- b ---- c      one street a–b–c–d–b: it passes b twice, so b is a node
     *          |      |
     *          e ---- d
     * </pre>
     */
    @Test
    void aStreetThatPassesAVertexTwiceHasANodeThere() {
        NetworkSketch.Built net = new NetworkSketch()
                .point("a", 0, 0).point("b", 100, 0).point("c", 200, 0).point("d", 200, -100).point("e", 100, -100)
                .street("a", "b", "c", "d", "e", "b").build();

        assertThat(net.network().nodeCount()).isEqualTo(2);
        assertThat(net.network().edgeCount()).isEqualTo(2);
        assertThat(net.network().degree(net.node("b"))).isEqualTo(3);
    }

    @Test
    void theStreetsLayerBecomesANetworkThatRemembersEachEdgesFeature() throws ParseException {
        WKTReader wkt = new WKTReader(GeometryFactories.WGS84);
        List<Feature> streets = List.of(
                new Feature(7, wkt.read("LINESTRING (121.470 31.230, 121.471 31.230, 121.472 31.230)"), Map.of()),
                new Feature(9, wkt.read("MULTILINESTRING ((121.471 31.230, 121.471 31.231), (121.472 31.230, 121.472 31.229))"),
                        Map.of()));

        WalkingNetwork network = WalkingNetwork.fromStreets(streets);

        assertThat(network.edgeCount()).isEqualTo(4);
        assertThat(IntStream.range(0, network.edgeCount()).mapToLong(network::lineId).toArray())
                .containsExactly(7L, 7L, 9L, 9L);
    }

    @Test
    void aPointIsNotAStreet() throws ParseException {
        Feature point = new Feature(3, new WKTReader(GeometryFactories.WGS84).read("POINT (121.47 31.23)"), Map.of());

        assertThatThrownBy(() -> WalkingNetwork.fromStreets(List.of(point)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3").hasMessageContaining("Point");
    }

    @Test
    void aCoordinateOutOfRangeIsRefused() {
        assertThatThrownBy(() -> new WalkingNetworkBuilder().add(5, new Coordinate(31.23, 121.47), new Coordinate(31.24, 121.47)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 5");
    }

    /** Geodesic lengths agree with planar lengths in a transverse Mercator centred on the data (scale error < 1e-7 here). */
    @Test
    void edgeLengthsAgreeWithLengthsInALocalTransverseMercator() {
        CRSFactory crs = new CRSFactory();
        CoordinateReferenceSystem wgs84 = crs.createFromName("EPSG:4326");
        CoordinateReferenceSystem local = crs.createFromParameters("local-tm",
                "+proj=tmerc +lat_0=31.23 +lon_0=121.47 +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs");
        CoordinateTransform toLocal = new CoordinateTransformFactory().createTransform(wgs84, local);
        Random random = new Random(4);
        WalkingNetworkBuilder builder = new WalkingNetworkBuilder();
        for (int line = 0; line < 200; line++) {
            Coordinate[] points = new Coordinate[2 + random.nextInt(4)];
            for (int i = 0; i < points.length; i++) {
                points[i] = new Coordinate(121.46 + random.nextDouble() * 0.02, 31.22 + random.nextDouble() * 0.02);
            }
            builder.add(line, points);
        }
        WalkingNetwork network = builder.build();

        for (int e = 0; e < network.edgeCount(); e++) {
            double planar = 0;
            for (int i = 1; i < network.edgeVertexCount(e); i++) {
                ProjCoordinate p = toLocal.transform(new ProjCoordinate(network.edgeVertexLon(e, i - 1), network.edgeVertexLat(e, i - 1)),
                        new ProjCoordinate());
                ProjCoordinate q = toLocal.transform(new ProjCoordinate(network.edgeVertexLon(e, i), network.edgeVertexLat(e, i)),
                        new ProjCoordinate());
                planar += Math.hypot(q.x - p.x, q.y - p.y);
            }
            assertThat(network.edgeLengthMetres(e)).as("edge %d", e).isCloseTo(planar, within(1e-5 * planar + 0.001));
        }
    }

    @Test
    void memoryIsStatedPerEdgeShapePointAndNode() {
        NetworkSketch.Built net = new NetworkSketch()
                .point("a", 0, 0).point("b", 100, 0).point("c", 200, 0).point("d", 100, -80).point("e", 150, -120)
                .street("a", "b", "c").street("b", "e", "d").build();
        WalkingNetwork network = net.network();

        // 3 edges, 1 shape point (e), 4 nodes, 2 lines; the adjacency offsets have one entry more than the nodes.
        assertThat(network.memoryBytes()).isEqualTo(3L * WalkingNetwork.BYTES_PER_EDGE + WalkingNetwork.BYTES_PER_SHAPE_POINT
                + 4L * WalkingNetwork.BYTES_PER_NODE + 2 * 8 + 4 + 4);
    }

    @Test
    void anEdgeCanBeCutAtFractionsOfItsLength() {
        NetworkSketch.Built net = new NetworkSketch()
                .point("a", 0, 0).point("b", 100, 0).point("c", 100, 100).street("a", "b", "c").build();

        LineString middle = net.network().edgeGeometry(net.edge("a", "c"), 0.25, 0.75);

        assertThat(middle.getNumPoints()).isEqualTo(3);
        assertClose(middle.getCoordinateN(0), NetworkSketch.lonLat(50, 0));
        assertClose(middle.getCoordinateN(1), NetworkSketch.lonLat(100, 0));
        assertClose(middle.getCoordinateN(2), NetworkSketch.lonLat(100, 50));
        assertClose(net.network().pointAt(net.edge("a", "c"), 0.9), NetworkSketch.lonLat(100, 80));
    }

    private static void assertClose(Coordinate actual, Coordinate expected) {
        assertThat(actual.x).isCloseTo(expected.x, within(2e-7));
        assertThat(actual.y).isCloseTo(expected.y, within(2e-7));
    }
}
