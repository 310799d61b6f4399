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

    /** Where the clause of a phrase at {@code start} begins: just after the ',' before it, or at its sentence's start. */
    static int clauseStart(NoteScan scan, int start) {
        return clauseStart(scan, start, scan.sentenceStart(start));
    }

    /** {@link #clauseStart(NoteScan, int)} with the start of the phrase's sentence already known. */
    static int clauseStart(NoteScan scan, int start, int sentence) {
        String text = scan.text();
        int from = start;
        while (from > sentence && text.charAt(from - 1) != ',') {
            from--;
        }
        return from;
    }

    /**
     * Where the clause of a phrase at [{@code start}, {@code end}) ends: at the ',' after it, or at its sentence's
     * end.
     */
    static int clauseEnd(NoteScan scan, int start, int end) {
        return clauseEndBy(scan, end, scan.sentenceEnd(start));
    }

    /** {@link #clauseEnd(NoteScan, int, int)} with the end of the phrase's sentence already known. */
    static int clauseEndBy(NoteScan scan, int end, int sentenceEnd) {
        String text = scan.text();
        int to = end;
        while (to < sentenceEnd && text.charAt(to) != ',') {
            to++;
        }
        return to;
    }

    /**
     * True when [from, to) states minutes: a number followed by a minute unit ("x 10 min", "25min", "23'", "23\u2019"),
     * as {@link org.minutewise.core.doc.NoteMinutes#minuteUnitEnd} defines it for the minutes the note states.
     */
    static boolean hasMinutes(String text, int from, int to) {
        return org.minutewise.core.doc.NoteMinutes.statesMinutes(text, from, to);
    }

    /**
     * True when [from, to) names an activity of its own: a technique, or minutes ("x 10 min"). A technique that is a
     * cue's aim ("VC for ankle strategy") names what the cue was for, not another activity (MW-D015, MW-D016).
     */
    static boolean namesActivity(NoteScan scan, int from, int to) {
        return scan.anyWithinButCueAims(org.minutewise.core.doc.PhraseLists.TECHNIQUE, from, to)
                || hasMinutes(scan.text(), from, to);
    }
}
