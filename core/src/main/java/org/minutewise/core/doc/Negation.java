package org.minutewise.core.doc;

import java.util.Arrays;
import java.util.Set;

/**
 * Whether a note's sentence negates a phrase matched in it: "no VC or TC needed", "did not require assistance or
 * guarding", "denies unsteadiness", "cues not needed". A negated match of a negatable list
 * ({@link PhraseLists#NEGATABLE}: skilled input, deficit, balance deficit) does not count for that list: "no VC
 * needed" is no skilled input, "denies unsteadiness" no deficit.
 *
 * <p>The negation words are reference data, found by the same scan as every phrase: {@link PhraseLists#NEGATION}
 * before the phrase they negate ("no", "without", "w/o", "denies", "did not require"), {@link
 * PhraseLists#NEGATION_AFTER} after it ("not needed", "not required"). Only the few words between a negation word
 * and a phrase near it are read, so a note without negation words costs nothing more, and one with them little.
 *
 * <p>A negation word before a phrase negates it when, in the same sentence:
 * <ul>
 *   <li>at most {@value #WORDS_BEFORE} words lie between them ("did not require any physical assistance");</li>
 *   <li>none of those words ends the negation's reach: a word that starts another statement ({@link #STOP}: with,
 *       w/, but, except, then, due, needed, ...: "no LOB with min A and TC at pelvis"), nor a colon or a
 *       parenthesis;</li>
 *   <li>no negatable phrase of another list stands between them: the negation is that phrase's ("no LOB min A
 *       for stepping" negates the LOB, not the assistance);</li>
 *   <li>a comma, dash or "and" between them joins items of the phrase's own list ("no VC, TC or facilitation"),
 *       or the phrase is followed by "needed", "required", "given" ... ("no verbal, tactile or visual cues
 *       needed"); otherwise it starts another statement ("denies dizziness, needs min A");</li>
 *   <li>the negation word is not negated itself, a few words before it ({@link #CANCEL} or another negation word):
 *       "unable to stand without mod A", "not safe to walk without CGA", "not independent of cues" state a need;</li>
 *   <li>it does not start a comparison ({@link #COMPARISON}): "no more than min A", "no change in balance".</li>
 * </ul>
 * A negation word after a phrase ("VC for foot placement not needed", "VC or TC not required") negates it on the
 * same terms (but no comma without a list of items), with at most {@value #WORDS_AFTER} words between. A phrase
 * inside a negated phrase of one of its lists is negated with it ("balance" in "no loss of balance"). Words are
 * runs of letters, digits, apostrophes and slashes ("w/", "c/o", "VC/TC", "2/2").
 *
 * <p>What is not negation stays skilled input or a deficit: "decreased need for VC", "not independent with
 * transfers", "needs min A to stand".
 */
final class Negation {
    /** The most words between a negation word and the phrase after it that it negates. */
    static final int WORDS_BEFORE = 5;
    /** The most words between a phrase and the negation word after it ("VC for foot placement not needed"). */
    static final int WORDS_AFTER = 4;
    /** How many words before a negation word one that negates it in turn is looked for ("unable to stand"). */
    static final int WORDS_CANCEL = 6;
    /** No gap longer than this many characters is read, whatever its words: a bound on the work per match. */
    private static final int REACH = 100;

