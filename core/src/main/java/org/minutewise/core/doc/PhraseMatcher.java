package org.minutewise.core.doc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Finds every phrase of a set of named phrase lists in a text, in one pass (an Aho-Corasick automaton
 * compiled to a dense transition table). Build it once per phrase set; it is immutable and thread-safe.
 *
 * <p>The table holds 16-bit state numbers (half the size of premultiplied ints, so the curated lists' table
 * stays in a core's L2 cache while the rest of a check runs); a phrase set with more than 65,535 states uses
 * 32-bit entries and a single chain. States that end a phrase are numbered last, so "this step ended a phrase"
 * is one comparison.
 *
 * <p>Matching rules:
 * <ul>
 *   <li>case-insensitive, char by char ({@link Character#toLowerCase(char)}), so offsets always point into the
 *       original text, whatever its characters;</li>
 *   <li>a run of whitespace or dashes in the text (spaces, tabs, line breaks, non-breaking spaces, '-', en and
 *       em dashes) matches one space of a phrase: "single-leg stance" matches "single leg stance" and
 *       "single-leg\n stance"; curly apostrophes match a straight one;</li>
 *   <li>a phrase matches only at word boundaries: where a phrase begins (ends) with a letter or digit, the
 *       character before (after) the match must not be one, so "cue" does not match inside "rescue";</li>
 *   <li>overlapping phrases all match: "worked on balance" also yields "balance".</li>
 * </ul>
 */
public final class PhraseMatcher {
    private static final char OTHER = 0;
    private static final char SEP = 1;
    private static final boolean[] ASCII_WORD = new boolean[128];

    /** {@link #normalize(char)} of each ASCII character, worked out once: the negation and field readers ask often. */
    private static final char[] ASCII_NORMAL = new char[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII_WORD[c] = Character.isLetterOrDigit((char) c);
            ASCII_NORMAL[c] = normalizeAny((char) c);
        }
    }

    /**
     * In {@link #negationRole(int)}: a negation word of the phrase after it ("no", {@link PhraseLists#NEGATION}), of
     * the phrase before it ("not needed", {@link PhraseLists#NEGATION_AFTER}).
     */
    static final int NEGATION_WORD = 1;
    static final int NEGATION_WORD_AFTER = 2;
    static final int NEGATION_WORDS = NEGATION_WORD | NEGATION_WORD_AFTER;
    /** In {@link #negationRole(int)}: where the bits of the negatable lists start. */
    static final int NEGATABLE_SHIFT = 2;

    /** Texts at least this long are scanned in four interleaved chains. */
    static final int CHAINS_FROM = 128;

    private static volatile Cached cached;

    private final char[] classOf;
    private final int alpha;
    /** Next state by state and class ({@code state * alpha + class}); null when the states do not fit 16 bits. */
    private final char[] delta;
    /** The same table with 32-bit entries, for a phrase set too large for {@link #delta}; else null. */
    private final int[] wideDelta;
    /** States numbered at or above this end a phrase (or lead to one along their failure links). */
    private final int firstEnding;
    /** Per state: the phrase it ends, or -1. */
    private final int[] out;
    /** Per state: the nearest state along its failure links that ends a phrase, or -1. */
    private final int[] dict;
    private final String[] phrases;
    private final char[][] phraseChars;
    private final boolean[] spaced;
    /** Per phrase: where its spaces are (empty for a phrase without one). */
    private final int[][] spaceAt;
    private final boolean[] firstWord;
    private final boolean[] lastWord;
    private final int[][] listsOf;
    /** Per phrase, a bit per list it belongs to: {@code listWords} longs from {@code phrase * listWords}. */
    private final long[] listBits;
    private final int listWords;
    private final String[] listNames;
    private final Map<String, Integer> listIndex;
    /** Per list: whether a negated match of it does not count ({@link PhraseLists#NEGATABLE}). */
    private final boolean[] negatableList;
    /**
     * Per phrase, its part in negation: {@link #NEGATION_WORD} when it is in {@link PhraseLists#NEGATION},
     * {@link #NEGATION_WORD_AFTER} when in {@link PhraseLists#NEGATION_AFTER}, and one bit per
     * {@link PhraseLists#NEGATABLE} list it belongs to from {@link #NEGATABLE_SHIFT} up (0 for most phrases).
     */
    private final int[] negationRole;
    /** The lists of negation words before and after a phrase, or -1 when the phrase set has none. */
    private final int negationList;
    private final int negationAfterList;
    /** The length of the longest phrase, in characters as written in the lists' normalized form. */
    private final int longestPhrase;
    /**
     * Per phrase, what {@link #emit} and {@link NoteScan#add} read of it packed in one int (one load where five
     * arrays and two of the phrase's own would be read): its length ({@link #LENGTH}), whether it has a space, begins
     * or ends with a letter or digit, is a negation word, and the one list it belongs to ({@link #ONE_LIST_SHIFT}: the
     * list + 1, 0 when it belongs to several).
     */
    private final int[] meta;
    static final int LENGTH = 0xFFFF;
    static final int SPACED = 1 << 16;
    static final int FIRST_WORD = 1 << 17;
    static final int LAST_WORD = 1 << 18;
    static final int NEGATION = 1 << 19;
    static final int ONE_LIST_SHIFT = 20;

    private record Cached(DocumentationPhrases phrases, PhraseMatcher matcher) {
    }

    /**
     * Compiles the lists (list name to phrases). A phrase is lower-cased and its separators collapsed; the same
     * phrase may sit in several lists.
     *
     * @throws IllegalArgumentException for a phrase with no letter or digit
     */
    public PhraseMatcher(Map<String, List<String>> lists) {
        Objects.requireNonNull(lists, "lists");
        Map<String, List<String>> sorted = new TreeMap<>(lists);
        listNames = sorted.keySet().toArray(new String[0]);
        for (int i = 0; i < listNames.length; i++) {
            listNames[i] = listNames[i].intern();
        }
        Map<String, Integer> li = new HashMap<>();
        for (int i = 0; i < listNames.length; i++) {
            li.put(listNames[i], i);
        }
        listIndex = Collections.unmodifiableMap(li);
        negatableList = new boolean[listNames.length];
        for (int i = 0; i < listNames.length; i++) {
            negatableList[i] = PhraseLists.NEGATABLE.contains(listNames[i]);
        }
        negationList = li.getOrDefault(PhraseLists.NEGATION, -1);
        negationAfterList = li.getOrDefault(PhraseLists.NEGATION_AFTER, -1);

        // Unique normalized phrases, and the lists each belongs to.
        Map<String, Integer> idOf = new HashMap<>();
        List<String> ps = new ArrayList<>();
        List<List<Integer>> ls = new ArrayList<>();
        int l = 0;
        for (Map.Entry<String, List<String>> e : sorted.entrySet()) {
            for (String raw : e.getValue()) {
                String p = normalizePhrase(raw);
                Integer id = idOf.get(p);
                if (id == null) {
                    id = ps.size();
                    idOf.put(p, id);
                    ps.add(p);
                    ls.add(new ArrayList<>());
                }
                List<Integer> memberOf = ls.get(id);
                if (!memberOf.contains(l)) {
                    memberOf.add(l);
                }
            }
            l++;
        }
        int np = ps.size();
        listWords = (listNames.length + 63) >>> 6;
        listBits = new long[Math.max(1, np * listWords)];
        phrases = ps.toArray(new String[0]);
        phraseChars = new char[np][];
        spaced = new boolean[np];
        spaceAt = new int[np][];
        firstWord = new boolean[np];
        lastWord = new boolean[np];
        listsOf = new int[np][];
        negationRole = new int[np];
        int longest = 0;
        for (int p = 0; p < np; p++) {
            longest = Math.max(longest, phrases[p].length());
            phraseChars[p] = phrases[p].toCharArray();
            spaced[p] = phrases[p].indexOf(' ') >= 0;
            int spaces = 0;
            for (char c : phraseChars[p]) {
                spaces += c == ' ' ? 1 : 0;
            }
            spaceAt[p] = new int[spaces];
            for (int j = 0, at = 0; j < phraseChars[p].length; j++) {
                if (phraseChars[p][j] == ' ') {
                    spaceAt[p][at++] = j;
                }
            }
            firstWord[p] = isWord(phraseChars[p][0]);
            lastWord[p] = isWord(phraseChars[p][phraseChars[p].length - 1]);
            listsOf[p] = ls.get(p).stream().mapToInt(Integer::intValue).toArray();
            for (int memberOf : listsOf[p]) {
                listBits[p * listWords + (memberOf >>> 6)] |= 1L << memberOf;
                int bit = PhraseLists.NEGATABLE.indexOf(listNames[memberOf]);
                negationRole[p] |= bit < 0 ? 0 : 1 << (NEGATABLE_SHIFT + bit);
                negationRole[p] |= memberOf == negationList ? NEGATION_WORD : 0;
                negationRole[p] |= memberOf == negationAfterList ? NEGATION_WORD_AFTER : 0;
            }
        }
        longestPhrase = longest;
        meta = new int[np];
        for (int p = 0; p < np; p++) {
            int len = phraseChars[p].length;
            meta[p] = (len <= LENGTH ? len : 0) | (spaced[p] || len > LENGTH ? SPACED : 0)
                    | (firstWord[p] ? FIRST_WORD : 0) | (lastWord[p] ? LAST_WORD : 0)
                    | ((negationRole[p] & NEGATION_WORDS) != 0 ? NEGATION : 0)
                    | (listsOf[p].length == 1 && listsOf[p][0] < (1 << (31 - ONE_LIST_SHIFT)) - 1
                    ? (listsOf[p][0] + 1) << ONE_LIST_SHIFT : 0);
        }

        // The alphabet: OTHER, SEP, then every other character the phrases use.
        char[] phraseClass = new char[65536];
        int a = 2;
        for (char[] pc : phraseChars) {
            for (char c : pc) {
                if (c != ' ' && phraseClass[c] == 0) {
                    if (a == 65536) {
                        throw new IllegalArgumentException("too many distinct characters in the phrases");
                    }
                    phraseClass[c] = (char) a++;
                }
            }
        }
        alpha = a;
        classOf = new char[65536];
        for (int c = 0; c < 65536; c++) {
            char n = normalize((char) c);
            classOf[c] = n == ' ' ? SEP : phraseClass[n];
        }

        // The trie.
        int cap = 64;
        int[] go = new int[cap * alpha];
        Arrays.fill(go, -1);
        int[] own = new int[cap];
        Arrays.fill(own, -1);
        boolean[] sepEnded = new boolean[cap];
        int states = 1;
        for (int p = 0; p < np; p++) {
            int s = 0;
            for (char c : phraseChars[p]) {
                int k = c == ' ' ? SEP : phraseClass[c];
                int next = go[s * alpha + k];
                if (next < 0) {
                    if (states == cap) {
                        int old = cap;
                        cap *= 2;
                        go = Arrays.copyOf(go, cap * alpha);
                        Arrays.fill(go, old * alpha, cap * alpha, -1);
                        own = Arrays.copyOf(own, cap);
                        Arrays.fill(own, old, cap, -1);
                        sepEnded = Arrays.copyOf(sepEnded, cap);
                    }
                    next = states++;
                    go[s * alpha + k] = next;
                    sepEnded[next] = k == SEP;
                }
                s = next;
            }
            own[s] = p;
        }

        // Failure links breadth first, turned into a full transition table.
        int[] fail = new int[states];
        int[] next = new int[states * alpha];
        int[] dictLink = new int[states];
        Arrays.fill(dictLink, -1);
        int[] queue = new int[states];
        int head = 0;
        int tail = 0;
        for (int k = 0; k < alpha; k++) {
            int u = go[k];
            if (u > 0) {
                fail[u] = 0;
                queue[tail++] = u;
                next[k] = u;
            } else {
                next[k] = 0;
            }
        }
        while (head < tail) {
            int r = queue[head++];
            for (int k = 0; k < alpha; k++) {
                int u = go[r * alpha + k];
                if (u >= 0) {
                    int f = next[fail[r] * alpha + k];
                    fail[u] = f;
                    dictLink[u] = own[f] >= 0 ? f : dictLink[f];
                    queue[tail++] = u;
                    next[r * alpha + k] = u;
                } else {
                    next[r * alpha + k] = next[fail[r] * alpha + k];
                }
            }
            if (sepEnded[r]) {
                // A run of separators is one space: stay put on the second and later ones.
                next[r * alpha + SEP] = r;
            }
        }
        // Renumber the states breadth first, so the shallow states a scan spends most of its time in share a few
        // cache lines; those that end a phrase (themselves or along their failure links) go last, so a scan tells
        // a step that ends one by comparing the state number with firstEnding.
        boolean[] ending = new boolean[states];
        int plain = 0;
        for (int r = 0; r < states; r++) {
            ending[r] = own[r] >= 0 || dictLink[r] >= 0;
            if (!ending[r]) {
                plain++;
            }
        }
        firstEnding = plain;
        int[] rank = new int[states];
        int nextPlain = 1;
        int nextEnding = plain;
        rank[0] = 0;
        for (int q = 0; q < tail; q++) {
            int r = queue[q];
            rank[r] = ending[r] ? nextEnding++ : nextPlain++;
        }
        boolean narrow = states <= 0xFFFF;
        delta = narrow ? new char[states * alpha] : null;
        wideDelta = narrow ? null : new int[states * alpha];
        out = new int[states];
        dict = new int[states];
        for (int r = 0; r < states; r++) {
            int nr = rank[r];
            out[nr] = own[r];
            dict[nr] = dictLink[r] < 0 ? -1 : rank[dictLink[r]];
            for (int k = 0; k < alpha; k++) {
                int u = rank[next[r * alpha + k]];
                if (narrow) {
                    delta[nr * alpha + k] = (char) u;
                } else {
                    wideDelta[nr * alpha + k] = u;
                }
            }
        }
    }

    /** The compiled matcher of a phrase set; the last one built is kept, so a run with one set compiles once. */
    public static PhraseMatcher of(DocumentationPhrases phrases) {
        Cached c = cached;
        if (c != null && c.phrases() == phrases) {
            return c.matcher();
        }
        PhraseMatcher m = new PhraseMatcher(phrases.lists());
        cached = new Cached(phrases, m);
        return m;
    }

    /** How the matcher sees one character: lower case, separators as a space, curly apostrophes straight. */
    public static char normalize(char c) {
        return c < 128 ? ASCII_NORMAL[c] : normalizeAny(c);
    }

    private static char normalizeAny(char c) {
        if (isSeparator(c)) {
            return ' ';
        }
        if (c == '\u2018' || c == '\u2019' || c == '\u02BC') {
            return '\'';
        }
        return Character.toLowerCase(c);
    }

    /** Whitespace (including non-breaking spaces) and dashes: a run of them matches one space of a phrase. */
    public static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || (c >= '\u2010' && c <= '\u2015');
    }

    /** A letter or digit: what a word boundary separates. */
    public static boolean isWord(char c) {
        return c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
    }

    /**
     * A phrase as the matcher stores it: normalized char by char, separator runs collapsed to one space, trimmed.
     *
     * @throws IllegalArgumentException when nothing of it is a letter or digit
     */
    public static String normalizePhrase(String phrase) {
        StringBuilder sb = new StringBuilder(phrase.length());
        boolean word = false;
        for (int i = 0; i < phrase.length(); i++) {
            char n = normalize(phrase.charAt(i));
            if (n == ' ') {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
                    sb.append(' ');
                }
            } else {
                word |= isWord(n);
                sb.append(n);
            }
        }
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == ' ') {
            sb.setLength(len - 1);
        }
        if (!word) {
            throw new IllegalArgumentException("a phrase needs a letter or digit: \"" + phrase + "\"");
        }
        return sb.toString();
    }

    /**
     * Scans a text once; the result groups the matches by list. When the phrase set has negation words
     * ({@link PhraseLists#NEGATION}, {@link PhraseLists#NEGATION_AFTER}), a match of a negatable list that its
     * sentence negates ("no VC or TC needed") is then taken out of that list ({@link Negation}): the work is done
     * only around the negation words found, so a note without any costs nothing more.
     *
     * <p>A long text is cut in four parts scanned side by side in one loop: each step of the automaton waits for
     * the table lookup of the step before, and four independent chains keep the processor busy meanwhile. The
     * chain of a part runs on past its end until its state falls back to the root (from there on it would only
     * repeat what the next chain finds), and reports only the matches that start inside its part.
     */
    public NoteScan scan(String text) {
        NoteScan scan = new NoteScan(this, text);
        fill(text, scan);
        if (negationList >= 0 || negationAfterList >= 0) {
            Negation.apply(scan);
        }
        CueAim.apply(scan); // "VC for upright posture": no posture deficit
        scan.index();
        return scan;
    }

    /** The automaton's pass: every match into the scan. */
    private void fill(String text, NoteScan scan) {
        final int n = text.length();
        // One bulk copy (an intrinsic) instead of a charAt, with its bounds and coder checks, per step.
        final char[] t = new char[n];
        text.getChars(0, n, t, 0);
        if (delta == null) {
            finishWide(t, scan);
            return;
        }
        if (n < CHAINS_FROM) {
            finish(t, 0, 0, n, scan);
            return;
        }
        final char[] cls = classOf;
        final char[] d = delta;
        final int a = alpha;
        final int last = firstEnding - 1;
        final int b1 = n >>> 2;
        final int b2 = n >>> 1;
        final int b3 = b2 + b1;
        final int len = b1;
        int s0 = 0;
        int s1 = 0;
        int s2 = 0;
        int s3 = 0;
        for (int k = 0; k < len; k++) {
            s0 = d[s0 * a + cls[t[k]]];
            s1 = d[s1 * a + cls[t[b1 + k]]];
            s2 = d[s2 * a + cls[t[b2 + k]]];
            s3 = d[s3 * a + cls[t[b3 + k]]];
            if (((last - s0) | (last - s1) | (last - s2) | (last - s3)) < 0) {
                // Inside its own part a chain's matches all start inside the part: nothing to filter.
                if (s0 > last) {
                    emit(t, k, s0, n, scan);
                }
                if (s1 > last) {
                    emit(t, b1 + k, s1, n, scan);
                }
                if (s2 > last) {
                    emit(t, b2 + k, s2, n, scan);
                }
                if (s3 > last) {
                    emit(t, b3 + k, s3, n, scan);
                }
            }
        }
        finish(t, len, s0, b1, scan);
        finish(t, b1 + len, s1, b2, scan);
        finish(t, b2 + len, s2, b3, scan);
        finish(t, b3 + len, s3, n, scan);
    }

    /**
     * Runs one chain from {@code from} in state {@code s}: to the end of its part, then on until its state is the
     * root, reporting matches that start before {@code partEnd}.
     */
    private void finish(char[] text, int from, int s, int partEnd, NoteScan scan) {
        final char[] cls = classOf;
        final char[] d = delta;
        final int a = alpha;
        final int n = text.length;
        for (int i = from; i < n; i++) {
            if (s == 0 && i >= partEnd) {
                return;
            }
            s = d[s * a + cls[text[i]]];
            if (s >= firstEnding) {
                emit(text, i, s, partEnd, scan);
            }
        }
    }

    /** The whole text in one chain, for a phrase set whose states do not fit 16 bits. */
    private void finishWide(char[] text, NoteScan scan) {
        final char[] cls = classOf;
        final int[] d = wideDelta;
        final int n = text.length;
        int s = 0;
        for (int i = 0; i < n; i++) {
            s = d[s * alpha + cls[text[i]]];
            if (s >= firstEnding) {
                emit(text, i, s, n, scan);
            }
        }
    }

    /** Every match in a text, in order of start (then end), one per list a matched phrase belongs to. */
    public List<PhraseMatch> match(String text) {
        return scan(text).all();
    }

    private void emit(char[] text, int last, int state, int startsBefore, NoteScan scan) {
        int end = last + 1;
        boolean wordAfter = end < text.length && isWord(text[end]);
        int st = out[state] >= 0 ? state : dict[state];
        while (st >= 0) {
            int p = out[st];
            int m = meta[p];
            if (!(wordAfter && (m & LAST_WORD) != 0)) {
                // Without a space in the phrase no run of separators was collapsed: the length says where it starts.
                int start = (m & SPACED) != 0 ? startOf(text, last, p) : end - (m & LENGTH);
                if (start < startsBefore && !((m & FIRST_WORD) != 0 && start > 0 && isWord(text[start - 1]))) {
                    scan.add(p, m, start, end);
                }
            }
            st = dict[st];
        }
    }

    /**
     * Where a phrase known to end at {@code last} begins. Mostly each space of the phrase matched one separator,
     * so the phrase's length says where: that holds when, at each space of the phrase counted from that start,
     * the text has a separator with no separator before it (the text after it lines up, from the end). Else walk
     * back, a space of the phrase eating a run.
     */
    private int startOf(char[] text, int last, int p) {
        int len = meta[p] & LENGTH;
        int guess = last + 1 - (len != 0 ? len : phraseChars[p].length);
        if (guess >= 0) {
            final char[] cls = classOf;
            boolean single = true;
            for (int j : spaceAt[p]) {
                if (cls[text[guess + j]] != SEP || cls[text[guess + j - 1]] == SEP) {
                    single = false;
                    break;
                }
            }
            if (single) {
                return guess;
            }
        }
        char[] pc = phraseChars[p];
        int k = last;
        for (int j = pc.length - 1; j >= 0; j--) {
            if (pc[j] == ' ') {
                while (k >= 0 && classOf[text[k]] == SEP) {
                    k--;
                }
            } else {
                k--;
            }
        }
        return k + 1;
    }

    /** The list names, sorted. */
    public List<String> listNames() {
        return List.of(listNames);
    }

    /** The number of distinct phrases compiled. */
    public int phraseCount() {
        return phrases.length;
    }

    /** True when the table holds 32-bit entries (more than 65,535 states). */
    boolean wide() {
        return wideDelta != null;
    }

    int listIndex(String list) {
        // The rules name lists by constants (interned strings, whose hash is worked out once): the map finds one by
        // its hash and a reference comparison, where a walk over the 46 names took some twenty comparisons.
        Integer i = listIndex.get(list);
        return i == null ? -1 : i;
    }

    int listCount() {
        return listNames.length;
    }

    String listName(int i) {
        return listNames[i];
    }

    /** The phrase's packed facts ({@link #meta}). */
    int meta(int phrase) {
        return meta[phrase];
    }

    int[] listsOf(int phrase) {
        return listsOf[phrase];
    }

    String phrase(int phrase) {
        return phrases[phrase];
    }

    /** Whether a negated match of the list does not count. */
    boolean negatable(int list) {
        return negatableList[list];
    }

    /** The phrase's part in negation: {@link #NEGATION_WORD}, {@link #NEGATION_WORD_AFTER}, negatable list bits. */
    int negationRole(int phrase) {
        return negationRole[phrase];
    }

    /** One bit per {@link PhraseLists#NEGATABLE} list the phrase belongs to. */
    int negatableMask(int phrase) {
        return negationRole[phrase] >>> NEGATABLE_SHIFT;
    }

    /**
     * The longest phrase's length: a bound on how far a match may reach past its start (separator runs in the text
     * may make a match longer; a bound used only to narrow a search is enough).
     */
    int longestPhrase() {
        return longestPhrase;
    }

    /** The list of negation words before a phrase, or -1. */
    int negationList() {
        return negationList;
    }

    /** The list of negation words after a phrase, or -1. */
    int negationAfterList() {
        return negationAfterList;
    }

    boolean inList(int phrase, int list) {
        return list >= 0 && (listBits[phrase * listWords + (list >>> 6)] & 1L << list) != 0;
    }
}
