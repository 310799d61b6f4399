package org.minutewise.core.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.minutes;
import static org.minutewise.core.check.ComplianceFixture.ot;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.visit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.core.units.UnitCalculator;
import org.minutewise.core.units.UnitMethod;
import org.minutewise.core.units.UnitResult;

/**
 * A visit with services under two disciplines' plans of care counts each discipline's timed minutes on its own
 * (RULES.md §3.1 within one plan of care; each discipline bills under its own plan and modifier).
 */
final class CountByDisciplineTest {
    private static final VisitChecker CHECKER = ComplianceFixture.checker();

    private static ServiceLine otLine(String code, int min) {
        return minutes(code, min, ot("O1")).withDiscipline(Discipline.OT);
    }

    private static UnitResult units(Visit v) {
        return CHECKER.check(v).units();
    }

    @Test
    void aPtsSixMinutesAndAnOtsSixMakeNoUnit() {
        UnitResult u = units(visit().service(minutes("97110", 6, pt("T1"))).service(otLine("97535", 6)).build());
        assertThat(u.timedUnits()).isZero();
        assertThat(u.byDiscipline()).containsOnlyKeys("PT", "OT");
        assertThat(u.alternatives()).isEmpty();
    }

    @Test
    void twentyMinutesOfEachAreOneUnitEachNotThreeInAll() {
        Visit v = visit().service(minutes("97110", 10, pt("T1"))).service(minutes("97116", 10, pt("T1")))
                .service(otLine("97535", 10)).service(otLine("97530", 10)).build();
        UnitResult u = units(v);
        assertThat(u.timedUnits()).isEqualTo(2);
        assertThat(u.totalTimedMinutes()).isEqualTo(40);
        assertThat(u.unitsByCode()).containsExactly(Map.entry("97110", 1), Map.entry("97116", 0),
                Map.entry("97535", 0), Map.entry("97530", 1));
        // Each discipline's tie is its own professional's choice; the other discipline's unit stays where it is.
        assertThat(u.professionalChoice()).isTrue();
        // The OT's choice, the PT's, and both (a biller may have chosen otherwise in each tie).
        assertThat(u.alternatives()).containsExactly(
                Map.of("97110", 1, "97116", 0, "97535", 1, "97530", 0),
                Map.of("97110", 0, "97116", 1, "97535", 0, "97530", 1),
                Map.of("97110", 0, "97116", 1, "97535", 1, "97530", 0));
        assertThat(u.explanation().get(0)).contains("PT and OT services").contains("counted on their own");
        assertThat(u.explanation()).contains("Result for the visit: 97110 x1, 97116 x0, 97535 x0, 97530 x1 "
                + "(2 units in all).");
        assertThat(CHECKER.check(v).claim().lines()).extracting(l -> l.code() + " " + l.modifiers() + " x"
                + l.units()).containsExactly("97110 [GP] x1", "97530 [GO] x1");
    }

    /** The near miss: the same minutes under one plan of care are pooled as ever (6 + 6 = 12 = 1 unit). */
    @Test
    void oneDisciplinesMinutesStillPool() {
        UnitResult u = units(visit().service(minutes("97110", 6, pt("T1"))).service(minutes("97535", 6, pt("T1")))
                .build());
        assertThat(u.timedUnits()).isEqualTo(1);
        assertThat(u.byDiscipline()).isEmpty();
        assertThat(u.explanation().get(0)).startsWith("Method:");
    }

    /** An OT plan of care for the visit and a line of the PT plan: the line's own discipline decides. */
    @Test
    void theLinesOwnDisciplineDecides() {
        Visit v = visit().planOfCare(Discipline.OT).service(minutes("97530", 8, ot("O1")))
                .service(minutes("97110", 8, pt("T1")).withDiscipline(Discipline.PT)).build();
        UnitResult u = units(v);
        assertThat(u.timedUnits()).isEqualTo(2); // 8 and 8: one unit each, 1 if pooled
        assertThat(u.byDiscipline()).containsOnlyKeys("PT", "OT");
    }

    private static org.minutewise.core.model.BilledLine billed(String code, int units, String... modifiers) {
        return new org.minutewise.core.model.BilledLine(code, List.of(modifiers), units, java.util.Optional.empty());
    }

    private static Visit.Builder twoTies() {
        return visit().service(minutes("97110", 10, pt("T1"))).service(minutes("97116", 10, pt("T1")))
                .service(otLine("97535", 10)).service(otLine("97530", 10));
    }

    /** The choice made in both ties is one the professionals may make: the claim follows it, nothing is said. */
    @Test
    void bothTiesChosenOtherwiseIsStillAChoice() {
        CheckResult r = CHECKER.check(twoTies().billed(List.of(billed("97116", 1, "GP"), billed("97535", 1, "GO")))
                .build());
        assertThat(r.findings()).extracting(Finding::ruleId).doesNotContain("MW-B002", "MW-B003");
        assertThat(r.engineClaim().lines()).extracting(l -> l.code() + " x" + l.units())
                .containsExactly("97116 x1", "97535 x1");
    }

