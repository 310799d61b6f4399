package org.minutewise.core.check.rules.doc;

import org.minutewise.core.doc.NoteScan;

/**
 * The sentences around a phrase, beside {@link NoteScan#sentenceStart(int)} and {@link NoteScan#sentenceEnd(int)}
 * (a sentence ends at '.', '!' or '?' before whitespace, at ';' or at a line break), and whether a span states
 * minutes. Read only where a rule looks past the sentence of a phrase, so it costs nothing on most notes.
 */
final class Sentences {
    private Sentences() {
    }

    /**
     * Where the sentence before the one that begins at {@code start} ends (just past its last character), or -1
     * when there is none.
     */
    static int previousEnd(String text, int start) {
        int k = Math.min(start, text.length()) - 1;
        while (k >= 0 && Character.isWhitespace(text.charAt(k))) {
            k--;
        }
        return k < 0 ? -1 : k + 1;
    }

    /** Where the sentence that ends at {@code end} (from {@link #previousEnd}) begins. */
    static int previousStart(NoteScan scan, int end) {
        return scan.sentenceStart(end - 1);
    }

    /**
     * Where the sentence after the one that ends at {@code end} begins (whitespace, line breaks and ';' skipped);
     * the length of the text when there is none.
     */
    static int nextStart(String text, int end) {
        int k = Math.max(end, 0);
        while (k < text.length() && (Character.isWhitespace(text.charAt(k)) || text.charAt(k) == ';')) {
            k++;
        }
        return k;
    }

    /**
     * True when [from, to) states minutes: a number followed by "min", "mins", "minute" or "minutes" ("x 10 min",
     * "25min") or by an apostrophe ("23'").
     */
    static boolean hasMinutes(String text, int from, int to) {
        int end = Math.min(to, text.length());
        int i = Math.max(from, 0);
        while (i < end) {
            if (!Character.isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            while (i < end && Character.isDigit(text.charAt(i))) {
                i++;
            }
            if (i < end && (text.charAt(i) == '\'' || text.charAt(i) == '\u2019')) {
                return true;
            }
            int j = i;
            while (j < end && text.charAt(j) == ' ') {
                j++;
            }
            if (j + 3 <= end && text.regionMatches(true, j, "min", 0, 3)) {
                int w = j + 3;
                while (w < end && Character.isLetter(text.charAt(w))) {
                    w++;
                }
                String rest = text.substring(j + 3, w).toLowerCase(java.util.Locale.ROOT);
                if (rest.isEmpty() || rest.equals("s") || rest.equals("ute") || rest.equals("utes")) {
                    return true;
                }
            }
        }
        return false;
    }
}
