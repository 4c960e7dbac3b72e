package org.lilong.geodata.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.RenovationStage;
import org.lilong.layers.standard.LifeCircleProfile;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

class DistrictContentTest {

    static final List<Long> SEEDS = GeneratedDistricts.SEEDS;

    @ParameterizedTest
    @FieldSource("SEEDS")
    void subdistrictIsAboutTwoByTwoKilometres(long seed) {
        Envelope extent = GeneratedDistricts.metric(GeneratedDistricts.subdistrictBoundary(GeneratedDistricts.of(seed)))
                .getEnvelopeInternal();
        assertThat(extent.getWidth()).isBetween(2000.0, 2600.0);
        assertThat(extent.getHeight()).isBetween(1600.0, 2200.0);
        assertThat(extent.centre().distance(new org.locationtech.jts.geom.Coordinate(0, 0))).isLessThan(100.0);
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void everyStationLiesInsideTheSubdistrict(long seed) {
        DemoDistrict district = GeneratedDistricts.of(seed);
        Geometry boundary = GeneratedDistricts.subdistrictBoundary(district);
        for (Feature station : district.features(LayerCatalogue.SERVICE_STATIONS)) {
            assertThat(boundary.contains(station.geometry())).as(station.text("name")).isTrue();
        }
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void everyParkPlotAndResidentialAreaLiesInsideTheSubdistrict(long seed) {
        DemoDistrict district = GeneratedDistricts.of(seed);
        Geometry boundary = GeneratedDistricts.subdistrictBoundary(district);
        for (String layer : List.of(LayerCatalogue.POCKET_PARKS, LayerCatalogue.RENOVATION_PLOTS, LayerCatalogue.RESIDENTIAL_AREAS)) {
            for (Feature feature : district.features(layer)) {
                assertThat(boundary.contains(feature.geometry())).as("%s %s", layer, feature.text("name")).isTrue();
            }
        }
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void noStationParkPlotOrResidentialAreaTouchesTheCreek(long seed) {
        DemoDistrict district = GeneratedDistricts.of(seed);
        Polygon creek = district.creek();
        for (String layer : List.of(LayerCatalogue.SERVICE_STATIONS, LayerCatalogue.POCKET_PARKS,
                LayerCatalogue.RENOVATION_PLOTS, LayerCatalogue.RESIDENTIAL_AREAS)) {
            for (Feature feature : district.features(layer)) {
                assertThat(creek.intersects(feature.geometry())).as("%s %s on the creek", layer, feature.text("name")).isFalse();
            }
        }
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void theWaterLayerHoldsTheCreekAndNoResidentialAreaStationOrParkIsInTheWater(long seed) {
        DemoDistrict district = GeneratedDistricts.of(seed);
        List<Feature> water = district.features(LayerCatalogue.WATER);

        assertThat(water).hasSize(1);
        Feature creek = water.get(0);
        assertThat(creek.id()).isEqualTo(1);
        assertThat(creek.text("name")).isEqualTo(NameBank.CREEK.zh());
        assertThat(creek.text("name_en")).isEqualTo(NameBank.CREEK.en());
        assertThat(creek.text("kind")).isEqualTo("creek");
        assertThat(creek.geometry()).isInstanceOf(Polygon.class);
        assertThat(creek.geometry().isValid()).isTrue();
        assertThat(creek.geometry().equalsExact(district.creek())).isTrue();
        assertThat(LayerCatalogue.standard().get(LayerCatalogue.WATER).base()).isTrue();
        assertThat(district.metadata()).containsKey("attribution.water")
                .doesNotContainKeys("dataset.creek.geojson", "dataset.creek.name", "dataset.creek.name_en");

        for (String layer : List.of(LayerCatalogue.RESIDENTIAL_AREAS, LayerCatalogue.SERVICE_STATIONS, LayerCatalogue.POCKET_PARKS)) {
            for (Feature feature : district.features(layer)) {
                for (Feature body : water) {
                    assertThat(body.geometry().intersects(feature.geometry()))
                            .as("%s %s in %s", layer, feature.text("name"), body.text("name")).isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void creekCrossesTheSubdistrictFromWestToEast(long seed) {
        DemoDistrict district = GeneratedDistricts.of(seed);
        Envelope creek = GeneratedDistricts.metric(district.creek()).getEnvelopeInternal();
        Envelope extent = GeneratedDistricts.metric(GeneratedDistricts.subdistrictBoundary(district)).getEnvelopeInternal();
        assertThat(district.creek().isValid()).isTrue();
        assertThat(creek.getWidth()).isGreaterThan(extent.getWidth() * 0.95);
        assertThat(creek.getHeight()).isLessThan(200.0);
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void residentialAreasDoNotOverlapEachOther(long seed) {
        List<Geometry> areas = GeneratedDistricts.of(seed).features(LayerCatalogue.RESIDENTIAL_AREAS).stream()
                .map(f -> GeneratedDistricts.metric(f.geometry())).toList();
        for (int a = 0; a < areas.size(); a++) {
            assertThat(areas.get(a).isValid()).isTrue();
            for (int b = a + 1; b < areas.size(); b++) {
                assertThat(areas.get(a).intersection(areas.get(b)).getArea()).isLessThan(1.0);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void residentsTotalBetweenSixtyAndOneHundredThousandInAboutFortyAreas(long seed) {
        DemoDistrict district = GeneratedDistricts.of(seed);
        List<Feature> areas = district.features(LayerCatalogue.RESIDENTIAL_AREAS);
        long residents = areas.stream().mapToLong(f -> (Long) f.get("residents")).sum();

        assertThat(areas).hasSizeBetween(35, 45);
        assertThat(residents).isBetween(60_000L, 100_000L);
        assertThat(district.features(LayerCatalogue.SUBDISTRICTS).get(0).get("residents")).isEqualTo(residents);
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void householdsAreAboutResidentsDividedByTwoAndAHalf(long seed) {
        for (Feature area : GeneratedDistricts.of(seed).features(LayerCatalogue.RESIDENTIAL_AREAS)) {
            double perHousehold = (double) (Long) area.get("residents") / (Long) area.get("households");
            assertThat(perHousehold).as(area.text("name")).isBetween(2.2, 2.8);
        }
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void everyRenovationStageIsPresent(long seed) {
        Set<RenovationStage> stages = EnumSet.noneOf(RenovationStage.class);
        for (Feature plot : GeneratedDistricts.of(seed).features(LayerCatalogue.RENOVATION_PLOTS)) {
            stages.add(java.util.Arrays.stream(RenovationStage.values())
                    .filter(s -> s.code().equals(plot.text("stage"))).findFirst().orElseThrow());
        }
        assertThat(stages).containsExactlyInAnyOrder(RenovationStage.values());
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void signedHouseholdsNeverExceedHouseholdsAndAreCompleteAfterSigning(long seed) {
        for (Feature plot : GeneratedDistricts.of(seed).features(LayerCatalogue.RENOVATION_PLOTS)) {
            long households = (Long) plot.get("households");
            long signed = (Long) plot.get("signed_households");
            assertThat(signed).isBetween(0L, households);
            assertThat(plot.text("type")).isIn("expropriation", "complete-set", "repair", "elevator");
            switch (plot.text("stage")) {
                case "relocation", "construction", "done" -> assertThat(signed).isEqualTo(households);
                default -> assertThat(signed).isLessThan(households);
            }
            assertThat(plot.get("finish_date") != null).isEqualTo(plot.text("stage").equals("done"));
        }
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void pocketParksMeasureBetweenThreeHundredAndThreeThousandSquareMetres(long seed) {
        List<Feature> parks = GeneratedDistricts.of(seed).features(LayerCatalogue.POCKET_PARKS);
        assertThat(parks).hasSizeBetween(10, 14);
        for (Feature park : parks) {
            double measured = GeneratedDistricts.metric(park.geometry()).getArea();
            assertThat(measured).as(park.text("name")).isBetween(300.0, 3000.0);
            assertThat((Double) park.get("area_m2")).isCloseTo(measured, org.assertj.core.data.Offset.offset(0.1));
            assertThat(park.geometry().isValid()).isTrue();
        }
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void aboutSixtyStationsUseOnlyCategoriesOfTheLifeCircleProfile(long seed) {
        LifeCircleProfile profile = LifeCircleProfile.defaults();
        List<Feature> stations = GeneratedDistricts.of(seed).features(LayerCatalogue.SERVICE_STATIONS);
        Set<String> categories = stations.stream().map(f -> f.text("category")).collect(Collectors.toSet());

        assertThat(stations).hasSizeBetween(50, 70);
        assertThat(categories).hasSizeGreaterThanOrEqualTo(10);
        assertThat(categories).allSatisfy(c -> assertThat(profile.category(c)).as(c).isPresent());
    }

    @Test
    void healthCentresCanteensAndDayCareAreDeliberatelySparse() {
        Map<String, Long> counts = new TreeMap<>(GeneratedDistricts.standard().features(LayerCatalogue.SERVICE_STATIONS).stream()
                .collect(Collectors.groupingBy(f -> f.text("category"), Collectors.counting())));

        assertThat(counts).containsEntry("health_centre", 1L).containsEntry("canteen", 3L);
        assertThat(counts.get("elderly_daycare")).isBetween(1L, 2L);
        assertThat(counts.get("community_station")).isGreaterThanOrEqualTo(12L);
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void canteensAndDayCareAreAllOnTheNorthSideOfTheCreek(long seed) {
        DemoDistrict district = GeneratedDistricts.of(seed);
        double creekNorth = GeneratedDistricts.metric(district.creek()).getEnvelopeInternal().getMaxY();
        for (Feature station : district.features(LayerCatalogue.SERVICE_STATIONS)) {
            if (Set.of("canteen", "elderly_daycare", "health_centre").contains(station.text("category"))) {
                assertThat(GeneratedDistricts.metric(station.geometry()).getCoordinate().y).as(station.text("name")).isGreaterThan(creekNorth);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void stationNamesAreUniqueAndEveryStationHasAnAddress(long seed) {
        List<Feature> stations = GeneratedDistricts.of(seed).features(LayerCatalogue.SERVICE_STATIONS);
        assertThat(stations.stream().map(f -> f.text("name")).distinct().count()).isEqualTo(stations.size());
        assertThat(stations).allSatisfy(s -> {
            assertThat(s.text("address")).matches(".+路\\d+号");
            assertThat(s.text("hours")).matches("\\d\\d:\\d\\d–\\d\\d:\\d\\d.*");
            assertThat(s.text("name_en")).isNotBlank();
        });
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void gridLeadersHavePublicServiceNumbers(long seed) {
        for (Feature grid : GeneratedDistricts.of(seed).features(LayerCatalogue.GRIDS)) {
            assertThat(grid.text("leader_phone")).matches("021-6328\\d{4}");
            assertThat(grid.text("leader_name")).matches("\\p{IsHan}{2,3}");
        }
    }
}
