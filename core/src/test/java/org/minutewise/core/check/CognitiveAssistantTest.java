package org.minutewise.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.assistant;
import static org.minutewise.core.check.ComplianceFixture.at;
import static org.minutewise.core.check.ComplianceFixture.minutes;
import static org.minutewise.core.check.ComplianceFixture.ot;
import static org.minutewise.core.check.ComplianceFixture.visit;

import org.junit.jupiter.api.Test;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.Visit;

/**
 * 97129 is the first 15 minutes of the cognitive service and 97130 each 15 after: where the times show who furnished
 * the first 15, the CO unit goes on the code whose unit holds the assistant's minutes (OT/SLP biller review: CO was
 * on 97129 whatever the order), and the explanation says so.
 */
final class CognitiveAssistantTest {
    private static final VisitChecker CHECKER = ComplianceFixture.checker();

    private static String lines(Visit v) {
        StringBuilder sb = new StringBuilder();
        CHECKER.check(v).claim().lines().forEach(l -> sb.append(l.code()).append(' ').append(l.modifiers())
                .append(" x").append(l.units()).append("; "));
        return sb.toString();
    }

    @Test
    void theOtFirstPutsCoOn97130() {
        Visit v = visit().planOfCare(Discipline.OT).service(at("97129", "09:00", "09:20", ot("O1")))
                .service(at("97129", "09:20", "09:30", assistant("A1", Role.OTA, "O1"))).build();
        assertThat(lines(v)).isEqualTo("97129 [GO] x1; 97130 [GO, CO] x1; ");
        assertThat(CHECKER.check(v).explanation()).anyMatch(s -> s.startsWith("97129/97130, 2 units"))
                .contains("97129 is the first 15 minutes of the service and 97130 each 15 after: the CO unit goes on "
                        + "97130, as the first 15 minutes in time were the therapist's.");
    }

    @Test
    void theOtaFirstPutsCoOn97129() {
        Visit v = visit().planOfCare(Discipline.OT).service(at("97129", "09:00", "09:10", assistant("A1", Role.OTA,
                "O1"))).service(at("97129", "09:10", "09:30", ot("O1"))).build();
        assertThat(lines(v)).isEqualTo("97129 [GO, CO] x1; 97130 [GO] x1; ");
        assertThat(CHECKER.check(v).explanation()).contains("97129 is the first 15 minutes of the service and 97130 "
                + "each 15 after: 97129's unit carries CO, as the assistant furnished more than 10% of the first 15 "
                + "minutes in time.");
    }

    /** Without times nobody knows which minutes came first: CO goes on 97129 first, as before. */
    @Test
    void withoutTimesCoGoesOn97129First() {
        Visit v = visit().planOfCare(Discipline.OT).service(minutes("97129", 20, ot("O1")))
                .service(minutes("97129", 10, assistant("A1", Role.OTA, "O1"))).build();
        assertThat(lines(v)).isEqualTo("97129 [GO, CO] x1; 97130 [GO] x1; ");
    }
}
