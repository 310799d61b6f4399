package org.minutewise.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a question in plain words.
 *
 * @param answer     a short answer assembled from the best cards, ending with its source; or, when nothing
 *                   scores well enough, a plain "I don't know"
 * @param cards      the cards it rests on, best first (empty when {@code known} is false)
 * @param known      false when no card answered well enough: the answer then says so instead of guessing
 * @param confidence how much of the question the best card covers, 0 to 1 (IDF-weighted; see KnowledgeBase)
 */
public record Answer(String answer, List<ScoredCard> cards, boolean known, double confidence) {
    public Answer {
        Objects.requireNonNull(answer, "answer");
        cards = List.copyOf(cards);
    }
}
