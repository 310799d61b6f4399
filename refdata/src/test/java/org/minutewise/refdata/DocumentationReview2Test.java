package org.minutewise.refdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.RuleBook;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.check.rules.doc.DocumentationRules;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;

/**
 * A therapist's review of the documentation checks (2026-12-06, phrase list 2026.10) on the real phrase file: each
 * misread it found, and a near miss that must not change.
 */
class DocumentationReview2Test {
    static final ReferenceData REF = RefData.defaults().withPhrases(PhraseListLoader.embedded());
    static final VisitChecker CHECKER = new VisitChecker(REF, RuleBook.of(DocumentationRules.all()));
    static final LocalDate DOS = LocalDate.of(2026, 3, 2);

    /** 97112 and 97110 billed, 24 and 23 minutes, total 47: the review's visit. */
    private static List<String> ids(String note) {
        Visit v = Visit.builder("V-R2", DOS).payer("medicare").diagnosis("I69.351").diagnosis("R26.89")
                .totalTreatmentMinutes(47)
                .service(ServiceLine.of("97112", 24, Role.PT))
                .service(ServiceLine.of("97110", 23, Role.PT))
                .note(note).build();
        return CHECKER.check(v).findings().stream().map(Finding::ruleId).toList();
    }

    private static List<String> ids(String note, String code) {
        Visit v = Visit.builder("V-R2", DOS).payer("medicare").diagnosis("R26.89").totalTreatmentMinutes(23)
                .service(ServiceLine.of(code, 23, Role.PT)).note(note).build();
        return CHECKER.check(v).findings().stream().map(Finding::ruleId).toList();
    }

    /** A 97112 block with technique, cues, deficit, function, measure, response and plan. */
    private static final String NMR = "NMR 24 min: SLS on foam w/ VC for hip strategy and TC at pelvis, CGA; impaired "
            + "dynamic balance w/ LOB limits community ambulation. Berg 41/56. ";

    @Test
    void teNamesTherapeuticExercise() {
        String tail = " 23 min: bridges 2x15 w/ VC for pelvic neutral to improve hip stability for gait. "
                + "Response: fewer LOB. P: progress to EC. Total timed 47 min, total tx 47 min.";
        // "bridges" names 97110 already: take a note with no exercise word but the heading.
        assertThat(ids("NMR 24 min: SLS on foam w/ VC, CGA; impaired balance limits gait. Berg 41/56. TE 23 min: "
                + "per flowsheet w/ VC. Response: fewer LOB. P: progress to EC.")).doesNotContain("MW-D019");
        assertThat(ids("NMR 24 min: SLS on foam w/ VC, CGA; impaired balance limits gait. Berg 41/56. 23 min: "
                + "per flowsheet w/ VC. Response: fewer LOB. P: progress to EC.")).as("near miss: no heading")
                .contains("MW-D019");
        assertThat(ids(NMR + "TE" + tail)).doesNotContain("MW-D019");
        assertThat(ids("GT 23 min: with VC for step length to improve community ambulation.", "97116"))
                .doesNotContain("MW-D019");
        assertThat(ids("MT 23 min: to R knee w/ VC to improve ROM for stairs.", "97140")).doesNotContain("MW-D019");
        assertThat(ids("TA 23 min: with VC to improve safety.", "97530")).doesNotContain("MW-D019");
        assertThat(ids("SC 23 min: with VC to improve safety.", "97535")).doesNotContain("MW-D019");
        assertThat(ids("GX 23 min: with VC to improve safety.", "97535")).as("near miss").contains("MW-D019");
    }

    @Test
    void commonNeuromuscularTechniquesAreNamed() {
        String rest = " w/ TC at pelvis, CGA; impaired dynamic balance w/ LOB on turns limits safe gait at home. FGA "
                + "18/30. TE 23 min: hip abd strengthening w/ VC to improve lateral stability. Response: LOB on turns "
                + "3 -> 1. Plan: progress to turns w/ head movement. Total timed 47 min, total tx 47 min.";
        for (String t : List.of("tandem walk w/ head turns", "foam stance EO/EC", "perturbation trng",
                "reactive balance trng", "figure-8 walking", "braiding", "obstacle negotiation", "180 deg turns",
                "gait w/ horizontal head turns", "step strategy trng")) {
            assertThat(ids("NMR 24 min: " + t + rest)).as(t).doesNotContain("MW-D005");
        }
        assertThat(ids("NMR 24 min: marching in place" + rest)).as("near miss").contains("MW-D005");
        assertThat(ids("NMR 24 min: marching in place, figure-8 girth 53.5 cm" + rest))
                .as("the figure-8 girth is a measure of swelling").contains("MW-D005");
        assertThat(ids("NMR 24 min: curb training" + rest)).as("curb training is gait training").contains("MW-D005");
    }

