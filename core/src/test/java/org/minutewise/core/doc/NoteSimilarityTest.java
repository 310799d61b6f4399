package org.minutewise.core.doc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NoteSimilarityTest {
    private static final String NOTE = "Pt with right hemiparesis and impaired balance; Berg 38/56. Perturbation "
            + "training in standing with tactile cues at the pelvis and contact guard to reduce fall risk. Hip "
            + "abductor strengthening with verbal cues to improve stance stability. Pt improved, needing fewer "
            + "cues by the end. Plan: progress to foam next session. Gait with rolling walker on level surfaces "
            + "and ramps with contact guard, verbal cues for step length and upright posture.";
    /** NOTE's words ("38/56" is two). */
    private static final int WORDS = 71;

    @Test
    void sameTextIsOne() {
        assertThat(NoteSimilarity.similarity(NOTE, NOTE)).isEqualTo(1.0);
        assertThat(NoteSimilarity.similarity(NOTE, NOTE.toUpperCase().replace(";", ",").replace(" ", "\n  ")))
                .isEqualTo(1.0);
    }

    /** Numbers are set aside: a note copied with its score, minutes or date changed is the same words. */
    @Test
    void changedNumbersAreTheSameWords() {
        assertThat(NoteSimilarity.similarity(NOTE, NOTE.replace("38/56", "40/56"))).isEqualTo(1.0);
        assertThat(NoteSimilarity.similarity("3/6/26 " + NOTE + " 25 min", "03/10/2026 " + NOTE + " 23 min"))
                .isEqualTo(1.0);
        // Within a word too: "3x30s" and "2x45s".
        assertThat(NoteSimilarity.similarity("tandem 3x30s", "tandem 2x45s")).isEqualTo(1.0);
        // A number is still a word: one added or dropped costs one.
        assertThat(NoteSimilarity.similarity(NOTE, NOTE + " 5")).isCloseTo(1 - 1.0 / (2 * WORDS + 1),
                within(1e-9));
    }

    /** A changed word costs that word: dropped from one note, added in the other (2 of 2 x 71). */
    @Test
    void aChangedWordCostsThatWord() {
        assertThat(NoteSimilarity.similarity(NOTE, NOTE.replace("pelvis", "hips")))
                .isCloseTo(1 - 2.0 / (2 * WORDS), within(1e-9));
        // Five words changed in five places.
        String five = NOTE.replace("pelvis", "hips").replace("ramps", "stairs").replace("foam", "rocker")
                .replace("Hip", "Knee").replace("posture", "trunk");
        assertThat(NoteSimilarity.similarity(NOTE, five)).isCloseTo(1 - 10.0 / (2 * WORDS), within(1e-9));
        // A sentence dropped costs its words.
        String dropped = NOTE.replace(" Plan: progress to foam next session.", "");
        assertThat(NoteSimilarity.similarity(NOTE, dropped)).isCloseTo(1 - 6.0 / (2 * WORDS - 6), within(1e-9));
    }

    @Test
    void wordOrderCounts() {
        assertThat(NoteSimilarity.similarity("a b c d", "d c b a")).isCloseTo(2.0 / 8, within(1e-9));
    }

    @Test
    void unrelatedNotesAreFarApart() {
        assertThat(NoteSimilarity.similarity(NOTE, "Seated reaching outside base of support with facilitation at "
                + "the trunk; fatigue after 15 min; plan to add perturbations.")).isLessThan(0.2);
    }

    /** Below the floor the answer is only "below": the search stops early. At or above it, exact. */
    @Test
    void theFloorStopsTheSearchBelowIt() {
        String other = NOTE.replace("Perturbation training in standing", "Reaching outside base of support")
                .replace("Gait with rolling walker", "Stairs with one rail");
        double exact = NoteSimilarity.similarity(NOTE, other);
        assertThat(exact).isBetween(0.8, 0.95);
        assertThat(NoteSimilarity.similarity(NOTE, other, 0.8)).isEqualTo(exact);
        assertThat(NoteSimilarity.similarity(NOTE, other, exact)).isEqualTo(exact);
        assertThat(NoteSimilarity.similarity(NOTE, other, 0.97)).isLessThan(0.97);
        assertThat(NoteSimilarity.similarity(NOTE, "Pt seen.", 0.9)).isLessThan(0.9);
    }

    @Test
    void shortTexts() {
        assertThat(NoteSimilarity.similarity("Pt seen", "pt SEEN.")).isEqualTo(1.0);
        assertThat(NoteSimilarity.similarity("Pt seen", "Pt absent")).isEqualTo(0.5);
        assertThat(NoteSimilarity.similarity("seen", "Pt seen")).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(NoteSimilarity.similarity("...", "--")).isEqualTo(1.0);
        assertThat(NoteSimilarity.similarity("...", "word")).isEqualTo(0.0);
        assertThat(NoteSimilarity.similarity("", "")).isEqualTo(1.0);
    }

    /** Words are runs of letters and digits in any script; a long note grows the word array. */
    @Test
    void anyScriptAndLongNotes() {
        assertThat(NoteSimilarity.similarity("Pt stood 10 s → équilibre", "pt stood 12 s équilibre")).isEqualTo(1.0);
        String longNote = "a ".repeat(3000);
        assertThat(NoteSimilarity.similarity(longNote, longNote + "b")).isCloseTo(1 - 1.0 / 6001, within(1e-9));
    }
    /** Containment: the earlier text's words kept in order in the later one, however much is added around them. */
    @org.junit.jupiter.api.Test
    void containmentCountsTheEarlierTextsWordsKept() {
        String earlier = "tandem stance on foam with contact guard and tactile cues at the pelvis";
        org.assertj.core.api.Assertions.assertThat(NoteSimilarity.containment("New line first. " + earlier
                + " and more after it.", earlier, 0.0)).isEqualTo(1.0);
        org.assertj.core.api.Assertions.assertThat(NoteSimilarity.containment(earlier.replace("foam", "floor"),
                earlier, 0.0)).isCloseTo(12.0 / 13.0, org.assertj.core.api.Assertions.within(1e-9));
        // Below the floor: some value below it, the work stopped early.
        org.assertj.core.api.Assertions.assertThat(NoteSimilarity.containment("gait training on stairs", earlier,
                0.9)).isLessThan(0.9);
        org.assertj.core.api.Assertions.assertThat(NoteSimilarity.containment("anything", "", 0.9)).isEqualTo(1.0);
    }
}
