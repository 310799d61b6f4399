package org.minutewise.knowledge;

import java.util.Objects;

/**
 * One statement on a card, under a topic ("Documentation", "Denials", "NCCI pairs", ...). The text is ours,
 * written from RULES.md; it never quotes AMA CPT descriptor text (a user-loaded licensed file may add a
 * "Descriptor" fact at run time).
 */
public record Fact(String topic, String text) {
    public Fact {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(text, "text");
    }
}
