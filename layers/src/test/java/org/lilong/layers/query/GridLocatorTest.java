package org.lilong.layers.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lilong.layers.model.Feature;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.spatial.LayerIndex;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A two-level toy district, 4 × 2 units: one sub-district split into west and east comprehensive
 * grids, the east one holding one residential-area grid on its north half.
 */
class GridLocatorTest {

    private static final WKTReader WKT = new WKTReader(GeometryFactories.WGS84);

    private final GridLocator locator = new GridLocator(
            new LayerIndex(List.of(
                    grid(3, "POLYGON ((2 1, 4 1, 4 2, 2 2, 2 1))", "residential", "LL-02-01"),
                    grid(1, "POLYGON ((0 0, 4 0, 4 2, 0 2, 0 0))", "subdistrict", "LL"),
                    grid(2, "POLYGON ((2 0, 4 0, 4 2, 2 2, 2 0))", "comprehensive", "LL-02"),
                    grid(4, "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))", "comprehensive", "LL-01"))),
            new LayerIndex(List.of(feature(10, "POLYGON ((2.5 1.2, 3.5 1.2, 3.5 1.8, 2.5 1.8, 2.5 1.2))", Map.of("name", "金坛")))),
            new LayerIndex(List.of(feature(20, "POLYGON ((0 0, 4 0, 4 2, 0 2, 0 0))", Map.of("name", "里弄街道")))));

    @Test
    void theChainRunsFromTheSubdistrictDownToTheDeepestGrid() {
        Whereabouts here = locator.locate(3, 1.5);
        assertThat(here.gridChain().stream().map(g -> g.text("code"))).containsExactly("LL", "LL-02", "LL-02-01");
        assertThat(here.residentialArea().map(f -> f.text("name"))).contains("金坛");
        assertThat(here.subdistrict().map(f -> f.text("name"))).contains("里弄街道");
    }

    @Test
    void aPointOnASiblingBoundaryGetsOneGridPerLevel() {
        Whereabouts here = locator.locate(2, 0.5);
        assertThat(here.gridChain().stream().map(g -> g.text("level"))).containsExactly("subdistrict", "comprehensive");
    }

    @Test
    void aPointOutsideTheDistrictHasNoChain() {
        Whereabouts here = locator.locate(10, 10);
        assertThat(here.isInsideDistrict()).isFalse();
        assertThat(here.gridChain()).isEmpty();
        assertThat(here.residentialArea()).isEmpty();
    }

    private static Feature grid(long id, String wkt, String level, String code) {
        return feature(id, wkt, Map.of("level", level, "code", code));
    }

    private static Feature feature(long id, String wkt, Map<String, Object> properties) {
        try {
            return new Feature(id, WKT.read(wkt), properties);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
