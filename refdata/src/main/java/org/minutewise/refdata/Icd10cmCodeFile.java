package org.minutewise.refdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.minutewise.core.codes.Icd10CodeSet;

/**
 * Reads the public ICD-10-CM code files CMS publishes each fiscal year (public domain), in either layout, told
 * apart line by line (the one parser: the knowledge base's descriptors and the check's code set both read it):
 *
 * <ul>
 *   <li><b>order file</b> ({@code icd10cm_order_YYYY.txt}), fixed width: columns 1-5 order number (zero
 *       filled), 7-13 code without its dot (left justified), 15 header flag ({@code 0} a category header not
 *       valid on a claim, {@code 1} a billable code), 17-76 short description, 78 to the end long
 *       description;</li>
 *   <li><b>codes file</b> ({@code icd10cm_codes_YYYY.txt}): the code without its dot, spaces, the
 *       description; billable codes only.</li>
 * </ul>
 *
 * Codes come back with their dot restored (I69351 is I69.351). Blank lines are skipped; any other line that fits
 * neither layout is an error naming the file and the line.
 */
public final class Icd10cmCodeFile {
    private static final Pattern ORDER = Pattern.compile("\\d{5} [A-Z0-9]{3,7} *[01] .*");
    private static final Pattern CODE = Pattern.compile("[A-Z][0-9][0-9A-Z]{1,5}");

    /** One line of the file: the code with its dot, whether it is a header, its short and long descriptions. */
    public record Line(String code, boolean header, String shortText, String longText) {
    }

    private Icd10cmCodeFile() {
    }

    public static List<Line> read(Path file) {
        return RefData.fromFile(file, in -> read(in, file.getFileName().toString()));
    }

    public static List<Line> read(InputStream in, String name) {
        List<Line> out = new ArrayList<>();
        try (BufferedReader r = RefData.lenientReader(in)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (no == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                out.add(ORDER.matcher(line).matches() ? order(line, name, no) : codes(line, name, no));
            }
        } catch (IOException e) {
            throw new RefDataException(name + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new RefDataException(name + ": no ICD-10-CM code found");
        }
        return out;
    }

    /**
     * The code set of a file, named by the file and the fiscal year its name says ("icd10cm_order_2026.txt,
     * ICD-10-CM FY2026"), for the check's MW-C015.
     */
    public static Icd10CodeSet codeSet(Path file) {
        String name = file.getFileName().toString();
        List<Icd10CodeSet.Entry> entries = new ArrayList<>();
        for (Line l : read(file)) {
            entries.add(new Icd10CodeSet.Entry(l.code(), l.header()));
        }
        java.util.Optional<Integer> year = Icd10CodeSet.yearOf(name);
        return new Icd10CodeSet(name + year.map(y -> ", ICD-10-CM FY" + y)
                .orElse(", ICD-10-CM, fiscal year not in the file name"), year.orElse(0), entries);
    }

    private static Line order(String line, String name, int no) {
        String code = columns(line, 7, 13);
        String flag = columns(line, 15, 15);
        String shortText = columns(line, 17, 76);
        String longText = columns(line, 78, Integer.MAX_VALUE);
        if (!CODE.matcher(code).matches()) {
            throw new RefDataException(name + " line " + no + " columns 7-13: not an ICD-10-CM code: " + code);
        }
        return new Line(withDot(code), flag.equals("0"), shortText, longText.isEmpty() ? shortText : longText);
    }

    private static Line codes(String line, String name, int no) {
        String t = line.strip();
        int sp = 0;
        while (sp < t.length() && !Character.isWhitespace(t.charAt(sp))) {
            sp++;
        }
        String code = t.substring(0, sp).replace(".", "").toUpperCase();
        String text = t.substring(sp).trim();
        if (!CODE.matcher(code).matches() || text.isEmpty()) {
            throw new RefDataException(name + " line " + no
                    + ": expected an ICD-10-CM code and its description (order or codes file layout)");
        }
        return new Line(withDot(code), false, "", text);
    }

    /** The characters of a fixed-width field, 1-based inclusive columns, trimmed; "" past the end. */
    private static String columns(String line, int from, int to) {
        if (line.length() < from) {
            return "";
        }
        return line.substring(from - 1, Math.min(to, line.length())).trim();
    }

    /** ICD-10-CM codes come without the dot in the CMS files: I69351 is I69.351. */
    private static String withDot(String code) {
        String c = code.trim().toUpperCase();
        return c.indexOf('.') >= 0 || c.length() <= 3 ? c : c.substring(0, 3) + "." + c.substring(3);
    }
}
