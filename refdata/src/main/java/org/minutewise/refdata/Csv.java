package org.minutewise.refdata;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 fields of one record. Reference files hold no line breaks inside quotes, so a record is a line;
 * the formats module's streaming reader handles multi-line records.
 */
public final class Csv {
    private Csv() {
    }

    /** Splits one line into fields; a quoted field may hold commas and doubled quotes. */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    f.append(c);
                }
            } else if (c == '"' && f.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new IllegalArgumentException("unclosed quote");
        }
        out.add(f.toString());
        return out;
    }

    /** Quotes a field when it needs it (comma, quote, CR or LF). */
    public static String quote(String field) {
        boolean needs = false;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                needs = true;
                break;
            }
        }
        if (!needs) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
