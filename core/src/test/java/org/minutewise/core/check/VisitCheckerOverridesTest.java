package org.minutewise.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.checker;
import static org.minutewise.core.check.ComplianceFixture.findings;
import static org.minutewise.core.check.ComplianceFixture.minutes;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.untimed;
import static org.minutewise.core.check.ComplianceFixture.visit;

import org.junit.jupiter.api.Test;
import org.minutewise.core.model.FindingOverride;
import org.minutewise.core.model.Visit;

/**
 * Overrides: a warning (or information) the clinic accepts with a reason stays on the result, marked with the
 * reason; a blocking finding cannot be accepted, and an override of a finding the visit does not have is refused;
 * both refusals are reported as MW-O001 (information), so they never change whether the visit blocks.
 */
class VisitCheckerOverridesTest {

    private static final String REASON = "Certification signed on paper, scan to follow";

    /** Medicare with no certification recorded: MW-P002, a warning. */
    private static Visit.Builder warningOnly() {
        return visit().diagnosis("R26.81").service(minutes("97110", 30, pt("T1")));
    }

    @Test
    void overriddenWarningIsKeptWithItsReason() {
        CheckResult plain = checker().check(warningOnly().build());
        CheckResult accepted = checker().check(warningOnly().override(new FindingOverride("MW-P002", REASON)).build());

        assertThat(findings(plain, "MW-P002")).singleElement()
                .satisfies(f -> assertThat(f.overrideReason()).isEmpty());
        assertThat(findings(accepted, "MW-P002")).singleElement().satisfies(f -> {
            assertThat(f.overridden()).isTrue();
            assertThat(f.overrideReason()).contains(REASON);
            assertThat(f.severity()).isEqualTo(Severity.WARN);
        });
        assertThat(accepted.findings()).hasSameSizeAs(plain.findings());
        assertThat(findings(accepted, "MW-O001")).isEmpty();
    }

    @Test
    void overridingAWarningDoesNotChangeWhetherTheVisitBlocks() {
        // 97014 to Medicare is a block (MW-C002); the missing certification stays a warning.
        Visit.Builder withBlock = warningOnly().service(untimed("97014", pt("T1")));

        CheckResult plain = checker().check(withBlock.build());
        CheckResult accepted = checker().check(withBlock.override(new FindingOverride("MW-P002", REASON)).build());
        CheckResult warnOnly = checker().check(warningOnly().override(new FindingOverride("MW-P002", REASON))
                .build());

        assertThat(plain.blocks()).isTrue();
        assertThat(accepted.blocks()).isTrue();
        assertThat(warnOnly.blocks()).isFalse();
        assertThat(accepted.count(Severity.BLOCK)).isEqualTo(plain.count(Severity.BLOCK));
        assertThat(accepted.count(Severity.WARN)).isEqualTo(plain.count(Severity.WARN));
    }

    @Test
    void overrideOfABlockIsRefusedWithO001() {
        CheckResult r = checker().check(warningOnly().service(untimed("97014", pt("T1")))
                .override(new FindingOverride("MW-C002", "We always bill 97014")).build());

        assertThat(findings(r, "MW-C002")).singleElement().satisfies(f -> {
            assertThat(f.overridden()).isFalse();
            assertThat(f.blocks()).isTrue();
        });
        assertThat(findings(r, "MW-O001")).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("overrides[0]");
            assertThat(f.message()).contains("MW-C002");
            assertThat(f.blocks()).isFalse();
        });
        assertThat(r.blocks()).isTrue();
    }

    @Test
    void overrideOfAFindingNotOnTheVisitIsRefusedWithO001() {
        CheckResult plain = checker().check(warningOnly().build());
        CheckResult r = checker().check(warningOnly()
                .override(new FindingOverride("MW-P002", REASON))
                .override(new FindingOverride("MW-E006", "Patient tolerated extra units")).build());

        assertThat(findings(r, "MW-O001")).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("overrides[1]");
            assertThat(f.message()).contains("MW-E006");
            assertThat(f.severity()).isEqualTo(Severity.INFO);
        });
        assertThat(findings(r, "MW-E006")).isEmpty();
        assertThat(r.blocks()).isEqualTo(plain.blocks());
    }
}
