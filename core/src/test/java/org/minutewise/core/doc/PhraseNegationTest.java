package org.minutewise.core.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the scan leaves negated matches out of the negatable lists ({@link Negation}), with hand-built lists (the
 * curated lists' table of phrasings is refdata's PhraseNegationTableTest).
 */
class PhraseNegationTest {
    static final Map<String, List<String>> LISTS = Map.of(
            PhraseLists.SKILLED, List.of("cues", "cue", "VC", "TC", "verbal cues", "tactile cues", "visual cues",
                    "assist", "assistance", "min A", "mod A", "CGA", "guarding", "facilitation", "feedback",
                    "cueing", "physical assistance"),
            PhraseLists.DEFICIT, List.of("balance", "loss of balance", "LOB", "unsteadiness", "unsteady",
                    "dizziness", "trunk control", "protective reactions", "proprioception", "vertigo"),
            PhraseLists.BALANCE_DEFICIT, List.of("impaired balance", "loss of balance", "unsteadiness", "unsteady",
                    "balance deficit"),
            PhraseLists.RESPONSE, List.of("LOB", "min A", "fewer cues", "unable to"),
            PhraseLists.INDEPENDENT, List.of("without cues", "no cues"),
            PhraseLists.NEGATION, List.of("no", "none", "without", "w/o", "denies", "never", "neither", "nor", "no longer",
                    "did not require", "didn't need", "independent of"),
            PhraseLists.NEGATION_AFTER, List.of("not needed", "not required", "WNL", "intact",
                    "within normal limits", "n/a", "not applicable", "0", "nil"));

    static final PhraseMatcher MATCHER = new PhraseMatcher(LISTS);

    private static List<String> texts(NoteScan scan, List<PhraseMatch> ms) {
        return ms.stream().map(m -> scan.text().substring(m.start(), m.end())).toList();
    }

    @Test
    void aNegatedMatchLeavesItsNegatableListsButNotTheOthers() {
        NoteScan scan = MATCHER.scan("Tandem stance; no LOB, no VC or TC needed.");
        assertThat(scan.count(PhraseLists.SKILLED)).isZero();
        assertThat(scan.has(PhraseLists.DEFICIT)).isFalse();
        assertThat(texts(scan, scan.negated(PhraseLists.SKILLED))).containsExactly("VC", "TC");
        assertThat(texts(scan, scan.negated(PhraseLists.DEFICIT))).containsExactly("LOB");
        // "LOB" stays a response: the lists read as written are not negated.
        assertThat(texts(scan, scan.matches(PhraseLists.RESPONSE))).containsExactly("LOB");
        assertThat(scan.negated(PhraseLists.RESPONSE)).isEmpty();
        assertThat(scan.all()).extracting(PhraseMatch::list).doesNotContain(PhraseLists.SKILLED,
                PhraseLists.DEFICIT);
        assertThat(scan.anyWithin(PhraseLists.SKILLED, 0, scan.text().length())).isFalse();
        assertThat(scan.anyOutside(PhraseLists.SKILLED, PhraseLists.INDEPENDENT)).isFalse();
        assertThat(scan.covered(19, 21, PhraseLists.SKILLED)).isFalse();
    }

    @Test
    void withoutNegationListsEveryMatchCounts() {
        Map<String, List<String>> lists = new HashMap<>(LISTS);
        lists.remove(PhraseLists.NEGATION);
        lists.remove(PhraseLists.NEGATION_AFTER);
        NoteScan scan = new PhraseMatcher(lists).scan("No VC or TC needed, denies unsteadiness.");
        assertThat(scan.count(PhraseLists.SKILLED)).isEqualTo(2);
        assertThat(scan.count(PhraseLists.DEFICIT)).isEqualTo(1);
        assertThat(scan.negated(PhraseLists.SKILLED)).isEmpty();
    }

    @Test
    void theDefectsOfTheReview() {
        // k02: the only cues are negated.
        assertThat(MATCHER.scan("NMR 25 min: tandem stance, SLS, wt shifting; no VC or TC needed. Plan: progress.")
                .has(PhraseLists.SKILLED)).isFalse();
        // b08
        assertThat(MATCHER.scan("tandem stance; no VC or TC needed, did not require assistance or guarding.")
                .has(PhraseLists.SKILLED)).isFalse();
        // b07: "(I) w/o assist"
        assertThat(MATCHER.scan("pt did wt shifting and tandem stance in // bars (I) w/o assist.")
                .has(PhraseLists.SKILLED)).isFalse();
        // b05: a denied deficit
        NoteScan b05 = MATCHER.scan("Pt s/p R TKA, denies unsteadiness, no loss of balance reported at home.");
        assertThat(b05.has(PhraseLists.DEFICIT)).isFalse();
        assertThat(b05.has(PhraseLists.BALANCE_DEFICIT)).isFalse();
        assertThat(texts(b05, b05.negated(PhraseLists.DEFICIT)))
                .containsExactly("unsteadiness", "loss of balance", "balance");
    }

