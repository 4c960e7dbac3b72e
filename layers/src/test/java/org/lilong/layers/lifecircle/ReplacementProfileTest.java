package org.lilong.layers.lifecircle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lilong.layers.lifecircle.CategoryResult.Status;
import org.lilong.layers.standard.LifeCircleProfile;
import org.locationtech.jts.geom.Coordinate;

class ReplacementProfileTest {

    /** A deployment's own profile: a pharmacy within 400 m, a canteen within 150 m, one brisk speed. */
    private static final String PROFILE = String.join("\n",
            "# a district's own profile",
            "@speed\tbrisk\t1.5\t快走\tBrisk",
            "pharmacy\t药店\tPharmacy\t5\t400",
            "canteen\t助餐点\tCanteen\t5\t150");

    @Test
    void aReplacementProfileChecksItsOwnCategoriesAtItsOwnLimitsAndSpeed() throws IOException {
        LifeCircleProfile profile = LifeCircleProfile.read(new ByteArrayInputStream(PROFILE.getBytes(StandardCharsets.UTF_8)));
        LifeCircleAnalysis analysis = new Town()
                .street("LINESTRING (0 0, 1000 0)")
                .station("pharmacy", "POINT (350 0)")
                .station("canteen", "POINT (200 0)")
                .station("kindergarten", "POINT (100 0)")
                .pocketPark("POLYGON ((50 10, 80 10, 80 40, 50 40, 50 10))")
                .analysis(profile);
        Coordinate home = Town.lonLat(0, 0);

        LifeCircleReport report = analysis.report(analysis.startAt(home.x, home.y), profile.defaultSpeed());

        assertThat(report.categories()).extracting(c -> c.category().id()).containsExactly("pharmacy", "canteen");
        assertThat(report.categories()).extracting(CategoryResult::status).containsExactly(Status.PASS, Status.FAIL);
        assertThat(report.categories().get(0).nearest().minutes()).isCloseTo(350 / 1.5 / 60, within(0.01));
        assertThat(analysis.ignoredFacilityCount()).as("the kindergarten and the park").isEqualTo(2);
    }
}
