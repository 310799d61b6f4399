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

    /**
     * The forms a reviewer found said "not documented" (MW-D011) though the note states the total treatment time: an
     * EMR field without a unit, "TTT", a clock range, a sum, hours, a parenthesis between; and a sum whose first term
     * is an untimed service's minutes (read as 15, MW-D020 compared the wrong number).
     */
    @Test
    void totalsAsEmrsAndTherapistsWriteThem() {
        assertThat(treatment("Plan: continue POC.\nTotal treatment time: 38")).isEqualTo(38);
        assertThat(timed("total timed: 35")).isEqualTo(35);
        assertThat(treatment("TTT: 38 min.")).isEqualTo(38);
        assertThat(treatment("Total treatment time 9:00 to 9:38 (38 min).")).isEqualTo(38);
        assertThat(treatment("Total treatment time 09:00-09:38.")).isEqualTo(38);
        assertThat(treatment("Total treatment time 23 + 15 = 38 min.")).isEqualTo(38);
        assertThat(treatment("Total treatment time: 15 min MHP (unbilled) + 38 min timed = 53 min")).isEqualTo(53);
        assertThat(treatment("Total treatment time 1 hour.")).isEqualTo(60);
        assertThat(treatment("Total treatment time 1.5 hrs")).isEqualTo(90);
        assertThat(treatment("Total treatment time (excluding 5 min rest) 38 min.")).isEqualTo(38);
        // Near misses: a number with another unit, a decimal, and a unitless number inside a sentence.
        assertThat(treatment("Total treatment time: 3.5")).isNull();
        assertThat(treatment("total treatment time 38 with pt")).isNull();
    }

    @Test
    void otherTotalsAndNumbersAreNoMinutes() {
        assertThat(treatment("s/p total knee arthroplasty 6 wks ago")).isNull();
        assertThat(treatment("total of 3 sets of 10")).isNull();
        assertThat(timed("total timed 35 reps")).isNull(); // another unit
        assertThat(treatment("Total treatment time: 2 sessions")).isNull();
        assertThat(treatment("Total treatment time 9:40")).isNull(); // a clock time alone is no duration
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

    @Test
    void oneDefinitionOfAMinuteUnitForBothSpellings() {
        // Glued to the number, and a curly apostrophe: the spellings the sentence test took and the reader did not.
        assertThat(service("NMR 25min: tandem stance with TC.", "service-97112")).containsExactly(25);
        assertThat(service("NMR 23\u2019: tandem stance with TC.", "service-97112")).containsExactly(23);
        assertThat(service("NMR 23': tandem stance with TC.", "service-97112")).containsExactly(23);
        assertThat(service("NMR 12\u00A0min: perturbations.", "service-97112")).containsExactly(12);
        assertThat(treatment("Total tx time 40\u2019.")).isEqualTo(40);
        assertThat(treatment("35min total treatment time")).isEqualTo(35);
        assertThat(treatment("35\u2019 total treatment time")).isEqualTo(35);
        assertThat(treatment("1 minute total treatment time")).isEqualTo(1);
        // Near misses: another word after "min", a quote after the number, another unit.
        assertThat(service("NMR 10 mini squats.", "service-97112")).isEmpty();
        assertThat(treatment("total time in stance 30 s")).isNull();
        for (String yes : List.of("x 10 min", "x 10min", "10 mins", "10 MINUTES", "1 minute", "23'", "23\u2019",
                "23 ' ", "10\tmin", "10\u00A0min", "23\u2032")) {
            assertThat(NoteMinutes.statesMinutes(yes, 0, yes.length())).as(yes).isTrue();
            int digits = yes.replaceAll("[^0-9]", "").length();
            int numberEnd = yes.indexOf(yes.replaceAll("[^0-9]", "")) + digits;
            assertThat(NoteMinutes.minuteUnitEnd(yes, numberEnd, yes.length())).as(yes).isPositive();
        }
        for (String no : List.of("x 10 mini squats", "3 x 10 reps", "Borg 13 'somewhat hard'", "10 m walk",
                "min A x 10", "10 minimal")) {
            assertThat(NoteMinutes.statesMinutes(no, 0, no.length())).as(no).isFalse();
        }
        // Only the span is read: the unit past its end does not count.
        assertThat(NoteMinutes.statesMinutes("NuStep x 10 min", 0, 12)).isFalse();
    }
}
