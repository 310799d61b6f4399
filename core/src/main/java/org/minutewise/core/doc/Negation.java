package org.minutewise.core.doc;

import java.util.Arrays;

/**
 * Whether a note's sentence negates a phrase matched in it: "no VC or TC needed", "did not require assistance or
 * guarding", "denies unsteadiness", "cues not needed". A negated match of a negatable list
 * ({@link PhraseLists#NEGATABLE}: skilled input, deficit, balance deficit, function) does not count for that list:
 * "no VC needed" is no skilled input, "denies unsteadiness" no deficit, "no falls" no function the deficit limits.
 * Before a function "no longer" states a loss, not an absence ("no longer driving"), and a negation reaches a function
 * over signs of the other lists joined as items ("denies dizziness, LOB or falls").
 *
 * <p>The negation words are reference data, found by the same scan as every phrase: {@link PhraseLists#NEGATION}
 * before the phrase they negate ("no", "without", "w/o", "denies", "did not require"), {@link
 * PhraseLists#NEGATION_AFTER} after it ("not needed", "not required"). Only the few words between a negation word
 * and a phrase near it are read, so a note without negation words costs nothing more, and one with them little.
 *
 * <p>A negation word before a phrase negates it when, in the same sentence:
 * <ul>
 *   <li>at most {@value #WORDS_BEFORE} words lie between them ("did not require any type of verbal or tactile
 *       cueing"): the clause's words, since its breaks end the reach anyway;</li>
 *   <li>none of those words ends the negation's reach: a word that starts another statement ({@link #KINDS}, {@link #STOP}: with,
 *       w/, but, however, except, then, due, ...: "no LOB with min A and TC at pelvis", "no LOB but required min
 *       A"), a word that completes the negated statement once a word is between ("needed", "used", "noted", ...:
 *       "no AD used during gait training on level surfaces min A"), a subject or a time after the first word
 *       ({@link #NEW_STATEMENT}: "no AD in the home today gait unsteady"), nor a colon or a parenthesis; "with" right
 *       after a word for trouble goes on ("no difficulty with balance", "no problems w/ balance");</li>
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
 * same terms (but no comma without a list of items), with at most {@value #WORDS_AFTER} words between; one that says
 * the phrase is normal ({@link #NORMAL}: "balance WNL", "proprioception intact", "within normal limits") negates a
 * deficit only, never a cue ("VC to keep SpO2 WNL"). A deferral ("deferred", "NT", "not tested", "held today") covers
 * every bare item of a list before it in its clause ({@link ItemList#runsTo}); one that heads a list, at its clause's
 * start with a colon or dash after it ("Deferred: balance, gait.", "NT: balance", "Held: vestibular testing"), covers
 * every phrase after it to the end of its clause ({@link ItemList#headedFrom}), or, when it ends its line, the
 * bulleted lines below it ("Deferred:\n- balance\n- gait"; {@link ItemList#headedSpans}). Either way a balance deficit stated in
 * words stays stated ("Impaired balance, gait deferred", "Deferred: impaired balance, gait"). A field of a template that states an absence ("Cues: none",
 * "Balance deficit: none noted", "Assist - n/a") negates its label ({@link TemplateFields}); a negation word that
 * is a field's value does not reach the next field's label ("Cues: none   Assist: min A"). A phrase
 * inside a negated phrase of one of its lists is negated with it ("balance" in "no loss of balance"). Words are
 * runs of letters, digits, apostrophes and slashes ("w/", "c/o", "VC/TC", "2/2").
 *
 * <p>What is not negation stays skilled input or a deficit: "decreased need for VC", "not independent with
 * transfers", "needs min A to stand".
 */
final class Negation {
    /** The most words between a negation word and the phrase after it that it negates. */
    static final int WORDS_BEFORE = 8;
    /** The most words between a phrase and the negation word after it ("VC for foot placement not needed"). */
    static final int WORDS_AFTER = 4;
    /** How many words before a negation word one that negates it in turn is looked for ("unable to stand"). */
    static final int WORDS_CANCEL = 6;
    /** No gap longer than this many characters is read, whatever its words: a bound on the work per match. */
    private static final int REACH = 100;

