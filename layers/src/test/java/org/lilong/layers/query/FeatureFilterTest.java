package org.lilong.layers.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.spatial.LayerIndex;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class FeatureFilterTest {

    private static final LayerDefinition PLOTS = LayerCatalogue.standard().get(LayerCatalogue.RENOVATION_PLOTS);
    private static final LayerDefinition STREETS = LayerCatalogue.standard().get(LayerCatalogue.STREETS);

    private final LayerIndex plots = new LayerIndex(List.of(
            plot(1, "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))", "done", "2018-03-01", "2020-06-30"),
            plot(2, "POLYGON ((2 0, 3 0, 3 1, 2 1, 2 0))", "signing", "2022-05-01", null),
            plot(3, "POLYGON ((4 0, 5 0, 5 1, 4 1, 4 0))", "signing", "2023-01-15", null)));

    @Test
    void propertyEqualityKeepsOnlyMatchingFeatures() {
        FeaturePage page = FeatureFilter.run(PLOTS, plots, query(null, Map.of("stage", "signing"), null, 0, 10));
        assertThat(page.features().stream().map(Feature::id)).containsExactly(2L, 3L);
    }

    @Test
    void datetimeKeepsFeaturesWhoseSpanOverlapsTheInterval() {
        FeaturePage finishedBefore2021 = FeatureFilter.run(PLOTS, plots, query(null, Map.of(), DateInterval.parse("../2020-12-31"), 0, 10));
        assertThat(finishedBefore2021.features().stream().map(Feature::id)).containsExactly(1L);
        FeaturePage runningIn2024 = FeatureFilter.run(PLOTS, plots, query(null, Map.of(), DateInterval.parse("2024-01-01"), 0, 10));
        assertThat(runningIn2024.features().stream().map(Feature::id)).containsExactly(2L, 3L);
    }

    @Test
    void aPageCountsAllMatchesAndReturnsItsSlice() {
        FeaturePage page = FeatureFilter.run(PLOTS, plots, query(null, Map.of(), null, 1, 1));
        assertThat(page.numberMatched()).isEqualTo(3);
        assertThat(page.features().stream().map(Feature::id)).containsExactly(2L);
        assertThat(page.hasNext()).isTrue();
        assertThat(FeatureFilter.run(PLOTS, plots, query(null, Map.of(), null, 2, 1)).hasNext()).isFalse();
    }

    @Test
    void anOffsetPastTheEndGivesAnEmptyPage() {
        FeaturePage page = FeatureFilter.run(PLOTS, plots, query(null, Map.of(), null, 50, 10));
        assertThat(page.features()).isEmpty();
        assertThat(page.numberMatched()).isEqualTo(3);
    }

    @Test
    void boxAndPropertiesCombine() {
        FeaturePage page = FeatureFilter.run(PLOTS, plots, query(new Envelope(1.5, 5, 0, 1), Map.of("stage", "signing"), null, 0, 10));
        assertThat(page.features().stream().map(Feature::id)).containsExactly(2L, 3L);
        FeaturePage west = FeatureFilter.run(PLOTS, plots, query(new Envelope(-1, 2.5, 0, 1), Map.of("stage", "signing"), null, 0, 10));
        assertThat(west.features().stream().map(Feature::id)).containsExactly(2L);
    }

    @Test
    void datetimeDoesNotFilterALayerWithoutDates() {
        LayerIndex streets = new LayerIndex(List.of(new Feature(1, read("LINESTRING (0 0, 1 1)"), Map.of())));
        assertThat(FeatureFilter.run(STREETS, streets, query(null, Map.of(), DateInterval.parse("2020-01-01"), 0, 10)).features()).hasSize(1);
    }

    private static FeatureQuery query(Envelope box, Map<String, Object> equals, DateInterval dates, int offset, int limit) {
        return new FeatureQuery(box, equals, dates, offset, limit);
    }

    private static Feature plot(long id, String wkt, String stage, String start, String finish) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("stage", stage);
        properties.put("start_date", LocalDate.parse(start));
        if (finish != null) {
            properties.put("finish_date", LocalDate.parse(finish));
        }
        return new Feature(id, read(wkt), properties);
    }

    private static org.locationtech.jts.geom.Geometry read(String wkt) {
        try {
            return new WKTReader(GeometryFactories.WGS84).read(wkt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