    @Test
    void nearMissesStaySkilledOrADeficit() {
        NoteScan withAssist = MATCHER.scan("no LOB with min A and TC at pelvis");
        assertThat(texts(withAssist, withAssist.matches(PhraseLists.SKILLED))).containsExactly("min A", "TC");
        assertThat(texts(withAssist, withAssist.negated(PhraseLists.DEFICIT))).containsExactly("LOB");
        assertThat(MATCHER.scan("unable to stand without mod A").count(PhraseLists.SKILLED)).isEqualTo(1);
        assertThat(MATCHER.scan("not independent with static standing balance").has(PhraseLists.DEFICIT)).isTrue();
        assertThat(MATCHER.scan("not independent of cues").has(PhraseLists.SKILLED)).isTrue();
        assertThat(MATCHER.scan("decreased need for VC by the third set").has(PhraseLists.SKILLED)).isTrue();
        NoteScan progress = MATCHER.scan("Wt shifting w/ TC at R hip. Tandem stance 30 s without cues by the final "
                + "set.");
        assertThat(texts(progress, progress.matches(PhraseLists.SKILLED))).containsExactly("TC");
        assertThat(texts(progress, progress.negated(PhraseLists.SKILLED))).containsExactly("cues");
    }

    @Test
    void aNegationWordAfterThePhrase() {
        assertThat(MATCHER.scan("VC for foot placement not needed").has(PhraseLists.SKILLED)).isFalse();
        assertThat(MATCHER.scan("VC or TC not required").has(PhraseLists.SKILLED)).isFalse();
        assertThat(MATCHER.scan("VC, TC not required").has(PhraseLists.SKILLED)).isFalse();
        // Five words: too far; a comma before a word of another kind: another statement.
        assertThat(MATCHER.scan("VC for foot placement on stairs not needed").has(PhraseLists.SKILLED)).isTrue();
        assertThat(MATCHER.scan("VC for posture, AD not required").has(PhraseLists.SKILLED)).isTrue();
        assertThat(MATCHER.scan("VC needed, AD not required").has(PhraseLists.SKILLED)).isTrue();
    }

    @Test
    void aPhraseInsideANegatedPhraseIsNegatedWithIt() {
        // "balance" is seven words from "denies": negated only as part of "loss of balance".
        NoteScan scan = MATCHER.scan("denies any recent episodes of a loss of balance");
        assertThat(texts(scan, scan.negated(PhraseLists.DEFICIT))).containsExactly("loss of balance", "balance");
    }

    @Test
    void comparisonsAreNotNegations() {
        assertThat(MATCHER.scan("no more than min A").has(PhraseLists.SKILLED)).isTrue();
        assertThat(MATCHER.scan("no change in balance").has(PhraseLists.DEFICIT)).isTrue();
        assertThat(MATCHER.scan("no significant change in balance").has(PhraseLists.DEFICIT)).isTrue();
        assertThat(MATCHER.scan("no further cues needed").has(PhraseLists.SKILLED)).isFalse();
    }

    @Test
    void theNegatedVerbRightAfterTheNegationWordIsNotAStop() {
        assertThat(MATCHER.scan("no longer required assist").has(PhraseLists.SKILLED)).isFalse();
        assertThat(MATCHER.scan("no AD needed, VC for step length").has(PhraseLists.SKILLED)).isTrue();
        assertThat(MATCHER.scan("no AD needed VC for step length").has(PhraseLists.SKILLED)).isTrue();
    }

    @Test
    void aNegationWordInAListOfItemsIsNoDoubleNegation() {
        assertThat(MATCHER.scan("neither VC nor TC needed").has(PhraseLists.SKILLED)).isFalse();
        assertThat(MATCHER.scan("without VC or without TC").has(PhraseLists.SKILLED)).isFalse();
        // A negation word after a negated phrase of another kind is negated itself: the CGA was given.
        assertThat(MATCHER.scan("no LOB without CGA").has(PhraseLists.SKILLED)).isTrue();
    }

