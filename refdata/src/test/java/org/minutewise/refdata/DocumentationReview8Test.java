package org.minutewise.refdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;

/**
 * A documentation review's smaller cases (2026-12-07) on the real phrase file (2026.16): trunk and sitting balance
 * work is a 97112 technique (MW-D005), "shower" a function (MW-D003), a count of freezing episodes a measure whose
 * change is the patient's response (MW-D008). Each beside a near miss that must still fire.
 */
class DocumentationReview8Test {
    private static final String DEFICIT = "Pt w/ Parkinson disease, impaired dynamic balance, 2 falls this month, "
            + "Berg 40/56. ";

    private static Visit nmr(String note) {
        return Visit.builder("V-R8", DocumentationReview3Test.DOS).payer("medicare").diagnosis("G20.A1")
                .totalTreatmentMinutes(23).service(ServiceLine.of("97112", 23, Role.PT)).note(note).build();
    }

    private static List<String> ids(Visit v) {
        return DocumentationReview3Test.CHECKER.check(v).findings().stream().map(f -> f.ruleId()).toList();
    }

    @Test
    void sittingBalanceWithReachesOutsideTheBaseIsATechnique() {
        String done = DEFICIT + "NMR 23 min: sitting balance on therapy ball w/ lateral reaches outside BOS, CGA and "
                + "TC at trunk, to improve transfers. Pt needed fewer cues by 3rd set.";
        assertThat(ids(nmr(done))).doesNotContain("MW-D005");
        String none = DEFICIT + "NMR 23 min: sat on therapy ball, CGA and TC at trunk, to improve transfers. Pt "
                + "needed fewer cues by 3rd set.";
        assertThat(ids(nmr(none))).contains("MW-D005");
    }

    @Test
    void showeringIsAFunctionTheDeficitLimits() {
        String limited = "Pt w/ Parkinson disease, impaired dynamic balance, no longer able to shower standing, uses "
                + "shower chair. NMR 23 min: perturbations in standing w/ CGA and TC at pelvis. Pt needed fewer cues "
                + "by 3rd set.";
        assertThat(ids(nmr(limited))).doesNotContain("MW-D003");
        String noFunction = "Pt w/ Parkinson disease, impaired dynamic balance. NMR 23 min: perturbations in standing "
                + "w/ CGA and TC at pelvis. Pt needed fewer cues by 3rd set.";
        assertThat(ids(nmr(noFunction))).contains("MW-D003");
    }

    @Test
    void fewerFreezingEpisodesIsTheResponse() {
        String counted = DEFICIT + "NMR 23 min: gait initiation training w/ visual cues on floor and rhythmic auditory "
                + "cueing, CGA, to reduce falls at home. Freezing episodes 4 -> 1.";
        assertThat(ids(nmr(counted))).doesNotContain("MW-D008");
        String silent = DEFICIT + "NMR 23 min: gait initiation training w/ visual cues on floor and rhythmic auditory "
                + "cueing, CGA, to reduce falls at home.";
        assertThat(ids(nmr(silent))).contains("MW-D008");
    }
}
