package org.minutewise.core.doc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a note's "Label: value" fields, for every check that looks at them: the template fields that state an absence
 * ({@link TemplateFields}: "Cues: none", "Assist - n/a") and the labelled response and plan (MW-D008, MW-D009:
 * "Response: fewer LOB", "P: cont, add EC"). One reading of a field's parts: the words of its label, the separator
 * (':' or a dash; a dash inside a word, as in "single-leg", is none where the dash must stand apart), where a field
 * starts, and the value after it. No regular expression: a note is read once, from its separators.
 */
public final class FieldReader {
    /** Values that say nothing: "Response: none", "P: n/a", "Plan: see above". */
    private static final Set<String> EMPTY = Set.of("none", "n/a", "na", "nil", "not", "see", "same", "-", "--",
            "?", "unknown", "tbd", "pending", "deferred");

    private final String text;

    public FieldReader(String text) {
        this.text = text;
    }

    /**
     * A set of labels, each a few words ("plan of care", "pt response to tx"), and the separators that end them: ':'
     * and the en dash, and the hyphen too when {@code hyphen}. Build once; immutable.
     */
    public static final class LabelSet {
        private final char[][][] labels;
        private final boolean hyphen;

        public LabelSet(boolean hyphen, List<String> labels) {
            this.hyphen = hyphen;
            this.labels = new char[labels.size()][][];
            for (int i = 0; i < labels.size(); i++) {
                String[] ws = labels.get(i).toLowerCase(Locale.ROOT).trim().split("\\s+");
                this.labels[i] = new char[ws.length][];
                for (int w = 0; w < ws.length; w++) {
                    this.labels[i][w] = ws[w].toCharArray();
                }
            }
        }

        /** Every label made of one of the heads, with or without one of the prefixes and one of the suffixes. */
        public static List<String> combine(List<String> prefixes, List<String> heads, List<String> suffixes) {
            List<String> out = new ArrayList<>();
            for (String p : prefixes) {
                for (String h : heads) {
                    for (String s : suffixes) {
                        out.add((p + " " + h + " " + s).trim());
                    }
                }
            }
            return out;
        }

        /** Whether {@code c} ends a label of the set: ':', an en dash, and a hyphen for a set that takes one. */
        public boolean separator(char c) {
            return c == ':' || c == '\u2013' || hyphen && c == '-';
        }
    }

    /**
     * Whether the note has a field with a label of the set, where a field starts (the note's start, after '.', ';',
     * '!', '?', '|', '(', a line break or a tab, or after two blanks; blanks and tabs then), and a value whose first
     * word says something: "Response: none", "P: n/a" or "Plan:" alone do not count.
     */
    public boolean anyWithContent(LabelSet labels) {
        for (int sep = 0; sep < text.length(); sep++) {
            if (!labels.separator(text.charAt(sep))) {
                continue;
            }
            if (labelledField(sep, labels) && saysSomething(sep + 1)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a label of the set starts at {@code from} and its separator follows it (blanks between). */
    public boolean labelAt(int from, LabelSet labels) {
        for (char[][] label : labels.labels) {
            int i = from;
            boolean ok = true;
            for (int w = 0; w < label.length && ok; w++) {
                if (w > 0) {
                    int s = i;
                    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                        i++;
                    }
                    ok = i > s;
                }
                ok = ok && wordIs(i, label[w]);
                i += label[w].length;
            }
            if (!ok) {
                continue;
            }
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i < text.length() && labels.separator(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a label of the set ends right before the separator at {@code sep} (blanks aside) and starts a field:
     * "Response:", "Pt response to tx:" (not the bare "response" of "Pt response:", which starts no field).
     */
    private boolean labelledField(int sep, LabelSet labels) {
        int end = sep;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        for (char[][] label : labels.labels) {
            int e = end;
            boolean ok = true;
            for (int w = label.length - 1; w >= 0 && ok; w--) {
                if (w < label.length - 1) {
                    int s = e;
                    while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
                        e--;
                    }
                    ok = e < s;
                }
                int s = e - label[w].length;
                ok = ok && s >= 0 && wordIs(s, label[w]);
                e = s;
            }
            if (ok && fieldStartsBefore(e)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code word} (lower case) is at {@code at}, compared ignoring case. */
    private boolean wordIs(int at, char[] word) {
        if (at < 0 || at + word.length > text.length()) {
            return false;
        }
        for (int k = 0; k < word.length; k++) {
            if (Character.toLowerCase(text.charAt(at + k)) != word[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a field starts at {@code start}: blanks and tabs before it back to the note's start, a '.', ';', '!',
     * '?', '|', '(', line break or tab, or two whitespace characters.
     */
    private boolean fieldStartsBefore(int start) {
        int p = start;
        while (true) {
            if (p == 0) {
                return true;
            }
            char c = text.charAt(p - 1);
            if (c == '.' || c == ';' || c == '!' || c == '?' || c == '|' || c == '(' || c == '\n' || c == '\r'
                    || c == '\t') {
                return true;
            }
            if (p >= 2 && Character.isWhitespace(c) && Character.isWhitespace(text.charAt(p - 2))) {
                return true;
            }
            if (c != ' ') {
                return false;
            }
            p--;
        }
    }

    /** Whether the value from {@code from} (whitespace skipped) has a first word that says something. */
    private boolean saysSomething(int from) {
        int s = from;
        while (s < text.length() && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        int e = s;
        while (e < text.length() && !Character.isWhitespace(text.charAt(e)) && text.charAt(e) != ','
                && text.charAt(e) != '|' && text.charAt(e) != ';') {
            e++;
        }
        int t = e;
        while (t > s && text.charAt(t - 1) == '.') {
            t--; // "cont." as "cont"
        }
        boolean letterOrDigit = false;
        for (int i = s; i < t && !letterOrDigit; i++) {
            letterOrDigit = Character.isLetterOrDigit(text.charAt(i));
        }
        return letterOrDigit && !EMPTY.contains(text.substring(s, t).toLowerCase(Locale.ROOT));
    }

    // The parts of a field every reader shares (static: a reader of a few fields builds nothing).

    static int skipBlanks(String text, int i) {
        while (i < text.length() && isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }

    static int wordEnd(String text, int i) {
        while (i < text.length() && Negation.isWordChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Blanks within a line: space, tab, non-breaking space. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0';
    }

    static boolean isDash(char c) {
        return c == '-' || c >= '\u2010' && c <= '\u2015';
    }

    /** A dash with a blank on either side: "Cues - none", "Cues- none"; not "single-leg". */
    static boolean apart(String text, int i) {
        return i == 0 || i + 1 == text.length() || Character.isWhitespace(text.charAt(i - 1))
                || Character.isWhitespace(text.charAt(i + 1));
    }
}
