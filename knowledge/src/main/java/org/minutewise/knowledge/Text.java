package org.minutewise.knowledge;

import java.io.BufferedReader;
import java.io.InputStream;

/** Small text helpers for the file readers. */
final class Text {
    private Text() {
    }

    /**
     * A reader that takes UTF-8 and, where a byte is not valid UTF-8 (the CMS files are plain ASCII, some
     * vendor files Latin-1), replaces it rather than failing.
     */
    static BufferedReader reader(InputStream in) {
        return org.minutewise.refdata.RefData.lenientReader(in);
    }

    static String stripBom(String line) {
        return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
    }

    static String unquote(String s) {
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
            return s.substring(1, s.length() - 1).replace("\"\"", "\"");
        }
        return s;
    }

    /** The characters of a fixed-width field, 1-based inclusive columns, trimmed; "" past the end. */
    static String columns(String line, int from, int to) {
        if (line.length() < from) {
            return "";
        }
        return line.substring(from - 1, Math.min(to, line.length())).trim();
    }
}
