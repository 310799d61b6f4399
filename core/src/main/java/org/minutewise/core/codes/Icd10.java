package org.minutewise.core.codes;

/** The shape of an ICD-10-CM diagnosis code as visits carry it. */
public final class Icd10 {
    /**
     * The shape, as a regular expression: a letter other than U, a digit, a digit or A or B (the category), then
     * optionally a dot and one to four letters (not U) or digits. Upper case.
     */
    public static final String SHAPE = "[A-TV-Z][0-9][0-9AB](\\.?[0-9A-TV-Z]{1,4})?";

    private Icd10() {
    }

    /** True when the code has the {@link #SHAPE}; tested by hand, as it runs for every row of a batch audit. */
    public static boolean isWellFormed(String code) {
        int n = code.length();
        if (n < 3 || !letter(code.charAt(0)) || !digit(code.charAt(1))) {
            return false;
        }
        char c2 = code.charAt(2);
        if (!digit(c2) && c2 != 'A' && c2 != 'B') {
            return false;
        }
        if (n == 3) {
            return true;
        }
        int i = code.charAt(3) == '.' ? 4 : 3;
        if (n - i < 1 || n - i > 4) {
            return false;
        }
        for (; i < n; i++) {
            char c = code.charAt(i);
            if (!digit(c) && !letter(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A well-formed code in its dotted form, as ICD-10-CM writes it and HL7's terminology expects (I69351 is
     * I69.351); a category (3 characters) or a code with its dot as it is.
     */
    public static String dotted(String code) {
        return code.length() > 3 && code.indexOf('.') < 0 ? code.substring(0, 3) + "." + code.substring(3) : code;
    }

    private static boolean letter(char c) {
        return c >= 'A' && c <= 'Z' && c != 'U';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