    /** Kinds of words ({@link #KINDS}): a word that ends a negation's reach, what follows it another statement. */
    static final int STOP = 1;
    /**
     * Of the {@link #STOP} words, those that are the negated verb itself right after the negation word ("no longer
     * required assist") but end its reach after another word ("no AD needed, VC for step length").
     */
    static final int STOP_LATER = 1 << 1;
    /** A word that joins two statements or two items of a list, like a comma. */
    static final int JOIN = 1 << 2;
    /** A word that may join the items of one negation's list ("no VC, TC or facilitation"). */
    static final int CONJUNCTION = 1 << 3;
    /** A word that negates a negation word a few words after it: a double negation states a need. */
    static final int CANCEL = 1 << 4;
    /** A word right after a negation word that makes it a comparison, not a negation ("no more than min A"). */
    static final int COMPARISON = 1 << 5;
    /** A word that may come before a comparison word: "no significant change in balance". */
    static final int COMPARISON_LEAD = 1 << 6;
    /** A word after a list of items that tells the list was negated ("no verbal, tactile or visual cues needed"). */
    static final int NEED = 1 << 7;
    /** A form of "to be" between the items and that word: "no VC or TC were needed". */
    static final int BE = 1 << 8;
    /**
     * A word for trouble right after a negation word, which "with" then does not end: "no difficulty with balance",
     * "without problems with balance".
     */
    static final int TROUBLE = 1 << 9;
    /** The word after a {@link #TROUBLE} word that goes on to what the trouble is with: "with", "w/". */
    static final int WITH = 1 << 10;
    /**
     * A negation word after a phrase that says it is normal ("balance WNL", "proprioception intact"): it negates a
     * deficit, not a cue ("VC to keep SpO2 WNL").
     */
    static final int NORMAL = 1 << 11;
    /**
     * A negation word after a phrase that negates only as a template field's value ("LOB: 0", "Cues: nil"), never
     * across words ("dizziness 0/10" is left to the pain scale's reader, "x 0 reps" to nobody).
     */
    static final int FIELD_ONLY = 1 << 12;
    /**
     * A word that starts another statement when a negation word before a phrase has already reached over a word: a
     * subject ("pt", "patient", "she") or a time ("today", "currently") after what was negated. A run-on note says
     * "no assistive device in the home today gait unsteady": the gait is unsteady. Right after the negation word it
     * goes on ("no pt complaints of dizziness"), after a {@link #LEADS_ON} word too ("no reports from pt of
     * dizziness", "no complaints today of dizziness", "no further PT cues"), and "PT" in capitals is the discipline,
     * not the patient ("no hands-on PT assistance"); a negation word after a phrase reaches back over it ("VC for pt
     * not needed").
     */
    static final int NEW_STATEMENT = 1 << 13;
    /**
     * A word after which a {@link #NEW_STATEMENT} word goes on with the negated thing: a preposition, a determiner
     * or quantifier, or what a complaint is ("no reports from pt of dizziness", "without any pt cues", "no signs
     * she is unsteady", "no episodes currently of LOB").
     */
    static final int LEADS_ON = 1 << 14;
    /**
     * A negation word after a phrase that defers it ("deferred", "NT", "held today", "not tested", "not assessed"): it
     * covers every bare item of a list before it in its clause ("balance, gait and proprioception deferred"; {@link
     * ItemList}), not only the last.
     */
    static final int DEFER = 1 << 15;
    /** The word after "not" that makes it a deferral: "not tested", "not assessed". */
    static final int TESTED = 1 << 16;
    /**
     * A word for when between a deferral that heads a list and its colon or dash: "Deferred today - balance",
     * "Held this visit: Berg" ({@link ItemList#headedFrom}).
     */
    static final int WHEN = 1 << 17;
    /**
     * A word that gives a reason, which ends a list a deferral heads: "Deferred: stairs d/t unsteadiness" defers the
     * stairs, the unsteadiness is stated ({@link ItemList#headedTo}; the {@link #STOP} words end it too).
     */
    static final int REASON = 1 << 18;
    /**
     * A deferral word after a phrase that holds its colon ("held:"): it only heads a list ("Held: vestibular testing,
     * BERG"), never negates the phrase before it ("sitting balance held: 2 min").
     */
    static final int HEADING_ONLY = 1 << 19;
    /** The bit of {@link PhraseLists#BALANCE_DEFICIT} in a match's negatable mask. */
    private static final int BALANCE_DEFICIT_MASK = 1 << PhraseLists.NEGATABLE.indexOf(PhraseLists.BALANCE_DEFICIT);
    /** The bit of {@link PhraseLists#SKILLED} in a match's negatable mask. */
    private static final int SKILLED_MASK = 1 << PhraseLists.NEGATABLE.indexOf(PhraseLists.SKILLED);
    /** The bit of {@link PhraseLists#FUNCTION} in a match's negatable mask. */
    private static final int FUNCTION_MASK = 1 << PhraseLists.NEGATABLE.indexOf(PhraseLists.FUNCTION);
    /**
     * The negatable lists but skilled input: a function's negation may reach over items of these ("denies dizziness,
     * LOB or falls"), where an assistance between states another thing ("no LOB, min A transfers").
     */
    private static final int SIGN_MASK = (1 << PhraseLists.NEGATABLE.size()) - 1 & ~SKILLED_MASK;
    /** Bits of a list mask in {@link #cancelMemo}: one per negatable list. */
    private static final int MASK_BITS = PhraseLists.NEGATABLE.size();

