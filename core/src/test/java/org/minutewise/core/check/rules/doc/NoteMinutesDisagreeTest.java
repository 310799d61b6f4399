package org.minutewise.core.check.rules.doc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.rules.doc.DocFixtures.check;
import static org.minutewise.core.check.rules.doc.DocFixtures.of;
import static org.minutewise.core.check.rules.doc.DocFixtures.strong;
import static org.minutewise.core.check.rules.doc.ServiceNotInNoteTest.WITH_SERVICES;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.Finding;
import org.minutewise.core.model.Visit;

/** MW-D020: the note's minutes against the minutes billed (strong(): 97112 24 min + 97110 23 min, total 50). */
class NoteMinutesDisagreeTest {
    private static final String BODY = " perturbation training with tactile cues to reduce fall risk; pt with "
            + "impaired balance, Berg 38/56. Pt improved with fewer cues. Plan: progress next session.";

    private static List<Finding> d020(Visit v) {
        return of(check(v, WITH_SERVICES), "MW-D020");
    }

    @Test
    void theNotesMinutesAgreeNothing() {
        assertThat(d020(strong().note("NMR 24 min:" + BODY + " Ther ex 23 min: bridges with VC. Total timed "
                + "minutes 47, total treatment time 50 min.").build())).isEmpty();
        // Stated twice (a heading and a summary): either statement, or their sum, agrees.
        assertThat(d020(strong().note("NMR 24 min:" + BODY + " Ther ex 23 min. Summary: NMR 24 min, ther ex 23 "
                + "min.").build())).isEmpty();
    }

    @Test
    void aServicesMinutesDisagreeingFires() {
        List<Finding> f = d020(strong().note("NMR 10 min:" + BODY + " Ther ex 8 min: bridges with VC.").build());

        assertThat(f).extracting(Finding::message).containsExactly(
                "The note gives 97112 10 minutes (\"NMR 10 min\"), but the visit documents it for 24 minutes: the "
                        + "units rest on the visit's minutes, and a reviewer reads the note's.",
                "The note gives 97110 8 minutes (\"Ther ex 8 min\"), but the visit documents it for 23 minutes: the "
                        + "units rest on the visit's minutes, and a reviewer reads the note's.");
        assertThat(f.get(0).path()).isEqualTo("note[0:10]");
    }

    @Test
    void totalsDisagreeingFire() {
        List<Finding> f = d020(strong().note("NMR:" + BODY + " Total timed 18 min, total tx time 20 min.").build());

        assertThat(f).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                .startsWith("The note gives 18 total timed minutes").contains("add up to 47 minutes"))
                .anySatisfy(m -> assertThat(m).startsWith("The note gives a total treatment time of 20 minutes")
                        .contains("the visit's total treatment time is 50 minutes"));
    }

    @Test
    void withoutTheFieldTheNotesTotalIsTheRecordAndMwD011IsQuiet() {
        Visit noField = strong().totalTreatmentMinutes(java.util.OptionalInt.empty()).note("NMR:" + BODY + " Total tx time 40 min.").build();
        List<Finding> all = check(noField, WITH_SERVICES);

        assertThat(of(all, "MW-D020")).singleElement().satisfies(x -> assertThat(x.message())
                .contains("less than the 47 timed minutes the units rest on"));
        assertThat(of(all, "MW-D011")).isEmpty();
        assertThat(of(check(strong().totalTreatmentMinutes(java.util.OptionalInt.empty()).build(), WITH_SERVICES), "MW-D011")).hasSize(1);
    }
}
