package org.minutewise.core.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.assistant;
import static org.minutewise.core.check.ComplianceFixture.minutes;
import static org.minutewise.core.check.ComplianceFixture.patient;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.visit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minutewise.core.across.AcrossFinding;
import org.minutewise.core.across.PatientHistory;
import org.minutewise.core.across.VisitDigest;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ComplianceFixture;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.edits.Mue;
import org.minutewise.core.edits.MueTable;
import org.minutewise.core.model.Abn;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.Visit;
import org.minutewise.core.model.YearToDate;

/**
 * A line an MUE denies (MW-E006, RULES.md §5) is priced at $0, says why, and counts toward no KX threshold (RULES.md
 * §4, §6); GA/GZ lines are priced, with what the ABN means. The fixture's 97112 MUE is 4 a day (indicator 3). 2026
 * national: 97112 a unit paid in full 0.98 x 33.4009, reduced 0.745 x 33.4009; 97110 in full 0.87 x 33.4009 = $29.06.
 */
class MueDenialTest {
    private static final VisitChecker CHECKER = ComplianceFixture.checker();

    private static CheckResult check(Visit v) {
        return CHECKER.check(v);
    }

    /** The fixture's reference data with one MUE for 97112 instead: {@code max} units, the indicator given. */
    private static VisitChecker with97112Mue(int max, int indicator) {
        ReferenceData base = ComplianceFixture.ref();
        return new VisitChecker(new ReferenceData(base.codes(), base.payers(), base.diagnoses(), base.ptp(),
                new MueTable("test", false, List.of(new Mue("97112", max, indicator, "Clinical: Data",
                        LocalDate.of(2020, 1, 1)))), base.fees(), base.phrases()));
    }

    /** 75 min = 5 units of 97112, over its date-of-service MUE of 4: the whole line is $0 and said so. */
    @Test
    void aLineOverADateOfServiceMueIsPricedAtZero() {
        CheckResult r = check(visit().patient(patient("880.00", "0")).service(minutes("97112", 75, pt("T1")))
                .build());
        Estimate e = r.claim().estimate();

        assertThat(e.available()).isTrue();
        assertThat(e.lines()).singleElement().satisfies(l -> {
            assertThat(l.units()).isEqualTo(5);
            assertThat(l.priced()).isTrue();
            assertThat(l.deniedByMue()).isTrue();
            assertThat(l.allowed()).isEqualByComparingTo("0");
            assertThat(l.mpprApplied()).isFalse();
        });
        assertThat(e.totalAllowed()).isEqualByComparingTo("0");
        assertThat(e.medicarePays()).isEqualByComparingTo("0");
        assertThat(e.patientCoinsurance()).isEqualByComparingTo("0");
        assertThat(e.unpriced()).isEmpty();
        assertThat(e.reason()).startsWith(Estimate.LABEL)
                .contains(" 97112: denied whole by its MUE (4 a day), not priced. Medicare pays nothing for a line "
                        + "over its MUE (MW-E006), and an ABN does not make the patient liable for it: $0, and not "
                        + "counted toward the KX threshold.");
        // The visit's own KX count: nothing incurred by the denied line.
        assertThat(r.claim().kx()).singleElement().satisfies(b -> {
            assertThat(b.thisVisit()).isEqualByComparingTo("0");
            assertThat(b.spentAfter()).isEqualByComparingTo("880.00");
            assertThat(b.unpriced()).isEmpty();
        });
        assertThat(r.findings()).extracting(f -> f.ruleId()).contains("MW-E006");
    }

    /**
     * Near miss: 60 min = 4 units, at the MUE exactly: priced as before, (0.98 + 3 x 0.745) x 33.4009 = 107.3839 =
     * $107.38, and counted toward KX.
     */
    @Test
    void atTheMueExactlyIsPricedAsBefore() {
        CheckResult r = check(visit().patient(patient("880.00", "0")).service(minutes("97112", 60, pt("T1")))
                .build());
        Estimate e = r.claim().estimate();

        assertThat(e.lines()).singleElement().satisfies(l -> {
            assertThat(l.deniedByMue()).isFalse();
            assertThat(l.allowed()).isEqualByComparingTo("107.38");
        });
        assertThat(e.reason()).isEqualTo(Estimate.LABEL);
        assertThat(r.claim().kx()).singleElement()
                .satisfies(b -> assertThat(b.thisVisit()).isEqualByComparingTo("107.38"));
    }

