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

    @Test
    void sameTextIsOne() {
        assertThat(NoteSimilarity.jaccard(NOTE, NOTE)).isEqualTo(1.0);
        assertThat(NoteSimilarity.jaccard(NOTE, NOTE.toUpperCase().replace(";", ","))).isEqualTo(1.0);
    }

    @Test
    void oneNumberChangedIsNearOne() {
        // 68 words, 66 shingles; changing one word changes 3 of them: 63 / 69.
        assertThat(NoteSimilarity.jaccard(NOTE, NOTE.replace("38/56", "40/56"))).isCloseTo(63.0 / 69, within(0.02));
    }

    @Test
    void unrelatedNotesAreFarApart() {
        assertThat(NoteSimilarity.jaccard(NOTE, "Seated reaching outside base of support with facilitation at the "
                + "trunk; fatigue after 15 min; plan to add perturbations.")).isLessThan(0.05);
    }

    @Test
    void shortTextsCompareWords() {
        assertThat(NoteSimilarity.jaccard("Pt seen", "pt SEEN.")).isEqualTo(1.0);
        assertThat(NoteSimilarity.jaccard("Pt seen", "Pt absent")).isEqualTo(0.0);
        assertThat(NoteSimilarity.jaccard("seen", "Pt seen")).isCloseTo(1.0 / 2, within(0.01));
        assertThat(NoteSimilarity.jaccard("...", "--")).isEqualTo(1.0);
        assertThat(NoteSimilarity.jaccard("...", "word")).isEqualTo(0.0);
    }
}
