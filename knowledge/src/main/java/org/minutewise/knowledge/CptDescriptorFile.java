package org.minutewise.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minutewise.core.codes.ProcedureCode;
import org.minutewise.refdata.Csv;
import org.minutewise.refdata.RefData;
import org.minutewise.refdata.RefDataException;

/**
 * Reads a licensed CPT descriptor file a user supplies (the project ships none of the AMA's text).
 *
 * <p>Expected layout, one code a line, as the AMA's data files lay it out: the code, a separator, the
 * descriptor. The separator may be a tab (LONGULT/MEDU style files), a comma (CSV, quotes allowed), a pipe,
 * or spaces. Tolerated: a UTF-8 byte order mark, a header line (its first field is not a code), blank lines,
 * {@code #} comments, quotes around a field, and a code listed on more than one line (the lines are joined in
 * file order: some files wrap long descriptors). Lines whose first field is not a CPT or
 * HCPCS code are skipped and counted. A file with no code at all is an error.
 */
public final class CptDescriptorFile {
    private CptDescriptorFile() {
    }

    public static List<Descriptor> read(Path file) {
        return RefData.fromFile(file, in -> read(in, file.getFileName().toString()));
    }

    public static List<Descriptor> read(InputStream in, String name) {
        Map<String, StringBuilder> texts = new LinkedHashMap<>();
        try (BufferedReader r = Text.reader(in)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (no == 1) {
                    line = Text.stripBom(line);
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = split(line, name, no);
                if (f == null) {
                    continue;
                }
                StringBuilder sb = texts.get(f[0]);
                if (sb == null) {
                    texts.put(f[0], new StringBuilder(f[1]));
                } else if (!f[1].isEmpty()) {
                    sb.append(' ').append(f[1]);
                }
            }
        } catch (IOException e) {
            throw new RefDataException(name + ": " + e.getMessage(), e);
        }
        if (texts.isEmpty()) {
            throw new RefDataException(name + ": no CPT code found (expected lines like \"97112<TAB>descriptor\")");
        }
        List<Descriptor> out = new ArrayList<>(texts.size());
        texts.forEach((code, text) -> out.add(new Descriptor(code, "", text.toString().trim(), false, name)));
        return out;
    }

    /** {code, descriptor}, or null for a line that holds no code (a header, a note). */
    private static String[] split(String line, String name, int no) {
        String code;
        String rest;
        int tab = line.indexOf('\t');
        int pipe = line.indexOf('|');
        if (tab >= 0) {
            code = line.substring(0, tab);
            rest = line.substring(tab + 1).replace('\t', ' ');
        } else if (pipe >= 0) {
            code = line.substring(0, pipe);
            rest = line.substring(pipe + 1).replace('|', ' ');
        } else if (line.indexOf(',') >= 0 && line.indexOf(',') < 8) {
            List<String> f;
            try {
                f = Csv.split(line);
            } catch (IllegalArgumentException e) {
                throw new RefDataException(name + " line " + no + ": " + e.getMessage());
            }
            code = f.get(0);
            rest = String.join(", ", f.subList(1, f.size()));
        } else {
            int sp = 0;
            while (sp < line.length() && !Character.isWhitespace(line.charAt(sp))) {
                sp++;
            }
            code = line.substring(0, sp);
            rest = line.substring(sp);
        }
        code = Text.unquote(code.trim()).toUpperCase();
        if (!ProcedureCode.isWellFormed(code)) {
            return null;
        }
        return new String[] {code, Text.unquote(rest.trim())};
    }
}