    @Test
    void spansAndCountsStayConsistent() {
        String note = "Pt denies dizziness. Tandem stance w/ CGA, no LOB; VC for trunk, no TC needed.";
        NoteScan scan = MATCHER.scan(note);
        assertThat(texts(scan, scan.matches(PhraseLists.SKILLED))).containsExactly("CGA", "VC");
        assertThat(scan.count(PhraseLists.SKILLED)).isEqualTo(2);
        assertThat(texts(scan, scan.negated(PhraseLists.SKILLED))).containsExactly("TC");
        assertThat(scan.countOutside(PhraseLists.SKILLED, PhraseLists.INDEPENDENT)).isEqualTo(2);
        assertThat(scan.count(PhraseLists.DEFICIT)).isZero();
        assertThat(texts(scan, scan.negated(PhraseLists.DEFICIT))).containsExactly("dizziness", "LOB");
    }

    @Test
    void aLongNoteScannedInChainsNegatesTheSame() {
        String sentence = "Tandem stance; no VC or TC needed, w/ CGA. ";
        String note = sentence.repeat(10);
        assertThat(note.length()).isGreaterThan(PhraseMatcher.CHAINS_FROM);
        NoteScan scan = MATCHER.scan(note);
        assertThat(scan.count(PhraseLists.SKILLED)).isEqualTo(10);
        assertThat(scan.negated(PhraseLists.SKILLED)).hasSize(20);
    }

    private static boolean skilled(String note) {
        return MATCHER.scan(note).has(PhraseLists.SKILLED);
    }

    private static boolean deficit(String note) {
        return MATCHER.scan(note).has(PhraseLists.DEFICIT);
    }

    @Test
    void aTemplateFieldThatStatesAnAbsenceNegatesItsLabel() {
        assertThat(skilled("Pt performed tandem stance; cues: none required")).isFalse();
        assertThat(skilled("Cues: none")).isFalse();
        assertThat(skilled("Cueing: N/A")).isFalse();
        assertThat(skilled("Assist: none.")).isFalse();
        assertThat(skilled("Assist - none")).isFalse();
        assertThat(skilled("CGA: n/a; guarding: not applicable")).isFalse();
        assertThat(skilled("VC/TC: 0")).isFalse();
        assertThat(skilled("Cues: nil, assist: none noted today.")).isFalse();
        assertThat(skilled("Cues: none    Assist: none")).isFalse();
        assertThat(deficit("LOB: none | Dizziness: denies")).isFalse();
        NoteScan field = MATCHER.scan("Balance deficit: none noted.");
        assertThat(field.has(PhraseLists.BALANCE_DEFICIT)).isFalse();
        assertThat(field.has(PhraseLists.DEFICIT)).isFalse();
        assertThat(texts(field, field.negated(PhraseLists.DEFICIT))).containsExactly("Balance");
        assertThat(deficit("Balance: WNL")).isFalse();
        assertThat(deficit("Standing balance: n/a")).isFalse();
        // "0" and "nil" negate only as a field's value.
        assertThat(deficit("dizziness 0/10 with head turns")).isTrue();
        assertThat(skilled("VC x 0 reps")).isTrue();
    }

    @Test
    void aTemplateFieldWithAValueIsLeftAsWritten() {
        assertThat(skilled("Pt performed tandem stance; Cues: verbal and tactile for weight shift")).isTrue();
        assertThat(skilled("Cues: none for static stance, VC for dynamic reach")).isTrue();
        assertThat(skilled("Assist: none, VC for posture")).isTrue();
        NoteScan next = MATCHER.scan("Cues: none   Assist: min A");
        assertThat(texts(next, next.matches(PhraseLists.SKILLED))).containsExactly("Assist", "min A");
        assertThat(skilled("progressed from UE support to none; CGA")).isTrue();
        // Not a label: the words before it are a sentence, not a field's start.
        assertThat(skilled("Tandem stance on foam x3 reps with CGA: none of the trials without it")).isTrue();
        // "none" or "0" after an ability grades it absent: a deficit.
        assertThat(deficit("Static standing balance: 0")).isTrue();
        assertThat(deficit("Dynamic balance: none, requires max A")).isTrue();
        assertThat(deficit("Dizziness: none at rest, 4/10 with head turns")).isTrue();
        // A dash inside a word is no separator.
        assertThat(deficit("LOB-none")).isTrue();
        // Without negation lists there is no negation, template fields included.
        Map<String, List<String>> lists = new HashMap<>(LISTS);
        lists.remove(PhraseLists.NEGATION);
        lists.remove(PhraseLists.NEGATION_AFTER);
        assertThat(new PhraseMatcher(lists).scan("Cues: none").has(PhraseLists.SKILLED)).isTrue();
    }