    /**
     * PTA 38 min + PT 30 min of 97112 = 68 min = 5 units, split by CQ into 3 + 2 units: over a date-of-service MUE of
     * 4 together, so both lines are denied; 97110 beside them is priced, and holds the day's unit paid in full (a
     * denied line holds none): 97112 worth more PE would otherwise take it.
     */
    @Test
    void theCqAndNonCqLinesOfACodeOverADateOfServiceMueAreBothDenied() {
        CheckResult r = check(visit().patient(patient("880.00", "0"))
                .service(minutes("97112", 38, assistant("A1", Role.PTA, "T1")))
                .service(minutes("97112", 30, pt("T1")))
                .service(minutes("97110", 15, pt("T1")))
                .build());
        Estimate e = r.claim().estimate();

        assertThat(r.claim().lines()).extracting(ClaimLine::code, ClaimLine::units)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("97112", 3),
                        org.assertj.core.groups.Tuple.tuple("97112", 2), org.assertj.core.groups.Tuple.tuple("97110", 1));
        assertThat(e.lines().get(0).modifiers()).contains("CQ");
        assertThat(e.lines().subList(0, 2)).allSatisfy(l -> {
            assertThat(l.deniedByMue()).isTrue();
            assertThat(l.allowed()).isEqualByComparingTo("0");
        });
        assertThat(e.lines().get(2).deniedByMue()).isFalse();
        assertThat(e.lines().get(2).allowed()).isEqualByComparingTo("29.06");
        assertThat(e.lines().get(2).mpprApplied()).isFalse();
        assertThat(e.fullUnit()).hasValueSatisfying(f -> assertThat(f.line()).isEqualTo(2));
        assertThat(e.totalAllowed()).isEqualByComparingTo("29.06");
        assertThat(e.reason()).contains(" 97112: its 2 lines (5 units) denied whole by its MUE (4 a day), not priced.");
        assertThat(r.claim().kx()).singleElement()
                .satisfies(b -> assertThat(b.thisVisit()).isEqualByComparingTo("29.06"));
    }

    /**
     * A line MUE (indicator 1) holds each claim line to it: with a line MUE of 2, the CQ line of 3 units is denied
     * and the line of 2 beside it is priced (at its MUE exactly); with a line MUE of 4 neither is.
     */
    @Test
    void aLineMueDeniesOnlyTheLineOverIt() {
        Visit split = visit().patient(patient("880.00", "0"))
                .service(minutes("97112", 38, assistant("A1", Role.PTA, "T1")))
                .service(minutes("97112", 30, pt("T1")))
                .build();
        CheckResult r = with97112Mue(2, 1).check(split);
        Estimate e = r.claim().estimate();

        assertThat(e.lines()).extracting(Estimate.Line::units).containsExactly(3, 2);
        assertThat(e.lines()).extracting(Estimate.Line::deniedByMue).containsExactly(true, false);
        assertThat(e.lines().get(0).allowed()).isEqualByComparingTo("0");
        // The line of 2 alone: one unit in full, one reduced: (0.98 + 0.745) x 33.4009 = $57.62.
        assertThat(e.lines().get(1).allowed()).isEqualByComparingTo("57.62");
        assertThat(e.reason()).contains(" 97112: the line of 3 units denied whole by its MUE (2 a line), not priced.");
        assertThat(r.claim().kx()).singleElement()
                .satisfies(b -> assertThat(b.thisVisit()).isEqualByComparingTo("57.62"));

        Estimate within = with97112Mue(4, 1).check(split).claim().estimate();
        assertThat(within.lines()).noneMatch(Estimate.Line::deniedByMue);
        assertThat(within.reason()).isEqualTo(Estimate.LABEL);
    }

    /**
     * 97112 of the PT T1 (20 min) and two PTAs under two supervisors (A1 under T1 23 min, A2 under T2 24 min): 67 min =
     * 4 units, the CQ units split by supervisor (ClaimBuilder.bySupervisor) into 97112 GP CQ x2 (T2) and x1 (T1), and
     * the PT's unit 97112 GP x1. A line MUE (indicator 1) of 1 judges each line alone, as the MAC does: the x2 line is
     * denied ($0), and the CQ x1 line beside it is priced as a line of its own (a unit in full at 85%: 0.98 x 33.4009
     * x 0.85 = $27.82), not as the part of one CQ line after the denied units (which would be a reduced unit); the
     * PT's line is a reduced unit, 0.745 x 33.4009 = $24.88. A date-of-service MUE (indicator 2) of 3 adds the three
     * lines up (4): all are denied. Near miss: a line MUE of 2, which no line passes though they add up to 4.
     */
    @Test
    void splitLinesFollowTheMueAdjudicationIndicator() {
        Visit split = visit().patient(patient("880.00", "0"))
                .service(minutes("97112", 20, pt("T1")))
                .service(minutes("97112", 23, assistant("A1", Role.PTA, "T1")))
                .service(minutes("97112", 24, assistant("A2", Role.PTA, "T2")))
                .build();
        CheckResult line = with97112Mue(1, 1).check(split);
        assertThat(line.claim().lines()).extracting(ComplianceFixture::text, l -> l.renderingProvider().orElseThrow())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("97112 x2 GP CQ", "T2"),
                        org.assertj.core.groups.Tuple.tuple("97112 x1 GP CQ", "T1"),
                        org.assertj.core.groups.Tuple.tuple("97112 x1 GP", "T1"));
        Estimate e = line.claim().estimate();
        assertThat(e.lines()).extracting(Estimate.Line::deniedByMue).containsExactly(true, false, false);
        assertThat(e.lines()).extracting(Estimate.Line::allowed).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0"), new BigDecimal("27.82"), new BigDecimal("24.88"));
        assertThat(e.fullUnit()).hasValueSatisfying(f -> assertThat(f.line()).isEqualTo(1));
        assertThat(e.totalAllowed()).isEqualByComparingTo("52.70");
        assertThat(e.reason()).contains(" 97112: the line of 2 units denied whole by its MUE (1 a line), not priced.");
        assertThat(line.claim().kx()).singleElement()
                .satisfies(b -> assertThat(b.thisVisit()).isEqualByComparingTo("52.70"));

        Estimate day = with97112Mue(3, 2).check(split).claim().estimate();
        assertThat(day.lines()).allSatisfy(l -> {
            assertThat(l.deniedByMue()).isTrue();
            assertThat(l.allowed()).isEqualByComparingTo("0");
        });
        assertThat(day.totalAllowed()).isEqualByComparingTo("0");
        assertThat(day.reason()).contains(" 97112: its 3 lines (4 units) denied whole by its MUE (3 a day), not priced.");

        Estimate within = with97112Mue(2, 1).check(split).claim().estimate();
        assertThat(within.lines()).noneMatch(Estimate.Line::deniedByMue);
        assertThat(within.reason()).isEqualTo(Estimate.LABEL);
        assertThat(within.totalAllowed()).isEqualByComparingTo(check(split).claim().estimate().totalAllowed());
    }

    /**
     * The denied line's amount does not take the patient past the KX threshold: with 2,400.00 incurred, 97112 x5
     * would have added $132.27 and crossed 2,480.00; denied, it adds nothing and no line needs KX. Near miss: x4, at
     * the MUE, adds $107.38, crosses, and carries KX.
     */
    @Test
    void aDeniedLineDoesNotCountTowardTheKxThreshold() {
        CheckResult over = check(visit().patient(patient("2400.00", "0")).service(minutes("97112", 75, pt("T1")))
                .build());
        assertThat(over.claim().kx()).singleElement().satisfies(b -> {
            assertThat(b.thisVisit()).isEqualByComparingTo("0");
            assertThat(b.kxApplied()).isFalse();
        });
        assertThat(over.claim().lines().get(0).modifiers()).doesNotContain("KX");

        CheckResult at = check(visit().patient(patient("2400.00", "0")).service(minutes("97112", 60, pt("T1")))
                .build());
        assertThat(at.claim().kx()).singleElement().satisfies(b -> {
            assertThat(b.thisVisit()).isEqualByComparingTo("107.38");
            assertThat(b.kxApplied()).isTrue();
        });
        assertThat(at.claim().lines().get(0).modifiers()).contains("KX");
    }

    /**
     * The checks across visits count the same way (via the digest): the denied line is in no KX bucket. With 2,400.00
     * incurred at the start of the year, the denied 97112 x5 and a later 97110 x1 ($29.06) reach 2,429.06: no KX is
     * missing. Counted, the 97112 line would have crossed on the first visit (MW-A003 on both).
     */
    @Test
    void theChecksAcrossVisitsLeaveTheDeniedLineOutOfTheKxCount() {
        LocalDate day = ComplianceFixture.DOS;
        Visit first = Visit.builder("V1", day).payer("medicare").patient(patient("0", "0"))
                .service(minutes("97112", 75, pt("T1"))).build();
        Visit second = Visit.builder("V2", day.plusDays(2)).payer("medicare").patient(patient("0", "0"))
                .service(minutes("97110", 15, pt("T1"))).build();
        VisitDigest d1 = VisitDigest.of(check(first), ComplianceFixture.codes());
        VisitDigest d2 = VisitDigest.of(check(second), ComplianceFixture.codes());
        assertThat(d1.lines()).singleElement().satisfies(l -> {
            assertThat(l.bucket()).isEmpty();
            assertThat(l.allowed()).isEqualByComparingTo("0");
        });
        assertThat(d2.lines()).singleElement().satisfies(l -> assertThat(l.bucket()).isEqualTo("PT_SLP"));

        Map<Integer, YearToDate> start = Map.of(2026, new YearToDate(new BigDecimal("2400.00"), BigDecimal.ZERO));
        List<AcrossFinding> out = PatientHistory.check(List.of(d1, d2), start, ComplianceFixture.fees());
        assertThat(out).noneMatch(f -> f.finding().ruleId().equals("MW-A003"));
        assertThat(out).noneMatch(f -> f.finding().ruleId().equals("MW-A018"));

        // Near miss: at the MUE the first visit's $107.38 crosses, and neither visit carries KX (none was billed).
        Visit atMue = first.toBuilder().services(List.of(minutes("97112", 60, pt("T1"))))
                .billed(List.of(new BilledLine("97112", List.of("GP"), 4, Optional.empty()))).build();
        Visit secondBilled = second.toBuilder()
                .billed(List.of(new BilledLine("97110", List.of("GP"), 1, Optional.empty()))).build();
        List<AcrossFinding> counted = PatientHistory.check(List.of(
                VisitDigest.of(check(atMue), ComplianceFixture.codes()),
                VisitDigest.of(check(secondBilled), ComplianceFixture.codes())), start, ComplianceFixture.fees());
        assertThat(counted).filteredOn(f -> f.finding().ruleId().equals("MW-A003")).extracting(AcrossFinding::visitId)
                .containsExactly("V1", "V2");
    }

    /** Billed lines are held to the MUE as billed: 97112 x5 billed is $0; x4 billed (the near miss) is priced. */
    @Test
    void billedLinesOverTheMueArePricedAtZero() {
        Visit documented = visit().patient(patient("880.00", "0")).service(minutes("97112", 68, pt("T1"))).build();
        CheckResult five = check(documented.toBuilder()
                .billed(List.of(new BilledLine("97112", List.of("GP"), 5, Optional.empty()))).build());
        assertThat(five.claim().estimate().lines()).singleElement()
                .satisfies(l -> assertThat(l.deniedByMue()).isTrue());
        assertThat(five.claim().estimate().totalAllowed()).isEqualByComparingTo("0");

        CheckResult four = check(documented.toBuilder()
                .billed(List.of(new BilledLine("97112", List.of("GP"), 4, Optional.empty()))).build());
        assertThat(four.claim().estimate().lines()).singleElement().satisfies(l -> {
            assertThat(l.deniedByMue()).isFalse();
            assertThat(l.allowed()).isEqualByComparingTo("107.38");
        });
    }

    /**
     * GA (an ABN given): the line is priced (Medicare may pay) and the label says a denial is expected and the
     * patient pays under the ABN; GZ says the clinic bears it. Near miss: no ABN, no such sentence.
     */
    @Test
    void gaAndGzLinesArePricedWithWhatTheAbnMeans() {
        CheckResult ga = check(visit().abn(Abn.GIVEN).patient(patient("880.00", "0"))
                .service(minutes("97110", 30, pt("T1"))).build());
        Estimate e = ga.claim().estimate();
        assertThat(e.lines()).singleElement().satisfies(l -> {
            assertThat(l.modifiers()).containsExactly("GP", "GA");
            assertThat(l.allowed()).isPositive();
        });
        assertThat(e.reason()).isEqualTo(Estimate.LABEL + " GA (an ABN given) on 97110: Medicare is expected to deny "
                + "it as not reasonable and necessary, and the patient pays under the ABN if it does; the amounts are "
                + "what Medicare would allow if it paid.");

        CheckResult gz = check(visit().abn(Abn.NOT_GIVEN).patient(patient("880.00", "0"))
                .service(minutes("97110", 30, pt("T1"))).build());
        assertThat(gz.claim().estimate().reason()).isEqualTo(Estimate.LABEL + " GZ (no ABN given) on 97110: Medicare "
                + "denies such lines automatically, and the clinic, not the patient, bears the cost; the amounts are "
                + "what Medicare would allow if it paid.");

        CheckResult none = check(visit().patient(patient("880.00", "0")).service(minutes("97110", 30, pt("T1")))
                .build());
        assertThat(none.claim().estimate().reason()).isEqualTo(Estimate.LABEL);
    }

    /**
     * GA on a line an MUE denies: $0, named as denied by the MUE (the ABN does not cover it), not among the GA lines
     * priced as if paid; the other GA line is.
     */
    @Test
    void anAbnDoesNotPriceALineAnMueDenies() {
        CheckResult r = check(visit().abn(Abn.GIVEN).patient(patient("880.00", "0"))
                .service(minutes("97112", 68, pt("T1")))
                .service(minutes("97110", 15, pt("T1"))).build());
        Estimate e = r.claim().estimate();
        assertThat(e.lines()).filteredOn(l -> l.code().equals("97112")).singleElement().satisfies(l -> {
            assertThat(l.modifiers()).contains("GA");
            assertThat(l.deniedByMue()).isTrue();
            assertThat(l.allowed()).isEqualByComparingTo("0");
        });
        assertThat(e.reason()).contains("97112: denied whole by its MUE (4 a day), not priced.")
                .contains(" GA (an ABN given) on 97110: Medicare is expected to deny it")
                .doesNotContain("GA (an ABN given) on 97112");
    }

    /** The chiropractor's lines are unchanged by this: $0 as not covered, never flagged as an MUE denial. */
    @Test
    void aLineNoMueDeniesIsNotFlagged() {
        ClaimLine l = new ClaimLine("97112", List.of("GP"), 4, List.of(1), Optional.empty(), Optional.of("T1"),
                Optional.empty(), Optional.empty(), false, org.minutewise.core.model.Discipline.PT, List.of(0));
        List<MueDenial.Over> over = MueDenial.over(List.of(l), ComplianceFixture.mue(), ComplianceFixture.DOS);
        assertThat(over).isEmpty();
        ClaimLine five = new ClaimLine("97112", List.of("GP"), 5, List.of(1), Optional.empty(), Optional.of("T1"),
                Optional.empty(), Optional.empty(), false, org.minutewise.core.model.Discipline.PT, List.of(0));
        assertThat(MueDenial.over(List.of(five), ComplianceFixture.mue(), ComplianceFixture.DOS)).singleElement()
                .satisfies(o -> {
                    assertThat(o.denies(five)).isTrue();
                    assertThat(o.denies(l)).isTrue(); // a date-of-service MUE denies every line of the code that day
                });
    }
}
