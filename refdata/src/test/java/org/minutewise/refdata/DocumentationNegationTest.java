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
 * The documentation checks on negated skilled input and negated deficits, with the real phrase file: the notes of a
 * domain review (k01, k02, b05, b07, b08) and the near misses that must stay skilled input or a deficit.
 */
class DocumentationNegationTest {
    static final ReferenceData REF = RefData.defaults().withPhrases(PhraseListLoader.embedded());
    static final VisitChecker CHECKER = new VisitChecker(REF, RuleBook.of(DocumentationRules.all()));
    static final LocalDate DOS = LocalDate.of(2026, 3, 10);

    private static List<String> ids(Visit v) {
        return CHECKER.check(v).findings().stream().map(Finding::ruleId).toList();
    }

    private static List<Finding> findings(Visit v, String id) {
        return CHECKER.check(v).findings().stream().filter(f -> f.ruleId().equals(id)).toList();
    }

    /** 97112 25 min + 97110 10 min after a stroke (the review's k01 and b07). */
    private static Visit stroke(String note) {
        return Visit.builder("V-k01", DOS).payer("medicare").diagnosis("I69.354").totalTreatmentMinutes(35)
                .service(ServiceLine.of("97112", 25, Role.PT)).service(ServiceLine.of("97110", 10, Role.PT))
                .note(note).build();
    }

    /** 97112 25 min for multiple sclerosis (the review's k02 and b08). */
    private static Visit ms(String note) {
        return Visit.builder("V-ms", DOS).payer("medicare").diagnosis("G35.A").totalTreatmentMinutes(25)
                .service(ServiceLine.of("97112", 25, Role.PT)).note(note).build();
    }

    /** 97112 15 min + 97110 15 min after a knee replacement (a musculoskeletal diagnosis: the review's b05). */
    private static Visit tka(String note) {
        return Visit.builder("V-tka", DOS).payer("medicare").diagnosis("Z96.651").totalTreatmentMinutes(30)
                .service(ServiceLine.of("97112", 15, Role.PT)).service(ServiceLine.of("97110", 15, Role.PT))
                .note(note).build();
    }

    private static final String K01 = "Pt s/p CVA w/ L hemiparesis, impaired balance, falls x2. NMR 25 min: pt did "
            + "wt shifting and tandem stance in // bars (I). Ther ex: NuStep x 10 min I'ly. Plan: cont.";

    /** The quoted span of the note where {@code text} is, as a finding's message writes it. */
    private static String quoted(String note, String text) {
        int at = note.indexOf(text);
        assertThat(at).as(text).isNotNegative();
        return "\"" + text + "\" (note[" + at + ":" + (at + text.length()) + "])";
    }

    @Test
    void k02OnlyNegatedCuesIsNoSkilledInput() {
        String note = "Pt w/ MS, poor balance causing falls. NMR 25 min: tandem stance, SLS, wt shifting; no VC or "
                + "TC needed. Plan: progress.";
        assertThat(findings(ms(note), "MW-D007")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("The skilled input it mentions is negated: " + quoted(note, "no VC or TC needed.")));
    }

    @Test
    void b08AssistanceAndGuardingNotRequiredIsNoSkilledInput() {
        Visit v = ms("Pt w/ MS, poor balance causing falls. NMR 25 min: tandem stance, SLS, wt shifting; no VC or "
                + "TC needed, did not require assistance or guarding. Plan: cont POC.");
        // The note names its techniques (tandem stance, SLS, wt shifting): its "cont POC" is no vague note (MW-D014
        // v2); what it lacks is the skilled input it negates.
        assertThat(ids(v)).contains("MW-D007").doesNotContain("MW-D014");
    }

    @Test
    void b07WithoutAssistChangesNothingFromK01() {
        String b07 = "Pt s/p CVA w/ L hemiparesis, impaired balance, falls x2. NMR 25 min: pt did wt shifting and "
                + "tandem stance in // bars (I) w/o assist. Ther ex: NuStep x 10 min I'ly. Plan: cont.";
        // "(I)" and "I'ly" beside the session's activity are independent exercise (MW-D016), not activity without
        // a cue (MW-D015); "w/o assist" is no skilled input.
        assertThat(ids(stroke(K01))).contains("MW-D007", "MW-D016");
        assertThat(ids(stroke(b07))).isEqualTo(ids(stroke(K01)));
        assertThat(findings(stroke(b07), "MW-D016")).first().satisfies(f -> assertThat(f.message())
                .contains("pt did wt shifting and tandem stance in // bars (I) w/o assist."));
    }