    /** Words that end a negation's reach: what follows them is another statement. */
    static final Set<String> STOP = Set.of("with", "w/", "but", "however", "though", "although", "except", "yet",
            "still", "while", "whereas", "then", "after", "until", "unless", "because", "due", "secondary", "2/2",
            "since", "so", "when", "if", "which", "who", "needed", "required", "req'd");
    /**
     * Of the {@link #STOP} words, those that are the negated verb itself right after the negation word ("no longer
     * required assist") but end its reach after another word ("no AD needed, VC for step length").
     */
    private static final Set<String> STOP_LATER = Set.of("needed", "required", "req'd");
    /** Words that join two statements or two items of a list, like a comma. */
    private static final Set<String> JOINS = Set.of("and", "&", "+", "plus");
    /** Words that may join the items of one negation's list ("no VC, TC or facilitation"). */
    private static final Set<String> CONJUNCTIONS = Set.of("or", "nor", "and", "&", "+", "plus", "/");
    /** Words that negate a negation word a few words after them: a double negation states a need. */
    static final Set<String> CANCEL = Set.of("not", "unable", "cannot", "can't", "cant", "unsafe", "inability",
            "difficulty");
    /** Words right after a negation word that make it a comparison, not a negation ("no more than min A"). */
    static final Set<String> COMPARISON = Set.of("more", "less", "fewer", "change", "changes", "changed",
            "increase", "increased", "decrease", "improvement", "improved", "worse", "difference", "only", "just");
    /** Words after a list of items that tell the list was negated ("no verbal, tactile or visual cues needed"). */
    private static final Set<String> NEED = Set.of("needed", "required", "necessary", "req'd", "given", "provided",
            "used", "noted", "observed", "reported");
    private static final Set<String> BE = Set.of("is", "are", "was", "were", "be", "been");

    private final NoteScan scan;
    private final String text;
    private final PhraseMatcher matcher;
    /** Negation words before a phrase: start and end, in order of end. */
    private final int[] beforeStart;
    private final int[] beforeEnd;
    /** Negation words after a phrase: start and end, in order of start. */
    private final int[] afterStart;
    /** The matches of negatable lists, in order of start. */
    private final int[] items;
    /** Set by {@link #read}: whether a comma, dash or "and" is among the words read; their first two words. */
    private boolean joined;
    private String first;
    private String second;

    private Negation(NoteScan scan, int[] before, int[] after, int[] items) {
        this.scan = scan;
        this.text = scan.text();
        this.matcher = scan.matcher();
        this.beforeStart = new int[before.length];
        this.beforeEnd = new int[before.length];
        for (int i = 0; i < before.length; i++) {
            beforeStart[i] = scan.startAt(before[i]);
            beforeEnd[i] = scan.endAt(before[i]);
        }
        this.afterStart = new int[after.length];
        for (int i = 0; i < after.length; i++) {
            afterStart[i] = scan.startAt(after[i]);
        }
        this.items = items;
    }

    /** Takes every match its sentence negates out of the negatable lists (the scan is complete). */
    static void apply(NoteScan scan) {
        PhraseMatcher m = scan.matcher();
        int nb = scan.countAt(m.negationList());
        int na = scan.countAt(m.negationAfterList());
        if (nb + na == 0) {
            return;
        }
        int size = scan.size();
        long[] before = new long[nb];
        long[] after = new long[na];
        long[] items = new long[size];
        int b = 0;
        int a = 0;
        int n = 0;
        for (int k = 0; k < size; k++) {
            int p = scan.phraseAt(k);
            if (nb > 0 && m.inList(p, m.negationList())) {
                before[b++] = (long) scan.endAt(k) << 32 | k;
            }
            if (na > 0 && m.inList(p, m.negationAfterList())) {
                after[a++] = (long) scan.startAt(k) << 32 | k;
            }
            if (m.negatableMask(p) != 0) {
                items[n++] = (long) scan.startAt(k) << 32 | k;
            }
        }
        if (n == 0) {
            return;
        }
        Negation neg = new Negation(scan, sortedIndices(before, b), sortedIndices(after, a),
                sortedIndices(items, n));
        neg.resolve();
    }

