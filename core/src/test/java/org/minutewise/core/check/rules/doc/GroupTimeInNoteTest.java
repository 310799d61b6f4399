package org.minutewise.core.check.rules.doc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.rules.doc.DocFixtures.REF;
import static org.minutewise.core.check.rules.doc.DocFixtures.check;
import static org.minutewise.core.check.rules.doc.DocFixtures.of;
import static org.minutewise.core.check.rules.doc.DocFixtures.only97112;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.doc.DocumentationPhrases;
import org.minutewise.core.doc.PhraseLists;
import org.minutewise.core.model.Mode;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;

/** MW-D021: group time in the note, billed as one-on-one (RULES.md §2, §7). */
class GroupTimeInNoteTest {
    private static final ReferenceData WITH_GROUP;

    static {
        Map<String, List<String>> lists = new HashMap<>(DocFixtures.PHRASES.lists());
        lists.put(PhraseLists.GROUP_TIME, List.of("balance class", "group session", "w/ 4 other pts",
                "with other patients", "with 3 other pts"));
        WITH_GROUP = REF.withPhrases(new DocumentationPhrases("test", lists));
    }

    private static final String GROUP = "Balance class w/ 4 other pts: tandem walking and perturbations with "
            + "tactile cues; impaired balance, two falls. Plan: progress.";

    private static List<Finding> d021(Visit v) {
        return of(check(v, WITH_GROUP), "MW-D021");
    }

    @Test
    void groupTimeInTheNoteBilledAsOneOnOneFires() {
        assertThat(d021(only97112(GROUP).build())).singleElement().satisfies(f -> {
            // The path spans the words quoted ("Balance class w/ 4 other pts"), not "balance class" alone.
            assertThat(f.path()).isEqualTo("note[0:28]");
            assertThat(GROUP.substring(0, 28)).isEqualTo("Balance class w/ 4 other pts");
            assertThat(f.message()).startsWith("The note describes group time (\"Balance class w/ 4 other pts\"), "
                    + "but the visit bills 97112 as one-on-one time");
        });
    }

    /**
     * Untimed individual treatment is individual too (an SLP's review: "Aphasia group 45 min with 3 other pts" billed
     * as 92507 passed): speech-language group time is 92508, and swallowing treatment has no group code.
     */
    @Test
    void speechAndSwallowingTreatmentInAGroupFire() {
        String aphasia = "Aphasia group 45 min with 3 other pts: conversational scripts, pt initiated 4 turns with "
                + "min cues. Plan: cont.";
        Visit speech = Visit.builder("V-S", DocFixtures.DOS).payer("medicare").planOfCare(
                org.minutewise.core.model.Discipline.SLP).diagnosis("I69.320")
                .service(ServiceLine.untimed("92507", Role.SLP)).note(aphasia).build();
        assertThat(d021(speech)).singleElement().satisfies(f -> assertThat(f.message())
                .contains("the visit bills 92507 as individual treatment")
                .contains("billed as one 92508 unit per patient").doesNotContain("97150"));
        Visit swallowing = speech.toBuilder().services(List.of(ServiceLine.untimed("92526", Role.SLP)))
                .note(aphasia.replace("Aphasia", "Dysphagia")).build();
        assertThat(d021(swallowing)).singleElement().satisfies(f -> assertThat(f.message())
                .contains("bills 92526 as individual treatment").contains("is group therapy. Swallowing treatment "
                        + "(92526) has no group code").doesNotContain("97150"));
        // Near misses: the group billed as 92508; an individual session whose note says nothing of a group.
        assertThat(d021(speech.toBuilder().services(List.of(ServiceLine.untimed("92508", Role.SLP))).build()))
                .isEmpty();
        assertThat(d021(speech.toBuilder().note("Aphasia tx 45 min: conversational scripts, pt initiated 4 turns "
                + "with min cues. Plan: cont.").build())).isEmpty();
    }

    @Test
    void quietWithoutGroupWordsOrWhenTheVisitRecordsTheGroup() {
        assertThat(d021(only97112("Perturbation training with tactile cues; hip muscle groups strengthened; "
                + "impaired balance. Plan: progress.").build())).isEmpty();
        // The group billed as 97150 beside an individual code: MW-G001/MW-G002 judge the minutes, not this rule.
        assertThat(d021(only97112(GROUP).service(ServiceLine.untimed("97150", Role.PT)).build())).isEmpty();
        assertThat(d021(only97112(GROUP).services(List.of(ServiceLine.of("97112", 24, Role.PT)
                .withMode(Mode.GROUP))).build())).isEmpty();
        // Without the list loaded: silent.
        assertThat(of(check(only97112(GROUP).build(), REF), "MW-D021")).isEmpty();
    }
}