    /** The words the negation test knows, with their kinds. */
    static final Lexicon KINDS = new Lexicon()
            .with(STOP, "with", "w/", "but", "however", "though", "although", "except", "yet", "still", "while",
                    "whereas", "then", "after", "until", "unless", "because", "due", "secondary", "2/2", "since",
                    "so", "when", "if", "which", "who", "needed", "required", "req'd", "used", "noted", "observed",
                    "reported", "given", "provided")
            .with(STOP_LATER, "needed", "required", "req'd", "used", "noted", "observed", "reported", "given",
                    "provided")
            .with(JOIN, "and", "plus")
            .with(CONJUNCTION, "or", "nor", "and", "plus", "/")
            .with(CANCEL, "not", "unable", "cannot", "can't", "cant", "unsafe", "inability", "difficulty")
            .with(COMPARISON, "more", "less", "fewer", "change", "changes", "changed", "increase", "increased",
                    "decrease", "improvement", "improved", "worse", "difference", "only", "just")
            .with(COMPARISON_LEAD, "significant", "further", "real")
            .with(NEED, "needed", "required", "necessary", "req'd", "given", "provided", "used", "noted",
                    "observed", "reported")
            .with(BE, "is", "are", "was", "were", "be", "been")
            .with(TROUBLE, "difficulty", "difficulties", "problem", "problems", "trouble", "issue", "issues",
                    "concerns", "complaints")
            .with(WITH, "with", "w/")
            .with(NORMAL, "wnl", "wfl", "intact", "within", "unremarkable")
            .with(FIELD_ONLY, "0", "zero", "nil")
            .with(DEFER, "deferred", "nt", "held")
            .with(TESTED, "tested", "assessed")
            .with(WHEN, "today", "tonight", "now", "currently", "presently", "this", "visit", "session", "date",
                    "tx", "time", "at", "for")
            .with(REASON, "d/t", "dt", "as", "b/c", "bc", "per")
            .with(NEW_STATEMENT, "pt", "patient", "he", "she", "they", "today", "tonight", "yesterday", "currently",
                    "now")
            .with(LEADS_ON, "of", "from", "for", "to", "by", "on", "in", "at", "about", "any", "further",
                    "additional", "more", "extra", "all", "some", "the", "a", "an", "this", "that", "his", "her",
                    "their", "complaints", "complaint", "c/o", "reports", "report", "episodes", "episode", "signs",
                    "sign", "evidence", "history", "hx", "symptoms", "instances", "incidents", "concerns");

    private final NoteScan scan;
    private final String text;
    private final PhraseMatcher matcher;
    /** Negation words before a phrase: start and end, in order of end. */
    private final int[] beforeStart;
    private final int[] beforeEnd;
    /** Negation words after a phrase: their starts, in order. */
    private final int[] afterStart;
    /**
     * Per negation word after a phrase: its {@link #NORMAL}, {@link #FIELD_ONLY}, {@link #DEFER} and {@link
     * #HEADING_ONLY} bits; null when all are 0.
     */
    private final int[] afterKind;
    /**
     * The lists deferral words head ("Deferred: balance, gait."): pairs of where each begins and ends ({@link
     * ItemList#headedFrom}, {@link ItemList#headedTo}); null when there is none, as in most notes.
     */
    private final int[] headed;
    /** The scan's number of matches; those of negatable lists are the ones negation may take out. */
    private final int size;
    /** Per negation word (before) and list mask: 0 not yet known, 1 negated itself, 2 not. */
    private byte[] cancelMemo;
    /** Set by {@link #read}: whether a comma, dash or "and" is among the words read; their first two words' kinds. */
    private boolean joined;
    private int firstKind;
    private int secondKind;

