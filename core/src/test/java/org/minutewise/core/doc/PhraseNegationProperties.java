package org.minutewise.core.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the negation test over generated phrasings ({@link PhraseNegationTest#LISTS}). */
class PhraseNegationProperties {
    private static final PhraseMatcher MATCHER = PhraseNegationTest.MATCHER;
    private static final PhraseMatcher PLAIN;

    static {
        Map<String, List<String>> lists = new HashMap<>(PhraseNegationTest.LISTS);
        lists.remove(PhraseLists.NEGATION);
        lists.remove(PhraseLists.NEGATION_AFTER);
        PLAIN = new PhraseMatcher(lists);
    }

    /** Words that are no phrase, negation, stop, comparison or joining word. */
    private static final List<String> FILLER = List.of("tandem", "stance", "on", "foam", "at", "the", "pelvis",
            "for", "R", "hip", "x3", "session", "standing", "in", "// bars", "c/o", "any", "reps", "30 s", "pt's");
    private static final List<String> SKILLED = List.of("cues", "VC", "TC", "verbal cues", "assistance", "min A",
            "CGA", "guarding", "facilitation");
    private static final List<String> DEFICIT = List.of("unsteadiness", "dizziness", "LOB", "loss of balance",
            "trunk control");
    private static final List<String> NEGATIONS = List.of("no", "No", "without", "w/o", "denies", "never",
            "did not require", "didn't need", "didn’t need", "independent of");
    private static final List<String> STOPS = List.of("with", "w/", "but", "however", "then", "due to", "except",
            "which", "2/2", "although");
    private static final List<String> CANCELS = List.of("unable to", "not safe to", "cannot", "can't", "unsafe to",
            "not");
    private static final List<String> SENTENCE_ENDS = List.of(". ", "; ", "\n", ": ", " (", "! ");

    @Provide
    Arbitrary<String> fillers() {
        return Arbitraries.of(FILLER).list().ofMaxSize(11).map(ws -> String.join(" ", ws));
    }

    @Provide
    Arbitrary<String> items() {
        return Arbitraries.oneOf(Arbitraries.of(SKILLED), Arbitraries.of(DEFICIT));
    }

    @Provide
    Arbitrary<String> negations() {
        return Arbitraries.of(NEGATIONS);
    }

    /** A stop word with spaces around it, or what ends a sentence or clause. */
    @Provide
    Arbitrary<String> stops() {
        return Arbitraries.oneOf(Arbitraries.of(STOPS).map(w -> " " + w + " "), Arbitraries.of(SENTENCE_ENDS));
    }

    @Provide
    Arbitrary<String> cancels() {
        return Arbitraries.of(CANCELS);
    }

    /** Two or three skilled phrases as a list: "VC, TC or CGA". */
    @Provide
    Arbitrary<String> skilledLists() {
        return Arbitraries.of(SKILLED).list().ofMinSize(2).ofMaxSize(3).map(items -> String.join(", ",
                items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1));
    }

    /** Sentences of filler, items, negation and stop words, in any order. */
    @Provide
    Arbitrary<String> notes() {
        Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.of(FILLER), Arbitraries.of(SKILLED),
                Arbitraries.of(DEFICIT), Arbitraries.of(NEGATIONS), Arbitraries.of(STOPS), Arbitraries.of(CANCELS),
                Arbitraries.of("or", "and", ",", "needed", "not needed", "more than", "."));
        return word.list().ofMaxSize(60).map(ws -> String.join(" ", ws));
    }

    private static int words(String filler) {
        return filler.isBlank() ? 0 : filler.trim().split("\\s+").length;
    }

    private static boolean negatedAt(NoteScan scan, int start) {
        for (String l : PhraseLists.NEGATABLE) {
            for (PhraseMatch m : scan.negated(l)) {
                if (m.start() == start) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A negation word reaches over at most eight plain words (Negation.WORDS_BEFORE). */
    @Property(tries = 1000)
    void aNegationReachesEightWords(@ForAll("negations") String negation, @ForAll("fillers") String filler,
                                   @ForAll("items") String item) {
        String note = "Pt " + negation + " " + (filler.isEmpty() ? "" : filler + " ") + item + ".";
        int at = note.lastIndexOf(item);
        assertThat(negatedAt(MATCHER.scan(note), at)).as(note).isEqualTo(words(filler) <= Negation.WORDS_BEFORE);
    }

    /**
     * In a run-on note a subject or a time after what was negated starts another statement: "no AD in the home today
     * unsteadiness" negates the device, not the unsteadiness (Negation.NEW_STATEMENT).
     */
    @Property(tries = 300)
    void aSubjectOrATimeAfterTheNegatedThingEndsTheNegation(@ForAll("negations") String negation,
                                                           @ForAll("newStatements") String word,
                                                           @ForAll("items") String item) {
        String note = "Pt " + negation + " AD in the home " + word + " " + item + ".";
        int at = note.lastIndexOf(item);
        assertThat(negatedAt(MATCHER.scan(note), at)).as(note).isFalse();
    }

    @Provide
    Arbitrary<String> newStatements() {
        return Arbitraries.of("today", "pt", "Pt", "patient", "she", "he", "currently", "now", "yesterday");
    }

    /** A negation word after the phrase reaches back over at most four plain words. */
    @Property(tries = 500)
    void aNegationAfterReachesFourWords(@ForAll("fillers") String filler, @ForAll("items") String item) {
        String note = "Pt " + item + " " + (filler.isEmpty() ? "" : filler + " ") + "not needed.";
        int at = note.indexOf(item);
        assertThat(negatedAt(MATCHER.scan(note), at)).as(note).isEqualTo(words(filler) <= Negation.WORDS_AFTER);
    }

    /** A stop word or the end of the sentence between them ends the negation, however near. */
    @Property(tries = 1000)
    void aStopOrASentenceEndEndsTheNegation(@ForAll("negations") String negation, @ForAll("stops") String stop,
                                            @ForAll @IntRange(max = 2) int fillerWords,
                                            @ForAll("items") String item) {
        String note = "Pt " + negation + " AD" + stop + String.join(" ", FILLER.subList(0, fillerWords)) + " "
                + item;
        int at = note.lastIndexOf(item);
        assertThat(negatedAt(MATCHER.scan(note), at)).as(note).isFalse();
    }

    /** A negation word that is itself negated states a need: "unable to stand without mod A". */
    @Property(tries = 500)
    void aDoubleNegationStatesANeed(@ForAll("cancels") String cancel, @ForAll @IntRange(max = 3) int fillerWords,
                                    @ForAll("items") String item) {
        String note = "Pt " + cancel + " " + String.join(" ", FILLER.subList(3, 3 + fillerWords)) + " without "
                + item;
        int at = note.lastIndexOf(item);
        assertThat(negatedAt(MATCHER.scan(note), at)).as(note).isFalse();
    }

    /**
     * Negation takes a match out of the negatable lists and nothing else: each list's count plus its negated
     * matches is what a scan without negation words finds, and the other lists are untouched.
     */
    @Property(tries = 1000)
    void negationOnlyRemovesNegatableMatches(@ForAll("notes") String note) {
        NoteScan scan = MATCHER.scan(note);
        NoteScan plain = PLAIN.scan(note);
        for (String l : PhraseNegationTest.LISTS.keySet()) {
            if (l.equals(PhraseLists.NEGATION) || l.equals(PhraseLists.NEGATION_AFTER)) {
                continue;
            }
            List<PhraseMatch> both = new ArrayList<>(scan.matches(l));
            both.addAll(scan.negated(l));
            both.sort(java.util.Comparator.comparingInt(PhraseMatch::start).thenComparingInt(PhraseMatch::end));
            assertThat(both).as(l).isEqualTo(plain.matches(l));
            assertThat(scan.count(l)).isEqualTo(scan.matches(l).size());
            if (!PhraseLists.NEGATABLE.contains(l)) {
                assertThat(scan.negated(l)).isEmpty();
            }
        }
    }

    /**
     * A sentence is negated the same wherever it stands: other sentences before and after it (which move it into
     * another chain of a long note's scan) change nothing.
     */
    @Property(tries = 500)
    void otherSentencesChangeNothing(@ForAll("notes") String before, @ForAll("notes") String sentence,
                                     @ForAll("notes") String after) {
        NoteScan alone = MATCHER.scan(sentence);
        String prefix = before + ".\n";
        NoteScan inNote = MATCHER.scan(prefix + sentence + ".\n" + after);
        for (String l : PhraseLists.NEGATABLE) {
            List<Integer> expected = alone.negated(l).stream().map(m -> m.start() + prefix.length()).toList();
            List<Integer> got = inNote.negated(l).stream().map(PhraseMatch::start)
                    .filter(s -> s >= prefix.length() && s < prefix.length() + sentence.length()).toList();
            assertThat(got).as(l).isEqualTo(expected);
        }
    }

    /** Notes with neither negation word nor list of them are read as written. */
    @Property(tries = 300)
    void withoutNegationWordsNothingIsNegated(@ForAll("fillers") String a, @ForAll("items") String item,
                                             @ForAll("fillers") String b) {
        NoteScan scan = MATCHER.scan(a + " " + item + " " + b + ", " + item + " or " + item);
        for (String l : PhraseLists.NEGATABLE) {
            assertThat(scan.negated(l)).isEmpty();
        }
    }

    /** Items joined by "or", commas or "nor" share the negation ("no VC, TC or CGA"). */
    @Property(tries = 300)
    void aListOfItemsSharesTheNegation(@ForAll("negations") String negation, @ForAll("skilledLists") String items,
                                       @ForAll boolean needed) {
        String note = "Pt " + negation + " " + items + (needed ? " needed." : ".");
        assertThat(MATCHER.scan(note).has(PhraseLists.SKILLED)).as(note).isFalse();
    }
}
