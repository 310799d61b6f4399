package org.minutewise.core.codes;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** ICD-10-CM categories; a diagnosis belongs to the longest category that prefixes it (dot ignored). */
public final class DiagnosisCatalog {
    private final String version;
    private final List<DiagnosisCategory> categories;

    public DiagnosisCatalog(String version, Collection<DiagnosisCategory> categories) {
        this.version = version;
        this.categories = List.copyOf(categories);
    }

    public static DiagnosisCatalog empty() {
        return new DiagnosisCatalog("empty", List.of());
    }

    public String version() {
        return version;
    }

    public List<DiagnosisCategory> all() {
        return categories;
    }

    public Optional<DiagnosisCategory> categoryOf(String diagnosis) {
        String dx = diagnosis.replace(".", "").toUpperCase();
        DiagnosisCategory best = null;
        for (DiagnosisCategory c : categories) {
            String prefix = c.category().replace(".", "");
            if (dx.startsWith(prefix) && (best == null || prefix.length() > best.category().replace(".", "").length())) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }
}