    @Test
    void aLabelledResponseOrPlanWithContentCounts() {
        String base = "NMR 24 min: SLS at counter w/ UE support, VC for upright trunk and CGA; impaired balance, SLS "
                + "< 3 s R limits reciprocal stair climbing. TE 23 min: bridges w/ VC for form. ";
        assertThat(ids(base + "Response: decreased trunk lean w/ cues. Plan: progress SLS time."))
                .doesNotContain("MW-D008", "MW-D009");
        assertThat(ids(base + "Response: held cond 4 15 s by end. P: cont, add EC."))
                .doesNotContain("MW-D008", "MW-D009");
        assertThat(ids(base + "Resp: trunk lean less. P: cont, add 6 in step."))
                .doesNotContain("MW-D008", "MW-D009");
        // Near misses: a label with nothing in it, and no label.
        assertThat(ids(base + "Response: none. P: n/a.")).contains("MW-D008", "MW-D009");
        assertThat(ids(base + "Trunk lean less. Add EC.")).contains("MW-D008", "MW-D009");
        assertThat(ids(base + "BP: 120/80.")).contains("MW-D009");
    }

    @Test
    void anAssistFieldAtIndependenceIsNoSkilledInput() {
        String rest = " | NMR 24 min: tandem stance, SLS, marching on foam | TE 23 min: LE strengthening, bridges "
                + "| Response: LOB 3 -> 1 | Plan: progress to EC | Balance: impaired, limits gait";
        for (String v : List.of("Independent", "Mod I", "SBA", "supervision", "modified independent", "indep",
                "standby assist", "SBA for safety")) {
            assertThat(ids("Assist: " + v + rest)).as(v).contains("MW-D007");
        }
        assertThat(ids("Assist level: I" + rest)).contains("MW-D007");
        for (String v : List.of("min A", "CGA", "mod A", "min A for turns")) {
            assertThat(ids("Assist: " + v + rest)).as("near miss " + v).doesNotContain("MW-D007");
        }
        assertThat(ids("Assist: I provided CGA" + rest)).as("near miss: a sentence").doesNotContain("MW-D007");
    }

    @Test
    void aNoteThatPointsElsewhereIsVague() {
        String strong = NMR + "TE 23 min: bridges w/ VC for form to improve stance. Response: fewer LOB. P: progress "
                + "to EC. ";
        assertThat(ids(strong)).doesNotContain("MW-D014");
        for (String s : List.of("Same as last visit.", "Copied from prior note.", "see previous note")) {
            assertThat(ids(strong + s)).as(s).contains("MW-D014");
        }
        assertThat(ids(strong + "Same HEP as last visit.")).as("near miss").doesNotContain("MW-D014");
    }

    @Test
    void aPlanForLaterIsNotIndependentExerciseOrGroupTime() {
        String base = "NMR 24 min: perturbation training in tandem stance w/ TC at pelvis, CGA; impaired reactive "
                + "balance w/ 2 falls limits community gait. Berg 42/56. TE 23 min: hip abd strengthening w/ VC to "
                + "improve stance stability; HEP updated w/ return demo. Response: fewer LOB. ";
        assertThat(ids(base + "Plan: progress to step strategy; pt to perform HEP independently 2x/day, 15 min."))
                .doesNotContain("MW-D016");
        assertThat(ids(base + "P: progress to step strategy; HEP independently 2x/day, 15 min."))
                .doesNotContain("MW-D016");
        assertThat(ids(base + "Plan: anticipate d/c in 2 visits; pt to join community balance class at senior "
                + "center after d/c.")).doesNotContain("MW-D021");
        // True positives: done in the billed time.
        assertThat(ids(base + "Plan: progress. TE 10 min: pt performed HEP independently in gym, 10 min."))
                .contains("MW-D016");
        assertThat(ids(base + "Plan: progress. Pt participated in balance class w/ 3 other pts x24 min."))
                .contains("MW-D021");
    }

    @Test
    void toleratedWithoutComplaintIsAVagueResponse() {
        String base = "NMR 24 min: tandem stance and SLS w/ VC for posture and CGA; impaired balance limits gait. "
                + "Berg 40/56. TE 23 min: hip strengthening w/ VC. ";
        List<String> got = ids(base + "Pt tolerated tx w/o c/o. Plan: progress to foam.");
        assertThat(got).doesNotContain("MW-D008").contains("MW-D014");
        assertThat(ids(base + "Pt tolerated tx w/o c/o; fewer cues by end. Plan: progress to foam."))
                .as("near miss: another response").doesNotContain("MW-D008", "MW-D014");
    }
}
