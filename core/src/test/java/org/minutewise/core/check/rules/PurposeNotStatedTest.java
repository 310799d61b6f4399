package org.minutewise.core.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.findings;
import static org.minutewise.core.check.ComplianceFixture.lines;
import static org.minutewise.core.check.ComplianceFixture.minutes;
import static org.minutewise.core.check.ComplianceFixture.only;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.visit;

import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ComplianceFixture.Payer;
import org.minutewise.core.check.Severity;
import org.minutewise.core.model.Purpose;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerProfile;

/**
 * MW-M002: a payer asking for 96/97 and a visit that does not say its purpose get 97 (rehabilitative), said; it was
 * silent, so every habilitative child's visit from a CSV or FHIR export (which have no place for the purpose) billed
 * 97.
 */
final class PurposeNotStatedTest {
    private static final PayerProfile HAB = Payer.commercial("kids-medicaid",
            org.minutewise.core.units.UnitMethod.CMS).habilitativeModifiers().build();

    private static CheckResult check(Visit v) {
        return only(new PurposeNotStated(), HAB).check(v);
    }

    @Test
    void aPayerAskingFor96Or97AndNoPurposeWarns() {
        CheckResult r = check(visit().payer("kids-medicaid").service(minutes("97530", 30, pt("T1"))).build());
        assertThat(findings(r, "MW-M002")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat(f.path()).isEqualTo("purpose");
            assertThat(f.message()).contains("97 was added");
        });
        assertThat(lines(r)).containsExactly("97530 x2 GP 97");
    }

    /** Near misses: the purpose stated (either way); a payer that does not ask. */
    @Test
    void aStatedPurposeOrAPayerThatDoesNotAskIsSilent() {
        for (Purpose p : Purpose.values()) {
            CheckResult r = check(visit().payer("kids-medicaid").purpose(p).service(minutes("97530", 30, pt("T1")))
                    .build());
            assertThat(findings(r, "MW-M002")).as(p.name()).isEmpty();
            assertThat(lines(r)).containsExactly("97530 x2 GP " + p.modifier());
        }
        assertThat(findings(check(visit().service(minutes("97530", 30, pt("T1"))).build()), "MW-M002")).isEmpty();
        // A stated purpose survives a copy of the visit.
        Visit stated = visit().payer("kids-medicaid").purpose(Purpose.REHABILITATIVE)
                .service(minutes("97530", 30, pt("T1"))).build();
        assertThat(stated.toBuilder().build().purposeStated()).isTrue();
    }
}
