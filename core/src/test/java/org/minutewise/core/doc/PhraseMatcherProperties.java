package org.minutewise.core.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The automaton finds exactly what a naive indexOf scan with the same normalization and boundary rule finds. */
class PhraseMatcherProperties {
    private static final List<String> WORDS = List.of("cue", "cues", "rescue", "balance", "board", "on", "worked",
            "pt", "tolerated", "well", "x", "10", "min", "équilibre", "ÉQUILIBRE", "Balance", "CUE");
    private static final List<String> GLUE = List.of(" ", "  ", "-", "\n", ", ", ".", "", "\u00a0", "–", "'",
            "’", "é", "(", ")", "/", "(cue)", "/10", "\t-\n");

    private static final Map<String, List<String>> LISTS = Map.of(
            "a", List.of("cue", "cues", "balance", "balance board", "worked on balance", "on balance"),
            "b", List.of("x 10 min", "pt", "tolerated well", "well", "cue cue", "équilibre"),
            "c", List.of("rescue", "balance", "10", "board-on", "pt's", "e", "é"));

    private static final PhraseMatcher MATCHER = new PhraseMatcher(LISTS);

    /**
     * Phrases that begin or end with something other than a letter or digit have no word boundary on that side,
     * so they may match inside a word; phrases sharing long prefixes, and spaced ones, test overlapping reports,
     * separator runs and where a spaced phrase starts.
     */
    private static final Map<String, List<String>> PUNCTUATED = Map.of(
            "a", List.of("/10", "(cue)", "'s", "pt's", "cue-", "x 10", "10 min", "x", "min."),
            "b", List.of("balance board on", "balance board", "on balance board", "board on", "e é", "é"),
            "c", List.of("’ cue", "on", "well.", "c(e", "-cue"));

    private static final PhraseMatcher PUNCTUATED_MATCHER = new PhraseMatcher(PUNCTUATED);

    @Provide
    Arbitrary<String> notes() {
        Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.of(WORDS), Arbitraries.of(GLUE));
        return token.list().ofMaxSize(40).map(ts -> String.join("", ts));
    }

    /** Long enough to be scanned in four interleaved chains, so phrases straddle the cuts between them. */
    @Provide
    Arbitrary<String> longNotes() {
        Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.of(WORDS), Arbitraries.of(GLUE));
        return token.list().ofMinSize(40).ofMaxSize(300).map(ts -> String.join("", ts));
    }

    @Property(tries = 2000)
    void automatonEqualsNaiveScan(@ForAll("notes") String note) {
        assertThat(key(MATCHER.match(note))).isEqualTo(key(naive(note)));
    }

    @Property(tries = 1000)
    void chainedScanOfLongTextsEqualsNaiveScan(@ForAll("longNotes") String note) {
        assertThat(key(MATCHER.match(note))).isEqualTo(key(naive(note)));
    }

    @Property(tries = 2000)
    void phrasesWithPunctuationAtEitherEndEqualNaiveScan(@ForAll("notes") String note) {
        assertThat(key(PUNCTUATED_MATCHER.match(note))).isEqualTo(key(naive(note, PUNCTUATED)));
    }

    @Property(tries = 500)
    void phrasesWithPunctuationInLongTextsEqualNaiveScan(@ForAll("longNotes") String note) {
        assertThat(key(PUNCTUATED_MATCHER.match(note))).isEqualTo(key(naive(note, PUNCTUATED)));
    }

    /**
     * {@link NoteScan#first}: the first of {@link NoteScan#matches} (in order of start, then end) that the test
     * accepts, or null; with a test that accepts every n-th start and one that accepts none. Long notes too, whose
     * lists may hold more matches than {@code first} orders itself.
     */
    @Property(tries = 1000)
    void theFirstAcceptedMatchIsTheFirstOfTheOrderedMatches(@ForAll("longNotes") String note,
                                                           @ForAll("listNames") String list,
                                                           @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 5)
                                                           int every) {
        NoteScan scan = MATCHER.scan(note + " " + note.repeat(every == 5 ? 3 : 0));
        java.util.function.Predicate<PhraseMatch> test = m -> m.start() % every == every - 1;
        PhraseMatch expected = scan.matches(list).stream().filter(test).findFirst().orElse(null);
        assertThat(scan.first(list, test)).isEqualTo(expected);
        assertThat(scan.first(list, m -> true))
                .isEqualTo(scan.matches(list).isEmpty() ? null : scan.matches(list).get(0));
        assertThat(scan.first(list, m -> false)).isNull();
    }

    @Provide
    Arbitrary<String> listNames() {
        return Arbitraries.of("a", "b", "c", "no such list");
    }

    @Property(tries = 500)
    void everyMatchCoversItsPhraseInTheOriginal(@ForAll("notes") String note) {
        for (PhraseMatch m : MATCHER.match(note)) {
            assertThat(PhraseMatcher.normalizePhrase(note.substring(m.start(), m.end()))).isEqualTo(m.phrase());
        }
    }

    private static List<String> key(List<PhraseMatch> ms) {
        List<String> out = new ArrayList<>();
        for (PhraseMatch m : ms) {
            out.add(m.list() + "|" + m.phrase() + "|" + m.start() + "|" + m.end());
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    /** Normalize the text with an index map back to the original, then indexOf every phrase everywhere. */
    private static List<PhraseMatch> naive(String text) {
        return naive(text, LISTS);
    }

    private static List<PhraseMatch> naive(String text, Map<String, List<String>> lists) {
        StringBuilder norm = new StringBuilder();
        List<Integer> orig = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char n = PhraseMatcher.normalize(text.charAt(i));
            if (n == ' ' && (norm.length() == 0 || norm.charAt(norm.length() - 1) == ' ')) {
                continue;
            }
            norm.append(n);
            orig.add(i);
        }
        String t = norm.toString();
        List<PhraseMatch> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : lists.entrySet()) {
            for (String raw : e.getValue()) {
                String p = PhraseMatcher.normalizePhrase(raw);
                for (int at = t.indexOf(p); at >= 0; at = t.indexOf(p, at + 1)) {
                    int start = orig.get(at);
                    int end = orig.get(at + p.length() - 1) + 1;
                    boolean before = PhraseMatcher.isWord(p.charAt(0)) && start > 0
                            && Character.isLetterOrDigit(text.charAt(start - 1));
                    boolean after = PhraseMatcher.isWord(p.charAt(p.length() - 1)) && end < text.length()
                            && Character.isLetterOrDigit(text.charAt(end));
                    if (!before && !after) {
                        out.add(new PhraseMatch(e.getKey(), p, start, end));
                    }
                }
            }
        }
        return out;
    }
}
