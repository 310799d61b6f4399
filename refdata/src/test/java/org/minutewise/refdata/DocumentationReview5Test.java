package org.minutewise.refdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.Finding;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;

/**
 * A billing expert's review of the golden visits (2026-12-07), on the real phrase file: findings that said something
 * the note plainly contradicts (no response where the note records a measured change; no balance deficit where it
 * records a balance measure; "nowhere says what was done" where it lists the exercises), each beside a near miss
 * that must still fire.
 */
class DocumentationReview5Test {
    private static List<String> ids(String note) {
        return DocumentationReview3Test.ids(note);
    }

    /** 97112 and 97110 with a purely musculoskeletal diagnosis (R TKA): MW-D004 reads the note. */
    private static List<String> musculoskeletal(String note) {
        Visit v = Visit.builder("V-R5", DocumentationReview3Test.DOS).payer("medicare").diagnosis("M17.11")
                .totalTreatmentMinutes(47).service(ServiceLine.of("97112", 24, Role.PT))
                .service(ServiceLine.of("97110", 23, Role.PT)).note(note).build();
        return DocumentationReview3Test.CHECKER.check(v).findings().stream().map(Finding::ruleId).toList();
    }

    /** A note that states the deficit, the function, a technique with cues and a plan, and no response. */
    private static final String NMR = "Impaired balance limits gait. NMR 24 min: perturbation training w/ CGA and "
            + "TC at pelvis. TE 23 min: hip strengthening w/ VC to improve stance stability. ";
    private static final String END = " Plan: progress to foam. Total timed 47 min, total tx 47 min.";

    @Test
    void aMeasuredChangeIsAResponse() {
        for (String change : List.of("2 sequencing errors (was 5).", "4/5 targets recalled at 4-min interval "
                        + "(was 2/5).", "Freezing 2 episodes (was 5).", "2 toe catches (was 6).", "Berg 42/56 (was 40).",
                "SLS at wall 4 s (was 2 s).", "Romberg sharpened 4 s (was 0).", "10MWT 0.74 m/s (was 0.62).",
                "SLS R 12 s (was 7).", "6MWT 298 m (was 260).", "Flexion 140 to 155 degrees.",
                "Pt now ascends stairs step-over-step with rail.", "Answered 5/6 yes/no questions accurately.",
                "Error 8 -> 4 deg.", "Berg 40 -> 44.", "TUG 14.2 \u2192 11.8.", "SLS (R) 12s (was 7).",
                "SLS 12 s (L) (was 7).")) {
            assertThat(ids(NMR + change + END)).as(change).doesNotContain("MW-D008");
        }
    }

    @Test
    void noChangeIsNoResponse() {
        assertThat(ids(NMR + END)).contains("MW-D008");
        for (String noChange : List.of("Re-eval due 12/14 (was 12/7).", "Visit 9 of 20 authorized (was 12).",
                "Ther ex 15 min (was 30 min).", "Session from 14:00 to 14:40.", "Bridges progressed from 10 to 15 reps.",
                "PROM 0 to 90 deg per protocol.", "R TKA now 8 wk post-op.", "Referred (was seen at another clinic).",
                "Goal: Berg 45-50/56 in 4 wk.", "Goal: TUG 10-12 s.", "Knee flexion 110 to 120 deg in 4 wk.",
                "Level 3 -> 4.")) {
            assertThat(ids(NMR + noChange + END)).as(noChange).contains("MW-D008");
        }
        // "Tolerated well" alone is a response, a vague one: MW-D014 says so, not MW-D008.
        assertThat(ids(NMR + "Pt tolerated well." + END)).contains("MW-D014").doesNotContain("MW-D008");
    }

