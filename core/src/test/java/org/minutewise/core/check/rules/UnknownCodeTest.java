package org.minutewise.core.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.Fixtures.findings;
import static org.minutewise.core.Fixtures.line;
import static org.minutewise.core.Fixtures.visit;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Severity;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;

/** MW-U001: a well-formed code the catalog does not know is kept with 0 units and reported. */
final class UnknownCodeTest {

    @Test
    void firesOnACodeTheCatalogDoesNotKnow() {
        List<Finding> f = findings(new UnknownCode(), visit(line("97112", Role.PT, "09:00-09:24"),
                ServiceLine.of("99999", 10, Role.PT)));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.ruleId()).isEqualTo("MW-U001");
            assertThat(x.severity()).isEqualTo(Severity.BLOCK);
            assertThat(x.path()).isEqualTo("services[1].code");
            assertThat(x.message()).contains("99999").contains("0 units").contains("left off the claim");
            assertThat(x.fix()).isNotBlank();
            assertThat(x.citation()).isNotBlank();
        });
    }

    /**
     * The fix says what a user of the jar can do (an OT/SLP coder's review: it said to add the code to the catalog in
     * refdata, which no option of check loads): bill the line by hand by the payer's rules and report the code.
     */
    @Test
    void theFixSaysWhatAUserCanDo() {
        Finding f = findings(new UnknownCode(), visit(ServiceLine.of("92607", 60, Role.SLP))).get(0);
        assertThat(f.fix()).contains("bill its line by hand").contains("payer's rules")
                .contains("report the code to the Minutewise maintainers").doesNotContain("(refdata)");
    }

    @Test
    void firesOncePerUnknownLine() {
        List<Finding> f = findings(new UnknownCode(), visit(ServiceLine.of("99999", 10, Role.PT),
                ServiceLine.of("97112", 10, Role.PT), ServiceLine.of("0001F", 5, Role.PT)));
        assertThat(f).extracting(Finding::path).containsExactly("services[0].code", "services[2].code");
    }

    @Test
    void silentForKnownTimedUntimedAndSupervisedCodes() {
        List<Finding> f = findings(new UnknownCode(), visit(ServiceLine.of("97112", 24, Role.PT),
                ServiceLine.untimed("97161", Role.PT), ServiceLine.of("97010", 10, Role.PTA),
                ServiceLine.untimed("G0283", Role.PTA)));
        assertThat(f).isEmpty();
    }
}
