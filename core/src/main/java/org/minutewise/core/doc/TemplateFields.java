package org.minutewise.core.doc;

/**
 * An EMR template's field that states an absence: its label is a phrase of a negatable list, its value says there was
 * none ("Cues: none", "Cueing: N/A", "Assist - none", "LOB: 0", "Balance deficit: none noted", "Balance: WNL",
 * "cues: none required"). Every match of a negatable list in such a label is negated, as "no cues" is.
 *
 * <p>A field is:
 * <ul>
 *   <li>a label that starts a field (the note's start, a sentence's, or after ',', ';', '(', ')', '|', a bullet, a
 *       spaced dash, a tab or a run of blanks) and holds the match, with at most {@value #LABEL_WORDS} other words before it and as many
 *       after it ("Balance deficit", "Cues for weight shift");</li>
 *   <li>then ':' or a dash standing apart ("Cues - none", "Cues– none", not "single-leg");</li>
 *   <li>then the value: {@link #NONE} ("none", "nil", "no", "0", "denied", "not needed", ...),
 *       {@link #NOT_APPLICABLE} ("n/a", "not applicable", "not tested", "deferred", "NT") or {@link #NORMAL} ("WNL", "WFL",
 *       "intact", "within normal limits"), followed by at most two words such as "needed", "noted", "today"
 *       ("none noted", "none required"), and then the value's end: the sentence's, ',', ';', ')', '|', a spaced
 *       dash, or the label of the next field ("Cues: none   Assist: min A").</li>
 * </ul>
 * A label that names an ability rather than a sign ({@link #ABILITY}: "Standing balance", "Trunk control",
 * "Coordination") is negated by a value of "not applicable" or "normal" kind only: "Standing balance: 0" or
 * "Balance: none" grades the ability as absent, which is a deficit. A value that goes on ("Cues: none for static
 * stance, VC for dynamic", "Dizziness: none at rest, 4/10 with head turns") is left as written.
 *
 * <p>A field's parts (blanks, words, a dash standing apart) are read by {@link FieldReader}, as MW-D008 and MW-D009
 * read a labelled response or plan.
 *
 * <p>The value starts with a negation word of the phrase lists (the file's [negation] and [negation-after]: "none",
 * "no", "denies", "N/A", "not applicable", "nil", "0", "WNL", "intact", "not needed"): only those the scan found are
 * looked at, so a note without a negation word costs nothing here. "0", "zero" and "nil" are negation words only as
 * a field's value ({@link Negation#FIELD_ONLY}).
 */
final class TemplateFields {
    /** The most words of a label besides the match, before it and after it. */
    static final int LABEL_WORDS = 3;
    /** The most characters between a match and the separator of its field, and before the match. */
    static final int LABEL_REACH = 40;

    /** Value words that say there was none: "none", "no", "0", "absent", "denied"; after "not": "needed", ... */
    static final int NONE = 1;
    /**
     * Value words that say the field does not apply or was not assessed: "n/a", "deferred", "NT"; after "not":
     * "applicable", "tested".
     */
    static final int NOT_APPLICABLE = 1 << 1;
    /** Value words that say it is normal: "WNL", "WFL", "intact", "unremarkable". */
    static final int NORMAL = 1 << 2;
    private static final int NOT = 1 << 3;
    private static final int NOT_NONE = 1 << 4;
    private static final int NOT_NA = 1 << 5;
    private static final int WITHIN = 1 << 6;
    private static final int LIMITS_OF = 1 << 7;
    private static final int LIMITS = 1 << 8;
    /** Words that may follow a value: "none noted", "none needed today". */
    private static final int TRAILER = 1 << 9;
    /** A label's last word that names an ability: "none" or "0" after it grades it absent, a deficit. */
    static final int ABILITY = 1 << 10;

    static final Negation.Lexicon WORDS = new Negation.Lexicon()
            .with(NONE, "none", "nil", "no", "0", "zero", "denies", "denied", "never")
            .with(NOT_APPLICABLE, "n/a", "deferred", "nt")
            .with(NORMAL, "wnl", "wfl", "intact", "unremarkable")
            .with(NOT, "not")
            .with(NOT_NONE, "needed", "required", "necessary", "indicated", "noted", "observed", "given",
                    "provided")
            .with(NOT_NA, "applicable", "tested", "assessed")
            .with(WITHIN, "within")
            .with(LIMITS_OF, "normal", "functional")
            .with(LIMITS, "limits")
            .with(TRAILER, "needed", "required", "req'd", "necessary", "indicated", "noted", "observed", "reported",
                    "given", "provided", "used", "today", "was", "were")
            .with(ABILITY, "balance", "posture", "coordination", "proprioception", "control", "sensation",
                    "stability", "reactions", "reaction", "awareness", "sense", "kinesthesia", "alignment",
                    "orientation", "midline", "planning", "equilibrium", "strength");

