package org.minutewise.formats;

/**
 * Bad input, with the place it is about: a JSON path such as {@code services[1].minutes}, a CSV line and
 * column, an X12 segment. {@link #getMessage()} is the one line a user sees: {@code path: detail}.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String path;
    private final String detail;

    public InputException(String path, String detail) {
        super(path.isEmpty() ? detail : path + ": " + detail);
        this.path = path;
        this.detail = detail;
    }

    public String path() {
        return path;
    }

    public String detail() {
        return detail;
    }

    /**
     * The same error in the record on line {@code line} of a file of one record a line (JSON Lines): "line 4,
     * dateOfService: ...", "line 2, column 13: malformed JSON: ..." (the parser's column within the line), "line 5:
     * ...".
     */
    public InputException onLine(long line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("line 1, column (\\d+)").matcher(path);
        String p = m.matches() ? "line " + line + ", column " + m.group(1)
                : path.isEmpty() ? "line " + line : "line " + line + ", " + path;
        return new InputException(p, detail);
    }

    /** The same error located inside an enclosing element, e.g. {@code [3]} of an array of visits. */
    public InputException within(String prefix) {
        String p = path.isEmpty() ? prefix : path.startsWith("[") ? prefix + path : prefix + "." + path;
        return new InputException(p, detail);
    }
}
