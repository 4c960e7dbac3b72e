package org.lilong.geodata.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

class StreetNetworkTest {

    static final List<Long> SEEDS = GeneratedDistricts.SEEDS;

    @ParameterizedTest
    @FieldSource("SEEDS")
    void everyStreetThatTouchesTheCreekIsABridge(long seed) {
        DemoDistrict district = GeneratedDistricts.of(seed);
        for (Feature street : district.features(LayerCatalogue.STREETS)) {
            if (district.creek().intersects(street.geometry())) {
                assertThat(street.get("bridge")).as(street.text("name")).isEqualTo(Boolean.TRUE);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void creekHasTwoOrThreeBridgesAndEachSpansIt(long seed) {
        DemoDistrict district = GeneratedDistricts.of(seed);
        List<Feature> bridges = district.features(LayerCatalogue.STREETS).stream()
                .filter(f -> Boolean.TRUE.equals(f.get("bridge"))).toList();

        assertThat(bridges).hasSizeBetween(2, 3);
        for (Feature bridge : bridges) {
            LineString line = (LineString) bridge.geometry();
            assertThat(district.creek().intersects(line)).isTrue();
            assertThat(district.creek().intersects(line.getStartPoint())).isFalse();
            assertThat(district.creek().intersects(line.getEndPoint())).isFalse();
            assertThat(bridge.text("name")).endsWith("桥");
        }
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void streetsMeetOnlyAtSharedEndPoints(long seed) {
        List<LineString> lines = GeneratedDistricts.of(seed).features(LayerCatalogue.STREETS).stream()
                .map(f -> (LineString) f.geometry()).toList();
        STRtree index = new STRtree();
        lines.forEach(line -> index.insert(line.getEnvelopeInternal(), line));
        for (LineString line : lines) {
            assertThat(line.getLength()).isPositive();
            for (Object candidate : index.query(line.getEnvelopeInternal())) {
                LineString other = (LineString) candidate;
                if (other == line) {
                    continue;
                }
                Geometry meeting = line.intersection(other);
                if (meeting.isEmpty()) {
                    continue;
                }
                assertThat(meeting).as("%s meets %s", line, other).isInstanceOf(Point.class);
                Coordinate at = meeting.getCoordinate();
                assertThat(isEndPoint(line, at) && isEndPoint(other, at)).as("%s meets %s at %s", line, other, at).isTrue();
            }
        }
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void streetsFormOneConnectedNetwork(long seed) {
        List<Feature> streets = GeneratedDistricts.of(seed).features(LayerCatalogue.STREETS);
        Map<Coordinate, Coordinate> parent = new HashMap<>();
        for (Feature street : streets) {
            Coordinate[] ends = {((LineString) street.geometry()).getCoordinateN(0),
                    ((LineString) street.geometry()).getCoordinateN(((LineString) street.geometry()).getNumPoints() - 1)};
            union(parent, ends[0], ends[1]);
        }
        long components = parent.keySet().stream().map(c -> root(parent, c)).distinct().count();
        assertThat(components).isEqualTo(1);
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void everyStationIsWithinThirtyMetresOfAStreet(long seed) {
        DemoDistrict district = GeneratedDistricts.of(seed);
        List<Geometry> streets = district.features(LayerCatalogue.STREETS).stream()
                .map(f -> GeneratedDistricts.metric(f.geometry())).toList();
        for (Feature station : district.features(LayerCatalogue.SERVICE_STATIONS)) {
            Geometry point = GeneratedDistricts.metric(station.geometry());
            double nearest = streets.stream().mapToDouble(point::distance).min().orElseThrow();
            assertThat(nearest).as(station.text("name")).isLessThanOrEqualTo(30.0);
        }
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void streetsHaveNamesAndAKnownClass(long seed) {
        for (Feature street : GeneratedDistricts.of(seed).features(LayerCatalogue.STREETS)) {
            assertThat(street.text("class")).isIn("main", "street", "lane");
            assertThat(street.text("name")).isNotBlank();
            assertThat(street.text("name_en")).isNotBlank();
            if (street.text("class").equals("lane")) {
                assertThat(street.text("name")).matches(".+路\\d+弄");
            }
        }
    }

    private static boolean isEndPoint(LineString line, Coordinate at) {
        return line.getCoordinateN(0).equals2D(at) || line.getCoordinateN(line.getNumPoints() - 1).equals2D(at);
    }

    private static void union(Map<Coordinate, Coordinate> parent, Coordinate a, Coordinate b) {
        parent.putIfAbsent(a, a);
        parent.putIfAbsent(b, b);
        Coordinate rootA = root(parent, a);
        Coordinate rootB = root(parent, b);
        if (!rootA.equals2D(rootB)) {
            parent.put(rootA, rootB);
        }
    }

    private static Coordinate root(Map<Coordinate, Coordinate> parent, Coordinate c) {
        Coordinate current = c;
        while (!parent.get(current).equals2D(current)) {
            current = parent.get(current);
        }
        return current;
    }
}
