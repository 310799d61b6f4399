package org.minutewise.refdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.Finding;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;

/**
 * The words that identify a sensory integration service (97533) and a physical performance test (97750) in the
 * note, on the real phrase file (2026.18): a billed one the note never names warns (MW-D019, CMS Pub 100-02 ch. 15
 * §220.3 E); named in the words therapists use for it, it passes. These codes had no list, so they were not looked
 * for. (An evaluation such as 92524 is documented in its report: MW-D019 does not look for it.)
 */
class ServiceWordsTest {
    private static Visit visit(String code, Role role, String dx, String note) {
        return Visit.builder("V-SW", DocumentationReview3Test.DOS).payer("medicare").diagnosis(dx)
                .totalTreatmentMinutes(40).service(ServiceLine.of("97110", 15, role))
                .service(ServiceLine.of(code, 25, role)).note(note).build();
    }

    private static List<Finding> d019(Visit v) {
        return DocumentationReview3Test.CHECKER.check(v).findings().stream()
                .filter(f -> f.ruleId().equals("MW-D019")).toList();
    }

    private static final String EXERCISE = "Therapeutic exercise 15 min: sit to stand x10 with VC for trunk lean. ";

    @Test
    void aPerformanceTestTheNoteNeverNamesWarnsAndOneItNamesPasses() {
        List<Finding> silent = d019(visit("97750", Role.PT, "I69.351", EXERCISE + "Pt tolerated well."));
        assertThat(silent).hasSize(1);
        assertThat(silent.get(0).message()).contains("97750");
        assertThat(d019(visit("97750", Role.PT, "I69.351", EXERCISE + "Physical performance test 25 min: 6 minute "
                + "walk test 850 ft, written report sent to Dr. Lee."))).isEmpty();
        assertThat(d019(visit("97750", Role.PT, "I69.351", EXERCISE + "FCE 25 min: lift and carry tested, report "
                + "sent."))).isEmpty();
    }

    @Test
    void sensoryIntegrationTheNoteNeverNamesWarnsAndOneItNamesPasses() {
        assertThat(d019(visit("97533", Role.OT, "G80.1", EXERCISE + "Pt tolerated well."))).hasSize(1);
        assertThat(d019(visit("97533", Role.OT, "G80.1", EXERCISE + "Sensory integrative techniques 25 min: "
                + "vestibular input on the platform swing with HOH facilitation."))).isEmpty();
    }
}