    private Negation(NoteScan scan, int[] beforeStart, int[] beforeEnd, int[] afterStart, int[] afterKind,
                     int[] headed) {
        this.scan = scan;
        this.text = scan.text();
        this.matcher = scan.matcher();
        this.beforeStart = beforeStart;
        this.beforeEnd = beforeEnd;
        this.afterStart = afterStart;
        this.afterKind = afterKind;
        this.headed = headed;
        this.size = scan.size();
    }

    /** Takes every match its sentence negates out of the negatable lists (the scan is complete). */
    static void apply(NoteScan scan) {
        PhraseMatcher m = scan.matcher();
        int nb = scan.countAt(m.negationList());
        int na = scan.countAt(m.negationAfterList());
        TemplateFields.applyLevels(scan); // "Assist: Independent", "Assist: SBA"
        if (nb + na == 0 || !scan.anyNegatable()) {
            return;
        }
        TemplateFields.apply(scan); // "Cues: none", "Balance deficit: none noted"
        int[] bs = new int[nb];
        int[] be = new int[nb];
        int[] as = new int[na];
        int[] ae = new int[na];
        int b = 0;
        int a = 0;
        for (int i = 0; i < scan.negationWordCount(); i++) {
            int k = scan.negationWordAt(i);
            int role = m.negationRole(scan.phraseAt(k));
            if ((role & PhraseMatcher.NEGATION_WORD) != 0) {
                bs[b] = scan.startAt(k);
                be[b++] = scan.endAt(k);
            }
            if ((role & PhraseMatcher.NEGATION_WORD_AFTER) != 0) {
                as[a] = scan.startAt(k);
                ae[a++] = scan.endAt(k);
            }
        }
        // A few negation words, mostly in order already (a long note's scan runs in four chains).
        sortByEnd(bs, be);
        sortByEnd(ae, as); // by start (the second array), their ends along
        int[] kinds = afterKinds(scan.text(), as, ae);
        new Negation(scan, bs, be, as, kinds, headedLists(scan, as, ae, kinds)).resolve();
    }

    /**
     * The lists that deferral words head ({@link ItemList#headedFrom}: "Deferred: balance, gait."), as pairs of
     * where each begins and ends; null when no deferral word heads one.
     */
    private static int[] headedLists(NoteScan scan, int[] starts, int[] ends, int[] kinds) {
        int[] out = null;
        int n = 0;
        for (int i = 0; kinds != null && i < starts.length; i++) {
            if ((kinds[i] & DEFER) == 0) {
                continue;
            }
            int from = ItemList.headedFrom(scan, starts[i], ends[i]);
            if (from >= 0) {
                for (int span : ItemList.headedSpans(scan, from)) {
                    out = add(out, n++, span); // the clause's, or each bullet's below a heading that ends its line
                }
            }
        }
        return out == null ? null : Arrays.copyOf(out, n);
    }

    /**
     * Per negation word after a phrase: its {@link #NORMAL}, {@link #FIELD_ONLY} and {@link #DEFER} bits (the first
     * word's kind; "not tested" defers), and {@link #HEADING_ONLY} for a deferral that holds its colon ("held:");
     * null when none has any.
     */
    private static int[] afterKinds(String text, int[] starts, int[] ends) {
        int[] out = null;
        for (int i = 0; i < starts.length; i++) {
            int e = starts[i];
            while (e < text.length() && PhraseMatcher.isWord(text.charAt(e))) {
                e++; // letters and digits: "0" of "0/10"
            }
            int kind = KINDS.kind(text, starts[i], e) & (NORMAL | FIELD_ONLY | DEFER);
            if (kind == 0 && e - starts[i] == 3 && text.regionMatches(true, starts[i], "not", 0, 3)) {
                int s = e;
                while (s < text.length() && PhraseMatcher.isSeparator(text.charAt(s))) {
                    s++;
                }
                int t = s;
                while (t < text.length() && PhraseMatcher.isWord(text.charAt(t))) {
                    t++;
                }
                kind = (KINDS.kind(text, s, t) & TESTED) != 0 ? DEFER : 0; // "not tested", "not assessed"
            }
            if ((kind & DEFER) != 0 && ItemList.holdsItsColon(text, starts[i], ends[i])) {
                kind |= HEADING_ONLY; // "held:"
            }
            if (kind != 0) {
                if (out == null) {
                    out = new int[starts.length];
                }
                out[i] = kind;
            }
        }
        return out;
    }

