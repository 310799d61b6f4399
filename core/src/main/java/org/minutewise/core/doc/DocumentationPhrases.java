package org.minutewise.core.doc;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Curated phrase lists the documentation checks match against a note (lower case), by list name, e.g.
 * {@code deficit}, {@code technique}, {@code vague}. Loaded from reference data.
 */
public record DocumentationPhrases(String version, Map<String, List<String>> lists) {
    public DocumentationPhrases {
        Objects.requireNonNull(version, "version");
        lists = Map.copyOf(lists);
    }

    public static DocumentationPhrases empty() {
        return new DocumentationPhrases("empty", Map.of());
    }

    public List<String> list(String name) {
        return lists.getOrDefault(name, List.of());
    }
}
