package org.minutewise.core.doc;

import java.util.Objects;

/**
 * One phrase found in a note.
 *
 * @param list   the name of the phrase list the phrase belongs to ({@code vague}, {@code technique}, ...)
 * @param phrase the phrase as the matcher knows it: lower case, separators written as one space
 * @param start  offset of its first character in the original note
 * @param end    offset just past its last character in the original note ({@code note.substring(start, end)}
 *               is the matched text as written)
 */
public record PhraseMatch(String list, String phrase, int start, int end) {
    public PhraseMatch {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(phrase, "phrase");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    /** The path of the span in a finding: {@code note[120:148]}. */
    public String path() {
        return "note[" + start + ":" + end + "]";
    }
}
