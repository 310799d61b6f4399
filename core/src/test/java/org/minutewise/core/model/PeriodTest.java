package org.minutewise.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Periods are half-open, [start, end) (README, "The visit JSON"); a period may end at 24:00. */
final class PeriodTest {

    @Test
    void minutesAreEndMinusStart() {
        assertThat(Period.of("09:00", "09:24").minutes()).isEqualTo(24);
        assertThat(Period.of("00:00", "00:01").minutes()).isEqualTo(1);
    }

    @Test
    void backToBackPeriodsDoNotOverlap() {
        Period a = Period.of("09:00", "09:24");
        Period b = Period.of("09:24", "09:47");
        assertThat(a.overlaps(b)).isFalse();
        assertThat(b.overlaps(a)).isFalse();
        assertThat(a.overlapMinutes(b)).isZero();
    }

    @Test
    void sharedMinutesAreCounted() {
        Period a = Period.of("10:00", "10:25");
        Period b = Period.of("10:15", "10:40");
        assertThat(a.overlaps(b)).isTrue();
        assertThat(a.overlapMinutes(b)).isEqualTo(10);
        assertThat(Period.of("09:00", "10:00").overlapMinutes(Period.of("09:10", "09:20"))).isEqualTo(10);
    }

    @Test
    void emptyOrBackwardPeriodsAreRefused() {
        assertThatThrownBy(() -> Period.of("09:00", "09:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Period.of("09:30", "09:00")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void periodEndingAt2400KeepsItsLastMinute() {
        Period p = new Period(LocalTime.of(23, 45), Period.END_OF_DAY);
        assertThat(p.endMinute()).isEqualTo(1440);
        assertThat(p.minutes()).isEqualTo(15);
        assertThat(p.overlapMinutes(Period.of("23:59", "23:59:30"))).isZero();
        assertThat(p.overlapMinutes(new Period(LocalTime.of(23, 30), Period.END_OF_DAY))).isEqualTo(15);
        assertThat(p.overlaps(Period.of("23:00", "23:45"))).isFalse();
        assertThat(p).hasToString("23:45-24:00");
    }
}