    @Test
    void b05ADeniedDeficitIsNoDeficit() {
        String note = "Pt s/p R TKA, denies unsteadiness, no loss of balance reported at home. NMR 15 min: SLS on "
                + "foam and tandem stance w/ VC for knee alignment. Ther ex 15 min: quad sets, SAQ w/ VC. Pt "
                + "tolerated well. Plan: progress per protocol.";
        Visit v = tka(note);
        assertThat(ids(v)).contains("MW-D002", "MW-D004").doesNotContain("MW-D007");
        String denied = quoted(note, "Pt s/p R TKA, denies unsteadiness, no loss of balance reported at home.");
        assertThat(findings(v, "MW-D002")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("nothing about balance, proprioception, coordination, posture or motor control but as "
                        + "absent or not assessed, " + denied + "."));
        assertThat(findings(v, "MW-D004")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("Z96.651").contains("the note states no balance or proprioceptive deficit (it mentions "
                        + "one only as absent: " + denied + ")."));
    }

    @Test
    void aStatedDeficitBesideADeniedOneStillCounts() {
        Visit v = tka("Pt s/p R TKA, denies dizziness, impaired single leg balance R 4 s. NMR 15 min: SLS on foam "
                + "w/ VC for knee alignment. Ther ex 15 min: quad sets w/ VC. Plan: progress per protocol.");
        assertThat(ids(v)).doesNotContain("MW-D002", "MW-D004");
    }

    @Test
    void cuesWithTheLossOfBalanceNegatedAreStillSkilled() {
        Visit v = stroke("Pt s/p CVA w/ L hemiparesis, impaired balance, falls x2. NMR 25 min: perturbations in "
                + "stance, no LOB with min A and TC at pelvis. Ther ex 10 min: bridges. Plan: cont.");
        assertThat(ids(v)).doesNotContain("MW-D007");
    }

    @Test
    void anAssistanceLevelTheTaskNeedsIsSkilled() {
        Visit v = stroke("Pt s/p CVA w/ L hemiparesis, impaired balance, falls x2. NMR 25 min: sit to stand and wt "
                + "shifts in standing; pt unable to stand without mod A. Ther ex 10 min: bridges. Plan: cont.");
        assertThat(ids(v)).doesNotContain("MW-D007");
    }

    @Test
    void notIndependentIsADeficitAndANeed() {
        Visit deficit = tka("Pt s/p R TKA, not independent w/ standing balance. NMR 15 min: SLS on foam w/ VC for "
                + "knee alignment. Ther ex 15 min: quad sets w/ VC. Plan: progress per protocol.");
        assertThat(ids(deficit)).doesNotContain("MW-D002");
        Visit cues = ms("Pt w/ MS, poor balance causing falls. NMR 25 min: tandem stance and wt shifting, pt not "
                + "independent of cues for foot placement. Plan: progress.");
        assertThat(ids(cues)).doesNotContain("MW-D007");
    }

    @Test
    void fewerCuesAreStillCues() {
        Visit v = ms("Pt w/ MS, poor balance causing falls. NMR 25 min: tandem stance and wt shifting; decreased "
                + "need for VC by the third set. Plan: progress.");
        assertThat(ids(v)).doesNotContain("MW-D007");
    }

    @Test
    void withoutCuesByTheFinalSetIsProgressAfterCuesGiven() {
        String note = "Pt w/ MS, poor balance causing falls. NMR 25 min: wt shifting and tandem stance on foam%s. "
                + "Pt able to maintain tandem stance 30 s without cues by final set. Plan: progress.";
        assertThat(ids(ms(String.format(note, " w/ TC at R hip and VC for trunk alignment"))))
                .doesNotContain("MW-D007");
        assertThat(ids(ms(String.format(note, "")))).contains("MW-D007");
    }