    /** Value words of a level at or above standby: "independent", "indep", "I", "SBA", "supervision", "standby". */
    private static final int LEVEL = 1;
    /** "mod" or "modified", a level only before "I" or "independent": "Mod I", "modified independent". */
    private static final int MODIFIED = 1 << 1;
    /** "I", "independent": after {@link #MODIFIED}. */
    private static final int INDEPENDENT = 1 << 2;
    /** "stand", a level only before "by": "stand by". */
    private static final int STAND = 1 << 3;
    private static final int BY = 1 << 4;
    /** Words that may follow a level: "SBA for safety", "supervision only", "standby assist". */
    private static final int LEVEL_TRAILER = 1 << 5;

    static final Negation.Lexicon LEVELS = new Negation.Lexicon()
            .with(LEVEL | INDEPENDENT, "independent", "indep", "i")
            .with(LEVEL, "independently", "sba", "supervision", "supervised", "standby")
            .with(MODIFIED, "mod", "modified")
            .with(STAND, "stand")
            .with(BY, "by")
            .with(LEVEL_TRAILER, "assist", "assistance", "only", "for", "safety", "today", "throughout", "level");

    private final NoteScan scan;
    private final String text;

    private TemplateFields(NoteScan scan) {
        this.scan = scan;
        this.text = scan.text();
    }

    /**
     * Negates every match of a negatable list that labels a field stating an absence. Read from the note's negation
     * words ({@link PhraseLists#NEGATION}, {@link PhraseLists#NEGATION_AFTER}: "none", "N/A", "0", "WNL", "not
     * needed", "denies"): only one right after a ':' or a dash can be a field's value, so a note pays for the few
     * negation words it has, and nothing more without them.
     */
    static void apply(NoteScan scan) {
        new TemplateFields(scan).run();
    }

    /**
     * Negates every [skilled] match that labels a field whose value is a level at or above standby ("Assist:
     * Independent", "Assist: Mod I", "Assist level: I", "Assist: SBA", "Assistance - supervision"): the label names the
     * field, the value says no hands-on help was given, as "Cues: none" says no cue was. "Assist: min A", "Assist: CGA"
     * are left as written. Looked at only when the note has a skilled match, for each one that is followed by ':' or a
     * dash within {@value #LABEL_WORDS} words.
     */
    static void applyLevels(NoteScan scan) {
        PhraseMatcher m = scan.matcher();
        int skilled = m.listIndex(PhraseLists.SKILLED);
        if (scan.countAt(skilled) == 0) {
            return;
        }
        new TemplateFields(scan).levels(skilled);
    }

    private void levels(int skilled) {
        for (int k = 0; k < scan.size(); k++) {
            if (!scan.matcher().inList(scan.phraseAt(k), skilled) || scan.isNegated(k)) {
                continue;
            }
            int sep = mayBeSeparatorWithin(scan.endAt(k)) ? separatorAfter(scan.endAt(k)) : -1;
            int end = sep < 0 ? -1 : level(sep);
            if (end >= 0 && startsField(scan.startAt(k))) {
                scan.negate(k);
                // The value's own words: "assist" of "Assist: standby assist".
                for (int j = 0; j < scan.size(); j++) {
                    if (scan.startAt(j) > sep && scan.startAt(j) < end && scan.matcher().inList(scan.phraseAt(j), skilled)) {
                        scan.negate(j);
                    }
                }
            }
        }
    }

    /**
     * Where the note has a ':' or a '-', in order (found by {@link String#indexOf(int, int)}, vectorized); null until
     * asked, and when the note has another dash (U+2010 to U+2015), which {@link #mayBeSeparatorWithin} then does not
     * rule out.
     */
    private int[] separators;
    private boolean otherDashes;

