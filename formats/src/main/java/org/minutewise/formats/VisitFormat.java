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