    /** The match indices of packed (position, index) pairs, in order of position. */
    private static int[] sortedIndices(long[] packed, int n) {
        Arrays.sort(packed, 0, n);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) packed[i];
        }
        return out;
    }

    private void resolve() {
        boolean any = false;
        for (int k : items) {
            if (negatedBefore(k) || negatedAfter(k)) {
                scan.negate(k);
                any = true;
            }
        }
        if (!any) {
            return;
        }
        // A phrase inside a negated phrase of one of its lists goes with it: "balance" in "no loss of balance".
        for (int k : items) {
            if (scan.isNegated(k)) {
                continue;
            }
            int mask = mask(k);
            for (int j : items) {
                if (scan.startAt(j) > scan.startAt(k)) {
                    break;
                }
                if (j != k && scan.isNegated(j) && scan.endAt(j) >= scan.endAt(k) && (mask(j) & mask) != 0) {
                    scan.negate(k);
                    break;
                }
            }
        }
    }

    private int mask(int k) {
        return matcher.negatableMask(scan.phraseAt(k));
    }

    /** Whether a negation word before match {@code k} negates it. */
    private boolean negatedBefore(int k) {
        int s = scan.startAt(k);
        int mask = mask(k);
        // The last negation word that ends at or before the match, then the ones before it.
        for (int c = lastEndingBy(s); c >= 0; c--) {
            if (s - beforeEnd[c] > REACH) {
                return false;
            }
            if (read(beforeEnd[c], s, WORDS_BEFORE) < 0) {
                return false; // an earlier negation word would have to reach across the same words
            }
            if (comparison()) {
                continue; // "no more than min A": look further back
            }
            if (otherBetween(beforeEnd[c], s, mask)) {
                return false;
            }
            if (joined && !listOfItems(beforeEnd[c], s, mask) && !needFollows(scan.endAt(k))) {
                return false;
            }
            return !cancelled(beforeStart[c], mask);
        }
        return false;
    }

    /** Whether a negation word after match {@code k} negates it. */
    private boolean negatedAfter(int k) {
        int e = scan.endAt(k);
        int c = firstStartingFrom(e);
        if (c == afterStart.length) {
            return false;
        }
        int cs = afterStart[c];
        int mask = mask(k);
        return cs - e <= REACH && read(e, cs, WORDS_AFTER) >= 0 && !otherBetween(e, cs, mask)
                && (!joined || listOfItems(e, cs, mask));
    }

    /**
     * Whether the words just read start a comparison: "more than", "change in", or after "significant" or
     * "further" ("no significant change in balance").
     */
    private boolean comparison() {
        if (first == null) {
            return false;
        }
        if (COMPARISON.contains(first)) {
            return true;
        }
        return second != null && (first.equals("significant") || first.equals("further"))
                && COMPARISON.contains(second);
    }

    /** The index of the last negation word (before) that ends at or before {@code pos}, or -1. */
    private int lastEndingBy(int pos) {
        int lo = 0;
        int hi = beforeEnd.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (beforeEnd[mid] <= pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /** The index of the first negation word (after) that starts at or after {@code pos}. */
    private int firstStartingFrom(int pos) {
        int lo = 0;
        int hi = afterStart.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (afterStart[mid] < pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Reads the words of {@code [from, to)}: -1 when a negation cannot reach across them (a sentence ends, a colon
     * or parenthesis, a {@link #STOP} word, more than {@code max} words), else how many there are; sets
     * {@link #joined}, {@link #first} and {@link #second}.
     */
    private int read(int from, int to, int max) {
        joined = false;
        first = null;
        second = null;
        int words = 0;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (scan.endsSentence(i) || hardStop(c)) {
                return -1;
            }
            if (isWordChar(c)) {
                int s = i;
                while (i < to && isWordChar(text.charAt(i))) {
                    i++;
                }
                String w = word(s, i);
                if (STOP.contains(w) && (words > 0 || !STOP_LATER.contains(w)) || ++words > max) {
                    return -1;
                }
                joined |= JOINS.contains(w);
                if (first == null) {
                    first = w;
                } else if (second == null) {
                    second = w;
                }
                continue;
            }
            joined |= c == ',' || c == '&' || c == '+' || spacedDash(i);
            i++;
        }
        return words;
    }

    /** Whether a negatable match of none of the lists in {@code mask} lies wholly inside {@code [from, to)}. */
    private boolean otherBetween(int from, int to, int mask) {
        for (int j : items) {
            int s = scan.startAt(j);
            if (s >= to) {
                return false;
            }
            if (s >= from && scan.endAt(j) <= to && (mask(j) & mask) == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code [from, to)} is a list of items of one of the lists in {@code mask}: every word a conjunction
     * or inside such a match ("VC, TC or" before "facilitation").
     */
    private boolean listOfItems(int from, int to, int mask) {
        int i = from;
        while (i < to) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int s = i;
            while (i < to && isWordChar(text.charAt(i))) {
                i++;
            }
            if (!CONJUNCTIONS.contains(word(s, i)) && !itemCovers(s, i, mask)) {
                return false;
            }
        }
        return true;
    }

    /** Whether every letter or digit of {@code [from, to)} lies inside a match of one of the lists in mask. */
    private boolean itemCovers(int from, int to, int mask) {
        for (int i = from; i < to; i++) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                continue;
            }
            boolean in = false;
            for (int j : items) {
                if (scan.startAt(j) > i) {
                    break;
                }
                if (scan.endAt(j) > i && (mask(j) & mask) != 0) {
                    in = true;
                    break;
                }
            }
            if (!in) {
                return false;
            }
        }
        return true;
    }

    /** Whether the words right after {@code pos} say the items were not needed: "needed", "were required", ... */
    private boolean needFollows(int pos) {
        int i = pos;
        for (int n = 0; n < 2; n++) {
            while (i < text.length() && PhraseMatcher.isSeparator(text.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < text.length() && isWordChar(text.charAt(i))) {
                i++;
            }
            if (s == i) {
                return false;
            }
            String w = word(s, i);
            if (NEED.contains(w)) {
                return true;
            }
            if (!BE.contains(w)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether the negation word starting at {@code cue} is negated itself by a word a few before it in its clause:
     * a {@link #CANCEL} word or another negation word ("unable to stand without", "no LOB without CGA"); not by a
     * negation word of a list of items of the same kind ("neither VC nor TC", "without VC or without TC").
     */
    private boolean cancelled(int cue, int mask) {
        int words = 0;
        int i = cue - 1;
        while (i >= 0 && cue - i <= REACH) {
            char c = text.charAt(i);
            if (scan.endsSentence(i) || hardStop(c) || c == ',' || spacedDash(i)) {
                return false;
            }
            if (!isWordChar(c)) {
                i--;
                continue;
            }
            int e = i + 1;
            while (i >= 0 && isWordChar(text.charAt(i))) {
                i--;
            }
            int s = i + 1;
            String w = word(s, e);
            if (CANCEL.contains(w)) {
                return true;
            }
            int negationEnd = negationWordAround(s, e, cue);
            if (negationEnd >= 0) {
                return !listOfItems(negationEnd, cue, mask);
            }
            if (STOP.contains(w) || JOINS.contains(w) || ++words >= WORDS_CANCEL) {
                return false;
            }
        }
        return false;
    }

    /** The end of a negation word (before) that holds {@code [s, e)} and ends by {@code limit}, or -1. */
    private int negationWordAround(int s, int e, int limit) {
        for (int c = lastEndingBy(limit); c >= 0 && beforeEnd[c] >= e; c--) {
            if (beforeStart[c] <= s) {
                return beforeEnd[c];
            }
        }
        return -1;
    }

    private static boolean hardStop(char c) {
        return c == ':' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' || c == '}';
    }

    /** A dash standing apart from the words around it ("no LOB - min A"), not inside one ("single-leg"). */
    private boolean spacedDash(int i) {
        char c = text.charAt(i);
        if (c != '-' && (c < '\u2010' || c > '\u2015')) {
            return false;
        }
        return i == 0 || i + 1 == text.length() || Character.isWhitespace(text.charAt(i - 1))
                || Character.isWhitespace(text.charAt(i + 1));
    }

    /** Letters, digits, apostrophes and slashes make a word: "w/", "c/o", "can't", "VC/TC". */
    static boolean isWordChar(char c) {
        return PhraseMatcher.isWord(c) || c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u02BC' || c == '/';
    }

    /** A word as the sets here hold it: lower case, straight apostrophes; "" for a long word (none is listed). */
    private String word(int s, int e) {
        if (e - s > 16) {
            return "";
        }
        char[] w = new char[e - s];
        for (int i = s; i < e; i++) {
            w[i - s] = PhraseMatcher.normalize(text.charAt(i));
        }
        return new String(w);
    }
}
