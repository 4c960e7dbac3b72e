package org.lilong.layers.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateIntervalTest {

    private static final LocalDate JAN_2020 = LocalDate.of(2020, 1, 1);
    private static final LocalDate DEC_2021 = LocalDate.of(2021, 12, 31);

    @Test
    void aSingleDateIsAOneDayInterval() {
        assertThat(DateInterval.parse("2020-01-01")).isEqualTo(new DateInterval(JAN_2020, JAN_2020));
    }

    @Test
    void aClosedIntervalKeepsBothEnds() {
        assertThat(DateInterval.parse("2020-01-01/2021-12-31")).isEqualTo(new DateInterval(JAN_2020, DEC_2021));
    }

    @Test
    void doubleDotsAndEmptyEndsAreOpen() {
        assertThat(DateInterval.parse("../2021-12-31")).isEqualTo(new DateInterval(null, DEC_2021));
        assertThat(DateInterval.parse("2020-01-01/")).isEqualTo(new DateInterval(JAN_2020, null));
    }

    @Test
    void dateTimesAreReducedToTheirDate() {
        assertThat(DateInterval.parse("2020-01-01T08:00:00Z/2021-12-31T00:00:00+08:00"))
                .isEqualTo(new DateInterval(JAN_2020, DEC_2021));
    }

    @Test
    void malformedIntervalsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> DateInterval.parse("yesterday")).hasMessageContaining("not a date");
        assertThatThrownBy(() -> DateInterval.parse("../..")).hasMessageContaining("at least one end");
        assertThatThrownBy(() -> DateInterval.parse("2021-12-31/2020-01-01")).hasMessageContaining("before it starts");
        assertThatThrownBy(() -> DateInterval.parse("2020-01-01/2020-02-01/2020-03-01")).hasMessageContaining("start/end");
    }

    @Test
    void overlapCountsSharedDaysAndOpenEnds() {
        DateInterval year2021 = DateInterval.parse("2021-01-01/2021-12-31");
        assertThat(year2021.overlaps(JAN_2020, LocalDate.of(2021, 1, 1))).isTrue();
        assertThat(year2021.overlaps(JAN_2020, LocalDate.of(2020, 12, 31))).isFalse();
        assertThat(year2021.overlaps(JAN_2020, null)).isTrue();
        assertThat(year2021.overlaps(LocalDate.of(2022, 1, 1), null)).isFalse();
    }
}