    /**
     * The PT's choice is followed though the OT's tie is billed wrong (one alternative had to match both ties:
     * follow-up review); the OT's over-billing is its own finding, and no false MW-B003 for the PT's default.
     */
    @Test
    void oneDisciplinesChoiceStandsWhenTheOthersIsWrong() {
        CheckResult r = CHECKER.check(twoTies().billed(List.of(billed("97116", 1, "GP"), billed("97535", 1, "GO"),
                billed("97530", 1, "GO"))).build());
        assertThat(r.engineClaim().lines()).extracting(l -> l.code() + " x" + l.units()).contains("97116 x1")
                .doesNotContain("97110 x1");
        assertThat(r.findings()).extracting(Finding::ruleId).contains("MW-B002").doesNotContain("MW-B003");
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("MW-B002")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("the documented minutes support 1 between them"));
    }

    /** 97130 billed on an SLP's 97129 lines, under a PT visit: the pair's discipline (GN), no false MW-B004. */
    @Test
    void anAddOnBilledOnItsBasesLinesTakesTheirDiscipline() {
        Visit v = visit().service(minutes("97110", 20, pt("T1")))
                .service(minutes("97129", 30, ComplianceFixture.slp("S1")).withDiscipline(Discipline.SLP))
                .billed(List.of(billed("97110", 1, "GP"), billed("97129", 1, "GN"), billed("97130", 1, "GN"))).build();
        assertThat(CHECKER.check(v).findings()).extracting(Finding::ruleId).doesNotContain("MW-B004", "MW-B002");
    }

    /** Two units billed for the PT's 20 minutes: over-billed, whatever the OT's tie (review: it was cancelled out). */
    @Test
    void oneDisciplinesOverBillingIsNotCancelledByTheOther() {
        CheckResult r = CHECKER.check(twoTies().billed(List.of(billed("97110", 1, "GP"), billed("97116", 1, "GP")))
                .build());
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("MW-B002")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("2 units together, where the documented minutes "
                        + "support 1 between them"));
    }

    /** MW-B002's arithmetic quotes the code's own discipline's minutes (50 minutes "make 4 units" was false). */
    @Test
    void overBillingArithmeticIsTheDisciplines() {
        CheckResult r = CHECKER.check(visit().service(minutes("97110", 25, pt("T1"))).service(otLine("97530", 25))
                .billed(List.of(billed("97110", 3, "GP"), billed("97530", 2, "GO"))).build());
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("MW-B002")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("the PT services' 25 timed minutes make 2 units"));
    }

    /** One code under two disciplines: MW-U006 blocks (the claim has one line per code). */
    @Test
    void aCodeUnderTwoDisciplinesBlocks() {
        CheckResult r = CHECKER.check(visit().service(minutes("97530", 6, pt("T1"))).service(otLine("97530", 6))
                .service(otLine("97535", 3)).build());
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("MW-U006")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("97530 is documented under the physical therapy "
                        + "plan of care (services[0]) and the occupational therapy plan (services[1])"));
        assertThat(r.blocks()).isTrue();
        // The cognitive pair split across disciplines is one service: the same; and it is counted as one.
        Visit pair = visit().planOfCare(Discipline.SLP).service(minutes("97129", 10, ComplianceFixture.slp("S1")))
                .service(otLine("97130", 10)).build();
        CheckResult p = CHECKER.check(pair);
        assertThat(p.findings()).extracting(Finding::ruleId).contains("MW-U006");
        assertThat(p.units().timedUnits()).isEqualTo(1);
        // Near miss: each discipline its own codes.
        assertThat(CHECKER.check(visit().service(minutes("97110", 20, pt("T1"))).service(otLine("97530", 20))
                .build().toBuilder().build()).findings()).extracting(Finding::ruleId).doesNotContain("MW-U006");
    }

    /** Units never fall as one line's minutes rise, and the order of the lines does not matter. */
    @Property(tries = 300)
    void monotoneAndOrderFree(@ForAll @IntRange(min = 0, max = 60) int a, @ForAll @IntRange(min = 0, max = 60) int b,
                              @ForAll @IntRange(min = 0, max = 60) int c, @ForAll @IntRange(min = 0, max = 60) int d,
                              @ForAll @IntRange(min = 0, max = 3) int which) {
        int[] m = {a, b, c, d};
        UnitResult before = count(lines(m));
        m[which]++;
        List<ServiceLine> more = lines(m);
        UnitResult after = count(more);
        assertThat(after.timedUnits()).isGreaterThanOrEqualTo(before.timedUnits());
        List<ServiceLine> shuffled = new ArrayList<>(more);
        Collections.reverse(shuffled);
        assertThat(count(shuffled).unitsByCode()).containsExactlyInAnyOrderEntriesOf(after.unitsByCode());
        assertThat(after.timedUnits()).isEqualTo(UnitCalculator.unitsForMinutes(m[0] + m[1])
                + UnitCalculator.unitsForMinutes(m[2] + m[3]));
    }

    private static List<ServiceLine> lines(int[] m) {
        return List.of(minutes("97110", m[0], pt("T1")), minutes("97116", m[1], pt("T1")), otLine("97535", m[2]),
                otLine("97530", m[3]));
    }

    private static UnitResult count(List<ServiceLine> lines) {
        Visit.Builder b = visit();
        lines.forEach(b::service);
        Visit v = b.build();
        return VisitChecker.count(UnitMethod.CMS, v, UnitCalculator.pool(v.services()), ComplianceFixture.codes());
    }
}
