package org.minutewise.core.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.ids;
import static org.minutewise.core.check.ComplianceFixture.only;
import static org.minutewise.core.check.ComplianceFixture.ot;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.untimed;
import static org.minutewise.core.check.ComplianceFixture.visit;

import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Visit;

/** One PT evaluation or re-evaluation (97161-97164) and one OT (97165-97168) a day (RULES.md §5). */
class OneEvaluationPerDayTest {

    private static CheckResult check(Visit v) {
        return only(new OneEvaluationPerDay()).check(v);
    }

    @Test
    void ptEvaluationAndPtReEvaluationTheSameDayE008() {
        CheckResult r = check(visit()
                .service(untimed("97161", pt("T1")))
                .service(untimed("97164", pt("T1")))
                .build());

        assertThat(ids(r)).containsExactly("MW-E008");
        assertThat(r.findings().get(0).path()).isEqualTo("services[1]");
    }

    @Test
    void twoOtEvaluationsTheSameDayE008() {
        CheckResult r = check(visit().planOfCare(Discipline.OT)
                .service(untimed("97165", ot("O1")))
                .service(untimed("97168", ot("O1")))
                .build());

        assertThat(ids(r)).containsExactly("MW-E008");
    }

    @Test
    void onePtAndOneOtEvaluationAreFine() {
        CheckResult r = check(visit()
                .service(untimed("97161", pt("T1")))
                .service(untimed("97165", ot("O1")).withDiscipline(Discipline.OT))
                .build());

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void oneEvaluationIsFine() {
        CheckResult r = check(visit().service(untimed("97163", pt("T1"))).build());

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void theSameEvaluationCodeOnTwoLinesIsOneEvaluation() {
        CheckResult r = check(visit()
                .service(untimed("97161", pt("T1")))
                .service(untimed("97161", pt("T1")))
                .build());

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void twoPractitionersEachWithOneEvaluationAreFine() {
        CheckResult r = check(visit()
                .service(untimed("97161", pt("T1")))
                .service(untimed("97164", pt("T2")))
                .build());

        assertThat(r.findings()).isEmpty();
    }
}
