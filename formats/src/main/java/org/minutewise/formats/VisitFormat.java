package org.minutewise.formats;

import java.util.Locale;
import java.util.Optional;

/** The formats visits come in and results go out in. */
public enum VisitFormat {
    JSON, FHIR, CSV, X12, JSONL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<VisitFormat> parse(String text) {
        for (VisitFormat f : values()) {
            if (f.wire().equalsIgnoreCase(text)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** A first line of comma-separated names that includes the layout's visitId and code columns. */
    private static boolean looksLikeCsvHeader(String head) {
        int end = head.indexOf('\n');
        String first = end < 0 ? head : head.substring(0, end);
        return first.contains(",") && first.contains("visitId") && first.contains("code");
    }

    /**
     * Why an input whose format was guessed ({@link #detect}) from {@code name} and its first characters
     * {@code text} cannot be read at all, or empty when it can be read as that format (its reader then says what is
     * wrong with a record): a first line delimited by tabs or ';' instead of commas (a TSV, a spreadsheet's export
     * in a locale that writes ';'), or a file that is no format Minutewise reads (not a CSV header, not JSON, not
     * X12) and would otherwise be read as JSON. The problem is on line 1.
     */
    public static Optional<String> unreadable(VisitFormat format, String text) {
        if (format == X12) {
            return Optional.empty();
        }
        String head = VisitJsonReader.withoutBom(text);
        String lead = head.stripLeading();
        if (lead.startsWith("{") || lead.startsWith("[")) {
            return Optional.empty();
        }
        int end = head.indexOf('\n');
        String first = end < 0 ? head : head.substring(0, end);
        String delimited = org.minutewise.formats.csv.CsvVisitReader.otherDelimiter(first.strip());
        if (delimited != null && !first.isBlank()) {
            return Optional.of(delimited);
        }
        if (format == JSONL && notJsonLines(head)) {
            return Optional.of("not JSON Lines: none of the file's first lines is a JSON object ('{' first)"
                    + (first.contains(",") && first.contains("visitId") ? "; it looks like the CSV layout: name "
                    + "the file .csv" : ""));
        }
        if (format == JSON && !lead.isEmpty()) {
            return Optional.of("not a format Minutewise reads: not the CSV layout (a header row of comma-separated "
                    + "column names with visitId and code), not JSON or JSON Lines (no '{' or '[' first), not "
                    + "X12 (no ISA first)");
        }
        return Optional.empty();
    }

    /** Lines of a JSON Lines file looked at before it is refused as something else. */
    private static final int JSONL_LINES_LOOKED_AT = 3;

    /**
     * Whether the first {@value #JSONL_LINES_LOOKED_AT} complete, non-blank lines of {@code head} are there and none
     * is a JSON object: a file of something else named .jsonl (a CSV, say), whose every line would be rejected. One
     * bad line among records is left to the reader, which rejects it and reads on.
     */
    private static boolean notJsonLines(String head) {
        int lines = 0;
        int from = 0;
        for (int nl = head.indexOf('\n'); nl >= 0 && lines < JSONL_LINES_LOOKED_AT; nl = head.indexOf('\n', from)) {
            String line = head.substring(from, nl).strip();
            from = nl + 1;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("{")) {
                return false;
            }
            lines++;
        }
        return lines >= JSONL_LINES_LOOKED_AT;
    }

    /** Guesses the format of an input from its name and its first characters. */
    public static VisitFormat detect(String name, String text) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz")) {
            n = n.substring(0, n.length() - 3);
        } else if (n.endsWith(".gzip")) {
            n = n.substring(0, n.length() - 5);
        }
        String head = VisitJsonReader.withoutBom(text).stripLeading();
        if (n.endsWith(".csv")) {
            return CSV;
        }
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
            return JSONL;
        }
        if (n.endsWith(".edi") || n.endsWith(".x12") || n.endsWith(".837") || head.startsWith("ISA")) {
            return X12;
        }
        if (!head.startsWith("{") && !head.startsWith("[") && looksLikeCsvHeader(head)) {
            return CSV; // whatever the file is called (a .txt, a gzip without .gz)
        }
        if (head.startsWith("{") && head.length() < 4096 ? head.contains("\"resourceType\"")
                : head.startsWith("{") && head.substring(0, 4096).contains("\"resourceType\"")) {
            return FHIR;
        }
        return JSON;
    }
}
