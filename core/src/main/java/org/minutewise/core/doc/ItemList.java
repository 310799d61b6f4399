package org.minutewise.core.doc;

/**
 * Whether a phrase is an item of a list that a word after it covers: "balance, gait and proprioception deferred"
 * defers all three, not only the last. The list stays in its clause: it does not cross a sentence's end, a ';', a
 * colon or a parenthesis, nor a word that starts another statement ("with", "but", "due": {@link Negation#KINDS}).
 * Its items are bare: the phrase is an item by itself, from where its item starts (the clause's start, a ',' or
 * "and"/"or" before it) to the ',' or "and"/"or" after it ("impaired balance, gait deferred" leaves "balance" stated,
 * "balance testing, gait deferred" too), and each later item has at most {@value #ITEM_WORDS} words ("gait on
 * uneven surfaces" is one item, a sentence is not). Reads only the few characters between the phrase and the word.
 */
public final class ItemList {
    /** The most words of one item after the phrase's ("gait on uneven surfaces"). */
    static final int ITEM_WORDS = 4;
    /** The most characters between the phrase and the word after the list: a bound on the work per match. */
    static final int REACH = 100;

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
