package org.minutewise.core.codes;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.minutewise.core.BoundedMemo;

/** ICD-10-CM categories; a diagnosis belongs to the longest category that prefixes it (dot ignored). */
public final class DiagnosisCatalog {
    private final String version;
    private final List<DiagnosisCategory> categories;
    /** By the category without its dot, for a longest-prefix look-up in a few hash probes. */
    private final Map<String, DiagnosisCategory> byPrefix = new HashMap<>();
    private final int longest;
    /** Answers already worked out, by diagnosis as written: the look-up itself builds strings. */
    private final BoundedMemo<String, Optional<DiagnosisCategory>> memo = new BoundedMemo<>(50_000, this::lookUp);

    /** The full code set the user gave (--icd10-file), or null: the categories alone. */
    private final Icd10CodeSet codeSet;

    public DiagnosisCatalog(String version, Collection<DiagnosisCategory> categories) {
        this(version, categories, null);
    }

    private DiagnosisCatalog(String version, Collection<DiagnosisCategory> categories, Icd10CodeSet codeSet) {
        this.codeSet = codeSet;
        this.version = version;
        this.categories = List.copyOf(categories);
        int max = 0;
        for (DiagnosisCategory c : this.categories) {
            String key = DiagnosisCategory.key(c.category());
            byPrefix.put(key, c);
            max = Math.max(max, key.length());
        }
        this.longest = max;
    }

    public static DiagnosisCatalog empty() {
        return new DiagnosisCatalog("empty", List.of());
    }

    public String version() {
        return version;
    }

    /** The same categories, with the complete code set of a year to look each diagnosis up in. */
    public DiagnosisCatalog withCodeSet(Icd10CodeSet set) {
        return new DiagnosisCatalog(version, categories, java.util.Objects.requireNonNull(set, "set"));
    }

    /**
     * The complete ICD-10-CM code set given with the categories, if any: without it a diagnosis is judged by its
     * shape and category only, never looked up.
     */
    public Optional<Icd10CodeSet> codeSet() {
        return Optional.ofNullable(codeSet);
    }

    public List<DiagnosisCategory> all() {
        return categories;
    }

    /**
     * A billable code of the category on a date of service: its example, or, when the example did not exist yet
     * then (M54.50 before 2021-10-01), the subdivided category that was billable in its place (M54.5).
     */
    public String exampleOn(DiagnosisCategory c, java.time.LocalDate date) {
        Optional<DiagnosisCategory> under = categoryOf(c.example());
        return under.isPresent() && under.get().notYetValid(c.example(), date) ? under.get().category() : c.example();
    }

    public Optional<DiagnosisCategory> categoryOf(String diagnosis) {
        return memo.get(diagnosis);
    }

    private Optional<DiagnosisCategory> lookUp(String diagnosis) {
        String dx = DiagnosisCategory.key(diagnosis);
        for (int len = Math.min(longest, dx.length()); len > 0; len--) {
            DiagnosisCategory c = byPrefix.get(len == dx.length() ? dx : dx.substring(0, len));
            if (c != null) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
