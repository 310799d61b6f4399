package org.minutewise.core.codes;

import java.util.Objects;

/**
 * An ICD-10-CM category relevant to therapy (public-domain title).
 *
 * @param category      the category or subcategory prefix, e.g. {@code I69} or {@code R29.6}
 * @param group         neurological, vestibular, gait-balance, musculoskeletal, injury, cognitive-communication
 * @param supports97112 the category by itself explains a neuromuscular deficit (RULES.md §7)
 */
public record DiagnosisCategory(String category, String title, String group, boolean supports97112) {
    public DiagnosisCategory {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(group, "group");
    }
}
