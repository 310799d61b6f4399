package org.minutewise.refdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.Finding;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;

/**
 * An occupational therapist's and a speech-language pathologist's review (2026-12-07): the note checks were written
 * 97112 first and read OT and SLP notes with PT words. On the real phrase file, each good OT or SLP note below draws
 * no finding it should not, beside a weak note that still draws it.
 */
class DocumentationReview6Test {
    private static List<String> ids(Visit v) {
        return DocumentationReview3Test.CHECKER.check(v).findings().stream().map(Finding::ruleId).toList();
    }

    private static Visit speech(String code, int minutes, String note) {
        return Visit.builder("V-SLP", DocumentationReview3Test.DOS).payer("medicare").planOfCare(Discipline.SLP)
                .diagnosis("I69.322").totalTreatmentMinutes(minutes).service(ServiceLine.untimed(code, Role.SLP))
                .note(note).build();
    }

    private static Visit occupational(String note, int selfCare, int activities) {
        return Visit.builder("V-OT", DocumentationReview3Test.DOS).payer("medicare").planOfCare(Discipline.OT)
                .diagnosis("S72.002D").totalTreatmentMinutes(selfCare + activities)
                .service(ServiceLine.of("97535", selfCare, Role.OT)).service(ServiceLine.of("97530", activities,
                        Role.OT)).note(note).build();
    }

    @Test
    void modelingAndPromptingAreSkilledInput() {
        String slp = "Dx dysarthria after stroke (I69.322). Speech treatment 30 min: clinician modeling of slow rate "
                + "and over-articulation with a pacing board; max prompting faded to min prompting over 20 sentence "
                + "trials; intelligibility at sentence level 75% (was 60%). Goal: 85% intelligibility in "
                + "conversation. Plan: progress to conversation.";
        assertThat(ids(speech("92507", 30, slp))).doesNotContain("MW-D007");
        String ot = "Dx L hip fx (S72.002D); impaired L LE motor control limits LB dressing. Self-care training 25 "
                + "min: LB dressing seated EOB, verbal prompts for sequencing and hand-over-hand guidance to thread L "
                + "leg. Therapeutic activities 20 min: standing grooming at sink with verbal prompts for L attention. "
                + "Goals: 97535 LB dressing SBA; 97530 stand 5 min at sink. Pt needed fewer prompts by end. Plan: "
                + "progress to standing dressing.";
        assertThat(ids(occupational(ot, 25, 20))).doesNotContain("MW-D007");
        // Near miss: the same sessions with no input by the clinician.
        assertThat(ids(speech("92507", 30, "Dx dysarthria after stroke (I69.322). Speech treatment 30 min: pt read "
                + "20 sentences aloud; intelligibility at sentence level 75% (was 60%). Plan: progress."))).contains(
                "MW-D007");
    }

    @Test
    void accuracyAgainstTheLastSessionIsAResponse() {
        String good = "Dx: aphasia after stroke (I69.320); word-finding deficits limit communicating needs. "
                + "Speech-language treatment 30 min: semantic feature analysis with phonemic and semantic cues for "
                + "naming of ADL items; confrontation naming 14/20 correct (70%), previous session 9/20. Goal: 18/20 "
                + "naming with min cues. Plan: progress to sentence generation.";
        assertThat(ids(speech("92507", 30, good))).doesNotContain("MW-D008");
        assertThat(ids(speech("92507", 30, "Dx: aphasia after stroke (I69.320). Speech-language treatment 30 min: "
                + "semantic feature analysis with phonemic and semantic cues for naming of ADL items. Plan: "
                + "progress to sentence generation."))).contains("MW-D008");
    }

    @Test
    void anAssistLevelAmongAssistedAndCuedTasksIsNotIndependentExercise() {
        String rest = " Therapeutic activities 15 min: kitchen mobility with RW, CGA and verbal cues for RW "
                + "management. Pt required fewer cues than last visit. Goals: 97535 LB dressing mod I with AE; 97530 "
                + "safe kitchen mobility with RW. Total timed 40 min, total treatment time 40 min. Plan: progress to "
                + "tub transfer.";
        for (String selfCare : List.of("toilet transfer (I) with grab bar, LB dressing with reacher, min A, verbal "
                + "cues for hip precautions.", "UB dressing pt independent with set-up; LB dressing with reacher, "
                + "min A, verbal cues for hip precautions.")) {
            String note = "Dx: L hip fx s/p hemiarthroplasty (S72.002D). Self-care training 25 min: " + selfCare + rest;
            assertThat(ids(occupational(note, 25, 15))).as(selfCare).doesNotContain("MW-D016");
        }
        // Near miss: the self-care minutes with the patient independent and no input by the clinician.
        assertThat(ids(occupational("Dx: L hip fx s/p hemiarthroplasty (S72.002D). Self-care training 25 min: UB "
                + "and LB dressing, pt independent, SBA." + rest, 25, 15))).contains("MW-D016");
    }

    @Test
    void occupationalAndSpeechVaguePhrasesAreVague() {
        for (String vague : List.of("Worked on ADLs.", "Worked on speech.", "Worked on swallowing.")) {
            assertThat(ids(occupational("Dx: L hip fx (S72.002D); impaired balance limits LB dressing. " + vague
                    + " Self-care training 25 min, therapeutic activities 15 min. Plan: progress.", 25, 15)))
                    .as(vague).contains("MW-D014");
        }
        assertThat(ids(occupational("Dx: L hip fx (S72.002D); impaired balance limits LB dressing. Self-care "
                + "training 25 min: LB dressing with reacher, min A, VC for hip precautions; therapeutic activities "
                + "15 min: kitchen mobility with RW, CGA. Plan: progress.", 25, 15))).doesNotContain("MW-D014");
    }

    @Test
    void speechLanguageGroupTimeBilledAsIndividualTreatment() {
        String group = "Dx: aphasia (I69.320). Aphasia group 45 min with 3 other pts: conversational scripts, pt "
                + "initiated 4 turns with min cues. Plan: cont.";
        assertThat(ids(speech("92507", 45, group))).contains("MW-D021");
        assertThat(ids(speech("92508", 45, group))).doesNotContain("MW-D021");
        assertThat(ids(speech("92507", 45, group.replace("Aphasia group 45 min with 3 other pts",
                "Aphasia tx 45 min")))).doesNotContain("MW-D021");
    }
}
