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
import java.util.Optional;
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
import org.minutewise.core.model.BilledLine;
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

    /**
     * 97110 of two PTAs under two supervisors (45 min each, under T1 and T2) and the PT T1 (15 min): 105 min = 7 units,
     * the CQ units split by supervisor into 3 (T1) + 3 (T2), the PT's unit on its own line (RULES.md §4). Against a
     * line MUE of 2 (indicator 1) the payer judges each line alone: both CQ lines are denied whole and the PT's line
     * is not, and the finding says so of each line (it said "3 units on one line ... That claim line is denied
     * whole" when two lines were). Near misses: a line MUE of 3 (no line over it, though the lines add up to
     * 7: nothing is denied, as the payer judges them); a date-of-service MUE of 6 (indicator 3): the 7 units of the
     * three lines added up, every line denied.
     */
    @Test
    void splitLinesAreEachHeldToALineMueAndAddedUpForADayMue() {
        Visit split = visit()
                .service(minutes("97110", 45, assistant("A1", Role.PTA, "T1")))
                .service(minutes("97110", 45, assistant("A2", Role.PTA, "T2")))
                .service(minutes("97110", 15, pt("T1")))
                .build();
        CheckResult lineOf2 = new VisitChecker(withMue(new Mue("97110", 2, 1, "Clinical: Data",
                LocalDate.of(2020, 1, 1))), RuleBook.of(List.of(new UnitLimits()))).check(split);
        assertThat(lineOf2.claim().lines()).extracting(ComplianceFixture::text, l -> l.renderingProvider().orElseThrow())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("97110 x3 GP CQ", "T1"),
                        org.assertj.core.groups.Tuple.tuple("97110 x3 GP CQ", "T2"),
                        org.assertj.core.groups.Tuple.tuple("97110 x1 GP", "T1"));
        assertThat(ids(lineOf2)).containsExactly("MW-E006");
        assertThat(lineOf2.findings().get(0).message()).isEqualTo("97110 is billed on 3 lines (3, 3 and 1 units); "
                + "its MUE is 2 a line (adjudication indicator 1, per claim line), and each line is judged against it "
                + "alone, not their sum. The lines of 3 units (GP CQ, rendered under T1; GP CQ, rendered under T2) "
                + "are denied whole, not cut to 2; the line of 1 unit (GP, rendered under T1) is not.");

        CheckResult lineOf3 = new VisitChecker(withMue(new Mue("97110", 3, 1, "Clinical: Data",
                LocalDate.of(2020, 1, 1))), RuleBook.of(List.of(new UnitLimits()))).check(split);
        assertThat(lineOf3.findings()).isEmpty();

        CheckResult dayOf6 = new VisitChecker(withMue(new Mue("97110", 6, 3, "Clinical: Data",
                LocalDate.of(2020, 1, 1))), RuleBook.of(List.of(new UnitLimits()))).check(split);
        assertThat(ids(dayOf6)).containsExactly("MW-E006");
        assertThat(dayOf6.findings().get(0).message()).isEqualTo("97110 is billed with 7 units (its 3 lines added "
                + "up: 3, 3 and 1); its MUE is 6 a day (adjudication indicator 3, per date of service, clinical "
                + "benchmark). Every line of 97110 that day is denied, not only the units over 6.");
        // Near miss: one line of the code over a line MUE keeps the one-line message.
        CheckResult one = new VisitChecker(withMue(new Mue("97110", 6, 1, "Clinical: Data",
                LocalDate.of(2020, 1, 1))), RuleBook.of(List.of(new UnitLimits())))
                .check(visit().service(minutes("97110", 105, pt("T1"))).build());
        assertThat(one.findings()).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo("97110 is "
                + "billed with 7 units on one line; its MUE is 6 a line (adjudication indicator 1, per claim line). "
                + "That claim line is denied whole, not cut to 6."));
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
    private static BilledLine billed(String code, int units, String... modifiers) {
        return new BilledLine(code, List.of(modifiers), units, Optional.empty());
    }

    private static ReferenceData withMue(Mue mue) {
        ReferenceData base = ComplianceFixture.ref();
        return new ReferenceData(base.codes(), base.payers(), base.diagnoses(), base.ptp(),
                new MueTable("test", false, List.of(mue)), base.fees(), base.phrases());
    }

    /**
     * A claim billed elsewhere with 5 units of 97112 (MUE 4, date of service) where the minutes support 4: the billed
     * line is named, with what a date-of-service MUE denies; the engine's own lines are within the MUE.
     */
    @Test
    void aBilledLineOverADateOfServiceMueIsNamed() {
        CheckResult r = check(visit()
                .service(minutes("97110", 15, pt("T1")))
                .service(minutes("97112", 60, pt("T1")))
                .billed(List.of(billed("97110", 1, "GP"), billed("97112", 5, "GP")))
                .build());

        assertThat(ids(r)).containsExactly("MW-E006");
        var f = findings(r, "MW-E006").get(0);
        assertThat(f.path()).isEqualTo("billed[1].units");
        assertThat(f.blocks()).isTrue();
        assertThat(f.message()).contains("Billed line 2 (97112) has 5 units; the MUE of 97112 is 4 a day "
                + "(adjudication indicator 3, per date of service, clinical benchmark");
        assertThat(f.message()).contains("All of the day's units of 97112 are denied");
        // The estimate of the billed claim already prices that line at $0.
        assertThat(r.claim().estimate().lines().get(1).deniedByMue()).isTrue();
    }

    /** Near miss: billed at exactly the MUE (4 units of 97112) is no finding. */
    @Test
    void aBilledLineAtTheMueIsFine() {
        CheckResult r = check(visit()
                .service(minutes("97112", 60, pt("T1")))
                .billed(List.of(billed("97112", 4, "GP")))
                .build());

        assertThat(r.findings()).isEmpty();
    }

    /** Two billed lines of 97112 (3 + 2) add up over a date-of-service MUE: one finding names both lines. */
    @Test
    void billedLinesAddUpOverADateOfServiceMue() {
        CheckResult r = check(sixtyEightMinutesBilled(billed("97112", 3, "GP", "CQ"), billed("97112", 2, "GP")));

        List<org.minutewise.core.check.Finding> billedOnes = findings(r, "MW-E006").stream()
                .filter(f -> f.path().startsWith("billed")).toList();
        assertThat(billedOnes).hasSize(1);
        assertThat(billedOnes.get(0).path()).isEqualTo("billed[code=97112]");
        assertThat(billedOnes.get(0).message()).startsWith("Billed lines 1 and 2 (97112) add up to 5 units");
        // The engine's own lines (68 min = 5 units) are over too: one finding for the code, the billed lines'.
        assertThat(findings(r, "MW-E006")).extracting(org.minutewise.core.check.Finding::path)
                .containsExactly("billed[code=97112]");
    }

    /** Near miss: billed within the MUE (4 units) while the minutes would support 5: the engine's lines' finding. */
    @Test
    void theEngineLinesOverTheMueKeepTheirFindingWhenTheBilledClaimIsNot() {
        CheckResult r = check(sixtyEightMinutesBilled(billed("97112", 2, "GP", "CQ"), billed("97112", 2, "GP")));
        assertThat(findings(r, "MW-E006")).extracting(org.minutewise.core.check.Finding::path)
                .containsExactly("services[code=97112]");
    }

    /** 97112 for 68 minutes (a PTA's 38, the PT's 30: 5 units, over the MUE of 4) billed as {@code lines}. */
    private static org.minutewise.core.model.Visit sixtyEightMinutesBilled(BilledLine... lines) {
        return visit().service(minutes("97112", 38, assistant("A1", Role.PTA, "T1")))
                .service(minutes("97112", 30, pt("T1"))).billed(List.of(lines)).build();
    }

    /**
     * A line MUE (indicator 1): each billed line is held to it. 97112 billed 3 + 2 passes a line MUE of 4 (near
     * miss); billed as one line of 5 it is over, and the line is denied whole.
     */
    @Test
    void aBilledLineOverALineMueIsNamedAndTheirSumIsNot() {
        VisitChecker checker = new VisitChecker(withMue(new Mue("97112", 4, 1, "Clinical: Data",
                LocalDate.of(2020, 1, 1))), RuleBook.of(List.of(new UnitLimits())));
        CheckResult split = checker.check(visit()
                .service(minutes("97112", 38, assistant("A1", Role.PTA, "T1")))
                .service(minutes("97112", 30, pt("T1")))
                .billed(List.of(billed("97112", 3, "GP", "CQ"), billed("97112", 2, "GP")))
                .build());
        assertThat(split.findings()).isEmpty();

        CheckResult one = checker.check(visit()
                .service(minutes("97112", 38, assistant("A1", Role.PTA, "T1")))
                .service(minutes("97112", 30, pt("T1")))
                .billed(List.of(billed("97112", 5, "GP")))
                .build());
        assertThat(ids(one)).containsExactly("MW-E006");
        assertThat(one.findings().get(0).path()).isEqualTo("billed[0].units");
        assertThat(one.findings().get(0).message()).contains("Billed line 1 (97112) has 5 units; the MUE of 97112 is "
                + "4 a line (adjudication indicator 1, per claim line", "The line is denied whole, not cut back to 4");
    }
}
