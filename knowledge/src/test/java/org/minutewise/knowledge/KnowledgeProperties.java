package org.minutewise.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** Whatever a user types, search, ask and lookup answer without throwing, within their limits. */
class KnowledgeProperties {
    private static final KnowledgeBase KB = KnowledgeBase.standard();

    @Property(tries = 200)
    void searchNeverThrowsAndRespectsTheLimit(@ForAll @StringLength(max = 120) String text,
                                             @ForAll @IntRange(min = 0, max = 20) int limit) {
        assertThat(KB.search(text, limit)).hasSizeLessThanOrEqualTo(limit);
    }

    @Property(tries = 200)
    void askAlwaysAnswersAndCitesWhenItKnows(@ForAll @StringLength(max = 120) String question) {
        Answer a = KB.ask(question);
        assertThat(a.answer()).isNotBlank();
        assertThat(a.cards()).hasSizeLessThanOrEqualTo(KnowledgeBase.ASK_CARDS);
        if (a.known()) {
            assertThat(a.answer()).contains("Source:");
        } else {
            assertThat(a.cards()).isEmpty();
        }
    }

    @Property(tries = 200)
    void lookupNeverThrows(@ForAll @StringLength(max = 20) String id) {
        assertThat(KB.lookup(id)).isNotNull();
        KnowledgeBase.isWellFormedId(id);
    }
}
