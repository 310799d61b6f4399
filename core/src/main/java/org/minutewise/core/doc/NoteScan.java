package org.minutewise.core.doc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The phrase matches of one note, grouped by list: computed once per visit (one pass of the
 * {@link PhraseMatcher}) and read by every documentation rule. Counts are kept per list as the scan runs, so
 * {@link #has(String)} and {@link #count(String)} cost a lookup; span objects are built only when a rule asks
 * for them ({@link #matches(String)}). Not thread-safe while it is being filled; read-only afterwards.
 *
 * <p>A match of a negatable list ({@link PhraseLists#NEGATABLE}) that its sentence negates ({@link Negation}: "no VC
 * or TC needed", "denies unsteadiness") is not a match of that list for any of the methods here; it stays a match
 * of its other lists ("LOB" in "no LOB" is still a response). {@link #negated(String)} lists those left out. So is
 * a match of {@link PhraseLists#CUE_AIM} that is a cue's aim ("posture" in "VC for upright posture": {@link CueAim}),
 * though {@link #negated(String)} does not list it.
 */
public final class NoteScan {
    private static final Comparator<PhraseMatch> BY_SPAN =
            Comparator.comparingInt(PhraseMatch::start).thenComparingInt(PhraseMatch::end);

    private final PhraseMatcher matcher;
    private final String text;
    private final int[] counts;
    /** Triples: phrase id, start, end; in order of end. */
    private int[] hits;
    private int size;
    /**
     * Per match: {@link #NEGATED} when its sentence negates it, {@link #AIM} when it is a cue's aim (either way it is
     * left out of the negatable lists), 0 otherwise; null while no match is left out.
     */
    private byte[] dropped;
    private static final byte NEGATED = 1;
    private static final byte AIM = 2;
    /**
     * Per list, the matches that count for it ({@link #member}), in the scan's order: those of list {@code l} are
     * {@code listHits[listFrom[l] .. listFrom[l + 1])}. Built once the scan is complete ({@link #index()}), so a rule's
     * question about one list reads that list's few matches, not every match of the note.
     */
    private int[] listFrom;
    private int[] listHits;
    /** The matches of negation words (either list), in the order found; null while there is none. */
    private int[] negationWords;
    private int negationWordCount;

    NoteScan(PhraseMatcher matcher, String text) {
        this.matcher = matcher;
        this.text = text;
        this.counts = new int[matcher.listCount()];
        // Room for a match every 16 characters (a phrase-rich note has one every 20 or so): seldom grown.
        this.hits = new int[3 * Math.max(16, text.length() >>> 4)];
    }

    /** Records a match of {@code phrase}, whose packed facts ({@link PhraseMatcher#meta(int)}) are {@code meta}. */
    void add(int phrase, int meta, int start, int end) {
        if (size * 3 == hits.length) {
            hits = Arrays.copyOf(hits, hits.length * 2);
        }
        int at = size * 3;
        hits[at] = phrase;
        hits[at + 1] = start;
        hits[at + 2] = end;
        size++;
        int one = meta >>> PhraseMatcher.ONE_LIST_SHIFT;
        if (one != 0) {
            counts[one - 1]++; // most phrases belong to one list
        } else {
            for (int l : matcher.listsOf(phrase)) {
                counts[l]++;
            }
        }
        if ((meta & PhraseMatcher.NEGATION) != 0) {
            if (negationWords == null) {
                negationWords = new int[8];
            } else if (negationWordCount == negationWords.length) {
                negationWords = Arrays.copyOf(negationWords, negationWordCount * 2);
            }
            negationWords[negationWordCount++] = size - 1;
        }
    }

    /** Indexes the matches by list ({@link #listHits}); called once, when negation and cue aims are settled. */
    void index() {
        int lists = counts.length;
        int[] from = new int[lists + 1];
        for (int l = 0; l < lists; l++) {
            from[l + 1] = from[l] + counts[l];
        }
        int[] at = Arrays.copyOf(from, lists);
        int[] out = new int[from[lists]];
        final int[] h = hits;
        final byte[] gone = dropped;
        for (int k = 0; k < size; k++) {
            // member(k, l) for each list of the phrase: a dropped match stays only in the lists negation leaves alone.
            int p = h[k * 3];
            boolean kept = gone == null || gone[k] == 0;
            int one = matcher.meta(p) >>> PhraseMatcher.ONE_LIST_SHIFT;
            if (one != 0) {
                if (kept || !matcher.negatable(one - 1)) {
                    out[at[one - 1]++] = k;
                }
            } else {
                for (int l : matcher.listsOf(p)) {
                    if (kept || !matcher.negatable(l)) {
                        out[at[l]++] = k;
                    }
                }
            }
        }
        listFrom = from;
        listHits = out;
    }

    /** Where the matches of list {@code l} start in {@link #hitOf(int)} (their count is {@link #countAt(int)}). */
    int firstOf(int l) {
        return listFrom[l];
    }

    /** The match at {@code j} of the index by list ({@link #firstOf(int)}). */
    int hitOf(int j) {
        return listHits[j];
    }

    /** Whether some negatable list has a match (not yet negated). */
    boolean anyNegatable() {
        for (int l = 0; l < counts.length; l++) {
            if (counts[l] > 0 && matcher.negatable(l)) {
                return true;
            }
        }
        return false;
    }

    /** How many matches are negation words (of either list). */
    int negationWordCount() {
        return negationWordCount;
    }

    /** The index of the {@code i}-th match that is a negation word. */
    int negationWordAt(int i) {
        return negationWords[i];
    }

    /**
     * Leaves match {@code k} out of the negatable lists its phrase belongs to: its sentence negates it. Called by
     * {@link Negation} once the scan is complete.
     */
    void negate(int k) {
        drop(k, NEGATED);
    }

    /**
     * Leaves match {@code k} out of the negatable lists its phrase belongs to: it is the aim of a cue ("posture" in "VC
     * for upright posture", {@link CueAim}). Not listed by {@link #negated(String)}: the note does not deny it.
     */
    void aim(int k) {
        drop(k, AIM);
    }

    private void drop(int k, byte why) {
        if (dropped == null) {
            dropped = new byte[size];
        }
        if (dropped[k] != 0) {
            return;
        }
        dropped[k] = why;
        for (int l : matcher.listsOf(hits[k * 3])) {
            if (matcher.negatable(l)) {
                counts[l]--;
            }
        }
    }

    /** Whether match {@code k} has been left out of its negatable lists (negated, or a cue's aim). */
    boolean isNegated(int k) {
        return dropped != null && dropped[k] != 0;
    }

    /** Whether match {@code k} counts for list {@code l}: its phrase is in the list, and it is not negated there. */
    boolean member(int k, int l) {
        return matcher.inList(hits[k * 3], l) && !(dropped != null && dropped[k] != 0 && matcher.negatable(l));
    }

    PhraseMatcher matcher() {
        return matcher;
    }

    int phraseAt(int k) {
        return hits[k * 3];
    }

    int startAt(int k) {
        return hits[k * 3 + 1];
    }

    int endAt(int k) {
        return hits[k * 3 + 2];
    }

    /** How many matches list {@code l} has (not counting negated ones); 0 for -1. */
    int countAt(int l) {
        return l < 0 ? 0 : counts[l];
    }

    /** The note as scanned. */
    public String text() {
        return text;
    }

    /** How many matches the list has (0 for a list the phrase set does not define). */
    public int count(String list) {
        int l = matcher.listIndex(list);
        return l < 0 ? 0 : counts[l];
    }

    public boolean has(String list) {
        return count(list) > 0;
    }

    /** The matches of a list, in order of start (then end). */
    public List<PhraseMatch> matches(String list) {
        int l = matcher.listIndex(list);
        if (l < 0 || counts[l] == 0) {
            return List.of();
        }
        List<PhraseMatch> out = new ArrayList<>(counts[l]);
        for (int j = listFrom[l], to = listFrom[l + 1]; j < to; j++) {
            int k = listHits[j];
            out.add(new PhraseMatch(list, matcher.phrase(hits[k * 3]), hits[k * 3 + 1], hits[k * 3 + 2]));
        }
        out.sort(BY_SPAN);
        return out;
    }

    /**
     * The first match of a list, in order of start (then end), that {@code test} accepts, or null: {@link #matches}'s
     * list read until the test accepts one, each match built only when it is tried (the usual answer is the first).
     */
    public PhraseMatch first(String list, java.util.function.Predicate<PhraseMatch> test) {
        int l = matcher.listIndex(list);
        if (l < 0 || counts[l] == 0) {
            return null;
        }
        int from = listFrom[l];
        int n = listFrom[l + 1] - from;
        if (n > FIRST_BY_INSERTION) {
            for (PhraseMatch m : matches(list)) {
                if (test.test(m)) {
                    return m;
                }
            }
            return null;
        }
        // A few matches: their indexes in order of start, then end (insertion; no two of a list share a span).
        int[] order = new int[n];
        for (int j = 0; j < n; j++) {
            int k = listHits[from + j];
            int i = j - 1;
            while (i >= 0 && (hits[order[i] * 3 + 1] > hits[k * 3 + 1]
                    || hits[order[i] * 3 + 1] == hits[k * 3 + 1] && hits[order[i] * 3 + 2] > hits[k * 3 + 2])) {
                order[i + 1] = order[i];
                i--;
            }
            order[i + 1] = k;
        }
        for (int k : order) {
            PhraseMatch m = new PhraseMatch(list, matcher.phrase(hits[k * 3]), hits[k * 3 + 1], hits[k * 3 + 2]);
            if (test.test(m)) {
                return m;
            }
        }
        return null;
    }

    /** Up to this many matches {@link #first} orders itself; more go through {@link #matches}. */
    private static final int FIRST_BY_INSERTION = 48;

    /**
     * The matches of a negatable list that their sentence negates, left out of it ("VC" in "no VC needed"), in order
     * of start (then end); empty for another list.
     */
    public List<PhraseMatch> negated(String list) {
        int l = matcher.listIndex(list);
        if (l < 0 || dropped == null || !matcher.negatable(l)) {
            return List.of();
        }
        List<PhraseMatch> out = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            if (dropped[k] == NEGATED && matcher.inList(hits[k * 3], l)) {
                out.add(new PhraseMatch(list, matcher.phrase(hits[k * 3]), hits[k * 3 + 1], hits[k * 3 + 2]));
            }
        }
        out.sort(BY_SPAN);
        return out;
    }

    /**
     * Every match, one per list its phrase belongs to (a negated match not for its negatable lists), in order of
     * start (then end, then list name).
     */
    public List<PhraseMatch> all() {
        List<PhraseMatch> out = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            int p = hits[k * 3];
            for (int l : matcher.listsOf(p)) {
                if (dropped != null && dropped[k] != 0 && matcher.negatable(l)) {
                    continue;
                }
                out.add(new PhraseMatch(matcher.listName(l), matcher.phrase(p), hits[k * 3 + 1], hits[k * 3 + 2]));
            }
        }
        out.sort(BY_SPAN.thenComparing(PhraseMatch::list));
        return out;
    }

    /** A test of a match's span in the note's text. */
    @FunctionalInterface
    public interface SpanTest {
        boolean test(String text, int start, int end);
    }

    /**
     * True when some match of {@code list} counts as it stands, or, when its phrase is in {@code condition}'s list too,
     * when {@code test} accepts its span: "SLS" is a measure by itself only with its result ("SLS R 4 s"), named as an
     * exercise it is a technique. Stops at the first such match; no object is built.
     */
    public boolean anyMatch(String list, String condition, SpanTest test) {
        int l = matcher.listIndex(list);
        if (l < 0 || counts[l] == 0) {
            return false;
        }
        int c = matcher.listIndex(condition);
        for (int j = listFrom[l], to = listFrom[l + 1]; j < to; j++) {
            int k = listHits[j];
            if (!matcher.inList(hits[k * 3], c) || test.test(text, hits[k * 3 + 1], hits[k * 3 + 2])) {
                return true;
            }
        }
        return false;
    }

    /** True when some match of the list lies wholly inside [from, to). */
    public boolean anyWithin(String list, int from, int to) {
        int l = matcher.listIndex(list);
        if (l < 0 || counts[l] == 0) {
            return false;
        }
        for (int j = listFrom[l], last = listFrom[l + 1]; j < last; j++) {
            int k = listHits[j];
            if (hits[k * 3 + 1] >= from && hits[k * 3 + 2] <= to) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when some match of the list lies wholly inside [from, to) and is not the aim of a cue before it in its
     * clause: "ankle strategy" in "VC for ankle strategy" says what the cue was for, not another activity
     * ({@link CueAim}).
     */
    public boolean anyWithinButCueAims(String list, int from, int to) {
        int l = matcher.listIndex(list);
        if (l < 0 || counts[l] == 0) {
            return false;
        }
        int skilled = matcher.listIndex(PhraseLists.SKILLED);
        for (int j = listFrom[l], last = listFrom[l + 1]; j < last; j++) {
            int k = listHits[j];
            if (hits[k * 3 + 1] >= from && hits[k * 3 + 2] <= to
                    && !CueAim.aimed(this, hits[k * 3 + 1], skilled)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when some match of the list lies wholly inside [from, to) and is not covered by a match of the
     * excluded list ("cues" inside "without cues" is no cue).
     */
    public boolean anyWithin(String list, int from, int to, String excluding) {
        int l = matcher.listIndex(list);
        if (l < 0 || counts[l] == 0) {
            return false;
        }
        for (int j = listFrom[l], last = listFrom[l + 1]; j < last; j++) {
            int k = listHits[j];
            int s = hits[k * 3 + 1];
            int e = hits[k * 3 + 2];
            if (s >= from && e <= to && !covered(s, e, excluding)) {
                return true;
            }
        }
        return false;
    }

    /** True when some match of the list covers all of [start, end). */
    public boolean covered(int start, int end, String list) {
        int l = matcher.listIndex(list);
        if (l < 0 || counts[l] == 0) {
            return false;
        }
        for (int j = listFrom[l], last = listFrom[l + 1]; j < last; j++) {
            int k = listHits[j];
            if (hits[k * 3 + 1] <= start && hits[k * 3 + 2] >= end) {
                return true;
            }
        }
        return false;
    }

    /**
     * The matches of a list not covered by a match of another list: "cues" inside "without cues" does not count
     * as a cue.
     */
    public int countOutside(String list, String excluding) {
        int l = matcher.listIndex(list);
        if (l < 0 || counts[l] == 0) {
            return 0;
        }
        int x = matcher.listIndex(excluding);
        if (x < 0 || counts[x] == 0) {
            return counts[l];
        }
        int n = 0;
        for (int j = listFrom[l], last = listFrom[l + 1]; j < last; j++) {
            int k = listHits[j];
            if (!covered(hits[k * 3 + 1], hits[k * 3 + 2], excluding)) {
                n++;
            }
        }
        return n;
    }

    /** True when some match of the list is not covered by a match of the other list (stops at the first). */
    public boolean anyOutside(String list, String excluding) {
        int l = matcher.listIndex(list);
        if (l < 0 || counts[l] == 0) {
            return false;
        }
        int x = matcher.listIndex(excluding);
        if (x < 0 || counts[x] == 0) {
            return true;
        }
        for (int j = listFrom[l], last = listFrom[l + 1]; j < last; j++) {
            int k = listHits[j];
            if (!covered(hits[k * 3 + 1], hits[k * 3 + 2], excluding)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the sentence holding {@code pos} begins: just after the previous '.', '!' or '?' followed by
     * whitespace, ';' or line break (so "3.5" and "I69.351" do not end a sentence), leading whitespace skipped.
     */
    public int sentenceStart(int pos) {
        int k = Math.min(pos, text.length()) - 1;
        while (k >= 0 && !endsSentence(k)) {
            k--;
        }
        int s = k + 1;
        while (s < pos && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        return s;
    }

    /** Where the sentence holding {@code pos} ends: just past its terminator, or the end of the note. */
    public int sentenceEnd(int pos) {
        for (int k = Math.max(pos, 0); k < text.length(); k++) {
            if (endsSentence(k)) {
                return k + 1;
            }
        }
        return text.length();
    }

    /** Whether the character at {@code k} ends a sentence ('.', '!', '?' before whitespace, ';' or a line break). */
    public boolean endsSentenceAt(int k) {
        return endsSentence(k);
    }

    /** Whether the character at {@code k} ends a sentence (see {@link #sentenceStart(int)}). */
    boolean endsSentence(int k) {
        char c = text.charAt(k);
        if (c == '\n' || c == '\r' || c == ';') {
            return true;
        }
        if (c == '.' || c == '!' || c == '?') {
            return k + 1 == text.length() || Character.isWhitespace(text.charAt(k + 1));
        }
        return false;
    }

    /**
     * Where a statement that the span ending at {@code end} is normal ends ("balance WNL", "Balance: within normal
     * limits", "proprioception is intact"), as negation reads one; -1 when none follows it.
     */
    public int normalAfter(int end) {
        return negationWords == null ? -1 : Negation.normalAfter(this, end);
    }

    /** The number of matches (each phrase occurrence once, whatever its lists). */
    public int size() {
        return size;
    }
}
