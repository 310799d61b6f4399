package org.minutewise.core.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.findings;
import static org.minutewise.core.check.ComplianceFixture.minutes;
import static org.minutewise.core.check.ComplianceFixture.only;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.visit;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ComplianceFixture.Payer;
import org.minutewise.core.check.Finding;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.Purpose;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.units.UnitMethod;

/**
 * 96/97 on a billed claim (a commercial biller's review): a billed 96 with no stated purpose gave nothing, so the
 * corrected claim turned it into 97 (MW-M002's guess) and no finding compared the two; a billed 97 (or neither) on a
 * habilitative visit was never reported. Now the billed 96/97 gives the purpose when the visit states none, and a line
 * that contradicts the purpose, or lacks it for a payer asking for 96/97, is MW-B006.
 */
final class BilledPurposeTest {
    private static final PayerProfile ASKS = Payer.commercial("kids-plan", UnitMethod.CPT).habilitativeModifiers()
            .build();
    private static final PayerProfile PLAIN = Payer.commercial("plain-plan", UnitMethod.CPT).build();

    private static BilledLine billed(String code, String... modifiers) {
        return new BilledLine(code, List.of(modifiers), 1, Optional.empty());
    }

    private static Visit.Builder child(String payer, BilledLine... billed) {
        return visit().payer(payer).diagnosis("F82").service(minutes("97530", 20, pt("T1")))
                .billed(List.of(billed));
    }

    private static CheckResult check(Visit v) {
        return only(new BilledLines(), ASKS, PLAIN).check(v);
    }

    private static List<Finding> differs(CheckResult r) {
        return findings(r, "MW-B006");
    }

    private static List<List<String>> engineModifiers(CheckResult r) {
        return r.engineClaim().lines().stream().map(ClaimLine::modifiers).toList();
    }

    @Test
    void aBilled96GivesTheVisitItsPurposeAndTheCorrectedClaimKeepsIt() {
        CheckResult r = check(child("kids-plan", billed("97530", "GP", "96")).build());
        assertThat(r.visit().purposeStated()).isTrue();
        assertThat(r.visit().purpose()).isEqualTo(Purpose.HABILITATIVE);
        assertThat(engineModifiers(r)).containsExactly(List.of("GP", "96"));
        assertThat(differs(r)).isEmpty();
        assertThat(findings(only(new PurposeNotStated(), ASKS).check(r.visit()), "MW-M002")).isEmpty();
    }

    /** Near miss: neither billed and no purpose: MW-M002's guess (97), not a difference from a stated purpose. */
    @Test
    void neitherBilledNorStatedIsMw002sNotADifference() {
        Visit v = child("kids-plan", billed("97530", "GP")).build();
        assertThat(v.purposeStated()).isFalse();
        CheckResult r = check(v);
        assertThat(differs(r)).isEmpty();
        assertThat(engineModifiers(r)).containsExactly(List.of("GP", "97"));
        // It says the billed lines carry neither (they may be denied), not only that 97 was added (a review).
        assertThat(findings(only(new PurposeNotStated(), ASKS).check(v), "MW-M002")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("the billed lines carry neither, which the payer "
                        + "may deny; Minutewise's corrected lines add 97").doesNotContain("97 was added"));
    }

    @Test
    void aHabilitativeVisitBilled97Differs() {
        CheckResult r = check(child("kids-plan", billed("97530", "GP", "97")).purpose(Purpose.HABILITATIVE).build());
        assertThat(differs(r)).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("billed[0].modifiers");
            assertThat(f.message()).contains("purpose is habilitative (96)").contains("97530 (billed[0]) carries 97")
                    .contains("Missing: 96.").contains("Not supported: 97.");
            assertThat(f.fix()).contains("96 when the therapy builds skills");
        });
        assertThat(engineModifiers(r)).containsExactly(List.of("GP", "96"));
        // Near miss: billed as the purpose says.
        assertThat(differs(check(child("kids-plan", billed("97530", "GP", "96")).purpose(Purpose.HABILITATIVE)
                .build()))).isEmpty();
        assertThat(differs(check(child("kids-plan", billed("97530", "GP", "97")).purpose(Purpose.REHABILITATIVE)
                .build()))).isEmpty();
    }

    @Test
    void aLineWithoutThePurposesModifierDiffersForAPayerThatAsks() {
        CheckResult r = check(child("kids-plan", billed("97530", "GP")).purpose(Purpose.HABILITATIVE).build());
        assertThat(differs(r)).singleElement().satisfies(f -> assertThat(f.message())
                .contains("97530 (billed[0]) carries neither").contains("Missing: 96.")
                .doesNotContain("Not supported"));
        // Near miss: a payer that does not ask for 96/97 needs neither.
        assertThat(differs(check(child("plain-plan", billed("97530", "GP")).purpose(Purpose.HABILITATIVE)
                .build()))).isEmpty();
    }

    /** 96 and 97 on different lines, no purpose: 96 gives it (as an 837 is read), and the 97 line is named. */
    @Test
    void mixedLinesTakeHabilitativeAndNameThe97Line() {
        Visit v = visit().payer("kids-plan").diagnosis("F82").service(minutes("97530", 20, pt("T1")))
                .service(minutes("97110", 20, pt("T1")))
                .billed(List.of(billed("97530", "GP", "96"), billed("97110", "GP", "97"))).build();
        assertThat(v.purpose()).isEqualTo(Purpose.HABILITATIVE);
        assertThat(differs(check(v))).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("billed[1].modifiers");
            assertThat(f.message()).contains("97110 (billed[1]) carries 97").contains("takes it from a billed 96")
                    .doesNotContain("97530 (billed[0])");
        });
    }

    /**
     * A payer that does not ask: a billed 96/97 that contradicts the stated purpose is still reported (the corrected
     * claim carries the purpose's); one that agrees, or none, is not.
     */
    @Test
    void aPayerThatDoesNotAskIsToldOnlyOfAContradiction() {
        CheckResult r = check(child("plain-plan", billed("97530", "GP", "96")).purpose(Purpose.REHABILITATIVE)
                .build());
        assertThat(differs(r)).singleElement().satisfies(f -> assertThat(f.message())
                .contains("carries 96 (habilitative)").contains("Not supported: 96.").doesNotContain("Missing")
                .contains("does not ask for 96/97"));
        assertThat(engineModifiers(r)).containsExactly(List.of("GP"));
        assertThat(differs(check(child("plain-plan", billed("97530", "GP", "97")).purpose(Purpose.REHABILITATIVE)
                .build()))).isEmpty();
    }
}
