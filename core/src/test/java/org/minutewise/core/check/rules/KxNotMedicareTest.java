package org.minutewise.core.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.findings;
import static org.minutewise.core.check.ComplianceFixture.ids;
import static org.minutewise.core.check.ComplianceFixture.minutes;
import static org.minutewise.core.check.ComplianceFixture.only;
import static org.minutewise.core.check.ComplianceFixture.patient;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.visit;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ComplianceFixture.Payer;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerKind;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.units.UnitMethod;

/**
 * KX billed to a payer that is not Medicare fee for service (a commercial biller's review): MW-B009 asked a commercial
 * plan's visit for the expenses that show Medicare's threshold is passed, and with them MW-B006 called KX "not
 * supported". KX is original Medicare's therapy-threshold modifier (RULES.md §4): another payer's KX is its own
 * policy's, MW-B017, once a visit, whatever the expenses given.
 */
final class KxNotMedicareTest {
    private static final PayerProfile BCBS = Payer.commercial("bcbs", UnitMethod.CPT).build();
    private static final PayerProfile MA = new PayerProfile("ma-plan", "Sunrise MA", PayerKind.MEDICARE_ADVANTAGE,
            UnitMethod.CMS, false, false, OptionalInt.empty(), "XU", true, false, Set.of(), "test");

    private static BilledLine billed(String code, int units, String... modifiers) {
        return new BilledLine(code, List.of(modifiers), units, Optional.empty());
    }

    private static Visit.Builder kx(String payer) {
        return visit().payer(payer).service(minutes("97110", 20, pt("T1"))).service(minutes("97112", 20, pt("T1")))
                .billed(List.of(billed("97110", 1, "GP", "KX"), billed("97112", 1, "GP", "KX")));
    }

    private static CheckResult check(Visit v) {
        return only(new BilledLines(), BCBS, MA).check(v);
    }

    @Test
    void kxToACommercialPlanIsItsOwnPolicysOnceAVisit() {
        CheckResult r = check(kx("bcbs").build());
        assertThat(findings(r, "MW-B017")).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("billed");
            assertThat(f.message()).startsWith("97110, 97112 carry KX, and payer bcbs (commercial) is not Medicare "
                    + "fee for service.").contains("original Medicare's therapy-threshold modifier")
                    .contains("its own policy").doesNotContain("Medicare Advantage").doesNotContain("MW-S003");
        });
        assertThat(ids(r)).doesNotContain("MW-B009", "MW-B006");
        // With the year's expenses given, KX is still not "not supported": Medicare's threshold is not this payer's.
        CheckResult stated = check(kx("bcbs").patient(patient("100.00", "0")).build());
        assertThat(ids(stated)).contains("MW-B017").doesNotContain("MW-B006", "MW-B009");
    }

    @Test
    void aMedicareAdvantagePlanIsToldItsContractSays() {
        assertThat(findings(check(kx("ma-plan").build()), "MW-B017")).singleElement().satisfies(f -> assertThat(
                f.message()).contains("payer ma-plan (medicare-advantage)").contains("Medicare Advantage plan may "
                + "follow Medicare's threshold or not"));
        assertThat(ids(check(kx("ma-plan").build()))).doesNotContain("MW-B009");
    }

    @Test
    void withMedicareSecondTheMedicareClaimIsMw003s() {
        assertThat(findings(check(kx("bcbs").secondaryPayer("medicare").build()), "MW-B017")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("Medicare, the secondary payer, judges KX on the "
                        + "claim that reaches it (MW-S003)"));
    }

    /** Near misses: Medicare fee for service (MW-B009 without expenses, MW-B006 when they show KX early); no KX. */
    @Test
    void medicareAndAClaimWithoutKxAreNotMw017s() {
        CheckResult medicare = check(kx("medicare").build());
        assertThat(ids(medicare)).contains("MW-B009").doesNotContain("MW-B017");
        assertThat(findings(medicare, "MW-B009")).singleElement().satisfies(f -> assertThat(f.fix())
                .contains("Medicare's therapy threshold"));
        assertThat(ids(check(kx("medicare").patient(patient("100.00", "0")).build()))).contains("MW-B006")
                .doesNotContain("MW-B017");
        Visit plain = visit().payer("bcbs").service(minutes("97110", 20, pt("T1")))
                .billed(List.of(billed("97110", 1, "GP"))).build();
        assertThat(ids(check(plain))).doesNotContain("MW-B017", "MW-B009", "MW-B006");
    }
}
