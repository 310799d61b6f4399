package org.minutewise.core.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.minutewise.core.Fixtures;

/**
 * Every edge of the minutes table of RULES.md §3.1 (8-22 = 1, 23-37 = 2, ..., 113-127 = 8, then steps of 15),
 * for one timed code: both methods agree when only one code is billed (§3.2 is the same table per code).
 */
final class UnitMethodBoundaryTest {

    @ParameterizedTest(name = "{0} min = {1} units")
    @CsvSource({
        "0, 0",
        "1, 0",
        "7, 0",
        "8, 1",
        "15, 1",
        "22, 1",
        "23, 2",
        "37, 2",
        "38, 3",
        "52, 3",
        "53, 4",
        "67, 4",
        "68, 5",
        "82, 5",
        "83, 6",
        "97, 6",
        "98, 7",
        "112, 7",
        "113, 8",
        "127, 8",
        "128, 9",
        "142, 9",
        "143, 10",
        "480, 32",
        "1440, 96",
    })
    void minutesTable(int minutes, int units) {
        assertThat(UnitCalculator.unitsForMinutes(minutes)).isEqualTo(units);
    }

    @ParameterizedTest(name = "CMS: 97112 {0} min = {1} units")
    @CsvSource({
        "0, 0", "7, 0", "8, 1", "22, 1", "23, 2", "37, 2", "38, 3", "52, 3", "53, 4", "67, 4", "68, 5", "82, 5",
        "83, 6", "97, 6", "98, 7", "112, 7", "113, 8", "127, 8", "128, 9", "142, 9", "143, 10",
    })
    void singleCodeCms(int minutes, int units) {
        assertSingleCode(UnitMethod.CMS, minutes, units);
    }

    @ParameterizedTest(name = "CPT: 97112 {0} min = {1} units")
    @CsvSource({
        "0, 0", "7, 0", "8, 1", "22, 1", "23, 2", "37, 2", "38, 3", "52, 3", "53, 4", "67, 4", "68, 5", "82, 5",
        "83, 6", "97, 6", "98, 7", "112, 7", "113, 8", "127, 8", "128, 9", "142, 9", "143, 10",
    })
    void singleCodeCpt(int minutes, int units) {
        assertSingleCode(UnitMethod.CPT, minutes, units);
    }

    private static void assertSingleCode(UnitMethod method, int minutes, int units) {
        UnitResult r = UnitCalculator.compute(method, List.of(new CodeMinutes("97112", minutes)), Fixtures.CATALOG);
        assertThat(r.method()).isEqualTo(method);
        assertThat(r.totalTimedMinutes()).isEqualTo(minutes);
        assertThat(r.timedUnits()).isEqualTo(units);
        assertThat(r.totalUnits()).isEqualTo(units);
        assertThat(r.lines()).singleElement().satisfies(l -> {
            assertThat(l.code()).isEqualTo("97112");
            assertThat(l.kind()).isEqualTo(CodeKind.TIMED);
            assertThat(l.minutes()).isEqualTo(minutes);
            assertThat(l.units()).isEqualTo(units);
        });
        assertThat(r.professionalChoice()).isFalse();
        assertThat(r.alternatives()).isEmpty();
    }
}
