package org.minutewise.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.model.Purpose;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerKind;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.units.UnitMethod;
import org.minutewise.formats.csv.CsvVisitWriter;
import org.minutewise.refdata.RefData;

/**
 * A commercial biller's review: a CSV billed 97530 GP;96 for a child (no purpose column) was checked as rehabilitative,
 * and {@code check --out csv} wrote GP;97; KX billed to a commercial plan was dropped from the corrected claim. The
 * corrected CSV, read back, must bill the same corrected claim, 96 kept; another payer's KX kept as billed (MW-B017).
 */
class BilledPurposeRoundTripTest {
    private static final PayerProfile ACME = new PayerProfile("acme-ppo", "Acme PPO", PayerKind.COMMERCIAL,
            UnitMethod.CPT, false, false, OptionalInt.empty(), "XU", false, true, Set.of(), "test");
    private static final PayerProfile BCBS = new PayerProfile("bcbs", "Blue", PayerKind.COMMERCIAL, UnitMethod.CPT,
            false, false, OptionalInt.empty(), "59", false, false, Set.of(), "test");
    private static final ReferenceData REF = RefData.defaults().withPayers(RefData.defaults().payers()
            .with(List.of(ACME, BCBS)));
    private static final String HEADER = "visitId,dateOfService,payer,setting,planOfCare,patientId,diagnoses,code,"
            + "minutes,start,end,providerId,role,mode,billedUnits,billedModifiers,charge,note,totalTreatmentMinutes\n";

    private static String row(String payer, String modifiers) {
        return HEADER + "H-1,2026-03-02," + payer + ",private-practice,PT,PK1,F82,97530,20,09:00,09:20,T1,PT,"
                + "one-on-one,1," + modifiers + ",,\"Developmental coordination disorder; child cannot hop or skip. "
                + "Therapeutic activities 20 min: hopping drills with tactile cues; goal: hop 10x. Plan: progress.\",20\n";
    }

    private static List<CheckResult> check(String csv) {
        List<CheckResult> out = new ArrayList<>();
        for (VisitInput.Result r : VisitInput.read(csv, VisitFormat.CSV, REF)) {
            out.add(new VisitChecker(REF).check(r.visit().orElseThrow()));
        }
        return out;
    }

    private static List<String> billedModifiers(String csv) {
        return CheckCsvPointersTest.column(csv, "billedModifiers");
    }

    @Test
    void aBilled96IsKeptAndReadBackBillsTheSameCorrectedClaim() {
        List<CheckResult> first = check(row("acme-ppo", "GP;96"));
        assertThat(first.get(0).visit().purpose()).isEqualTo(Purpose.HABILITATIVE);
        assertThat(first.get(0).findings()).extracting(f -> f.ruleId()).doesNotContain("MW-M002", "MW-B006");
        String corrected = VisitOutput.csv(first);
        assertThat(billedModifiers(corrected)).containsExactly("GP;96");
        List<CheckResult> again = check(corrected);
        assertThat(VisitOutput.csv(again)).isEqualTo(corrected);
        assertThat(again.get(0).findings()).extracting(f -> f.ruleId()).doesNotContain("MW-B006", "MW-M002");
        // The purpose is carried by the billed 96: no note that the layout drops it.
        Visit written = VisitOutput.withClaimAsBilled(first.get(0));
        assertThat(CsvVisitWriter.notCarried(written)).doesNotContain("purpose");
    }

    /** Near miss: neither billed, no purpose: the corrected claim bills 97 (MW-M002's guess), read back the same. */
    @Test
    void neitherBilledGetsTheGuessOnceAndKeepsIt() {
        List<CheckResult> first = check(row("acme-ppo", "GP"));
        assertThat(first.get(0).findings()).extracting(f -> f.ruleId()).contains("MW-M002");
        String corrected = VisitOutput.csv(first);
        assertThat(billedModifiers(corrected)).containsExactly("GP;97");
        assertThat(VisitOutput.csv(check(corrected))).isEqualTo(corrected);
    }

    /**
     * A payer that does not ask for 96/97: a billed 96 stays (the engine adds none); a visit JSON stated rehabilitative
     * but billed 96 gets its purpose's 97 in its place, so the CSV read back is rehabilitative, as stated.
     */
    @Test
    void aPayerThatDoesNotAskKeepsTheBilledPurpose() {
        assertThat(billedModifiers(VisitOutput.csv(check(row("bcbs", "GP;96"))))).containsExactly("GP;96");
        Visit stated = check(row("bcbs", "GP;96")).get(0).visit().toBuilder().purpose(Purpose.REHABILITATIVE).build();
        CheckResult r = new VisitChecker(REF).check(stated);
        assertThat(r.findings()).extracting(f -> f.ruleId()).contains("MW-B006");
        String corrected = VisitOutput.csv(List.of(r));
        assertThat(billedModifiers(corrected)).containsExactly("GP;97");
        assertThat(check(corrected).get(0).visit().purpose()).isEqualTo(Purpose.REHABILITATIVE);
    }

    /** KX billed to a commercial plan is kept as billed (MW-B017); near miss: Medicare's is the engine's to judge. */
    @Test
    void anotherPayersKxStaysOnTheCorrectedClaim() {
        List<CheckResult> bcbs = check(row("bcbs", "GP;KX"));
        assertThat(bcbs.get(0).findings()).extracting(f -> f.ruleId()).contains("MW-B017").doesNotContain("MW-B009");
        assertThat(billedModifiers(VisitOutput.csv(bcbs))).containsExactly("GP;KX");
        List<CheckResult> medicare = check(row("medicare", "GP;KX"));
        assertThat(medicare.get(0).findings()).extracting(f -> f.ruleId()).contains("MW-B009")
                .doesNotContain("MW-B017");
        assertThat(billedModifiers(VisitOutput.csv(medicare))).containsExactly("GP");
    }
}
