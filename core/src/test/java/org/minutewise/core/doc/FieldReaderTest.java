package org.minutewise.core.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one reader of a note's "Label: value" fields (MW-D008, MW-D009 labels; template fields' parts). */
class FieldReaderTest {
    private static final FieldReader.LabelSet RESPONSE = new FieldReader.LabelSet(true, FieldReader.LabelSet.combine(
            List.of("", "pt"), List.of("response", "resp"), List.of("", "to tx")));
    private static final FieldReader.LabelSet PLAN = new FieldReader.LabelSet(false, List.of("P", "Plan",
            "Plan of care"));

    private static boolean has(String text, FieldReader.LabelSet labels) {
        return new FieldReader(text).anyWithContent(labels);
    }

    @Test
    void aLabelWhereAFieldStartsWithAValueThatSaysSomething() {
        assertThat(has("Response: fewer LOB.", RESPONSE)).isTrue();
        assertThat(has("TE 23 min. Pt response to tx - fewer cues", RESPONSE)).isTrue();
        assertThat(has("NMR | resp: trunk lean less", RESPONSE)).isTrue();
        assertThat(has("A: ok.  P: cont, add EC.", PLAN)).isTrue();
        assertThat(has("Plan of care: progress to EC", PLAN)).isTrue();
        // Near misses: no content, no field start, a hyphen where the set takes none, another word.
        assertThat(has("Response: none. P: n/a.", RESPONSE)).isFalse();
        assertThat(has("Response: none. P: n/a.", PLAN)).isFalse();
        assertThat(has("Plan:", PLAN)).isFalse();
        assertThat(has("good response: fewer LOB", RESPONSE)).isFalse();
        assertThat(has("Plan - progress", PLAN)).isFalse();
        assertThat(has("Pain: 3/10", PLAN)).isFalse();
    }

    @Test
    void aLabelAtAPlace() {
        FieldReader r = new FieldReader("Cues given. Plan: progress. HEP reviewed.");
        assertThat(r.labelAt(12, PLAN)).isTrue();
        assertThat(r.labelAt(0, PLAN)).isFalse();
        assertThat(r.labelAt(29, PLAN)).isFalse();
    }
}
