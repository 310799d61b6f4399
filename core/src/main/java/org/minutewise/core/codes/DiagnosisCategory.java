package org.minutewise.core.codes;

import java.util.Objects;

/**
 * An ICD-10-CM category relevant to therapy (public-domain title).
 *
 * @param category      the category or subcategory prefix, e.g. {@code I69} or {@code R29.6}
 * @param group         neurological, vestibular, gait-balance, musculoskeletal, injury, cognitive-communication
 * @param supports97112 the category by itself explains a neuromuscular deficit (RULES.md §7)
 * @param example       a billable code of the category, with all the characters it requires ({@code I69.351}); the
 *                      category itself when it is billable as it stands ({@code R29.6})
 * @param subdividedOn  the first date of service of the codes below a category that was itself billable before
 *                      (G20 until 2023-09-30, then G20.A1 ...): empty when it has been subdivided since before the
 *                      dates Minutewise knows (2018 on)
 */
public record DiagnosisCategory(String category, String title, String group, boolean supports97112,
                                String example, java.util.Optional<java.time.LocalDate> subdividedOn) {
    public DiagnosisCategory {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(example, "example");
        Objects.requireNonNull(subdividedOn, "subdividedOn");
        if (!key(example).startsWith(key(category))) {
            throw new IllegalArgumentException("example " + example + " is not in the category " + category);
        }
    }

    public DiagnosisCategory(String category, String title, String group, boolean supports97112, String example) {
        this(category, title, group, supports97112, example, java.util.Optional.empty());
    }

    /** A category billable as it stands (its own example). */
    public DiagnosisCategory(String category, String title, String group, boolean supports97112) {
        this(category, title, group, supports97112, category);
    }

    /** An ICD-10-CM code as compared: without its dot, in capitals ({@code i69.351} is {@code I69351}). */
    public static String key(String code) {
        // One pass for the usual ASCII code: the code itself when it has no dot and no lower case letter, else its
        // characters without the dot and in capitals; any other character takes the general way, same result.
        int n = code.length();
        int i = 0;
        char c;
        while (i < n && (c = code.charAt(i)) != '.' && c < 128 && !(c >= 'a' && c <= 'z')) {
            i++;
        }
        if (i == n) {
            return code;
        }
        char[] out = new char[n];
        code.getChars(0, i, out, 0);
        int k = i;
        for (; i < n; i++) {
            c = code.charAt(i);
            if (c >= 128) {
                return (code.indexOf('.') >= 0 ? code.replace(".", "") : code).toUpperCase(java.util.Locale.ROOT);
            }
            if (c != '.') {
                out[k++] = c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
            }
        }
        return new String(out, 0, k);
    }

    /** Categories whose codes take a 7th character (encounter or sequela), by the first characters of the key. */
    private static final java.util.List<String> SEVENTH_CHARACTER = java.util.List.of("S", "T", "M484", "M485",
            "M80", "M843", "M844", "M845", "M846");

    /**
     * A code of a category that needs a 7th character (injuries S00-T88 but the burn extents T31-T32; pathological
     * and fatigue fractures) written with fewer than seven characters: not billable (ICD-10-CM guidelines I.B.2).
     */
    public static boolean needsSeventhCharacter(String diagnosis) {
        // Only codes whose key begins with S, T or M can: the key (and its copy of a dotted code) is not worked out
        // for a code that begins with another ASCII character (a dot aside), the usual diagnosis of a therapy visit.
        char c = diagnosis.isEmpty() ? 0 : diagnosis.charAt(0);
        if (c < 128 && c != '.' && c != 'S' && c != 'T' && c != 'M' && c != 's' && c != 't' && c != 'm') {
            return false;
        }
        String k = key(diagnosis);
        if (k.length() >= 7 || k.length() < 3 || k.startsWith("T31") || k.startsWith("T32")) {
            return false;
        }
        for (int i = 0; i < SEVENTH_CHARACTER.size(); i++) {
            if (k.startsWith(SEVENTH_CHARACTER.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** The diagnosis is this category itself (with or without its dot, in either case), not a code below it. */
    public boolean is(String diagnosis) {
        return key(diagnosis).equals(key(category));
    }

    /** The category is a code a claim may carry as it stands; otherwise it needs more characters. */
    public boolean billable() {
        return example.equalsIgnoreCase(category);
    }

    /** The category is a code a claim of that date of service may carry: billable, or not yet subdivided then. */
    public boolean billableOn(java.time.LocalDate date) {
        return billable() || subdividedOn.isPresent() && date.isBefore(subdividedOn.get());
    }

    /**
     * The diagnosis is a code below this category on a date before the category was subdivided (G20.A1 in 2022):
     * it did not exist yet, and the category itself was the billable code.
     */
    public boolean notYetValid(String diagnosis, java.time.LocalDate date) {
        return subdividedOn.isPresent() && date.isBefore(subdividedOn.get()) && !is(diagnosis)
                && key(diagnosis).startsWith(key(category));
    }
}
