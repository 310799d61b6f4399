package org.minutewise.core.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.ids;
import static org.minutewise.core.check.ComplianceFixture.minutes;
import static org.minutewise.core.check.ComplianceFixture.only;
import static org.minutewise.core.check.ComplianceFixture.ot;
import static org.minutewise.core.check.ComplianceFixture.patient;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.untimed;
import static org.minutewise.core.check.ComplianceFixture.visit;

import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.Severity;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Patient;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.Visit;

/**
 * The KX threshold and the targeted medical review amount (RULES.md §4): 2026, $2,480 per bucket, review from
 * $3,000. The visit here is 97110 15 min = 1 unit, allowed 0.87 x 33.4009 = 29.058783 = $29.06. "Near" is 90% of
 * the threshold: $2,232.00.
 */
class KxThresholdRuleTest {
    private static final java.time.LocalDate JAN_2027 = java.time.LocalDate.of(2027, 1, 4);

    private static CheckResult check(Visit v) {
        return only(new KxThresholdRule()).check(v);
    }

    private static Visit ptVisit(Patient p) {
        return visit().patient(p).service(minutes("97110", 15, pt("T1"))).build();
    }

    @Test
    void passingTheThresholdK001() {
        CheckResult r = check(ptVisit(patient("2460.00", "0")));

        assertThat(ids(r)).containsExactly("MW-K001");
        assertThat(r.findings().get(0).severity()).isEqualTo(Severity.INFO);
    }

