package org.minutewise.core.doc;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Curated phrase lists the documentation checks match against a note (lower case), by list name, e.g.
 * {@code deficit}, {@code technique}, {@code vague}. Loaded from reference data. Immutable, as the
 * {@link org.minutewise.core.check.ReferenceData} that holds it: the map and each list are copies no caller can
 * change (one reference data serves every check in the process).
 */
public record DocumentationPhrases(String version, Map<String, List<String>> lists) {
    public DocumentationPhrases {
        Objects.requireNonNull(version, "version");
        Map<String, List<String>> copy = new java.util.HashMap<>(lists.size() * 2);
        lists.forEach((name, phrases) -> copy.put(name, List.copyOf(phrases)));
        lists = Map.copyOf(copy);
    }

    public static DocumentationPhrases empty() {
        return new DocumentationPhrases("empty", Map.of());
    }

    public List<String> list(String name) {
        return lists.getOrDefault(name, List.of());
    }
}
