package org.minutewise.core.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.Fixtures.findings;
import static org.minutewise.core.Fixtures.line;
import static org.minutewise.core.Fixtures.stated;
import static org.minutewise.core.Fixtures.visit;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Severity;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.Role;

/** MW-U005: a timed code entered without minutes (most likely forgotten) is said, not silently left off. */
final class NoMinutesTest {

    @Test
    void aTimedCodeWithZeroMinutesBesideAnotherFires() {
        List<Finding> f = findings(new NoMinutes(), visit(stated("97112", 0, Role.PT), line("97110", Role.PT,
                "09:00-09:30")));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("MW-U005");
            assertThat(x.severity()).isEqualTo(Severity.WARN);
            assertThat(x.path()).isEqualTo("services[0].minutes");
            assertThat(x.message()).startsWith("97112 has no minutes documented (0): it gets no units");
        });
    }

    /**
     * A line without minutes beside another line of the code that has them (a co-treating assistant's, say), or
     * 97130 pooled with 97129's minutes: the code is billed, nothing was forgotten.
     */
    @Test
    void aCodeBilledAllTheSameIsSilent() {
        assertThat(findings(new NoMinutes(), visit(line("97110", Role.PT, "09:00-09:30"), stated("97110", 0,
                Role.PTA)))).isEmpty();
        assertThat(findings(new NoMinutes(), visit(stated("97129", 30, Role.SLP), stated("97130", 0, Role.SLP))))
                .isEmpty();
    }

    /** Minutes under 8 are minutes (the unit count explains them); untimed codes need none. */
    @Test
    void fewMinutesAndUntimedCodesAreSilent() {
        assertThat(findings(new NoMinutes(), visit(stated("97112", 6, Role.PT), stated("97010", 0, Role.PT))))
                .isEmpty();
    }

    /** A billed visit without any minutes (an 837) is MW-B001's: cannot be verified, not forgotten. */
    @Test
    void billedLinesWithoutMinutesAreLeftToB001() {
        org.minutewise.core.model.Visit v = visit(new org.minutewise.core.model.ServiceLine("97110",
                java.util.OptionalInt.empty(), List.of(), org.minutewise.core.model.Provider.of(Role.PT),
                java.util.Optional.empty(), java.util.Optional.empty())).toBuilder()
                .billed(List.of(new BilledLine("97110", List.of("GP"), 2, java.util.Optional.empty()))).build();
        assertThat(findings(new NoMinutes(), v)).isEmpty();
    }
}