    /**
     * An unpriced line before the priced line that crosses may itself be the line that crosses: KX goes on it too,
     * and K001 says why (a biller's review: 97140, unpriced with the sample RVUs, went out without KX). Near miss: an
     * unpriced line after the crossing had KX already, and a visit that does not cross puts KX nowhere.
     */
    @Test
    void anUnpricedLineBeforeTheCrossingCarriesKxToo() {
        Visit v = visit().patient(patient("2470.00", "0")).service(minutes("97140", 15, pt("T1")))
                .service(minutes("97110", 23, pt("T1"))).build();
        CheckResult r = check(v);
        assertThat(r.claim().lines()).allSatisfy(l -> assertThat(l.modifiers()).contains("KX"));
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("MW-K001")).singleElement().satisfies(f ->
                assertThat(f.message()).endsWith("KX is on the line that crosses it and every later line of this "
                        + "bucket, and on 97140 before it, which could not be priced and so may be the line that "
                        + "really crosses."));
        Visit after = visit().patient(patient("2470.00", "0")).service(minutes("97110", 23, pt("T1")))
                .service(minutes("97140", 15, pt("T1"))).build();
        assertThat(check(after).claim().lines()).allSatisfy(l -> assertThat(l.modifiers()).contains("KX"));
        assertThat(check(after).findings()).filteredOn(f -> f.ruleId().equals("MW-K001")).singleElement()
                .satisfies(f -> assertThat(f.message()).doesNotContain("could not be priced"));
        Visit below = visit().patient(patient("1000.00", "0")).service(minutes("97140", 15, pt("T1")))
                .service(minutes("97110", 23, pt("T1"))).build();
        assertThat(check(below).claim().lines()).allSatisfy(l -> assertThat(l.modifiers()).doesNotContain("KX"));
    }

    /** Chiropractic manipulation is not outpatient therapy: no KX on it, and it is not "unpriced" for KX. */
    @Test
    void manipulationIsInNoKxBucket() {
        Visit v = visit().patient(patient("2700.00", "0")).service(untimed("98940", Provider.of("C1", Role.DC)))
                .service(minutes("97110", 15, pt("T1"))).build();
        CheckResult r = check(v);

        assertThat(ids(r)).containsExactly("MW-K001");
        assertThat(r.claim().lines()).filteredOn(l -> l.code().equals("98940")).singleElement()
                .satisfies(l -> assertThat(l.modifiers()).doesNotContain("KX"));
        assertThat(r.claim().lines()).filteredOn(l -> l.code().equals("97110")).singleElement()
                .satisfies(l -> assertThat(l.modifiers()).contains("KX"));
        assertThat(r.claim().kx()).allSatisfy(b -> assertThat(b.unpriced()).doesNotContain("98940"));
    }

    /** MW-K005: a year with no threshold loaded (the fixture has 2025-2026) says KX was not checked. */
    @Test
    void aYearWithoutAThresholdK005() {
        Visit y2027 = Visit.builder("V-1", JAN_2027).payer("medicare").patient(patient("5000.00", "0"))
                .service(minutes("97110", 15, pt("T1"))).build();
        CheckResult r = check(y2027);

        assertThat(ids(r)).containsExactly("MW-K005");
        assertThat(r.findings().get(0).message()).contains("no KX threshold for 2027");
        assertThat(r.findings().get(0).path()).isEqualTo("dateOfService");
        // Manipulation alone is in no KX bucket: nothing to say; nor for a payer other than Medicare.
        assertThat(ids(check(Visit.builder("V-1", JAN_2027).payer("medicare")
                .service(untimed("98940", Provider.of("C1", Role.DC))).build()))).doesNotContain("MW-K005");
        assertThat(ids(check(Visit.builder("V-1", JAN_2027)
                .payer(org.minutewise.core.check.ComplianceFixture.COMMERCIAL.id())
                .service(minutes("97110", 15, pt("T1"))).build()))).doesNotContain("MW-K005");
    }

    /**
     * MW-K006: an ABN recorded puts GA or GZ on the therapy lines; past the threshold they stand in place of KX (KX
     * attests the medical necessity GA/GZ deny), and GZ's lines are the clinic's loss.
     */
    @Test
    void anAbnStandsInPlaceOfKxK006() {
        CheckResult ga = check(visit().abn(org.minutewise.core.model.Abn.GIVEN).patient(patient("2700.00", "0"))
                .service(minutes("97110", 15, pt("T1"))).build());
        assertThat(ids(ga)).containsExactly("MW-K006");
        assertThat(ga.findings().get(0).message()).contains("GA (an ABN given)").contains("in place of KX")
                .contains("the patient pays under the ABN if it does; the estimate shows what Medicare would allow "
                        + "if it paid.");
        assertThat(ga.claim().lines().get(0).modifiers()).containsExactly("GP", "GA");
        assertThat(ga.claim().kx()).allSatisfy(b -> assertThat(b.kxApplied()).isFalse());

        CheckResult gz = check(visit().abn(org.minutewise.core.model.Abn.NOT_GIVEN).patient(patient("100.00", "0"))
                .service(minutes("97110", 15, pt("T1"))).build());
        assertThat(ids(gz)).containsExactly("MW-K006");
        assertThat(gz.findings().get(0).message()).contains("denies such lines automatically")
                .doesNotContain("KX");

        assertThat(ids(check(ptVisit(patient("100.00", "0"))))).doesNotContain("MW-K006");
        assertThat(ga.findings().get(0).message()).doesNotContain("MUE");
    }

    /** GA on units over the MUE: the ABN does not make the patient liable for those (rules review). */
    @Test
    void anAbnDoesNotCoverUnitsAnMueDenies() {
        CheckResult ga = check(visit().abn(org.minutewise.core.model.Abn.GIVEN).patient(patient("2700.00", "0"))
                .service(minutes("97112", 75, pt("T1"))).build());
        assertThat(findingsOf(ga, "MW-K006")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("An ABN does not cover what an MUE denies (97112 over its MUE of 4 a day, whose lines that "
                        + "day are denied): the clinic, not the patient")
                // The only line is denied by its MUE and priced at $0: the estimate is not what Medicare would allow.
                .doesNotContain("the estimate shows"));
    }

    /**
     * The MUE sentence holds a code's units to its MUE as MW-E006 does: a line MUE (indicator 1) each claim line, a
     * date-of-service MUE (2 or 3) the day's lines added up. 97112 split by CQ into 3 + 2 units is within a line MUE
     * of 4 (no sentence) and over a date-of-service MUE of 4.
     */
    @Test
    void theAbnsMueSentenceFollowsTheAdjudicationIndicator() {
        Visit split = visit().abn(org.minutewise.core.model.Abn.GIVEN).patient(patient("2700.00", "0"))
                .service(minutes("97112", 38, org.minutewise.core.check.ComplianceFixture.assistant("A1", Role.PTA,
                        "T1")))
                .service(minutes("97112", 30, pt("T1")))
                .build();
        CheckResult perDay = check(split);
        assertThat(perDay.claim().lines()).extracting(org.minutewise.core.claim.ClaimLine::units)
                .containsExactly(3, 2);
        assertThat(findingsOf(perDay, "MW-K006")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("(97112 over its MUE of 4 a day, whose lines that day are denied)"));

        CheckResult perLine = withLineMue(split);
        assertThat(findingsOf(perLine, "MW-K006")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("GA (an ABN given)").doesNotContain("MUE"));
        // One line over a line MUE is still said.
        CheckResult oneLine = withLineMue(split.toBuilder().services(java.util.List.of(minutes("97112", 68,
                pt("T1")))).build());
        assertThat(findingsOf(oneLine, "MW-K006")).singleElement().satisfies(f -> assertThat(f.message())
                .contains("(97112 over its MUE of 4 a line, whose line is denied whole)"));
    }

    /** The visit checked with 97112's MUE of 4 as a line MUE (adjudication indicator 1). */
    private static CheckResult withLineMue(Visit v) {
        org.minutewise.core.check.ReferenceData base = org.minutewise.core.check.ComplianceFixture.ref();
        org.minutewise.core.check.ReferenceData lineMue = new org.minutewise.core.check.ReferenceData(base.codes(),
                base.payers(), base.diagnoses(), base.ptp(), new org.minutewise.core.edits.MueTable("test", false,
                java.util.List.of(new org.minutewise.core.edits.Mue("97112", 4, 1, "Clinical: Data",
                        java.time.LocalDate.of(2020, 1, 1)))), base.fees(), base.phrases());
        return new org.minutewise.core.check.VisitChecker(lineMue, org.minutewise.core.check.RuleBook.of(
                java.util.List.of(new KxThresholdRule()))).check(v);
    }

    private static java.util.List<org.minutewise.core.check.Finding> findingsOf(CheckResult r, String id) {
        return r.findings().stream().filter(f -> f.ruleId().equals(id)).toList();
    }

    /**
     * MW-K008: billed therapy lines without documented minutes (an 837) add nothing countable: KX not judged, and
     * said. With minutes documented, or billed to a commercial payer, it is not.
     */
    @Test
    void billedLinesWithoutMinutesK008() {
        Visit billed = visit().patient(patient("0", "0"))
                .service(new org.minutewise.core.model.ServiceLine("97110", java.util.OptionalInt.empty(),
                        java.util.List.of(), pt("T1"), java.util.Optional.empty(), java.util.Optional.empty()))
                .billed(java.util.List.of(new org.minutewise.core.model.BilledLine("97110", java.util.List.of("GP"), 2,
                        java.util.Optional.empty())))
                .build();
        CheckResult r = check(billed);
        assertThat(ids(r)).contains("MW-K008");
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("MW-K008")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("97110 is billed to Medicare, but the record gives "
                        + "no minutes that count for it"));
        assertThat(ids(check(billed.toBuilder().services(java.util.List.of(minutes("97110", 30, pt("T1"))))
                .build()))).doesNotContain("MW-K008");
        assertThat(ids(check(billed.toBuilder().payer("commercial").build()))).doesNotContain("MW-K008");
    }

    /** MW-K007: no year-to-date given (not even $0): KX is judged from this visit alone, and the visit is told. */
    @Test
    void noYearToDateK007() {
        CheckResult none = check(visit().service(minutes("97110", 15, pt("T1"))).build());
        assertThat(ids(none)).containsExactly("MW-K007");
        assertThat(none.findings().get(0).message()).contains("as if nothing was spent before it (2026 threshold "
                + "$2,480.00)");
        assertThat(ids(check(ptVisit(patient("0", "0"))))).doesNotContain("MW-K007");
        // A commercial payer has no KX threshold: nothing to say.
        assertThat(ids(check(visit().payer("commercial").service(minutes("97110", 15, pt("T1"))).build())))
                .doesNotContain("MW-K007");
    }

    /** MW-K007 v2: only the spend at other providers given: the visit is told it was counted, not ignored. */
    @Test
    void onlyTheOutsideSpendGivenK007SaysItWasCounted() {
        Patient outsideOnly = new Patient(java.util.Optional.of("P-1"), java.util.Optional.empty(),
                org.minutewise.core.model.YearToDate.NONE, new org.minutewise.core.model.YearToDate(
                new java.math.BigDecimal("2470.00"), java.math.BigDecimal.ZERO));
        CheckResult r = check(ptVisit(outsideOnly));

        assertThat(ids(r)).containsExactlyInAnyOrder("MW-K001", "MW-K007");
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("MW-K007")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("gives only the patient's expenses at other "
                        + "providers ($2,470.00)").doesNotContain("as if nothing was spent before it"));
    }

    /** No conversion factor for the year: the unpriced lines are not put down to RVUs that were loaded. */
    @Test
    void nearTheThresholdInAYearWithoutAConversionFactorDoesNotBlameTheRvus() {
        org.minutewise.core.fees.FeeData noCf = new org.minutewise.core.fees.FeeData("test", false,
                java.util.List.of(new org.minutewise.core.fees.Rvu("97110", 2025, new java.math.BigDecimal("0.45"),
                        new java.math.BigDecimal("0.41"), new java.math.BigDecimal("0.01"))),
                java.util.List.of(org.minutewise.core.fees.Gpci.NATIONAL), java.util.Map.of(2026,
                org.minutewise.core.check.ComplianceFixture.CF_2026), java.util.List.of(new org.minutewise.core.fees.KxThreshold(
                2025, new java.math.BigDecimal("2410.00"), new java.math.BigDecimal("2410.00"),
                new java.math.BigDecimal("3000.00"), "RULES.md §4")),
                java.util.List.of(org.minutewise.core.check.ComplianceFixture.rates(2025)), java.util.Map.of());
        org.minutewise.core.check.ReferenceData base = org.minutewise.core.check.ComplianceFixture.ref();
        org.minutewise.core.check.ReferenceData ref = new org.minutewise.core.check.ReferenceData(base.codes(),
                base.payers(), base.diagnoses(), base.ptp(), base.mue(), noCf, base.phrases());
        Visit v = org.minutewise.core.model.Visit.builder("V-1", java.time.LocalDate.of(2025, 3, 3))
                .patient(patient("2300.00", "0")).service(minutes("97110", 15, pt("T1"))).build();
        CheckResult r = new org.minutewise.core.check.VisitChecker(ref, org.minutewise.core.check.RuleBook.of(
                java.util.List.of(new KxThresholdRule()))).check(v);

        assertThat(r.findings()).filteredOn(x -> x.ruleId().equals("MW-K002")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("cannot be priced (see MW-K004)")
                        .doesNotContain("no RVUs loaded"));
    }

    @Test
    void wellBelowTheThresholdNothing() {
        CheckResult r = check(ptVisit(patient("2000.00", "0")));

        assertThat(r.findings()).isEmpty();
    }

    /** $2,202.94 + $29.06 = $2,232.00: exactly 90% of $2,480. */
    @Test
    void reaching90PercentK002() {
        CheckResult r = check(ptVisit(patient("2202.94", "0")));

        assertThat(ids(r)).containsExactly("MW-K002");
        assertThat(r.findings().get(0).severity()).isEqualTo(Severity.WARN);
    }

    /** $2,202.93 + $29.06 = $2,231.99: a cent under 90%. */
    @Test
    void aCentUnder90PercentNothing() {
        CheckResult r = check(ptVisit(patient("2202.93", "0")));

        assertThat(r.findings()).isEmpty();
    }

    /** Spend elsewhere counts toward "near" too: $2,000 here + $202.94 elsewhere. */
    @Test
    void outsideSpendCountsTowardNear() {
        CheckResult r = check(ptVisit(patient("2000.00", "0", "202.94", "0")));

        assertThat(ids(r)).containsExactly("MW-K002");
    }

    /** $2,970.94 + $29.06 = $3,000.00: the targeted review amount is reached (and KX is on). */
    @Test
    void reachingTheTargetedReviewAmountK003() {
        CheckResult r = check(ptVisit(patient("2970.94", "0")));

        assertThat(ids(r)).containsExactlyInAnyOrder("MW-K001", "MW-K003");
    }

    @Test
    void aCentUnderTheTargetedReviewAmountNoK003() {
        CheckResult r = check(ptVisit(patient("2970.93", "0")));

        assertThat(ids(r)).containsExactly("MW-K001");
    }

    /**
     * An OT visit (97530 15 min = 1.05 x 33.4009 = $35.07) counts in the OT bucket only: $2,964.93 + $35.07 =
     * $3,000.00. The PT/SLP bucket, far past its own threshold, has no line on this visit and says nothing.
     */
    @Test
    void otBucketIsCheckedOnItsOwn() {
        CheckResult r = check(visit().planOfCare(Discipline.OT).patient(patient("3500.00", "2964.93"))
                .service(minutes("97530", 15, ot("O1"))).build());

        assertThat(ids(r)).containsExactlyInAnyOrder("MW-K001", "MW-K003");
        assertThat(r.findings()).allSatisfy(f -> assertThat(f.message()).contains("occupational therapy"));
    }

    @Test
    void anUnpricedLineInTheBucketK004() {
        CheckResult r = check(visit().patient(patient("0", "0"))
                .service(minutes("97110", 15, pt("T1")))
                .service(minutes("97140", 15, pt("T1")))
                .build());

        assertThat(ids(r)).containsExactly("MW-K004");
        assertThat(r.findings().get(0).message()).contains("97140");
    }

    /** Near the threshold with a line no RVU prices: the amount after the visit is said to be a floor, not a total. */
    @Test
    void nearTheThresholdWithAnUnpricedLineSaysTheAmountAfterIsHigher() {
        CheckResult r = check(visit().patient(patient("2470.00", "0"))
                .service(minutes("97140", 30, pt("T1")))
                .build());
        assertThat(ids(r)).containsExactlyInAnyOrder("MW-K002", "MW-K004");
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("MW-K002")).singleElement()
                .satisfies(f -> {
                    assertThat(f.message()).contains("not counting 97140, which cannot be priced")
                            .contains("may pass the threshold");
                    // The fix is about this visit, not only the next ones (a biller's review).
                    assertThat(f.fix()).contains("this visit may itself pass the threshold");
                });
        // Every line priced: no such words.
        assertThat(check(ptVisit(patient("2300.00", "0"))).findings())
                .allSatisfy(f -> assertThat(f.message()).doesNotContain("not counting"))
                .allSatisfy(f -> assertThat(f.fix()).doesNotContain("this visit may itself"));
    }

    @Test
    void everyLinePricedNoK004() {
        CheckResult r = check(visit().patient(patient("0", "0"))
                .service(minutes("97110", 15, pt("T1")))
                .service(minutes("97112", 15, pt("T1")))
                .build());

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void notMedicareNoKxFindings() {
        CheckResult r = check(visit().payer("commercial").patient(patient("3500.00", "0"))
                .service(minutes("97110", 15, pt("T1"))).build());

        assertThat(r.findings()).isEmpty();
    }
}
