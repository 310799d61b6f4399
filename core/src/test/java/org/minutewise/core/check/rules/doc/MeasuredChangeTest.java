package org.minutewise.core.check.rules.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.minutewise.core.doc.NoteScan;
import org.minutewise.core.doc.PhraseLists;
import org.minutewise.core.doc.PhraseMatcher;

/** The shapes of a measured change (MW-D008's response told in numbers), and the near misses that are none. */
class MeasuredChangeTest {
    private static final PhraseMatcher MATCHER = new PhraseMatcher(Map.of(
            PhraseLists.CHANGE, List.of("(was", "from", "deg", "degs", "degree", "degrees", "now"),
            PhraseLists.FUNCTION, List.of("stairs", "walks", "gait", "transfers"),
            PhraseLists.MEASURE, List.of("Berg", "TUG", "SLS", "Mini BESTest"),
            PhraseLists.DEFICIT, List.of("balance", "joint position")));

    private static boolean change(String note) {
        return MeasuredChange.any(MATCHER.scan(note));
    }

    /** The billing expert's phrasings from the golden visits (2026-12-07), and the seed's "reduced from 5 to 2". */
    @ParameterizedTest
    @ValueSource(strings = {
            "goal management training; 2 sequencing errors (was 5), self-detected 1 with a verbal prompt.",
            "spaced retrieval, 4/5 targets recalled at 4-min interval (was 2/5); memory book use.",
            "VC for amplitude; freezing 2 episodes (was 5).",
            "Gait 15 min: VC for foot clearance, 2 toe catches (was 6).",
            "Berg 42/56 (was 40).",
            "facilitation at pelvis, SLS at wall 4 s (was 2 s).",
            "hip strategy practice with perturbations and CGA; Romberg sharpened 4 s (was 0).",
            "VC for R stance time; 10MWT 0.74 m/s (was 0.62).",
            "hip strategy cues; SLS R 12 s (was 7).",
            "Gait 15 min with SPC; 6MWT 298 m (was 260).",
            "Tandem stance 9 s (was 6).",
            "soft tissue mobilization of the infraspinatus; flexion 140 to 155 degrees.",
            "verbal cues to control knee valgus; knee flexion 95 to 102 degrees.",
            "joint position retraining on R knee (blindfolded matching 30/60 deg, error 8 -> 4 deg).",
            "suboccipital release; cervical rotation R 55 -> 65 deg after.",
            "tactile cues for heel strike; patient now ascends stairs step-over-step with rail.",
            "LOB reduced from 5 to 2 per trial.",
            "SLS from 3 to 8 s by the last set.",
            // 2026-12-07: a side in parentheses, a unit written on the value
            "hip strategy cues; SLS (R) 12 s (was 7).",
            "hip strategy cues; SLS 12 s (R) (was 7).",
            "hip strategy cues; SLS (L) 12s (was 7).",
            // 2026-12-07: an arrow after a measure needs no unit
            "Berg 40 -> 44.",
            "TUG 14.2 \u2192 11.8.",
            "TUG with SPC 19.4 s -> 16.2 s.",
            "Mini-BESTest 15/28 --> 18/28 today.",
            "SLS (R) 5 -> 9 s."})
    void aMeasuredChangeIsRecorded(String note) {
        assertThat(change(note)).isTrue();
    }

    /** "(was", "from", degrees and "now" in text that records no change of the patient's. */
    @ParameterizedTest
    @ValueSource(strings = {
            "Re-eval due 12/14 (was 12/7).", // a date
            "Re-eval moved to 12/14 (was 12/7).", // a date: two fractions over different totals
            "MD appt 12/14 (was 12/01/2026).", // a full date
            "Visit 9 of 20 authorized (was 12).", // a count of visits
            "Visit 9 (was 8).",
            "Ther ex 15 min (was 30 min).", // minutes, not a measure
            "Seen 2x/wk (was 3x/wk).", // a frequency
            "Referred by Dr. Lee (was seen at another clinic 2 wk ago).", // no value
            "Berg 42/56 (was 42/56).", // no change
            "Session from 14:00 to 14:40.", // a time
            "Seen from 2 to 4 pm.",
            "Leg press progressed from 40 to 60 lb.", // a dose
            "Bridges progressed from 10 to 15 reps.",
            "PROM 0 to 90 deg per protocol.", // an arc
            "Knee -5 to 120 deg.",
            "Matching 30/60 deg.", // targets
            "R TKA now 8 wk post-op.", // time since surgery
            "Now gait training on stairs.", // no subject: what is done next, not what changed
            "Pt now here for gait training on stairs.", // why the patient came
            "Plan: progress flexion 120 to 135 deg.", // the plan
            "Plan: pt now to practise stairs with rail.",
            "Pt tolerated well. Continue POC.",
            // 2026-12-07: a goal is a target, not a result: a range, a time frame, a goal's label
            "Berg 45-50/56 in 4 wk.",
            "goal: TUG 10-12 s",
            "Goal: TUG 10-12 s (was 14).",
            "Improve Berg from 40 to 45-50/56.",
            "Knee flexion 110 to 120 deg in 4 wk.",
            "LTG: knee flexion 110 to 120 deg.",
            "Ther ex; goal: flexion 100 to 115 deg for stairs.",
            "Berg 40 -> 48 in 4 wk.",
            "Goals: Berg 40 -> 48/56.",
            "Plan: Berg 40 -> 48.",
            // an arrow with no measure before it, or not of a value of the measure
            "Level 3 -> 4 on the BAPS board.",
            "SLS 2 -> 3 sets.", // a dose
            "TUG 14 > 12 s.", // not an arrow
            "Berg 40 -> 40.", // no change
            "SLS 12 s (knee) (was 7)."}) // not a side: the clause ends at '('
    void nothingChangedInTheseNotes(String note) {
        assertThat(change(note)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Joint position retraining (blindfolded matching 30/60 deg, error 8 -> 4 deg).",
            "Static balance 12 s (was 5) on foam."})
    void aChangeInASentenceThatNamesTheDeficitMeasuresIt(String note) {
        NoteScan scan = MATCHER.scan(note);
        assertThat(MeasuredChange.ofDeficit(scan)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Balance training with CGA. Knee flexion 95 to 102 degrees.", // another sentence
            "Joint position retraining with blindfolded matching.", // no change
            "Gait 15 min with SPC; 6MWT 298 m (was 260)."}) // a change, of no deficit
    void aChangeOutsideADeficitSentenceIsNoMeasureOfIt(String note) {
        NoteScan scan = MATCHER.scan(note);
        assertThat(MeasuredChange.ofDeficit(scan)).isFalse();
    }
}
