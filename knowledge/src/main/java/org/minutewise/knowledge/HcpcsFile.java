package org.minutewise.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minutewise.refdata.RefData;
import org.minutewise.refdata.RefDataException;

/**
 * Reads the CMS HCPCS Level II annual file (public domain), fixed-width record layout. Only the columns the
 * knowledge base needs are read:
 *
 * <ul>
 *   <li>1-5 the HCPCS code (a modifier: two characters, then blanks);</li>
 *   <li>6-10 the sequence number;</li>
 *   <li>11 the record identification code: {@code 3} first record of a procedure, {@code 4} its long
 *       description continued, {@code 7} first record of a modifier, {@code 8} its long description
 *       continued;</li>
 *   <li>12-91 the long description (or this record's part of it);</li>
 *   <li>92-119 the short description (on the first record).</li>
 * </ul>
 *
 * The rest of the record (pricing, coverage, dates, ...) is ignored. Continuation records are joined to
 * their code's long description in file order. A blank line is skipped; a record shorter than 11 columns or
 * with another record code is an error naming the line.
 */
public final class HcpcsFile {
    private HcpcsFile() {
    }

    /** A code or modifier with its descriptors; {@code modifier} for record codes 7 and 8. */
    public record Entry(Descriptor descriptor, boolean modifier) {
    }

    public static List<Entry> read(Path file) {
        return RefData.fromFile(file, in -> read(in, file.getFileName().toString()));
    }

    public static List<Entry> read(InputStream in, String name) {
        Map<String, String[]> byCode = new LinkedHashMap<>();
        Map<String, Boolean> modifier = new LinkedHashMap<>();
        try (BufferedReader r = Text.reader(in)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (no == 1) {
                    line = Text.stripBom(line);
                }
                if (line.isBlank()) {
                    continue;
                }
                if (line.length() < 11) {
                    throw new RefDataException(name + " line " + no
                            + ": a HCPCS record is fixed width (code 1-5, record code 11, long description 12-91)");
                }
                String code = Text.columns(line, 1, 5).toUpperCase();
                char rec = line.charAt(10);
                String longPart = Text.columns(line, 12, 91);
                String shortText = Text.columns(line, 92, 119);
                if (code.isEmpty()) {
                    throw new RefDataException(name + " line " + no + " columns 1-5: no code");
                }
                switch (rec) {
                    case '3', '7' -> {
                        byCode.put(code, new String[] {shortText, longPart});
                        modifier.put(code, rec == '7');
                    }
                    case '4', '8' -> {
                        String[] d = byCode.get(code);
                        if (d == null) {
                            throw new RefDataException(name + " line " + no + ": continuation of " + code
                                    + " before its first record");
                        }
                        d[1] = d[1].isEmpty() ? longPart : d[1] + " " + longPart;
                    }
                    default -> throw new RefDataException(name + " line " + no
                            + " column 11: record code must be 3, 4, 7 or 8, got '" + rec + "'");
                }
            }
        } catch (IOException e) {
            throw new RefDataException(name + ": " + e.getMessage(), e);
        }
        if (byCode.isEmpty()) {
            throw new RefDataException(name + ": no HCPCS record found");
        }
        List<Entry> out = new ArrayList<>(byCode.size());
        byCode.forEach((code, d) -> out.add(new Entry(new Descriptor(code, d[0], d[1].isEmpty() ? d[0] : d[1],
                false, name), modifier.get(code))));
        return out;
    }
}