    @Test
    void aNegatedCueDoesNotExplainAVaguePhraseOrAnActivity() {
        // (The next sentence names no skilled input: with one, MW-D014 v2 reads it as what the phrase stands for.)
        String note = "Pt w/ MS, poor balance causing falls. NMR 25 min: worked on balance, no VC or TC needed. "
                + "Pt tolerated well. Plan: progress.";
        int at = note.indexOf("worked on balance");
        assertThat(findings(ms(note), "MW-D014")).extracting(Finding::path)
                .contains("note[" + at + ":" + (at + "worked on balance".length()) + "]");
        Visit activity = ms("Pt w/ MS, poor balance causing falls. NMR 25 min: wt shifting w/ CGA. Pt performed "
                + "tandem stance on foam, no VC needed. Plan: progress.");
        assertThat(ids(activity)).contains("MW-D015").doesNotContain("MW-D007");
    }

    // 2026-12-06 (phrases 2026.8): template fields, "no difficulty with", "WNL", a clause-long reach.

    @Test
    void aTemplateFieldOfNoCuesIsNoSkilledInput() {
        Visit none = ms("Pt w/ MS, poor balance causing falls. NMR 25 min: Pt performed tandem stance and wt "
                + "shifting, cues: none required. Assist: N/A. Plan: progress.");
        assertThat(ids(none)).contains("MW-D007", "MW-D015");
        Visit given = ms("Pt w/ MS, poor balance causing falls. NMR 25 min: Pt performed tandem stance and wt "
                + "shifting, Cues: verbal and tactile at pelvis. Assist: N/A. Plan: progress.");
        assertThat(ids(given)).doesNotContain("MW-D007", "MW-D015");
    }

    @Test
    void aTemplateFieldOfNoDeficitIsNoDeficit() {
        String note = "Pt s/p R TKA. Balance deficit: none noted. Dizziness: denies. NMR 15 min: SLS on foam and "
                + "tandem stance w/ VC for knee alignment. Ther ex 15 min: quad sets w/ VC. Plan: progress.";
        assertThat(ids(tka(note))).contains("MW-D002", "MW-D004");
        // A grade of the ability ("Standing balance: 0") is a deficit (a bare "balance" is not the explicit balance
        // deficit MW-D004 asks for), and so is a field with a value.
        assertThat(ids(tka(note.replace("Balance deficit: none noted.", "Standing balance: 0."))))
                .doesNotContain("MW-D002");
        assertThat(ids(tka(note.replace("Balance deficit: none noted.", "Balance deficit: LOB x2 in tandem."))))
                .doesNotContain("MW-D002", "MW-D004");
    }

    @Test
    void noDifficultyWithBalanceOrBalanceWnlIsNoDeficit() {
        String note = "Pt s/p R TKA, %s. NMR 15 min: SLS on foam and tandem stance w/ VC for knee alignment. "
                + "Ther ex 15 min: quad sets w/ VC. Plan: progress.";
        for (String none : List.of("no difficulty with balance at home", "reports no problems with balance",
                "balance WNL", "standing balance within normal limits", "balance intact")) {
            assertThat(ids(tka(String.format(note, none)))).as(none).contains("MW-D002", "MW-D004");
        }
        for (String stated : List.of("difficulty with balance on uneven surfaces",
                "no difficulty with transfers but impaired balance on turns",
                "static balance intact, dynamic balance impaired")) {
            assertThat(ids(tka(String.format(note, stated)))).as(stated).doesNotContain("MW-D002", "MW-D004");
        }
    }

    @Test
    void aNegationReachesAcrossItsClause() {
        Visit v = ms("Pt w/ MS, poor balance causing falls. NMR 25 min: tandem stance, SLS, wt shifting; pt did "
                + "not require any type of verbal or tactile cueing. Plan: progress.");
        assertThat(ids(v)).contains("MW-D007");
        Visit but = ms("Pt w/ MS, poor balance causing falls. NMR 25 min: tandem stance, SLS, wt shifting; no LOB "
                + "but required min A for balance. Plan: progress.");
        assertThat(ids(but)).doesNotContain("MW-D007");
    }
}
