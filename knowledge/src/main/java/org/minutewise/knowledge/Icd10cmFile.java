package org.minutewise.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.minutewise.refdata.RefDataException;

/**
 * Reads the public ICD-10-CM code files CMS publishes each fiscal year (public domain), in either layout,
 * told apart line by line:
 *
 * <ul>
 *   <li><b>order file</b> ({@code icd10cm_order_YYYY.txt}), fixed width: columns 1-5 order number (zero
 *       filled), 7-13 code without its dot (left justified), 15 header flag ({@code 0} a category header not
 *       valid on a claim, {@code 1} a billable code), 17-76 short description, 78 to the end long
 *       description;</li>
 *   <li><b>codes file</b> ({@code icd10cm_codes_YYYY.txt}): the code without its dot, spaces, the
 *       description.</li>
 * </ul>
 *
 * Codes come back with their dot restored (I69351 is I69.351). Blank lines are skipped; any other line that
 * fits neither layout is an error naming the line.
 */
public final class Icd10cmFile {
    private static final Pattern ORDER = Pattern.compile("\\d{5} [A-Z0-9]{3,7} *[01] .*");
    private static final Pattern CODE = Pattern.compile("[A-Z][0-9][0-9A-Z]{1,5}");

    private Icd10cmFile() {
    }

    public static List<Descriptor> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new RefDataException(file + ": no such file");
        } catch (IOException e) {
            throw new RefDataException(file + ": " + e.getMessage(), e);
        }
    }

    public static List<Descriptor> read(InputStream in, String name) {
        List<Descriptor> out = new ArrayList<>();
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

    private static Descriptor order(String line, String name, int no) {
        String code = Text.columns(line, 7, 13);
        String flag = Text.columns(line, 15, 15);
        String shortText = Text.columns(line, 17, 76);
        String longText = Text.columns(line, 78, Integer.MAX_VALUE);
        if (!CODE.matcher(code).matches()) {
            throw new RefDataException(name + " line " + no + " columns 7-13: not an ICD-10-CM code: " + code);
        }
        return new Descriptor(Text.icdWithDot(code), shortText, longText.isEmpty() ? shortText : longText,
                flag.equals("0"), name);
    }

    private static Descriptor codes(String line, String name, int no) {
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
        return new Descriptor(Text.icdWithDot(code), "", text, false, name);
    }
}
