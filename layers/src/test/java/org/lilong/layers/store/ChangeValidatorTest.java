package org.lilong.layers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.spatial.GeometryFactories;
import org.locationtech.jts.io.WKTReader;

class ChangeValidatorTest {

    private final ChangeValidator validator = new ChangeValidator(LayerCatalogue.standard());

    @Test
    void aGridLevelOutsideTheFiveCodesIsRefused() {
        assertThatThrownBy(() -> validator.normalise("grids", polygon(Map.of("level", "province"))))
                .isInstanceOf(InvalidChangeException.class)
                .hasMessageContaining("'level'").hasMessageContaining("'province' is not one of");
    }

    @Test
    void aNegativeCountIsRefused() {
        assertThatThrownBy(() -> validator.normalise("residential-areas", polygon(Map.of("residents", -3))))
                .hasMessageContaining("'residents'").hasMessageContaining("negative");
    }

    @Test
    void moreSignedHouseholdsThanHouseholdsIsRefused() {
        assertThatThrownBy(() -> validator.normalise("renovation-plots",
                polygon(Map.of("stage", "signing", "households", 100, "signed_households", 101))))
                .hasMessageContaining("'signed_households' (101) may not exceed 'households' (100)");
    }

    @Test
    void aFinishBeforeTheStartIsRefused() {
        assertThatThrownBy(() -> validator.normalise("renovation-plots",
                polygon(Map.of("start_date", "2021-05-01", "finish_date", "2020-01-01"))))
                .hasMessageContaining("'start_date' (2021-05-01) may not exceed 'finish_date' (2020-01-01)");
    }

    @Test
    void valuesWithinTheRulesAreCoercedToTheirTypes() {
        Feature plot = validator.normalise("renovation-plots", polygon(Map.of("stage", "done", "households", 100,
                "signed_households", 100, "start_date", "2019-01-01", "finish_date", "2020-01-01")));
        assertThat(plot.get("households")).isEqualTo(100L);
        assertThat(plot.get("finish_date")).isEqualTo(LocalDate.of(2020, 1, 1));
    }

    private static Feature polygon(Map<String, Object> properties) {
        try {
            return new Feature(1, new WKTReader(GeometryFactories.WGS84).read("POLYGON ((0 0, 1 0, 1 1, 0 0))"), properties);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