    /** Sorts the spans by end, their starts along (insertion: a handful of them, nearly in order). */
    private static void sortByEnd(int[] starts, int[] ends) {
        for (int i = 1; i < ends.length; i++) {
            int s = starts[i];
            int e = ends[i];
            int j = i - 1;
            while (j >= 0 && ends[j] > e) {
                starts[j + 1] = starts[j];
                ends[j + 1] = ends[j];
                j--;
            }
            starts[j + 1] = s;
            ends[j + 1] = e;
        }
    }

    private void resolve() {
        // Where a negation word may reach: after the first one (before) to the last one's reach; from the reach of
        // the first one (after) to the last one. Most matches of a note lie outside both.
        int beforeFrom = beforeEnd.length == 0 ? Integer.MAX_VALUE : beforeEnd[0];
        int beforeTo = beforeEnd.length == 0 ? -1 : beforeEnd[beforeEnd.length - 1] + REACH;
        int afterFrom = afterStart.length == 0 ? Integer.MAX_VALUE : afterStart[0] - REACH;
        int afterTo = afterStart.length == 0 ? -1 : afterStart[afterStart.length - 1];
        // A match inside a negated one starts at most a phrase's length past these bounds.
        int longest = matcher.longestPhrase();
        int[] negated = null;
        int n = 0;
        int[] others = null;
        int o = 0;
        for (int k = 0; k < size; k++) {
            int s = scan.startAt(k);
            int e = scan.endAt(k);
            if (headed != null && mask(k) != 0 && inHeaded(s, e) && !inBalanceDeficit(s, e)) {
                scan.negate(k); // "Deferred: balance, gait."
                negated = add(negated, n++, k);
                continue;
            }
            // Where the match is first (most matches lie far from any negation word), then what it is.
            if ((s < beforeFrom || s > beforeTo + longest) && (e < afterFrom - longest || e > afterTo)
                    || mask(k) == 0) {
                continue;
            }
            if (s >= beforeFrom && s <= beforeTo && negatedBefore(k)
                    || e >= afterFrom && e <= afterTo && negatedAfter(k)) {
                scan.negate(k);
                negated = add(negated, n++, k);
            } else if (s >= beforeFrom && s <= beforeTo + longest || e >= afterFrom - longest && e <= afterTo) {
                others = add(others, o++, k);
            }
        }
        // A phrase inside a negated phrase of one of its lists goes with it: "balance" in "no loss of balance".
        for (int i = 0; i < o; i++) {
            int k = others[i];
            for (int j = 0; j < n; j++) {
                int outer = negated[j];
                if (scan.startAt(k) >= scan.startAt(outer) && scan.endAt(k) <= scan.endAt(outer)
                        && (mask(k) & mask(outer)) != 0) {
                    scan.negate(k);
                    break;
                }
            }
        }
    }

