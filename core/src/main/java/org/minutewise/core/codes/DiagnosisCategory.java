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
        if (!example.replace(".", "").toUpperCase(java.util.Locale.ROOT)
                .startsWith(category.replace(".", "").toUpperCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("example " + example + " is not in the category " + category);
        }
    }

    /** A category billable as it stands (its own example). */
    public DiagnosisCategory(String category, String title, String group, boolean supports97112) {
        this(category, title, group, supports97112, category);
    }

    /** The category is a code a claim may carry as it stands; otherwise it needs more characters. */
    public boolean billable() {
        return example.equalsIgnoreCase(category);
    }
}
