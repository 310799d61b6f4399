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
 */
public record DiagnosisCategory(String category, String title, String group, boolean supports97112,
                                String example) {
    public DiagnosisCategory {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(example, "example");
        if (!key(example).startsWith(key(category))) {
            throw new IllegalArgumentException("example " + example + " is not in the category " + category);
        }
    }

    /** A category billable as it stands (its own example). */
    public DiagnosisCategory(String category, String title, String group, boolean supports97112) {
        this(category, title, group, supports97112, category);
    }

    /** An ICD-10-CM code as compared: without its dot, in capitals ({@code i69.351} is {@code I69351}). */
    public static String key(String code) {
        return (code.indexOf('.') >= 0 ? code.replace(".", "") : code).toUpperCase(java.util.Locale.ROOT);
    }

    /** The diagnosis is this category itself (with or without its dot, in either case), not a code below it. */
    public boolean is(String diagnosis) {
        return key(diagnosis).equals(key(category));
    }

    /** The category is a code a claim may carry as it stands; otherwise it needs more characters. */
    public boolean billable() {
        return example.equalsIgnoreCase(category);
    }
}
