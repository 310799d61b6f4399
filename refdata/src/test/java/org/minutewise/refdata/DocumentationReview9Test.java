package org.minutewise.refdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.Finding;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;

/**
 * Four weaknesses of the note checks left by the last review (2026-12-07), on the real phrase file (2026.17): skilled
 * input judged per code's passage (MW-D007), losses of balance beside "balance WNL" (MW-D002, MW-D004), a deferral
 * that covers every item of its list (MW-D002, MW-D019), "another PT" as a therapist (MW-D021). Each beside a near
 * miss.
 */
class DocumentationReview9Test {
    static Visit nmr(String dx, String note) {
        return Visit.builder("V-R9", DocumentationReview3Test.DOS).payer("medicare").diagnosis(dx)
                .totalTreatmentMinutes(24).service(ServiceLine.of("97112", 24, Role.PT)).note(note).build();
    }

    static List<Finding> findings(Visit v) {
        return DocumentationReview3Test.CHECKER.check(v).findings();
    }

    static List<String> ids(Visit v) {
        return findings(v).stream().map(Finding::ruleId).toList();
    }

    static Finding only(Visit v, String id) {
        List<Finding> fs = findings(v).stream().filter(f -> f.ruleId().equals(id)).toList();
        assertThat(fs).as(id).hasSize(1);
        return fs.get(0);
    }

    private static final String SESSION = " NMR 24 min: tandem walk and SLS on foam w/ VC for trunk alignment and CGA, "
            + "2 LOB during tandem walk. Goal: reduce fall risk at home. Pt needed fewer cues by 3rd set.";

    @Test
    void lossesOfBalanceBesideBalanceWnlAreAContradictionNotTheDeficit() {
        Visit wnl = nmr("I69.351", "Pt s/p CVA, 2 falls this month. Balance WNL." + SESSION);
        Finding f = only(wnl, "MW-D002");
        assertThat(f.message()).contains("\"Balance WNL\"", "\"2 LOB during tandem walk\"", "contradict");
        Visit spelled = nmr("I69.351", "Pt s/p CVA, 2 falls this month. Standing balance within normal limits."
                + SESSION);
        assertThat(only(spelled, "MW-D002").message()).contains("\"balance within normal limits\"");
        // Near misses: the losses alone state the deficit; static balance normal does not contradict them; a deficit
        // stated in words passes whatever the normal finding.
        assertThat(ids(nmr("I69.351", "Pt s/p CVA, 2 falls this month." + SESSION))).doesNotContain("MW-D002");
        assertThat(ids(nmr("I69.351", "Pt s/p CVA, 2 falls this month. Static balance WNL." + SESSION)))
                .doesNotContain("MW-D002");
        assertThat(ids(nmr("I69.351", "Pt s/p CVA, 2 falls this month. Balance WNL in sitting, impaired dynamic "
                + "balance." + SESSION))).doesNotContain("MW-D002");
    }

    @Test
    void aMusculoskeletalDiagnosisGetsNoBalanceDeficitFromLossesBesideBalanceWnl() {
        Visit wnl = nmr("M17.11", "Pt s/p R TKA, 2 falls this month. Balance WNL." + SESSION);
        assertThat(only(wnl, "MW-D004").message()).contains("states balance as normal", "\"2 LOB during tandem walk\"");
        assertThat(ids(nmr("M17.11", "Pt s/p R TKA, 2 falls this month." + SESSION))).doesNotContain("MW-D004");
    }

    private static Visit nmrAndTe(String note) {
        return Visit.builder("V-R9", DocumentationReview3Test.DOS).payer("medicare").diagnosis("I69.351")
                .totalTreatmentMinutes(47).service(ServiceLine.of("97112", 24, Role.PT))
                .service(ServiceLine.of("97110", 23, Role.PT)).note(note).build();
    }

    private static final String HISTORY = "Pt w/ R hemiparesis after CVA, impaired dynamic balance, 2 falls this month, "
            + "Berg 38/56. ";

    @Test
    void eachTimedCodesPassageNeedsItsOwnSkilledInput() {
        String nmr = "Neuromuscular reeducation 24 min: perturbation training in standing w/ TC at pelvis and CGA; goal "
                + "reduce fall risk. ";
        Visit alone = nmrAndTe(HISTORY + nmr + "Therapeutic exercise 23 min: pt exercised on bike 10 min and did hip "
                + "abductor strengthening 3x10; goal improve stance stability.");
        Finding f = only(alone, "MW-D007");
        assertThat(f.path()).isEqualTo("services[1]");
        assertThat(f.message()).startsWith("97110 is billed").contains("\"Therapeutic exercise 23 min: pt exercised");
        // The code's number as its heading reads the same.
        Visit coded = nmrAndTe(HISTORY + "97112: perturbation training in standing w/ TC at pelvis and CGA. 97110: "
                + "bike 10 min and hip abductor strengthening 3x10.");
        assertThat(only(coded, "MW-D007").message()).startsWith("97110 is billed");
        // Near misses: each passage with its cues; a note without sections read as a whole.
        Visit cued = nmrAndTe(HISTORY + nmr + "Therapeutic exercise 23 min: hip abductor strengthening 3x10 w/ VC for "
                + "pelvic level; goal improve stance stability.");
        assertThat(ids(cued)).doesNotContain("MW-D007");
        // Manual therapy is the clinician's hands-on technique; perturbations the clinician gives are skilled input.
        Visit manual = Visit.builder("V-R9", DocumentationReview3Test.DOS).payer("medicare").diagnosis("M75.01")
                .totalTreatmentMinutes(40).service(ServiceLine.of("97140", 15, Role.PT))
                .service(ServiceLine.of("97110", 25, Role.PT)).note("R adhesive capsulitis. Manual 15 min: GH inferior "
                        + "and posterior glides grade III-IV; ER 25 -> 32 deg. Ther ex 25 min: pulley flexion, sleeper "
                        + "stretch 3x30 s, VC to avoid shrug.").build();
        assertThat(ids(manual)).doesNotContain("MW-D007");
        Visit perturbed = nmrAndTe(HISTORY + "NMR 24 min: SLS on R with perturbations, tandem walk. Ther ex 23 min: "
                + "hip abductor strengthening 3x10 w/ VC for pelvic level.");
        assertThat(ids(perturbed)).doesNotContain("MW-D007");
        Visit whole = nmrAndTe(HISTORY + "Perturbation training in standing w/ TC at pelvis and CGA, then bike and hip "
                + "abductor strengthening 3x10; 47 min of timed treatment.");
        assertThat(ids(whole)).doesNotContain("MW-D007");
    }

