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
        String v = ascii(value.trim(), path);
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

    /**
     * The text in the X12 character set: accented letters lose their accents (Muñoz to Munoz, as clearinghouses
     * expect); a character with no plain-letter form is refused, naming the field (a 999 would reject it).
     */
    static String ascii(String v, String path) {
        boolean plain = true;
        for (int i = 0; i < v.length() && plain; i++) {
            plain = v.charAt(i) < 0x80;
        }
        if (plain) {
            return v;
        }
        String folded = java.text.Normalizer.normalize(v, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace("ß", "ss").replace('Ø', 'O').replace('ø', 'o').replace('Ł', 'L').replace('ł', 'l')
                .replace("Æ", "AE").replace("æ", "ae").replace('\u2019', '\'').replace('\u2018', '\'')
                .replace('\u2013', '-').replace('\u2014', '-');
        for (int i = 0; i < folded.length(); i++) {
            if (folded.charAt(i) >= 0x80) {
                throw new InputException(path, "contains \"" + folded.charAt(i) + "\", which the X12 character set "
                        + "does not have: write it in plain letters");
            }
        }
        return folded;
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
        return org.minutewise.core.codes.Icd10.dotted(code.trim().toUpperCase());
    }
}
