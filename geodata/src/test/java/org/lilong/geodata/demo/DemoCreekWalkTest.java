package org.lilong.geodata.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lilong.layers.lifecircle.CategoryResult;
import org.lilong.layers.lifecircle.LifeCircleAnalysis;
import org.lilong.layers.lifecircle.LifeCircleReport;
import org.lilong.layers.lifecircle.ReachedFacility;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.network.LocalScale;
import org.lilong.layers.network.VincentyDistance;
import org.lilong.layers.standard.LifeCircleProfile;
import org.lilong.layers.standard.WalkingSpeed;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The creek: two homes facing each other across the demo district's creek, 60 m apart and
 * far from both bridges, are farther apart on foot than a 5-minute walk, and the checklist says so.
 */
class DemoCreekWalkTest {

    private static final double APART_METRES = 60;
    /** Homes are sought at least this far inside the district's ends, where the embankments run. */
    private static final double END_MARGIN_METRES = 150;

    /** Two homes straight across the creek from each other. */
    private record Homes(Coordinate north, Coordinate south, double metresFromBridge) {
    }

    /**
     * Along the creek, the place farthest from every bridge; there, the points 30 m north and south
     * of the middle of the water.
     */
    private static Homes homesAcrossTheCreek(DemoDistrict district) {
        Polygon creek = district.creek();
        List<Geometry> bridges = new ArrayList<>();
        for (Feature street : district.features(LayerCatalogue.STREETS)) {
            if (Boolean.TRUE.equals(street.get("bridge"))) {
                bridges.add(street.geometry());
            }
        }
        assertThat(bridges).as("the demo creek has two or three bridges").hasSizeBetween(2, 3);
        Envelope extent = creek.getEnvelopeInternal();
        LocalScale scale = LocalScale.at(extent.centre().y);
        GeometryFactory factory = creek.getFactory();
        Homes best = null;
        double margin = END_MARGIN_METRES / scale.metresPerDegreeLon();
        for (double lon = extent.getMinX() + margin; lon <= extent.getMaxX() - margin; lon += 10 / scale.metresPerDegreeLon()) {
            Geometry across = factory.createLineString(new Coordinate[] {
                    new Coordinate(lon, extent.getMinY() - 0.001), new Coordinate(lon, extent.getMaxY() + 0.001)}).intersection(creek);
            double middle = across.getEnvelopeInternal().centre().y;
            double fromBridge = Double.POSITIVE_INFINITY;
            for (Geometry bridge : bridges) {
                fromBridge = Math.min(fromBridge, Math.abs(bridge.getCentroid().getX() - lon) * scale.metresPerDegreeLon());
            }
            if (best == null || fromBridge > best.metresFromBridge()) {
                double half = APART_METRES / 2 / scale.metresPerDegreeLat();
                best = new Homes(new Coordinate(lon, middle + half), new Coordinate(lon, middle - half), fromBridge);
            }
        }
        return best;
    }

    @Test
    void homesFacingEachOtherAcrossTheCreekAreFartherApartOnFootThanFiveMinutes() {
        DemoDistrict district = DemoDistrictGenerator.generate(DemoDistrictGenerator.DEFAULT_SEED);
        Homes homes = homesAcrossTheCreek(district);
        List<Feature> stations = new ArrayList<>(district.features(LayerCatalogue.SERVICE_STATIONS));
        long canteenId = stations.stream().mapToLong(Feature::id).max().orElse(0) + 1;
        Map<String, Object> canteen = new LinkedHashMap<>();
        canteen.put("name", "对岸助餐点");
        canteen.put("category", "canteen");
        stations.add(new Feature(canteenId, new GeometryFactory().createPoint(homes.north()), canteen));
        LifeCircleProfile profile = LifeCircleProfile.defaults();
        LifeCircleAnalysis analysis = LifeCircleAnalysis.build(district.features(LayerCatalogue.STREETS),
                district.features(LayerCatalogue.WATER), stations, district.features(LayerCatalogue.POCKET_PARKS), profile);
        WalkingSpeed speed = profile.defaultSpeed();
        double fiveMinutes = speed.metresIn(5);

        LifeCircleReport report = analysis.report(analysis.startAt(homes.south().x, homes.south().y), speed);

        CategoryResult canteens = report.categories().stream().filter(c -> c.category().id().equals("canteen"))
                .findFirst().orElseThrow();
        ReachedFacility across = canteens.nearest();
        System.out.printf("creek homes %.1f m from the nearest bridge, %.1f m apart; canteen across the creek: walk %.1f m"
                        + " (%.1f min at %.1f m/s), straight %.1f m; the 5-minute distance is %.0f m; canteen status %s%n",
                homes.metresFromBridge(), VincentyDistance.metres(homes.south().x, homes.south().y, homes.north().x, homes.north().y),
                across.walkMetres(), across.minutes(), speed.metresPerSecond(), across.straightMetres(), fiveMinutes,
                canteens.status());
        assertThat(across.featureId()).as("the canteen across the creek is the south home's nearest").isEqualTo(canteenId);
        assertThat(across.straightMetres()).isCloseTo(APART_METRES, within(0.5));
        assertThat(across.walkMetres()).isGreaterThan(fiveMinutes);
        // To the nearest bridge and back along the other bank, at the least.
        assertThat(across.walkMetres()).isGreaterThan(2 * homes.metresFromBridge());
        assertThat(canteens.status()).isEqualTo(CategoryResult.Status.FAIL);
        assertThat(canteens.within5()).isZero();
    }
}
