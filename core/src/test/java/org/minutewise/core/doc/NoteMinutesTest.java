package org.minutewise.core.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoteMinutesTest {
    private static final PhraseMatcher MATCHER = new PhraseMatcher(Map.of(
            "service-97112", List.of("97112", "NMR", "neuromuscular re-education", "balance"),
            "service-97110", List.of("ther ex", "therapeutic exercise", "NuStep", "gait")));

    private static List<Integer> service(String note, String list) {
        return NoteMinutes.ofService(MATCHER.scan(note), list).stream().map(NoteMinutes.Stated::minutes).toList();
    }

    private static Integer timed(String note) {
        return NoteMinutes.totalTimed(note).map(NoteMinutes.Stated::minutes).orElse(null);
    }

    private static Integer treatment(String note) {
        return NoteMinutes.totalTreatment(note).map(NoteMinutes.Stated::minutes).orElse(null);
    }

    @Test
    void totalsInTheWordsNotesUse() {
        String generated = "Plan: progress. Total timed minutes 35, total treatment time 40 min.";
        assertThat(timed(generated)).isEqualTo(35);
        assertThat(treatment(generated)).isEqualTo(40);
        assertThat(timed("Total timed 18 min, total tx time 20 min")).isEqualTo(18);
        assertThat(treatment("Total timed 18 min, total tx time 20 min")).isEqualTo(20);
        assertThat(treatment("total tx time: 25 min")).isEqualTo(25);
        assertThat(treatment("Total treatment time = 45 minutes.")).isEqualTo(45);
        assertThat(treatment("Total time 40 min")).isEqualTo(40);
        assertThat(treatment("35 min total treatment time")).isEqualTo(35);
        assertThat(timed("TOTAL TIMED CODE MINUTES: 38")).isEqualTo(38);
        // The first statement, whatever its case.
        assertThat(timed("TOTAL TIMED 30 min; later the total timed minutes 35")).isEqualTo(30);
        assertThat(timed("Total timed 30 min; TOTAL TIMED 35 min")).isEqualTo(30);
    }

    @Test
    void otherTotalsAndNumbersAreNoMinutes() {
        assertThat(treatment("s/p total knee arthroplasty 6 wks ago")).isNull();
        assertThat(treatment("total of 3 sets of 10")).isNull();
        assertThat(timed("total timed: 35")).isNull(); // no unit anywhere: not read as minutes
        assertThat(treatment("total time in stance 30 s")).isNull();
        assertThat(timed("no totals here, 35 min of therapy")).isNull();
    }

    @Test
    void aServiceHeadingItsClauseGivesItsMinutes() {
        assertThat(service("NMR 10 min: tandem stance with TC. Ther ex 8 min: bridges.", "service-97112"))
                .containsExactly(10);
        assertThat(service("NMR 10 min: tandem stance with TC. Ther ex 8 min: bridges.", "service-97110"))
                .containsExactly(8);
        assertThat(service("Neuromuscular re-education 23 min: perturbations.", "service-97112")).containsExactly(23);
        assertThat(service("97112 (NMR): 15 min of gaze stabilization", "service-97112")).containsExactly(15);
        assertThat(service("- NMR: 12 mins\n- NMR: 5 mins", "service-97112")).containsExactly(12, 5);
        assertThat(service("Balance 20' with CGA", "service-97112")).containsExactly(20);
    }

    @Test
    void minutesInsideASentenceAreAnExercisesNotTheService() {
        assertThat(service("Pt warmed up on NuStep x 10 min then did step ups.", "service-97110")).isEmpty();
        assertThat(service("Worked on static balance 3 min at a time.", "service-97112")).isEmpty();
        assertThat(service("Gait 150 ft x 2 with SBA.", "service-97110")).isEmpty();
        assertThat(service("NMR: SLS 30 s x 3.", "service-97112")).isEmpty();
    }
}
