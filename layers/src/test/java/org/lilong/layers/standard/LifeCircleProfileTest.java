package org.lilong.layers.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LifeCircleProfileTest {

    private static LifeCircleProfile read(String... lines) throws IOException {
        return LifeCircleProfile.read(new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theDefaultProfileHoldsTheStandardsSixteenCategories() {
        LifeCircleProfile profile = LifeCircleProfile.defaults();

        assertThat(profile.categories()).hasSize(16);
        assertThat(profile.category("canteen")).get().extracting(FacilityCategory::levelMinutes, FacilityCategory::maxWalkMetres)
                .containsExactly(5, 300.0);
        assertThat(profile.categories()).allSatisfy(c -> assertThat(c.levelMinutes()).isIn(5, 10, 15));
    }

    @Test
    void speedsAreReadFromTheirRows() {
        LifeCircleProfile profile = LifeCircleProfile.defaults();

        assertThat(profile.speeds()).extracting(WalkingSpeed::id, WalkingSpeed::metresPerSecond)
                .containsExactly(tuple("adult", 1.1), tuple("elderly", 0.8));
        assertThat(profile.speed("elderly")).get().extracting(WalkingSpeed::nameZh).isEqualTo("老年人");
    }

    @Test
    void theFirstSpeedOfTheFileIsTheDefault() throws IOException {
        LifeCircleProfile profile = read(
                "@speed\tslow\t0.7\t慢\tSlow",
                "canteen\t助餐点\tCanteen\t5\t300",
                "@speed\tbrisk\t1.4\t快\tBrisk");

        assertThat(profile.defaultSpeed().id()).isEqualTo("slow");
        assertThat(profile.speeds()).hasSize(2);
        assertThat(profile.categories()).extracting(FacilityCategory::id).containsExactly("canteen");
    }

    @Test
    void commentsAndBlankLinesAreSkipped() throws IOException {
        LifeCircleProfile profile = read("# a comment", "", "@speed\tadult\t1.1\t成人\tAdult", "   ", "market\t菜场\tMarket\t10\t500");

        assertThat(profile.categories()).hasSize(1);
    }

    @Test
    void aRowWithMissingColumnsNamesItsLineNumber() {
        assertThatThrownBy(() -> read("@speed\tadult\t1.1\t成人\tAdult", "# fine so far", "canteen\t助餐点\tCanteen\t5"))
                .isInstanceOf(IOException.class).hasMessageContaining("line 3");
    }

    @Test
    void aDistanceThatIsNotANumberNamesItsLineNumber() {
        assertThatThrownBy(() -> read("@speed\tadult\t1.1\t成人\tAdult", "canteen\t助餐点\tCanteen\t5\tfar"))
                .isInstanceOf(IOException.class).hasMessageContaining("line 2");
    }

    @Test
    void anImplausibleSpeedNamesItsLineNumber() {
        assertThatThrownBy(() -> read("canteen\t助餐点\tCanteen\t5\t300", "@speed\tcar\t13\t汽车\tCar"))
                .isInstanceOf(IOException.class).hasMessageContaining("line 2").hasMessageContaining("13");
    }

    @Test
    void aProfileWithoutASpeedIsRefused() {
        assertThatThrownBy(() -> read("canteen\t助餐点\tCanteen\t5\t300"))
                .isInstanceOf(IOException.class).hasMessageContaining("speed");
    }

    @Test
    void twoCategoriesWithOneIdAreRefused() {
        assertThatThrownBy(() -> read("@speed\tadult\t1.1\t成人\tAdult", "canteen\t助餐点\tCanteen\t5\t300",
                "canteen\t食堂\tCanteen\t5\t400"))
                .isInstanceOf(IOException.class).hasMessageContaining("unique");
    }

    @Test
    void aSpeedConvertsMinutesAndMetresBothWays() {
        WalkingSpeed speed = WalkingSpeed.custom(1.25);

        assertThat(speed.metresIn(4)).isEqualTo(300);
        assertThat(speed.minutesFor(300)).isEqualTo(4);
    }

    @Test
    void aCustomSpeedOutsideTheWalkingRangeIsRefused() {
        assertThatThrownBy(() -> WalkingSpeed.custom(0.05)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WalkingSpeed.custom(3.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WalkingSpeed.custom(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
