package org.minutewise.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Typo tolerance before anything else: a word of 4 letters or more that no card and no synonym uses, in any
 * form the index would match, is
 * replaced by the nearest word they do use (1 edit for 4-7 letters, 2 for 8 or more, transpositions count
 * as one, the first letter kept; the more frequent word wins a tie). "nueromuscular" becomes
 * "neuromuscular", "speach" "speech", so synonyms and ids still match. The index's FuzzyQuery remains
 * as a second net for what this cannot place.
 */
final class Speller {
    private final Map<String, Integer> vocabulary;
    private final Predicate<String> indexKnows;
    private final Map<Character, List<String>> byFirstLetter;

    /**
     * @param indexKnows whether the index holds the word in some form ("dress" is known through
     *                   "dressing": both stem to "dress"); such a word is never corrected
     */
    Speller(Map<String, Integer> vocabulary, Predicate<String> indexKnows) {
        this.vocabulary = Map.copyOf(vocabulary);
        this.indexKnows = indexKnows;
        Map<Character, List<String>> m = new HashMap<>();
        for (String k : vocabulary.keySet()) {
            if (k.length() >= 4) {
                m.computeIfAbsent(k.charAt(0), c -> new ArrayList<>()).add(k);
            }
        }
        m.replaceAll((c, l) -> List.copyOf(l));
        this.byFirstLetter = Map.copyOf(m);
    }

    static Speller of(List<Card> cards, Synonyms synonyms, Predicate<String> indexKnows) {
        Map<String, Integer> v = new HashMap<>();
        for (Card c : cards) {
            count(v, c.title());
            count(v, c.summary());
            for (String k : c.keywords()) {
                count(v, k);
            }
            for (Fact f : c.facts()) {
                count(v, f.text());
            }
        }
        for (Synonyms.Group g : synonyms.groups()) {
            for (List<String> p : g.phrases()) {
                for (String t : p) {
                    v.merge(t, 1, Integer::sum);
                }
            }
        }
        return new Speller(v, indexKnows);
    }

    private static void count(Map<String, Integer> v, String text) {
        for (String t : QueryText.tokens(text)) {
            v.merge(t, 1, Integer::sum);
        }
    }

    boolean knows(String word) {
        return vocabulary.containsKey(word);
    }

    /** The word itself when known, short, a number, or a stop word; else the nearest known word, or itself. */
    String correct(String word) {
        if (word.length() < 4 || vocabulary.containsKey(word) || QueryText.isNumber(word)
                || ParsedQuery.QUESTION_WORDS.contains(word) || EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)
                || !Character.isLetter(word.charAt(0))) {
            return word;
        }
        if (indexKnows.test(word)) {
            return word;
        }
        String best = word;
        int bestDistance = Integer.MAX_VALUE;
        int bestCount = 0;
        int max = SearchIndex.maxEdits(word);
        for (String k : byFirstLetter.getOrDefault(word.charAt(0), List.of())) {
            if (Math.abs(k.length() - word.length()) > max) {
                continue;
            }
            int d = SearchIndex.distance(word, k, max);
            int count = vocabulary.get(k);
            if (d <= max && (d < bestDistance || (d == bestDistance && count > bestCount))) {
                best = k;
                bestDistance = d;
                bestCount = count;
            }
        }
        return best;
    }
}