    /**
     * False when {@link #separatorAfter} surely finds no separator from {@code e}: no ':' and no dash within its
     * reach. A note has a skilled match every few words and a ':' or a dash every few sentences.
     */
    private boolean mayBeSeparatorWithin(int e) {
        if (separators == null) {
            for (char c = '\u2010'; c <= '\u2015' && !otherDashes; c++) {
                otherDashes = text.indexOf(c) >= 0;
            }
            int[] at = new int[8];
            int n = 0;
            int colon = text.indexOf(':');
            int dash = text.indexOf('-');
            while (colon >= 0 || dash >= 0) {
                int next;
                if (dash < 0 || colon >= 0 && colon < dash) {
                    next = colon;
                    colon = text.indexOf(':', colon + 1);
                } else {
                    next = dash;
                    dash = text.indexOf('-', dash + 1);
                }
                if (n == at.length) {
                    at = java.util.Arrays.copyOf(at, n * 2);
                }
                at[n++] = next;
            }
            separators = java.util.Arrays.copyOf(at, n);
        }
        if (otherDashes) {
            return true;
        }
        int i = java.util.Arrays.binarySearch(separators, e);
        int first = i >= 0 ? i : -i - 1; // the first at or after e
        return first < separators.length && separators[first] <= e + LABEL_REACH;
    }

    /**
     * Where the value after the separator at {@code sep} ends when it is a level at or above standby and nothing
     * more; -1 when it is not.
     */
    private int level(int sep) {
        int i = skipBlanks(sep + 1);
        int e = wordEnd(i);
        if (e == i) {
            return -1;
        }
        int kind = LEVELS.kind(text, i, e);
        if ((kind & (MODIFIED | STAND)) != 0) {
            int s = skipBlanks(e);
            int t = wordEnd(s);
            int second = LEVELS.kind(text, s, t);
            if ((kind & MODIFIED) != 0 && (second & INDEPENDENT) != 0
                    || (kind & STAND) != 0 && (second & BY) != 0) {
                e = t;
            } else {
                return -1;
            }
        } else if ((kind & LEVEL) == 0) {
            return -1;
        }
        // "SBA for safety", "supervision only", "standby assist", then the value's end.
        for (int w = 0; w < 2; w++) {
            int s = skipBlanks(e);
            int t = wordEnd(s);
            if (t == s || (LEVELS.kind(text, s, t) & LEVEL_TRAILER) == 0) {
                break;
            }
            e = t;
        }
        return valueEnds(skipBlanks(e)) ? e : -1;
    }

    private void run() {
        int done = -1;
        int[] negatable = null;
        int n = 0;
        for (int i = 0; i < scan.negationWordCount(); i++) {
            int sep = separatorBefore(scan.startAt(scan.negationWordAt(i)));
            if (sep < 0 || sep == done || !absent(sep)) {
                continue;
            }
            done = sep;
            if (negatable == null) {
                // The matches that may be a label, gathered once per note (for its first such field).
                PhraseMatcher m = scan.matcher();
                negatable = new int[scan.size()];
                for (int k = 0; k < scan.size(); k++) {
                    if (m.negatableMask(scan.phraseAt(k)) != 0) {
                        negatable[n++] = k;
                    }
                }
            }
            // The label: the negatable matches whose field ends at this separator.
            for (int j = 0; j < n; j++) {
                int k = negatable[j];
                int e = scan.endAt(k);
                if (e <= sep && sep - e <= LABEL_REACH && !scan.isNegated(k) && separatorAfter(e) == sep
                        && startsField(scan.startAt(k))) {
                    scan.negate(k);
                }
            }
        }
    }

    /** The ':' or dash right before {@code pos}, blanks aside, or -1. */
    private int separatorBefore(int pos) {
        int i = pos - 1;
        while (i >= 0 && FieldReader.isBlank(text.charAt(i))) {
            i--;
        }
        return i >= 0 && (text.charAt(i) == ':' || isDash(text.charAt(i)) && apart(i)) ? i : -1;
    }

    /**
     * The separator of the field whose label ends at or after {@code e}: at most {@value #LABEL_WORDS} words, then
     * ':' or a dash standing apart; -1 when the words after the match are no label.
     */
    private int separatorAfter(int e) {
        int words = 0;
        int i = e;
        int limit = Math.min(text.length(), e + LABEL_REACH + 1);
        while (i < limit) {
            char c = text.charAt(i);
            if (FieldReader.isBlank(c)) {
                i++;
            } else if (c == ':') {
                return i;
            } else if (isDash(c) && apart(i)) {
                return i;
            } else if (Negation.isWordChar(c)) {
                i = wordEnd(i);
                if (++words > LABEL_WORDS) {
                    return -1;
                }
            } else {
                return -1;
            }
        }
        return -1;
    }

