package org.lilong.geodata.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.GridLevel;
import org.lilong.layers.model.LayerCatalogue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;

class GridHierarchyTest {

    static final List<Long> SEEDS = GeneratedDistricts.SEEDS;

    @ParameterizedTest
    @FieldSource("SEEDS")
    void childrenOfEveryGridDoNotOverlapEachOther(long seed) {
        DemoDistrict district = GeneratedDistricts.of(seed);
        for (Map.Entry<String, List<Feature>> family : GeneratedDistricts.gridChildren(district).entrySet()) {
            List<Geometry> children = metricGeometries(family.getValue());
            for (int a = 0; a < children.size(); a++) {
                for (int b = a + 1; b < children.size(); b++) {
                    if (children.get(a).getEnvelopeInternal().intersects(children.get(b).getEnvelopeInternal())) {
                        assertThat(children.get(a).intersection(children.get(b)).getArea())
                                .as("overlap of two children of %s", family.getKey()).isLessThan(1.0);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void childrenOfEveryGridCoverItWithoutGapOrExcess(long seed) {
        DemoDistrict district = GeneratedDistricts.of(seed);
        Map<String, Feature> byCode = GeneratedDistricts.gridsByCode(district);
        for (Map.Entry<String, List<Feature>> family : GeneratedDistricts.gridChildren(district).entrySet()) {
            Geometry parent = GeneratedDistricts.metric(byCode.get(family.getKey()).geometry());
            Geometry union = UnaryUnionOp.union(metricGeometries(family.getValue()));
            assertThat(parent.difference(union).getArea()).as("gap inside %s", family.getKey()).isLessThan(1.0);
            assertThat(union.difference(parent).getArea()).as("children of %s outside it", family.getKey()).isLessThan(1.0);
        }
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void everyGridBelowTheTopHasChildrenDownToBuildingGroups(long seed) {
        DemoDistrict district = GeneratedDistricts.of(seed);
        Map<String, List<Feature>> children = GeneratedDistricts.gridChildren(district);
        for (Feature grid : district.features(LayerCatalogue.GRIDS)) {
            int count = children.getOrDefault(grid.text("code"), List.of()).size();
            switch (GridLevel.fromCode(grid.text("level")).orElseThrow()) {
                case SUBDISTRICT -> assertThat(count).as("comprehensive grids").isBetween(4, 6);
                case COMPREHENSIVE -> assertThat(count).as("residential grids in %s", grid.text("code")).isBetween(2, 20);
                case RESIDENTIAL -> assertThat(count).as("micro-grids in %s", grid.text("code")).isBetween(3, 6);
                case MICRO -> assertThat(count).as("building groups in %s", grid.text("code")).isBetween(4, 12);
                case BUILDING_GROUP -> assertThat(count).isZero();
            }
        }
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void buildingGroupsNumberOverAThousandOfTwentyToFortyHouseholdsEach(long seed) {
        List<Feature> groups = GeneratedDistricts.of(seed).features(LayerCatalogue.GRIDS).stream()
                .filter(f -> f.text("level").equals(GridLevel.BUILDING_GROUP.code())).toList();
        List<Long> inhabited = groups.stream().map(f -> (Long) f.get("households")).filter(h -> h > 0).toList();
        double perGroup = inhabited.stream().mapToLong(Long::longValue).average().orElseThrow();

        assertThat(groups).hasSizeBetween(1_000, 1_600);
        assertThat(perGroup).as("households per inhabited building group").isBetween(20.0, 40.0);
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void topGridIsTheSubdistrictBoundary(long seed) {
        DemoDistrict district = GeneratedDistricts.of(seed);
        Feature top = district.features(LayerCatalogue.GRIDS).stream()
                .filter(f -> f.text("level").equals(GridLevel.SUBDISTRICT.code())).findFirst().orElseThrow();

        assertThat(top.text("parent_code")).isNull();
        assertThat(top.geometry().equalsExact(GeneratedDistricts.subdistrictBoundary(district))).isTrue();
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void everyGridIsAValidPolygon(long seed) {
        for (Feature grid : GeneratedDistricts.of(seed).features(LayerCatalogue.GRIDS)) {
            assertThat(grid.geometry()).as(grid.text("code")).isInstanceOf(Polygon.class);
            assertThat(grid.geometry().isValid()).as("%s is valid", grid.text("code")).isTrue();
            assertThat(grid.geometry().getSRID()).isEqualTo(4326);
        }
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void everyGridsParentExistsOneLevelUp(long seed) {
        DemoDistrict district = GeneratedDistricts.of(seed);
        Map<String, Feature> byCode = GeneratedDistricts.gridsByCode(district);
        assertThat(byCode).hasSameSizeAs(district.features(LayerCatalogue.GRIDS));
        for (Feature grid : district.features(LayerCatalogue.GRIDS)) {
            GridLevel level = GridLevel.fromCode(grid.text("level")).orElseThrow();
            if (level == GridLevel.SUBDISTRICT) {
                continue;
            }
            Feature parent = byCode.get(grid.text("parent_code"));
            assertThat(parent).as("parent of %s", grid.text("code")).isNotNull();
            assertThat(parent.text("level")).isEqualTo(level.parent().orElseThrow().code());
            assertThat(grid.text("code")).startsWith(parent.text("code") + "-");
        }
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void childrensResidentsAndHouseholdsSumToTheirParents(long seed) {
        DemoDistrict district = GeneratedDistricts.of(seed);
        Map<String, Feature> byCode = GeneratedDistricts.gridsByCode(district);
        for (Map.Entry<String, List<Feature>> family : GeneratedDistricts.gridChildren(district).entrySet()) {
            Feature parent = byCode.get(family.getKey());
            assertThat(family.getValue().stream().mapToLong(f -> (Long) f.get("residents")).sum())
                    .as("residents of %s", family.getKey()).isEqualTo((Long) parent.get("residents"));
            assertThat(family.getValue().stream().mapToLong(f -> (Long) f.get("households")).sum())
                    .as("households of %s", family.getKey()).isEqualTo((Long) parent.get("households"));
        }
    }

    @ParameterizedTest
    @FieldSource("SEEDS")
    void everyResidentialAreaLiesInsideItsOwnResidentialGrid(long seed) {
        DemoDistrict district = GeneratedDistricts.of(seed);
        List<Feature> residentialGrids = district.features(LayerCatalogue.GRIDS).stream()
                .filter(f -> f.text("level").equals(GridLevel.RESIDENTIAL.code())).toList();
        List<Feature> areas = district.features(LayerCatalogue.RESIDENTIAL_AREAS);
        assertThat(residentialGrids).hasSameSizeAs(areas);
        for (Feature area : areas) {
            Feature grid = residentialGrids.stream().filter(g -> g.text("name").equals(area.text("name") + "网格"))
                    .findFirst().orElseThrow();
            assertThat(grid.geometry().contains(area.geometry())).as(area.text("name")).isTrue();
            assertThat(grid.get("residents")).isEqualTo(area.get("residents"));
        }
    }

    private static List<Geometry> metricGeometries(List<Feature> features) {
        List<Geometry> geometries = new ArrayList<>();
        features.forEach(f -> geometries.add(GeneratedDistricts.metric(f.geometry())));
        return geometries;
    }
}