    static final String NMR_CUED = " NMR 24 min: weight shifting w/ VC and CGA. Goal: reduce fall risk at home. "
            + "Pt needed fewer cues by 3rd set.";

    @Test
    void aDeferralCoversEveryItemOfItsList() {
        for (String deferred : List.of("Balance, gait and proprioception deferred today d/t fatigue.",
                "Balance, coordination and proprioception not tested today.", "Balance and gait NT.",
                "Balance: NT.", "Proprioception, gait or balance held today.")) {
            assertThat(only(nmr("I69.351", "Pt s/p CVA, 2 falls this month. " + deferred + NMR_CUED), "MW-D002")
                    .message()).as(deferred).contains("not assessed");
        }
        // Near misses: a deficit stated in words before the list, a list a ';' or a sentence ends, an item that says
        // more than its name.
        for (String stated : List.of("Impaired balance, gait deferred today.", "Balance; gait and proprioception "
                + "deferred.", "Balance impaired. Gait and proprioception deferred.", "Balance w/ eyes closed, gait "
                + "deferred.")) {
            assertThat(ids(nmr("I69.351", "Pt s/p CVA, 2 falls this month. " + stated + NMR_CUED)))
                    .as(stated).doesNotContain("MW-D002");
        }
    }

    @Test
    void aDeferredFunctionIsNoFunctionTheDeficitLimits() {
        String deficit = "Pt s/p CVA, impaired dynamic balance. ";
        String session = " NMR 24 min: weight shifting w/ VC and CGA. Pt needed fewer cues by 3rd set.";
        assertThat(ids(nmr("I69.351", deficit + "Stairs, curbs and transfers deferred today." + session)))
                .contains("MW-D003");
        // Near miss: the stairs the patient cannot do are stated; only the transfers are deferred.
        assertThat(ids(nmr("I69.351", deficit + "Unable to do stairs, transfers deferred today." + session)))
                .doesNotContain("MW-D003");
    }

    static Visit teAndGait(String note) {
        return Visit.builder("V-R9", DocumentationReview3Test.DOS).payer("medicare").diagnosis("M17.11")
                .totalTreatmentMinutes(38).service(ServiceLine.of("97110", 23, Role.PT))
                .service(ServiceLine.of("97116", 15, Role.PT)).note(note).build();
    }

    @Test
    void aServiceListedFirstBeforeADeferralIsNotDone() {
        String te = "Pt s/p R TKA. Ther ex 23 min: SLR and bridges 3x10 w/ VC for form and TC at quad. ";
        Finding f = only(teAndGait(te + "Gait, stairs and balance deferred today d/t pt fatigue."), "MW-D019");
        assertThat(f.path()).isEqualTo("services[code=97116]");
        assertThat(f.message()).contains("\"Gait, stairs and balance deferred today d/t pt fatigue.\"");
        assertThat(only(teAndGait(te + "Balance, gait and proprioception not tested today."), "MW-D019").path())
                .isEqualTo("services[code=97116]");
        // Near misses: the gait was done, only what follows is deferred.
        assertThat(ids(teAndGait(te + "Gait training w/ CGA, stairs deferred."))).doesNotContain("MW-D019");
        assertThat(ids(teAndGait(te + "Gait training 15 min; stairs and curbs deferred."))).doesNotContain("MW-D019");
    }

    private static final String DEFICIT = "Pt w/ R hemiparesis, impaired dynamic balance, 2 falls this month. ";

    @Test
    void anotherPtInCapitalsOrACoTreatIsATherapistNotAPatient() {
        for (String therapist : List.of("NMR 24 min: perturbation training co-treated with another PT, TC at pelvis "
                + "and CGA.", "NMR 24 min: perturbation training w/ another PT present for safety, TC at pelvis and "
                + "CGA.", "NMR 24 min: perturbation training, cotreat w/ another pt, TC at pelvis and CGA.")) {
            assertThat(ids(nmr("I69.351", DEFICIT + therapist + " Pt needed fewer cues by 3rd set.")))
                    .as(therapist).doesNotContain("MW-D021");
        }
        for (String patient : List.of("NMR 24 min: perturbation training w/ another pt, TC at pelvis and CGA.",
                "NMR 24 min: perturbation training with another patient, TC at pelvis and CGA.",
                "NMR 24 MIN: PERTURBATION TRAINING W/ ANOTHER PT, TC AT PELVIS AND CGA.")) {
            assertThat(ids(nmr("I69.351", DEFICIT + patient + " Pt needed fewer cues by 3rd set.")))
                    .as(patient).contains("MW-D021");
        }
    }
}
