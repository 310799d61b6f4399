package org.minutewise.formats.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.minutewise.formats.InputException;

/** Values as X12 wants them: no delimiter characters, amounts without trailing zeros, dates CCYYMMDD. */
final class X12Text {
    static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;

    private X12Text() {
    }

    /**
     * Checks a text value for an X12 element: {@code min} to {@code max} characters, none of them a delimiter
     * ({@code * : ^ ~}) or a control character. Returns it trimmed.
     */
    static String check(String value, String path, int min, int max) {
        String v = value.trim();
        if (v.length() < min) {
            throw new InputException(path, v.isEmpty() ? "must not be empty" : "at least " + min
                    + " characters for X12, got \"" + v + "\"");
        }
        if (v.length() > max) {
            throw new InputException(path, "at most " + max + " characters for X12, got " + v.length());
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '*' || c == ':' || c == '^' || c == '~') {
                throw new InputException(path, "contains \"" + c + "\", which X12 reserves as a delimiter");
            }
            if (c < 0x20 || c == 0x7f) {
                throw new InputException(path, "contains a control character");
            }
        }
        return v;
    }

    /** An amount as X12 writes it: no exponent, no trailing zeros after the point ({@code 80}, {@code 80.5}). */
    static String amount(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() < 0) {
            s = s.setScale(0);
        }
        return s.toPlainString();
    }

    static String date(LocalDate d) {
        return d.format(D8);
    }

    /** An ICD-10-CM code without its dot, as the HI segment carries it: I69.351 becomes I69351. */
    static String undot(String icd10) {
        return icd10.replace(".", "");
    }

    /** An ICD-10-CM code from an HI segment with its dot back after the third character: I69351 becomes I69.351. */
    static String redot(String code) {
        String c = code.trim().toUpperCase();
        return c.length() > 3 && c.indexOf('.') < 0 ? c.substring(0, 3) + "." + c.substring(3) : c;
    }
}
