package org.minutewise.core.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.assistant;
import static org.minutewise.core.check.ComplianceFixture.findings;
import static org.minutewise.core.check.ComplianceFixture.ids;
import static org.minutewise.core.check.ComplianceFixture.minutes;
import static org.minutewise.core.check.ComplianceFixture.only;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.visit;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ComplianceFixture;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.RuleBook;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.claim.ClaimLine;
import org.minutewise.core.edits.Mue;
import org.minutewise.core.edits.MueTable;
import org.minutewise.core.check.ComplianceFixture.Payer;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.units.UnitMethod;

/** MUE per code per day (97112: 4, RULES.md §5) and a payer's cap on combined timed units. */
class UnitLimitsTest {

    private static CheckResult check(Visit v, PayerProfile... extra) {
        return only(new UnitLimits(), extra).check(v);
    }

    /** 60 min = 4 units (53-67): exactly the MUE. */
    @Test
    void exactlyAtTheMueIsFine() {
        CheckResult r = check(visit().service(minutes("97112", 60, pt("T1"))).build());

        assertThat(r.findings()).isEmpty();
    }

    /** 68 min = 5 units (68-82): one over the MUE. */
    @Test
    void oneOverTheMueE006() {
        CheckResult r = check(visit().service(minutes("97112", 68, pt("T1"))).build());

        assertThat(ids(r)).containsExactly("MW-E006");
        assertThat(findings(r, "MW-E006").get(0).blocks()).isTrue();
        assertThat(findings(r, "MW-E006").get(0).path()).isEqualTo("services[code=97112]");
    }

    /** A line split by CQ is still one code for the MUE: PTA 38 + PT 30 = 68 min = 5 units of 97112. */
    @Test
    void unitsOfASplitLineAddUpForTheMue() {
        CheckResult r = check(visit()
                .service(minutes("97112", 38, assistant("A1", Role.PTA, "T1")))
                .service(minutes("97112", 30, pt("T1")))
                .build());

        assertThat(r.claim().lines()).hasSize(2);
        assertThat(ids(r)).containsExactly("MW-E006");
    }

    /** A line MUE (indicator 1) holds each claim line to the value: 97112 split by CQ into 3 + 2 units passes 4. */
    @Test
    void aLineMueHoldsEachLineNotTheirSum() {
        ReferenceData base = ComplianceFixture.ref();
        ReferenceData lineMue = new ReferenceData(base.codes(), base.payers(), base.diagnoses(), base.ptp(),
                new MueTable("test", false, List.of(new Mue("97112", 4, 1, "Clinical: Data", LocalDate.of(2020, 1,
                        1)))), base.fees(), base.phrases());
        Visit split = visit()
                .service(minutes("97112", 38, assistant("A1", Role.PTA, "T1")))
                .service(minutes("97112", 30, pt("T1")))
                .build();
        CheckResult r = new VisitChecker(lineMue, RuleBook.of(List.of(new UnitLimits()))).check(split);
        assertThat(r.claim().lines()).extracting(ClaimLine::units).containsExactly(3, 2);
        assertThat(r.findings()).isEmpty();
        CheckResult one = new VisitChecker(lineMue, RuleBook.of(List.of(new UnitLimits())))
                .check(visit().service(minutes("97112", 68, pt("T1"))).build());
        assertThat(ids(one)).containsExactly("MW-E006");
        assertThat(one.findings().get(0).message()).contains("5 units on one line; its MUE is 4 a line");
    }

    @Test
    void aCodeWithoutAnMueIsNotLimited() {
        CheckResult r = check(visit().service(minutes("97140", 120, pt("T1"))).build());

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void atThePayerCapIsFine() {
        PayerProfile capped = Payer.commercial("capped", UnitMethod.CMS)
                .maxTimedUnitsPerDay(4).build();
        CheckResult r = check(visit().payer("capped")
                .service(minutes("97110", 30, pt("T1")))
                .service(minutes("97112", 30, pt("T1")))
                .build(), capped);

        assertThat(r.findings()).isEmpty();
    }

    /** 38 + 30 = 68 min = 5 timed units, one over a cap of 4. */
    @Test
    void overThePayerCapE007() {
        PayerProfile capped = Payer.commercial("capped", UnitMethod.CMS)
                .maxTimedUnitsPerDay(4).build();
        CheckResult r = check(visit().payer("capped")
                .service(minutes("97110", 38, pt("T1")))
                .service(minutes("97112", 30, pt("T1")))
                .build(), capped);

        assertThat(ids(r)).containsExactly("MW-E007");
    }
}