    /**
     * 43, 60: a timed stance test states the balance deficit, for MW-D002 as for MW-D006 (one notion); since
     * 2026-12-07 for MW-D004 too, its value showing the deficit (a stance under 30 s, a score below its maximum).
     */
    @Test
    void aRecordedBalanceMeasureStatesTheDeficit() {
        String rest = " TE 20 min: hip strengthening w/ VC to improve gait. Pt fatigued by set 3." + END;
        for (String nmr : List.of("NMR 22 min: tandem and SLS progressions on foam with perturbations, VC for ankle "
                        + "strategy; tandem stance 9 s (was 6).",
                "NMR 15 min: R SLS with perturbations, tandem walking, hip strategy cues; SLS R 12 s (was 7).",
                "NMR 15 min: perturbation training w/ CGA; Berg 42/56.")) {
            assertThat(ids(nmr + rest)).as(nmr).doesNotContain("MW-D002", "MW-D006");
            // With a musculoskeletal diagnosis the measure's value states the deficit: MW-D004 reads it as MW-D002.
            assertThat(musculoskeletal(nmr + rest)).as(nmr).doesNotContain("MW-D002", "MW-D004", "MW-D006");
        }
        // Near miss: a normal value shows no deficit; both findings say what the note records.
        String n60 = "NMR 15 min: R SLS with perturbations, tandem walking, hip strategy cues; SLS R 30 s (was 7).";
        assertThat(musculoskeletal(n60 + rest)).contains("MW-D002", "MW-D004").doesNotContain("MW-D006");
        assertThat(d004(n60 + rest)).contains("states no balance or proprioceptive deficit (it records the "
                + "measure \"SLS R 30 s (was 7)\" (note[").contains(", but not a value that shows a deficit");
        assertThat(d004("Impaired single-leg balance: " + n60 + rest)).isNull();
    }

    private static String d004(String note) {
        Visit v = Visit.builder("V-R5", DocumentationReview3Test.DOS).payer("medicare").diagnosis("M17.11")
                .totalTreatmentMinutes(47).service(ServiceLine.of("97112", 24, Role.PT))
                .service(ServiceLine.of("97110", 23, Role.PT)).note(note).build();
        return DocumentationReview3Test.CHECKER.check(v).findings().stream().filter(f -> f.ruleId().equals("MW-D004"))
                .map(Finding::message).findFirst().orElse(null);
    }

    @Test
    void aStanceNamedAsAnExerciseStatesNoDeficit() {
        String rest = " TE 20 min: hip strengthening w/ VC to improve gait. Pt fatigued by set 3." + END;
        String nmr = "NMR 22 min: tandem stance and SLS on foam 3x20 s with perturbations, VC for ankle strategy.";
        assertThat(ids(nmr + rest)).contains("MW-D002", "MW-D006");
        // A musculoskeletal diagnosis and no stated balance or proprioceptive deficit: MW-D004 still fires, as before.
        assertThat(musculoskeletal(nmr + rest)).contains("MW-D002", "MW-D004", "MW-D006");
        assertThat(d004(nmr + rest)).contains("the note states no balance or proprioceptive deficit. Payers deny");
        // TUG is a measure of mobility, not of the deficit: MW-D006 is content, MW-D002 not.
        assertThat(ids(nmr + " TUG 14 s (was 18)." + rest)).contains("MW-D002").doesNotContain("MW-D006");
    }

    /** 52: joint position retraining names proprioception, and its measured error is a measure of it. */
    @Test
    void aMeasuredJointPositionErrorStatesAndMeasuresTheDeficit() {
        String rest = " TE 12 min: leg press, step-downs w/ VC for knee valgus to improve stairs." + END;
        String n52 = "NMR 15 min: SLS on R with perturbations, joint position retraining on R knee (blindfolded "
                + "matching 30/60 deg, error 8 -> 4 deg).";
        assertThat(ids(n52 + rest)).doesNotContain("MW-D002", "MW-D006", "MW-D008");
        // Without the measured error, no measure (the deficit is still named).
        String unmeasured = "NMR 15 min: SLS on R with perturbations, joint position retraining on R knee.";
        assertThat(ids(unmeasured + rest)).contains("MW-D006", "MW-D008").doesNotContain("MW-D002");
    }

    /** 06: the note lists exercises; the vague plan's finding says only what it checked. */
    @Test
    void aVaguePlanSaysOnlyThatNothingShowsWhatTheClinicianDid() {
        String n06 = "R ankle sprain. 97112 x 23 min. Ther ex 15 min: ankle alphabet, towel scrunches, seated heel/toe "
                + "raises 2x15, calf stretch 3x30 s. Pt tolerated well. Continue POC.";
        List<Finding> fs = DocumentationReview3Test.findings(n06).stream()
                .filter(f -> f.ruleId().equals("MW-D014") && f.message().contains("Continue POC")).toList();
        assertThat(fs).singleElement().satisfies(f -> assertThat(f.message())
                .contains("nowhere says what the clinician did: no technique, cue, facilitation or guarding")
                .doesNotContain("what was done"));
        // With a cue the plan is not vague.
        assertThat(DocumentationReview3Test.findings(n06.replace("calf stretch", "calf stretch w/ VC"))
                .stream().filter(f -> f.ruleId().equals("MW-D014") && f.message().contains("Continue POC")))
                .isEmpty();
    }
}
