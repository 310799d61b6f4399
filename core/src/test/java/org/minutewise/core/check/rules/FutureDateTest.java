package org.minutewise.core.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.Fixtures.line;
import static org.minutewise.core.Fixtures.visit;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.Fixtures;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.RuleBook;
import org.minutewise.core.check.Severity;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.Visit;

/** MW-P005: a date of service after the caller's today (given: core has no clock), with a day of leeway. */
final class FutureDateTest {
    private static final VisitChecker CHECKER = new VisitChecker(Fixtures.REF, RuleBook.of(List.of(new FutureDate())));
    private static final Visit VISIT = visit(line("97110", Role.PT, "09:00-09:30")); // on Fixtures.DOS

    @Test
    void aDateAfterTomorrowBlocks() {
        CheckResult r = CHECKER.asOf(Fixtures.DOS.minusDays(2)).check(VISIT);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("MW-P005");
            assertThat(f.severity()).isEqualTo(Severity.BLOCK);
            assertThat(f.path()).isEqualTo("dateOfService");
            assertThat(f.message()).contains(Fixtures.DOS.toString()).contains(Fixtures.DOS.minusDays(2).toString());
        });
    }

    /** Today, tomorrow (the clinic may be a time zone ahead of the caller) and the past are fine. */
    @Test
    void todayTomorrowAndThePastAreFine() {
        for (LocalDate today : List.of(Fixtures.DOS, Fixtures.DOS.minusDays(1), Fixtures.DOS.plusYears(1))) {
            assertThat(CHECKER.asOf(today).check(VISIT).findings()).as(today.toString()).isEmpty();
        }
    }

    /** Without a today (a batch audit, the library's plain checker) nothing is said. */
    @Test
    void noTodayNoFinding() {
        assertThat(CHECKER.check(VISIT).findings()).isEmpty();
    }
}
