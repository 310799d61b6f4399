package org.minutewise.core.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.Fixtures.findings;
import static org.minutewise.core.Fixtures.line;
import static org.minutewise.core.Fixtures.stated;
import static org.minutewise.core.Fixtures.visit;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.Fixtures;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Severity;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;

/** MW-U002: stated minutes that disagree with the line's own start and end times (periods decide). */
final class MinutesDisagreeWithPeriodsTest {

    @Test
    void firesWhenStatedMinutesDisagreeWithThePeriods() {
        List<Finding> f = findings(new MinutesDisagreeWithPeriods(), visit(stated("97112", 24, Role.PT,
                "09:00-09:24"), stated("97110", 25, Role.PT, "09:24-09:47")));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("MW-U002");
            assertThat(x.severity()).isEqualTo(Severity.WARN);
            assertThat(x.path()).isEqualTo("services[1].minutes");
            assertThat(x.message()).contains("25").contains("23").contains("09:24-09:47");
        });
    }

    @Test
    void firesWhenStatedMinutesAreOffByOne() {
        assertThat(findings(new MinutesDisagreeWithPeriods(), visit(stated("97112", 23, Role.PT, "09:00-09:24"))))
                .hasSize(1);
    }

    @Test
    void silentWhenSeveralPeriodsAddUpToTheStatedMinutes() {
        // 10 + 15 = 25.
        assertThat(findings(new MinutesDisagreeWithPeriods(), visit(stated("97112", 25, Role.PT, "09:00-09:10",
                "14:00-14:15")))).isEmpty();
    }

    @Test
    void silentWhenOnlyOneOfMinutesAndPeriodsIsGiven() {
        assertThat(findings(new MinutesDisagreeWithPeriods(), visit(ServiceLine.of("97112", 30, Role.PT),
                line("97110", Role.PT, "09:00-09:24"), ServiceLine.untimed("97161", Role.PT)))).isEmpty();
    }

    @Test
    void theUnitsFollowThePeriodsNotTheStatedMinutes() {
        // 97112 states 30 minutes but its time is 09:00-09:20 (20 minutes): 1 unit, not 2.
        ServiceLine l = stated("97112", 30, Role.PT, "09:00-09:20");
        assertThat(l.minutes()).isEqualTo(20);
        assertThat(new VisitChecker(Fixtures.REF).check(visit(l)).units().unitsOf("97112")).isEqualTo(1);
    }
}
