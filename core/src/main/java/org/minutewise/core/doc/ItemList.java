package org.minutewise.core.doc;

/**
 * Whether a phrase is an item of a list that a word after it covers: "balance, gait and proprioception deferred"
 * defers all three, not only the last. The list stays in its clause: it does not cross a sentence's end, a ';', a
 * colon or a parenthesis, nor a word that starts another statement ("with", "but", "due": {@link Negation#KINDS}).
 * Its items are bare: the phrase is an item by itself, from where its item starts (the clause's start, a ',' or
 * "and"/"or" before it) to the ',' or "and"/"or" after it ("impaired balance, gait deferred" leaves "balance" stated,
 * "balance testing, gait deferred" too), and each later item has at most {@value #ITEM_WORDS} words ("gait on
 * uneven surfaces" is one item, a sentence is not). Reads only the few characters between the phrase and the word.
 *
 * <p>The word may come first too, as a heading of the list ({@link #headedFrom}): "Deferred: balance, gait.",
 * "Deferred today - balance and gait training", "Held: vestibular testing, BERG", "Not tested: proprioception,
 * Romberg", "NT: balance". Notes write it so as a field of a template: the word begins its clause (a sentence's
 * start, a line's, after ';' or a bullet) and a colon or a dash follows it, with at most {@value #HEADING_WORDS}
 * words for when between ("today", "this visit"). It then covers every phrase after it up to the end of its clause
 * ({@link #headedTo}): a sentence's end, a ';' or a line break ("Deferred: balance. Patient performed gait training
 * with cues" leaves the gait stated), a parenthesis, another field's colon (the label before it is no item:
 * "Deferred: gait   Balance: impaired"), or a word that gives a reason or starts another statement ("Deferred:
 * stairs d/t unsteadiness", "due to", "but": the reason is stated, not deferred). A heading that ends its line heads
 * the bulleted lines right below it ({@link #headedSpans}: "Deferred:\n- balance\n- gait", "Held:\n* vestibular
 * testing\n* BERG"), each bullet's item to the end of its own clause, up to the first line that is not a bullet (a
 * blank line, a paragraph: "Deferred:\n\nPatient performed gait training" heads nothing). The same words elsewhere
 * are read as before: after a list ("gait deferred") or as a field's value ("Balance: NT"); without the colon or dash
 * ("Not tested previously, balance now impaired") the word heads nothing, since a time or a comma there starts
 * what is stated now.
 */
public final class ItemList {
    /** The most words of one item after the phrase's ("gait on uneven surfaces"). */
    static final int ITEM_WORDS = 4;
    /** The most characters between the phrase and the word after the list: a bound on the work per match. */
    static final int REACH = 100;
    /** The most words for when between a heading deferral and its colon or dash: "Deferred this visit -". */
    static final int HEADING_WORDS = 3;
    /** The most bulleted lines a heading that ends its line heads ("Deferred:", then "- balance", "- gait"). */
    static final int BULLETS = 20;

    private ItemList() {
    }

    /**
     * Whether the phrase at {@code [start, end)} is an item of a list that runs, in its clause, to {@code to} (where the
     * covering word starts): bare, then a ',' or a conjunction, then items and separators only.
     */
    public static boolean runsTo(NoteScan scan, int start, int end, int to) {
        String text = scan.text();
        if (to < end || to - end > REACH || !bareBefore(scan, start)) {
            return false;
        }
        boolean separated = false;
        int words = 0;
        int i = end;
        while (i < to) {
            char c = text.charAt(i);
            if (scan.endsSentence(i) || c == ':' || c == '(' || c == ')' || c == '[' || c == ']') {
                return false;
            }
            if (c == ',' || c == '&' || c == '+') {
                separated = true;
                words = 0;
                i++;
                continue;
            }
            if (!Negation.isWordChar(c)) {
                i++;
                continue;
            }
            int s = i;
            while (i < to && Negation.isWordChar(text.charAt(i))) {
                i++;
            }
            int kind = Negation.KINDS.kind(text, s, i);
            if ((kind & Negation.CONJUNCTION) != 0) {
                separated = true;
                words = 0;
                continue;
            }
            if (!separated || (kind & Negation.STOP) != 0 || ++words > ITEM_WORDS) {
                return false; // "balance testing, ...": the phrase is not an item by itself
            }
        }
        return separated;
    }

