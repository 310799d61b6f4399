package org.minutewise.knowledge;

import java.util.Objects;

/** A card found by a search, with its score (relative: higher is better, comparable within one result list). */
public record ScoredCard(Card card, double score) {
    public ScoredCard {
        Objects.requireNonNull(card, "card");
    }
}
