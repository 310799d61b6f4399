package org.minutewise.core.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.Fixtures.findings;
import static org.minutewise.core.Fixtures.stated;
import static org.minutewise.core.Fixtures.visit;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Severity;
import org.minutewise.core.model.Role;

/** MW-U008: a visit's timed minutes that add up to more than a day block; a day's worth or less does not. */
final class MinutesBeyondADayTest {

    @Test
    void twoTyposOfAThousandMinutesBlock() {
        List<Finding> f = findings(new MinutesBeyondADay(), visit(stated("97140", 1000, Role.PT),
                stated("97535", 1001, Role.PT)));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("MW-U008");
            assertThat(x.severity()).isEqualTo(Severity.BLOCK);
            assertThat(x.path()).isEqualTo("services[1].minutes");
            assertThat(x.message()).startsWith("The timed services add up to 2001 minutes, more than a day has")
                    .contains("97535 with 1001 minutes");
        });
    }

    /** Near misses: exactly a day; untimed codes' minutes (a supervised modality may share minutes) not counted. */
    @Test
    void aDayOrLessAndUntimedMinutesAreSilent() {
        assertThat(findings(new MinutesBeyondADay(), visit(stated("97140", 720, Role.PT), stated("97535", 720,
                Role.PT)))).isEmpty();
        assertThat(findings(new MinutesBeyondADay(), visit(stated("97110", 30, Role.PT), stated("97010", 1440,
                Role.PT)))).isEmpty();
    }
}
