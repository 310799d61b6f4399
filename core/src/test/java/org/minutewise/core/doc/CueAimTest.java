package org.minutewise.core.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a cue is for ({@link CueAim}), with hand-built lists: the phrase after a cue and "for" or "to" in its clause is
 * the cue's aim, neither a deficit nor an activity of its own; a phrase the clause says is impaired, one past a clause
 * end, one too far from the cue, or after a negated cue is not.
 */
class CueAimTest {
    static final Map<String, List<String>> LISTS = Map.of(
            PhraseLists.SKILLED, List.of("VC", "TC", "cues", "verbal cues", "CGA"),
            PhraseLists.CUE_AIM, List.of("posture", "midline"),
            PhraseLists.DEFICIT, List.of("posture", "midline", "balance"),
            PhraseLists.TECHNIQUE, List.of("ankle strategy", "weight shifting", "tandem stance"),
            PhraseLists.NEGATION, List.of("no", "without"),
            PhraseLists.NEGATION_AFTER, List.of("not needed"));

    static final PhraseMatcher MATCHER = new PhraseMatcher(LISTS);

    /** Whether the first occurrence of {@code phrase} in {@code note} is the aim of a cue before it. */
    private static boolean aimed(String note, String phrase) {
        NoteScan scan = MATCHER.scan(note);
        int at = note.indexOf(phrase);
        assertThat(at).as(note).isNotNegative();
        return CueAim.aimed(scan, at, MATCHER.listIndex(PhraseLists.SKILLED));
    }

    @Test
    void thePhraseAfterACueAndForOrToIsItsAim() {
        for (String[] c : List.of(
                new String[] {"Tandem stance w/ VC for upright posture.", "posture"},
                new String[] {"Tandem stance w/ TC at R pelvis for upright posture.", "posture"},
                new String[] {"Reaching in sitting, verbal cues to maintain midline.", "midline"},
                new String[] {"Wobble board x10 min. VC for ankle strategy and CGA.", "ankle strategy"},
                new String[] {"Foam stance, cues for weight shifting to L.", "weight shifting"})) {
            assertThat(aimed(c[0], c[1])).as(c[0]).isTrue();
        }
    }

    @Test
    void anAimIsNeitherADeficitNorAnActivityOfItsOwn() {
        NoteScan posture = MATCHER.scan("NMR 24 min: tandem stance w/ VC for upright posture.");
        assertThat(posture.has(PhraseLists.DEFICIT)).isFalse();
        assertThat(posture.has(PhraseLists.SKILLED)).isTrue();
        NoteScan strategy = MATCHER.scan("VC for ankle strategy and CGA throughout.");
        assertThat(strategy.anyWithinButCueAims(PhraseLists.TECHNIQUE, 0, strategy.text().length())).isFalse();
        // The same technique named as an exercise of its own is an activity.
        NoteScan exercise = MATCHER.scan("Ankle strategy training w/ VC.");
        assertThat(exercise.anyWithinButCueAims(PhraseLists.TECHNIQUE, 0, exercise.text().length())).isTrue();
    }

    @Test
    void nearMissesAreNoAim() {
        for (String[] c : List.of(
                // the clause says the aim is impaired: that states the deficit
                new String[] {"Tandem stance w/ VC to correct slumped posture.", "posture"},
                new String[] {"Tandem stance w/ cues for poor posture.", "posture"},
                // no "for" or "to" between the cue and the phrase
                new String[] {"VC given, posture flexed at trunk.", "posture"},
                new String[] {"Posture: forward head, VC.", "Posture"},
                // a clause or sentence ends between them
                new String[] {"Tandem stance w/ VC. For posture, see eval.", "posture"},
                new String[] {"VC (for posture) given.", "posture"},
                // more than five words between the cue and the phrase
                new String[] {"VC during the first three sets for posture.", "posture"},
                // "for" with no cue before it
                new String[] {"Exercises for upright posture.", "posture"},
                // the cue is negated: no cue, so no aim
                new String[] {"Tandem stance, no VC for posture.", "posture"},
                new String[] {"Tandem stance without cues for midline.", "midline"})) {
            assertThat(aimed(c[0], c[1])).as(c[0]).isFalse();
        }
        // A posture the clause states as impaired stays a deficit.
        assertThat(MATCHER.scan("Tandem stance w/ VC to correct slumped posture.").has(PhraseLists.DEFICIT)).isTrue();
        // Without a cue in the note, nothing is an aim.
        assertThat(MATCHER.scan("Exercises for upright posture.").has(PhraseLists.DEFICIT)).isTrue();
    }
}