    /**
     * Whether a deferral phrase at {@code [start, end)} holds its colon ("held:"): it says a list is deferred only
     * where it heads one ({@link #headedFrom}); in its clause it is how long something was held ("SLS held: 10 s").
     */
    public static boolean holdsItsColon(String text, int start, int end) {
        return end > start && text.charAt(end - 1) == ':';
    }

    /**
     * Where the list that a deferral word at {@code [start, end)} heads begins (just after its colon or dash), or -1
     * when the word heads none: it begins its clause (only blanks or a bullet after the sentence's start: '-', '*',
     * '\u2022', '|', '>') and a colon or a dash follows it, with at most {@value #HEADING_WORDS} words for when
     * between ({@link Negation#WHEN}: "Deferred today -"). Reads only the few characters around the word.
     */
    public static int headedFrom(NoteScan scan, int start, int end) {
        String text = scan.text();
        int i = start - 1;
        while (i >= 0 && !scan.endsSentence(i)) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '-' && c != '*' && c != '\u2022' && c != '|' && c != '>') {
                return -1; // "Balance: NT", "Tests deferred: Berg": the word does not begin its clause
            }
            i--;
        }
        if (holdsItsColon(text, start, end)) {
            return end; // "held:"
        }
        int words = 0;
        int j = end;
        while (j < text.length()) {
            char c = text.charAt(j);
            if (c == ':' || dash(c) && (Character.isWhitespace(text.charAt(j - 1)) || j + 1 == text.length()
                    || Character.isWhitespace(text.charAt(j + 1)))) {
                return j + 1;
            }
            if (scan.endsSentence(j) || !Character.isWhitespace(c) && !Negation.isWordChar(c)) {
                return -1;
            }
            if (Character.isWhitespace(c)) {
                j++;
                continue;
            }
            int s = j;
            while (j < text.length() && Negation.isWordChar(text.charAt(j))) {
                j++;
            }
            if ((Negation.KINDS.kind(text, s, j) & Negation.WHEN) == 0 || ++words > HEADING_WORDS) {
                return -1; // "Not tested previously, balance now impaired": no colon or dash after the word
            }
        }
        return -1;
    }

    /**
     * Where the list headed from {@code from} ({@link #headedFrom}) ends: at its clause's end (a sentence's end, a ';'
     * or a line break), a parenthesis, another field's colon, or a word that starts another statement or gives a
     * reason ({@link Negation#STOP} but "with", {@link Negation#REASON}: "d/t", "due", "but"). One walk over the
     * clause.
     */
    public static int headedTo(NoteScan scan, int from) {
        String text = scan.text();
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (scan.endsSentence(i) || c == ':' || c == '(' || c == ')' || c == '[' || c == ']') {
                return i;
            }
            if (!Negation.isWordChar(c)) {
                i++;
                continue;
            }
            int s = i;
            while (i < text.length() && Negation.isWordChar(text.charAt(i))) {
                i++;
            }
            int kind = Negation.KINDS.kind(text, s, i);
            if ((kind & Negation.STOP) != 0 && (kind & Negation.WITH) == 0 || (kind & Negation.REASON) != 0) {
                return s;
            }
        }
        return text.length();
    }

    /**
     * The spans of the list headed from {@code from} ({@link #headedFrom}), as pairs of where each begins and ends:
     * the rest of the heading's clause ({@link #headedTo}); or, when nothing but blanks follows the heading on its
     * line, each bulleted line right below it ('-', '*' or '\u2022' and a blank, on the next line and each line after
     * that is one too, at most {@value #BULLETS}), from after its bullet to the end of its clause ({@link #headedTo}:
     * "- stairs d/t unsteadiness" defers the stairs only). The first line that is not a bullet ends the list: a blank
     * line, or a paragraph ("Deferred:\n\nPatient performed gait training" heads nothing).
     */
    public static int[] headedSpans(NoteScan scan, int from) {
        String text = scan.text();
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i == text.length() || !lineBreak(text.charAt(i))) {
            return new int[] {from, headedTo(scan, from)}; // "Deferred: balance, gait."
        }
        int[] out = new int[2 * BULLETS];
        int n = 0;
        for (int b = 0; b < BULLETS && i < text.length(); b++) {
            int item = bulletItem(text, nextLine(text, i));
            if (item < 0) {
                break; // a line that is not a bullet: a blank line, a paragraph
            }
            out[n++] = item;
            out[n++] = headedTo(scan, item);
            i = item;
            while (i < text.length() && !lineBreak(text.charAt(i))) {
                i++;
            }
        }
        return n == 0 ? new int[] {from, from} : java.util.Arrays.copyOf(out, n);
    }

    /** Whether the span is an item of the list headed from {@code from} ({@link #headedSpans}, {@link #inHeaded}). */
    public static boolean inHeadedList(NoteScan scan, int from, int start, int end) {
        int[] spans = headedSpans(scan, from);
        for (int h = 0; h < spans.length; h += 2) {
            if (inHeaded(scan, spans[h], spans[h + 1], start, end)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where a heading of the list holding the sentence at {@code sentence} may be ({@link #headedSpans}): the start of
     * the line above the bulleted lines the sentence's line is one of (at most {@value #BULLETS}), or {@code sentence}
     * itself when its line is no bullet. Reads only the lines above it that are bullets.
     */
    public static int headingSearchStart(NoteScan scan, int sentence) {
        String text = scan.text();
        int line = lineStart(text, sentence);
        if (bulletItem(text, line) < 0) {
            return sentence;
        }
        for (int b = 0; b < BULLETS && line > 0; b++) {
            int above = lineStart(text, previousLineEnd(text, line));
            if (bulletItem(text, above) < 0) {
                return above; // the heading's line, if it is one
            }
            line = above;
        }
        return line;
    }

    /** Where the line holding {@code pos} starts: just after the line break before it, or 0. */
    private static int lineStart(String text, int pos) {
        int i = Math.min(pos, text.length());
        while (i > 0 && !lineBreak(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** Where the line before the one starting at {@code line} (> 0) ends: its last character's index + 1. */
    private static int previousLineEnd(String text, int line) {
        int i = line - 1; // the line break ("\n", or "\r\n": one break)
        if (i > 0 && text.charAt(i) == '\n' && text.charAt(i - 1) == '\r') {
            i--;
        }
        return i;
    }

    /** Where the line after the line break at {@code i} starts ("\r\n" is one break). */
    private static int nextLine(String text, int i) {
        return text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
    }

    /**
     * Where the item of a bulleted line starting at {@code line} begins (after blanks, a '-', '*' or '\u2022', and
     * blanks), or -1 when the line is no bullet.
     */
    private static int bulletItem(String text, int line) {
        int i = line;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i + 1 >= text.length() || text.charAt(i) != '-' && text.charAt(i) != '*' && text.charAt(i) != '\u2022'
                || text.charAt(i + 1) != ' ' && text.charAt(i + 1) != '\t') {
            return -1;
        }
        i++;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean lineBreak(char c) {
        return c == '\n' || c == '\r';
    }

    /**
     * Whether the phrase at {@code [start, end)} is an item of the list headed over {@code [from, to)}: inside it and
     * not the label of another field (a colon right after it: "Deferred: gait   Balance: impaired").
     */
    public static boolean inHeaded(NoteScan scan, int from, int to, int start, int end) {
        if (start < from || end > to) {
            return false;
        }
        String text = scan.text();
        int i = end;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i == text.length() || text.charAt(i) != ':';
    }

    private static boolean dash(char c) {
        return c == '-' || c >= '\u2010' && c <= '\u2015';
    }

    /** Whether the phrase at {@code start} begins its item: the clause's start, a ',' or "and"/"or" before it. */
    private static boolean bareBefore(NoteScan scan, int start) {
        String text = scan.text();
        int i = start - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        if (i < 0) {
            return true;
        }
        char c = text.charAt(i);
        if (scan.endsSentence(i) || c == ',' || c == ':' || c == '(' || c == '|' || c == '&' || c == '-'
                || c == '\u2022' || c == '*') {
            return true;
        }
        if (!Negation.isWordChar(c)) {
            return false;
        }
        int e = i + 1;
        while (i >= 0 && Negation.isWordChar(text.charAt(i))) {
            i--;
        }
        int kind = Negation.KINDS.kind(text, i + 1, e);
        return (kind & Negation.CONJUNCTION) != 0;
    }
}
