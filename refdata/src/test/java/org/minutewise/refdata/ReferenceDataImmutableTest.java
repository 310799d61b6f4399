package org.minutewise.refdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.doc.DocumentationPhrases;

/**
 * {@link ReferenceData} is documented immutable, and one serves every check of a process ({@link RefData#defaults()}
 * is one instance): nothing it hands out can be changed by a caller.
 */
class ReferenceDataImmutableTest {

    @Test
    void thePhraseListsOfTheDefaultsCannotBeChanged() {
        ReferenceData ref = RefData.defaults();
        List<String> goal = ref.phrases().list("goal");
        assertThat(goal).isNotEmpty();
        // It was an ArrayList: clearing it turned MW-D010 off for every later check in the JVM.
        assertThatThrownBy(goal::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> goal.add("my phrase")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ref.phrases().lists().put("goal", List.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        for (List<String> list : ref.phrases().lists().values()) {
            assertThatThrownBy(() -> list.add("x")).isInstanceOf(UnsupportedOperationException.class);
        }
        assertThat(RefData.defaults().phrases().list("goal")).isEqualTo(goal).isNotEmpty();
    }

    @Test
    void phrasesAreCopiedFromWhatTheyWereBuiltWith() {
        List<String> mine = new ArrayList<>(List.of("goal"));
        Map<String, List<String>> lists = new HashMap<>(Map.of("goal", mine));
        DocumentationPhrases p = new DocumentationPhrases("t", lists);
        mine.add("later");
        lists.put("other", List.of("x"));
        assertThat(p.list("goal")).containsExactly("goal");
        assertThat(p.lists()).containsOnlyKeys("goal");
        // Near miss: a list not there is an empty one, as before.
        assertThat(p.list("none")).isEmpty();
    }

    @Test
    void everyOtherCatalogHandsOutNothingToChange() {
        ReferenceData ref = RefData.defaults();
        assertThatThrownBy(() -> ref.codes().all().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ref.codes().modifiers().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ref.codes().all().iterator().next().disciplines().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ref.diagnoses().all().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ref.payers().all().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ref.payers().all().iterator().next().deniedDistinctPairs().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        // The edit tables hand out copies: changing one leaves the table as it was.
        int edits = ref.ptp().all().size();
        ref.ptp().all().clear();
        assertThat(ref.ptp().all()).hasSize(edits);
        int mues = ref.mue().latest().size();
        ref.mue().latest().clear();
        assertThat(ref.mue().latest()).hasSize(mues);
    }
}