    /** Whether a label starts within {@value #LABEL_WORDS} words before {@code s}: a field's start is there. */
    private boolean startsField(int s) {
        int words = 0;
        int j = s - 1;
        while (j >= 0 && s - j <= LABEL_REACH) {
            char c = text.charAt(j);
            if (FieldReader.isBlank(c)) {
                int blanks = j;
                while (j >= 0 && FieldReader.isBlank(text.charAt(j))) {
                    j--;
                }
                if (blanks - j > 1 || c == '\t') {
                    return true; // a column break of a template: "Cues: none    Assist: none"
                }
            } else if (Negation.isWordChar(c)) {
                while (j >= 0 && Negation.isWordChar(text.charAt(j))) {
                    j--;
                }
                if (++words > LABEL_WORDS) {
                    return false;
                }
            } else {
                return scan.endsSentence(j) || c == ',' || c == ';' || c == '(' || c == ')' || c == '|'
                        || c == '*' || c == '\u2022' || isDash(c) && apart(j);
            }
        }
        return j < 0;
    }

    /** Whether the value after the separator at {@code sep} states an absence that negates its label. */
    private boolean absent(int sep) {
        int i = skipBlanks(sep + 1);
        int e = wordEnd(i);
        if (e == i) {
            return false;
        }
        int kind = WORDS.kind(text, i, e);
        int value;
        if ((kind & (NONE | NOT_APPLICABLE | NORMAL)) != 0) {
            value = kind & (NONE | NOT_APPLICABLE | NORMAL);
        } else if ((kind & NOT) != 0) {
            i = skipBlanks(e);
            e = wordEnd(i);
            int second = WORDS.kind(text, i, e);
            value = (second & NOT_NONE) != 0 ? NONE : (second & NOT_NA) != 0 ? NOT_APPLICABLE : 0;
        } else if ((kind & WITHIN) != 0) {
            i = skipBlanks(e);
            e = wordEnd(i);
            if ((WORDS.kind(text, i, e) & LIMITS_OF) == 0) {
                return false;
            }
            i = skipBlanks(e);
            e = wordEnd(i);
            value = (WORDS.kind(text, i, e) & LIMITS) != 0 ? NORMAL : 0;
        } else {
            return false;
        }
        if (value == 0 || value == NONE && ability(sep)) {
            return false;
        }
        // "none noted", "none needed today", then the value's end.
        for (int w = 0; w < 2; w++) {
            int s = skipBlanks(e);
            int t = wordEnd(s);
            if (t == s || (WORDS.kind(text, s, t) & TRAILER) == 0) {
                break;
            }
            e = t;
        }
        return valueEnds(skipBlanks(e));
    }

    /** Whether the label's last word, right before the separator at {@code sep}, names an ability. */
    private boolean ability(int sep) {
        int j = sep - 1;
        while (j >= 0 && FieldReader.isBlank(text.charAt(j))) {
            j--;
        }
        int end = j + 1;
        while (j >= 0 && Negation.isWordChar(text.charAt(j))) {
            j--;
        }
        return (WORDS.kind(text, j + 1, end) & ABILITY) != 0;
    }

    /** Whether a value ends at {@code i}: the note's end, the sentence's, a clause break, or the next field's label. */
    private boolean valueEnds(int i) {
        if (i >= text.length()) {
            return true;
        }
        char c = text.charAt(i);
        if (scan.endsSentence(i) || c == ',' || c == ';' || c == ')' || c == '|' || isDash(c) && apart(i)) {
            return true;
        }
        if (!Negation.isWordChar(c)) {
            return false;
        }
        // The next field: "Cues: none    Assist: min A".
        int sep = separatorAfter(i);
        return sep >= 0 && text.charAt(sep) == ':';
    }

    private int skipBlanks(int i) {
        return FieldReader.skipBlanks(text, i);
    }

    private int wordEnd(int i) {
        return FieldReader.wordEnd(text, i);
    }

    private static boolean isDash(char c) {
        return FieldReader.isDash(c);
    }

    private boolean apart(int i) {
        return FieldReader.apart(text, i);
    }
}