    /** Whether the span is an item of a list a deferral word heads ({@link #headed}). */
    private boolean inHeaded(int s, int e) {
        for (int h = 0; h < headed.length; h += 2) {
            if (ItemList.inHeaded(scan, headed[h], headed[h + 1], s, e)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the span lies in a match of {@link PhraseLists#BALANCE_DEFICIT}: a deficit stated in words, which a
     * deferral does not cover ("Impaired balance, gait deferred", "Deferred: impaired balance, gait").
     */
    private boolean inBalanceDeficit(int s, int e) {
        for (int j = 0; j < size; j++) {
            if (scan.startAt(j) <= s && scan.endAt(j) >= e && (mask(j) & BALANCE_DEFICIT_MASK) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Puts {@code value} at {@code at}, growing the array as needed (it starts small: few matches get here). */
    private static int[] add(int[] to, int at, int value) {
        int[] a = to == null ? new int[8] : at == to.length ? Arrays.copyOf(to, at * 2) : to;
        a[at] = value;
        return a;
    }

    private int mask(int k) {
        return matcher.negatableMask(scan.phraseAt(k));
    }

    /** Whether a negation word before match {@code k} negates it. */
    private boolean negatedBefore(int k) {
        int s = scan.startAt(k);
        // The last negation word that ends at or before the match, then the ones before it.
        for (int c = lastEndingBy(s); c >= 0; c--) {
            if (s - beforeEnd[c] > REACH) {
                return false;
            }
            if (colonBefore(beforeStart[c]) && colonAfter(scan.endAt(k))) {
                return false; // a field's value, then the next field's label: "Cues: none   Assist: min A"
            }
            int words = read(beforeEnd[c], s, WORDS_BEFORE, true);
            if (words < 0 || joined && words == 0) {
                // An earlier negation word would have to reach across the same words; a comma right after the
                // negation word closes it ("Assist: none, VC for posture").
                return false;
            }
            if (comparison()) {
                continue; // "no more than min A": look further back
            }
            int mask = mask(k);
            if ((mask & FUNCTION_MASK) != 0 && (lossOfFunction(c) || independentOf(c))) {
                // "no longer driving", "no longer able to walk to the mailbox": a function lost; "Goal: independent
                // of AD for community ambulation": a goal for the function, not its absence
                return false;
            }
            // "denies LOB or falls": a function after signs of other lists, all items of one negation.
            boolean signs = (mask & FUNCTION_MASK) != 0 && listOfItems(beforeEnd[c], s, SIGN_MASK);
            if (!signs && otherBetween(beforeEnd[c], s, mask)) {
                return false;
            }
            if (joined && !signs && !listOfItems(beforeEnd[c], s, mask) && !needFollows(scan.endAt(k))) {
                return false;
            }
            return !cancelled(c, mask);
        }
        return false;
    }

    /**
     * Whether negation word {@code c} (before) is "no longer": before a function it says the function was lost ("no
     * longer driving"), which is the limitation the note should state, not its absence.
     */
    private boolean lossOfFunction(int c) {
        int e = beforeEnd[c];
        return e - beforeStart[c] > 2 && e >= 6 && text.regionMatches(true, e - 6, "longer", 0, 6);
    }

    /**
     * Whether negation word {@code c} (before) is "independent of": it negates a need for cues or help ("independent
     * of cues"), but before a function it names a goal or a level for it, not a function unaffected.
     */
    private boolean independentOf(int c) {
        return beforeEnd[c] - beforeStart[c] == 14 && text.regionMatches(true, beforeStart[c], "independent of", 0, 14);
    }

    /** Whether a negation word after match {@code k} negates it. */
    private boolean negatedAfter(int k) {
        int e = scan.endAt(k);
        int c = firstStartingFrom(e);
        if (c == afterStart.length) {
            return false;
        }
        int cs = afterStart[c];
        if (afterKind != null && (afterKind[c] & HEADING_ONLY) != 0) {
            return false; // "sitting balance held: 2 min": "held:" only heads a list
        }
        boolean defer = afterKind != null && (afterKind[c] & DEFER) != 0;
        if (defer && (mask(k) & BALANCE_DEFICIT_MASK) == 0 && ItemList.runsTo(scan, scan.startAt(k), e, cs)) {
            // "balance, gait and proprioception deferred": every bare item of the list; not a deficit stated in
            // words ("impaired balance, gait deferred")
            return true;
        }
        if (afterKind != null && ((afterKind[c] & FIELD_ONLY) != 0
                || (afterKind[c] & NORMAL) != 0 && (mask(k) & ~SKILLED_MASK) == 0)) {
            // "pain 0/10": a field's value only ("LOB: 0"); "VC to keep SpO2 WNL": a cue is never normal
            return false;
        }
        if (cs - e > REACH || read(e, cs, WORDS_AFTER, false) < 0 || defer && joined) {
            return false; // a deferral's list is read by ItemList alone: "unable to do stairs, transfers deferred"
        }
        int mask = mask(k);
        if (afterKind != null && (afterKind[c] & NORMAL) != 0 && !describesTheMatch(e, cs)
                && !(joined && listOfItems(e, cs, mask))) {
            return false; // "balance and coordination WNL" is a list; "impaired balance/sensation intact" is not
        }
        return !otherBetween(e, cs, mask) && (!joined || listOfItems(e, cs, mask));
    }

    /** What may stand between a phrase and the normal word that describes it: "balance is WNL". */
    private static final java.util.Set<String> COPULAS = java.util.Set.of("", ":", "-", "is", "are", "was", "were",
            "remains", "remain", "remained", "appears", "appear", "grossly", "is grossly", "are grossly");

    /**
     * Where a statement that the span ending at {@code end} is normal ends: a negation word after it that says so
     * ({@link #NORMAL}: "WNL", "within normal limits", "intact") with only a copula between ("balance WNL", "Balance:
     * WNL", "balance is within normal limits"); -1 when there is none. Reads the note's few negation words only.
     */
    static int normalAfter(NoteScan scan, int end) {
        String text = scan.text();
        PhraseMatcher m = scan.matcher();
        for (int i = 0; i < scan.negationWordCount(); i++) {
            int k = scan.negationWordAt(i);
            int s = scan.startAt(k);
            if (s < end || s - end > 24 || (m.negationRole(scan.phraseAt(k)) & PhraseMatcher.NEGATION_WORD_AFTER) == 0) {
                continue;
            }
            int e = s;
            while (e < text.length() && PhraseMatcher.isWord(text.charAt(e))) {
                e++;
            }
            if ((KINDS.kind(text, s, e) & NORMAL) != 0
                    && COPULAS.contains(text.substring(end, s).trim().toLowerCase(java.util.Locale.ROOT))) {
                return scan.endAt(k);
            }
        }
        return -1;
    }

    /**
     * Whether the normal word after a phrase describes that phrase ("balance WNL", "proprioception is intact"), not a
     * noun between them ("impaired balance/sensation intact", "decreased proprioception R foot light touch intact",
     * "impaired balance BLE strength WNL": a code review found each negating the deficit).
     */
    private boolean describesTheMatch(int e, int cs) {
        return COPULAS.contains(text.substring(e, cs).trim().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Whether the words just read start a comparison: "more than", "change in", or after "significant" or
     * "further" ("no significant change in balance").
     */
    private boolean comparison() {
        return (firstKind & COMPARISON) != 0 || (firstKind & COMPARISON_LEAD) != 0 && (secondKind & COMPARISON) != 0;
    }

    /** The index of the last negation word (before) that ends at or before {@code pos}, or -1. */
    private int lastEndingBy(int pos) {
        int c = beforeEnd.length - 1;
        while (c >= 0 && beforeEnd[c] > pos) {
            c--;
        }
        return c;
    }

    /** The index of the first negation word (after) that starts at or after {@code pos}. */
    private int firstStartingFrom(int pos) {
        int c = 0;
        while (c < afterStart.length && afterStart[c] < pos) {
            c++;
        }
        return c;
    }

    /**
     * Reads the words of {@code [from, to)}: -1 when a negation cannot reach across them (a sentence ends, a colon
     * or parenthesis, a {@link #STOP} word, after the first word a {@link #NEW_STATEMENT} one when the negation word
     * is {@code before} the phrase, more than {@code max} words), else how many there are; sets {@link #joined} and
     * where the first two words are.
     */
    private int read(int from, int to, int max, boolean before) {
        joined = false;
        firstKind = 0;
        secondKind = 0;
        int words = 0;
        int previous = 0;
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
                int kind = KINDS.kind(text, s, i);
                // "no difficulty with balance": the "with" after the trouble says what it is with.
                boolean troubleWith = words == 1 && (firstKind & TROUBLE) != 0 && (kind & WITH) != 0;
                boolean newStatement = before && words > 0 && (kind & NEW_STATEMENT) != 0
                        && (previous & LEADS_ON) == 0 && !discipline(s, i);
                if (!troubleWith && (kind & STOP) != 0 && (words > 0 || (kind & STOP_LATER) == 0)
                        || newStatement || ++words > max) {
                    return -1;
                }
                previous = kind;
                joined |= (kind & JOIN) != 0;
                if (words == 1) {
                    firstKind = kind;
                } else if (words == 2) {
                    secondKind = kind;
                }
                continue;
            }
            joined |= c == ',' || c == '&' || c == '+' || spacedDash(i);
            i++;
        }
        return words;
    }

    /** Whether the word {@code [s, e)} is "PT" in capitals: the discipline (physical therapy), not the patient. */
    private boolean discipline(int s, int e) {
        return e - s == 2 && text.charAt(s) == 'P' && text.charAt(s + 1) == 'T';
    }

    /** Whether a negatable match of none of the lists in {@code mask} lies wholly inside {@code [from, to)}. */
    private boolean otherBetween(int from, int to, int mask) {
        for (int j = 0; j < size; j++) {
            if (scan.startAt(j) < from || scan.endAt(j) > to) {
                continue;
            }
            int other = mask(j);
            if (other != 0 && (other & mask) == 0) {
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
            if ((KINDS.kind(text, s, i) & CONJUNCTION) == 0 && !itemCovers(s, i, mask)) {
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
            for (int j = 0; j < size && !in; j++) {
                in = scan.startAt(j) <= i && scan.endAt(j) > i && (mask(j) & mask) != 0;
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
            int kind = KINDS.kind(text, s, i);
            if ((kind & NEED) != 0) {
                return true;
            }
            if ((kind & BE) == 0) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether negation word {@code c} (before) is negated itself by a word a few before it in its clause: a
     * {@link #CANCEL} word or another negation word ("unable to stand without", "no LOB without CGA"); not by a
     * negation word of a list of items of the same kind ("neither VC nor TC", "without VC or without TC").
     */
    private boolean cancelled(int c, int mask) {
        if (cancelMemo == null) {
            cancelMemo = new byte[beforeEnd.length << MASK_BITS];
        }
        int at = c << MASK_BITS | mask & ((1 << MASK_BITS) - 1);
        if (cancelMemo[at] == 0) {
            cancelMemo[at] = (byte) (negatedItself(beforeStart[c], mask) ? 1 : 2);
        }
        return cancelMemo[at] == 1;
    }

    private boolean negatedItself(int cue, int mask) {
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
            int kind = KINDS.kind(text, s, e);
            if ((kind & CANCEL) != 0) {
                return true;
            }
            int negationEnd = negationWordAround(s, e, cue);
            if (negationEnd >= 0) {
                return !listOfItems(negationEnd, cue, mask);
            }
            if ((kind & (STOP | JOIN)) != 0 || ++words >= WORDS_CANCEL) {
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

    /** Whether the last character before {@code pos}, blanks aside, is a colon: a field's value starts there. */
    private boolean colonBefore(int pos) {
        int i = pos - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        return i >= 0 && text.charAt(i) == ':';
    }

    /** Whether the first character at or after {@code pos}, blanks aside, is a colon: a field's label ends there. */
    private boolean colonAfter(int pos) {
        int i = pos;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == ':';
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

    /**
     * The words the test knows and their kinds, looked up by a span of the note (compared as the matcher normalizes
     * it: lower case, curly apostrophes straight) without building a string.
     */
    static final class Lexicon {
        /** By length: the words, and their kinds. */
        private char[][][] words = new char[0][][];
        private int[][] kinds = new int[0][];

        Lexicon with(int kind, String... ws) {
            for (String w : ws) {
                int len = w.length();
                if (len >= words.length) {
                    words = Arrays.copyOf(words, len + 1);
                    kinds = Arrays.copyOf(kinds, len + 1);
                }
                char[][] same = words[len] == null ? new char[0][] : words[len];
                int at = 0;
                while (at < same.length && !Arrays.equals(same[at], w.toCharArray())) {
                    at++;
                }
                if (at == same.length) {
                    words[len] = Arrays.copyOf(same, at + 1);
                    words[len][at] = w.toCharArray();
                    kinds[len] = kinds[len] == null ? new int[1] : Arrays.copyOf(kinds[len], at + 1);
                }
                kinds[len][at] |= kind;
            }
            return this;
        }

        /** The kinds of the word {@code text[s, e)}, 0 for a word not listed. */
        int kind(String text, int s, int e) {
            int len = e - s;
            if (len >= words.length || words[len] == null) {
                return 0;
            }
            char[][] same = words[len];
            char first = PhraseMatcher.normalize(text.charAt(s));
            for (int w = 0; w < same.length; w++) {
                char[] word = same[w];
                if (word[0] != first) {
                    continue;
                }
                int i = 1;
                while (i < len && PhraseMatcher.normalize(text.charAt(s + i)) == word[i]) {
                    i++;
                }
                if (i == len) {
                    return kinds[len][w];
                }
            }
            return 0;
        }
    }
}
