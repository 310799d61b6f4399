package org.minutewise.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Clinicians' minutes and their codes listed apart ("PT 20 min and OT 20 min, 97110 and 97535"): paired in order when
 * there are as many codes as counts of minutes (PT 97110, OT 97535), answered through the same check as the minutes
 * written with their codes; when the counts differ, the answer says it cannot pair them.
 */
class AskListedApartTest {
    private static final KnowledgeBase KB = KnowledgeBase.standard();

    @Test
    void codesListedApartArePairedInOrder() {
        Answer a = KB.ask("PT 20 min and OT 20 min, 97110 and 97535");
        assertThat(a.known()).isTrue();
        assertThat(a.answer()).isEqualTo(KB.ask("PT did 20 minutes of 97110 and OT did 20 minutes of 97535").answer())
                .startsWith("PT 20 min 97110 + OT 20 min 97535: ")
                .contains("PT 20 timed minutes = 1 unit, OT 20 timed minutes = 1 unit; 2 units in all")
                .contains("97110 GP x1, 97535 GO x1");
        assertThat(a.cards().get(0).card().id()).isEqualTo("cms-total-time");
        // In order, whichever the codes: the first minutes are the first code's.
        assertThat(KB.ask("OT 25 min and PT 10 min: 97535 & 97110, how many units").answer())
                .startsWith("OT 25 min 97535 + PT 10 min 97110: ").contains("97535 GO x2, 97110 GP x1");
        assertThat(KB.ask("PTA 10 min and PT 20 min, 97110 or 97140").answer())
                .startsWith("PTA 10 min 97110 + PT 20 min 97140: ");
    }

    @Test
    void codesListedApartInAnotherNumberAreNotPaired() {
        for (String q : List.of("PT 20 min and OT 20 min, 97110, 97535 and 97140",
                "PT 20 min, OT 20 min and SLP 30 min, 97110 and 97535")) {
            Answer a = KB.ask(q);
            assertThat(a.known()).as(q).isFalse();
            assertThat(a.cards()).as(q).isEmpty();
            assertThat(a.answer()).as(q).startsWith("I can't pair them: ").doesNotContain("timed minutes");
        }
        assertThat(KB.ask("PT 20 min and OT 20 min, 97110, 97535 and 97140").answer()).startsWith("I can't pair them: "
                + "2 counts of minutes (PT 20 min, OT 20 min) and 3 codes listed apart from them (97110, 97535, "
                + "97140).");
        // Near misses: codes written beside their minutes are read as before; one code after all the minutes is no
        // list (it is the code of every count, as before).
        assertThat(KB.ask("PT 20 min 97110 and OT 20 min 97535").answer())
                .startsWith("PT 20 min 97110 + OT 20 min 97535: ");
        assertThat(KB.ask("97110 20 min and 97112 18 min how many units").answer())
                .startsWith("97110 20 min + 97112 18 min: 38 timed minutes, 3 units");
        assertThat(KB.ask("PT 20 min and OT 20 min, 97110").answer()).startsWith("PT 20 min 97110 + OT 20 min 97110: ");
    }

    /** Listed apart or written with their codes, a PT's and an OT's minutes get the same answer. */
    @Property(tries = 40)
    void listedApartIsAnsweredAsWrittenTogether(@ForAll @IntRange(min = 1, max = 90) int pt,
                                                @ForAll @IntRange(min = 1, max = 90) int ot) {
        String apart = KB.ask("PT " + pt + " min and OT " + ot + " min, 97110 and 97530").answer();
        String together = KB.ask("PT did " + pt + " minutes of 97110 and OT did " + ot + " minutes of 97530").answer();
        assertThat(apart).isEqualTo(together);
    }
}