    @Test
    void aDeficitWithoutDifficultyOrNormalIsNone() {
        assertThat(deficit("no difficulty with balance during ADLs")).isFalse();
        assertThat(deficit("without difficulty with balance")).isFalse();
        assertThat(deficit("Pt reports no problems with balance at home")).isFalse();
        assertThat(deficit("no issues w/ balance")).isFalse();
        assertThat(deficit("balance WNL")).isFalse();
        assertThat(deficit("balance within normal limits")).isFalse();
        assertThat(deficit("static standing balance intact")).isFalse();
        assertThat(deficit("balance and proprioception intact")).isFalse();
        // The normal word describes the noun right before it, not a deficit further back (a code review).
        assertThat(deficit("Impaired balance/sensation intact.")).isTrue();
        assertThat(deficit("Decreased proprioception R foot light touch intact.")).isTrue();
        assertThat(deficit("Impaired balance BLE strength WNL.")).isTrue();
        assertThat(deficit("proprioception is intact")).isFalse();
        // Near misses.
        assertThat(deficit("difficulty with balance on uneven surfaces")).isTrue();
        assertThat(deficit("no difficulty with transfers but impaired balance on turns")).isTrue();
        assertThat(deficit("no difficulty with transfers, LOB x2 with turns")).isTrue();
        NoteScan mixed = MATCHER.scan("static balance intact, dynamic balance impaired");
        assertThat(mixed.count(PhraseLists.DEFICIT)).isEqualTo(1);
        assertThat(mixed.matches(PhraseLists.DEFICIT).get(0).start()).isEqualTo(31);
        // "WNL" and "intact" say a deficit is normal; a cue is never "normal".
        assertThat(skilled("VC to keep SpO2 WNL")).isTrue();
        assertThat(skilled("TC at pelvis, sensation intact")).isTrue();
    }

    @Test
    void aNegationReachesEightWordsInItsClause() {
        assertThat(skilled("Pt completed all trials without needing any manual cues or physical assistance from "
                + "the therapist")).isFalse();
        assertThat(skilled("did not require any type of verbal or tactile cueing during tandem walking")).isFalse();
        assertThat(deficit("denies any recent history of dizziness or vertigo with position changes")).isFalse();
        // A clause break ends it, however near: "but", "however", ';', '.'.
        NoteScan but = MATCHER.scan("no LOB but required min A for balance");
        assertThat(texts(but, but.matches(PhraseLists.SKILLED))).containsExactly("min A");
        assertThat(texts(but, but.matches(PhraseLists.DEFICIT))).containsExactly("balance");
        assertThat(texts(but, but.negated(PhraseLists.DEFICIT))).containsExactly("LOB");
        assertThat(deficit("no LOB; however unsteady with head turns")).isTrue();
        // A statement completed ("no AD used") ends it: what follows is another one.
        assertThat(skilled("no AD used during gait training on level surfaces min A for turns")).isTrue();
        // A run-on note: a subject or a time after the negated thing starts another statement ...
        assertThat(deficit("No assistive device in the home today gait unsteady")).isTrue();
        assertThat(deficit("no AD at home pt unsteady on stairs")).isTrue();
        assertThat(skilled("without AD in the clinic now min A for stairs")).isTrue();
        // ... but not right after the negation word, nor before a negation word after the phrase.
        assertThat(deficit("no pt complaints of dizziness")).isFalse();
        assertThat(deficit("no dizziness or LOB today")).isFalse();
        assertThat(skilled("VC for pt not needed")).isFalse();
        // ... nor after a preposition, a determiner, a quantifier or what a complaint is, nor "PT" the discipline
        // (a reviewer's list: each was negated before the subject and time words, and must stay so).
        for (String s : List.of("no further PT cues needed", "no additional PT assistance required",
                "without any pt cues", "no hands-on PT assistance")) {
            assertThat(skilled(s)).as(s).isFalse();
        }
        for (String s : List.of("no complaints today of dizziness", "no c/o today of dizziness",
                "no reports from pt of dizziness", "no episodes currently of LOB", "no signs she is unsteady")) {
            assertThat(deficit(s)).as(s).isFalse();
        }
        // Nine words: too far.
        assertThat(skilled("without any of the R foot on the step during the reps cues")).isTrue();
    }
}
