package org.minutewise.core.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.ids;
import static org.minutewise.core.check.ComplianceFixture.minutes;
import static org.minutewise.core.check.ComplianceFixture.only;
import static org.minutewise.core.check.ComplianceFixture.ot;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.slp;
import static org.minutewise.core.check.ComplianceFixture.untimed;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.Severity;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Visit;

/**
 * Code rules (RULES.md §1): Medicare pays G0283 not 97014, bundles 97010; 97129 once then 97130; a code must be
 * valid on the date of service (97532 was deleted at the end of 2019, 97129 starts 2020-01-01); and the code
 * belongs to the plan of care's discipline.
 */
class CodeRulesTest {

    private static CheckResult check(Visit v) {
        return only(new CodeRules()).check(v);
    }

    /** The fixture's visit with a diagnosis, as a claim needs (MW-C008); a test may replace the list. */
    private static Visit.Builder visit() {
        return org.minutewise.core.check.ComplianceFixture.visit().diagnosis("R26.81");
    }

    @Test
    void code97014ToMedicareC002() {
        CheckResult r = check(visit().service(untimed("97014", pt("T1"))).build());

        assertThat(ids(r)).containsExactly("MW-C002");
        assertThat(r.findings().get(0).path()).isEqualTo("services[0].code");
    }

    @Test
    void g0283ToMedicareIsFine() {
        CheckResult r = check(visit().service(untimed("G0283", pt("T1"))).build());

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void code97014ToACommercialPayerIsNotC002() {
        CheckResult r = check(visit().payer("commercial").service(untimed("97014", pt("T1"))).build());

        assertThat(r.findings()).isEmpty();
    }

    /** G0283 is Medicare's code: another payer is told to check its policy (info); Medicare itself is not. */
    @Test
    void g0283ToACommercialPayerC010Info() {
        CheckResult r = check(visit().payer("commercial").service(untimed("G0283", pt("T1"))).build());

        assertThat(ids(r)).containsExactly("MW-C010");
        assertThat(r.findings().get(0).severity()).isEqualTo(org.minutewise.core.check.Severity.INFO);
        assertThat(r.findings().get(0).message()).contains("97014");
    }

    @Test
    void code97010ToMedicareC003Info() {
        CheckResult r = check(visit().service(untimed("97010", pt("T1"))).build());

        assertThat(ids(r)).containsExactly("MW-C003");
        assertThat(r.findings().get(0).severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void code97010ToACommercialPayerIsNotC003() {
        CheckResult r = check(visit().payer("commercial").service(untimed("97010", pt("T1"))).build());

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void code97130AloneC004() {
        CheckResult r = check(visit().planOfCare(Discipline.SLP).service(minutes("97130", 30, slp("S1"))).build());

        assertThat(ids(r)).containsExactly("MW-C004");
    }

    /** 45 min documented all as 97129 are three units of it; 97129 is billed once. */
    @Test
    void code97129ForThreeUnitsC004() {
        CheckResult r = check(visit().planOfCare(Discipline.SLP).service(minutes("97129", 45, slp("S1"))).build());

        assertThat(ids(r)).containsExactly("MW-C004");
    }

    @Test
    void code97129OnceThen97130IsFine() {
        CheckResult r = check(visit().planOfCare(Discipline.SLP)
                .service(minutes("97129", 15, slp("S1")))
                .service(minutes("97130", 15, slp("S1")))
                .build());

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void deletedCodeC005() {
        CheckResult r = check(visit().service(minutes("97532", 30, pt("T1"))).build());

        assertThat(ids(r)).containsExactly("MW-C005");
        assertThat(r.findings().get(0).blocks()).isTrue();
    }

    @Test
    void deletedCodeOnItsLastDayIsFine() {
        CheckResult r = check(Visit.builder("V-1", LocalDate.of(2019, 12, 31)).diagnosis("R26.81")
                .service(minutes("97532", 30, pt("T1"))).build());

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void newCodeTheDayBeforeItStartsC005AndFineOnItsFirstDay() {
        CheckResult before = check(Visit.builder("V-1", LocalDate.of(2019, 12, 31)).diagnosis("R41.841").planOfCare(Discipline.SLP)
                .service(minutes("97129", 15, slp("S1"))).build());
        CheckResult first = check(Visit.builder("V-1", LocalDate.of(2020, 1, 1)).diagnosis("R41.841").planOfCare(Discipline.SLP)
                .service(minutes("97129", 15, slp("S1"))).build());

        assertThat(ids(before)).containsExactly("MW-C005");
        assertThat(first.findings()).isEmpty();
    }

    /**
     * An OT's evaluation entered as 97161 under the OT plan: the line carries GO, which Medicare's edits refuse on a
     * PT evaluation code (CR 9933): a block, whose fix names the OT code of the same complexity.
     */
    @Test
    void ptEvaluationUnderAnOtPlanToMedicareC011() {
        CheckResult r = check(visit().planOfCare(Discipline.OT).service(untimed("97161", ot("O1"))).build());

        assertThat(ids(r)).containsExactly("MW-C011");
        assertThat(r.findings().get(0).severity()).isEqualTo(Severity.BLOCK);
        assertThat(r.findings().get(0).path()).isEqualTo("services[0].code");
        assertThat(r.findings().get(0).message()).contains("carries GO").contains("only with GP");
        assertThat(r.findings().get(0).fix()).isEqualTo("Bill 97165, the occupational therapy evaluation of the "
                + "same kind, instead of 97161.");
        CheckResult re = check(visit().service(untimed("97168", pt("T1"))).build());
        assertThat(re.findings().get(0).fix()).startsWith("Bill 97164, the physical therapy evaluation");
    }

    /** A physical therapist evaluated under the OT plan: the fix is the line's discipline, not another code. */
    @Test
    void aTherapistOfTheCodesDisciplineIsToldToSetTheLinesDisciplineC011() {
        CheckResult r = check(visit().planOfCare(Discipline.OT).service(untimed("97162", pt("T1"))).build());

        assertThat(ids(r)).containsExactly("MW-C011");
        assertThat(r.findings().get(0).fix()).startsWith("A physical therapist evaluated: set the line's "
                + "discipline to PT");
    }

    /** Near miss: the same line to a commercial payer, whose edits Medicare's CR does not bind, only warns. */
    @Test
    void ptEvaluationUnderAnOtPlanToACommercialPayerC006() {
        CheckResult r = check(visit().payer("commercial").planOfCare(Discipline.OT)
                .service(untimed("97161", ot("O1"))).build());

        assertThat(ids(r)).containsExactly("MW-C006");
    }

    @Test
    void ptEvaluationUnderAPtPlanIsFine() {
        CheckResult r = check(visit().service(untimed("97161", pt("T1"))).build());

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void speechTreatmentUnderAPtPlanC006() {
        CheckResult r = check(visit().service(untimed("92507", slp("S1"))).build());

        assertThat(ids(r)).containsExactly("MW-C006");
    }

    /** ICD-10-CM guidelines I.B.2: a category that is subdivided is not a code a claim may carry. */
    @Test
    void aDiagnosisWrittenAsItsCategoryC007() {
        CheckResult r = check(visit().diagnoses(java.util.List.of("R26.81", "i69"))
                .service(minutes("97112", 30, pt("T1"))).build());

        assertThat(ids(r)).containsExactly("MW-C007");
        assertThat(r.findings().get(0).blocks()).isTrue();
        assertThat(r.findings().get(0).path()).isEqualTo("diagnoses[1]");
        assertThat(r.findings().get(0).message()).isEqualTo("i69 (Sequelae of cerebrovascular disease) is an "
                + "ICD-10-CM category, not a billable code: a claim needs each diagnosis with all the characters it "
                + "requires, such as I69.351. The payer rejects the claim as it stands.");
    }

    /**
     * By the date of service (C007 v3): G20 was billable until 2023-09-30 and G20.A1 began on 2023-10-01 (a
     * rulebook review: a 2022 claim with G20 was blocked and told to use G20.A1, which the payer would refuse).
     */
    @Test
    void aCategorySubdividedSince2018IsBillableBeforeItsSubdivisionC007() {
        org.minutewise.core.codes.DiagnosisCatalog dx = new org.minutewise.core.codes.DiagnosisCatalog("test",
                java.util.List.of(new org.minutewise.core.codes.DiagnosisCategory("G20", "Parkinson's disease",
                        "neurological", true, "G20.A1", java.util.Optional.of(java.time.LocalDate.of(2023, 10, 1)))));
        org.minutewise.core.check.VisitChecker checker = new org.minutewise.core.check.VisitChecker(
                org.minutewise.core.check.ComplianceFixture.ref().withDiagnoses(dx),
                org.minutewise.core.check.RuleBook.of(java.util.List.of(new CodeRules())));
        java.util.function.BiFunction<String, String, CheckResult> on = (date, code) -> checker.check(
                org.minutewise.core.model.Visit.builder("V-1", java.time.LocalDate.parse(date)).payer("medicare")
                        .planOfCare(org.minutewise.core.model.Discipline.PT).diagnoses(java.util.List.of(code))
                        .service(minutes("97112", 30, pt("T1"))).build());

        assertThat(ids(on.apply("2023-09-29", "G20"))).doesNotContain("MW-C007");
        assertThat(ids(on.apply("2023-10-01", "G20"))).containsExactly("MW-C007");
        assertThat(ids(on.apply("2023-10-01", "G20.A1"))).doesNotContain("MW-C007");
        CheckResult early = on.apply("2022-06-01", "G20.A1");
        assertThat(ids(early)).containsExactly("MW-C007");
        assertThat(early.findings().get(0).message()).startsWith("G20.A1 is not an ICD-10-CM code on 2022-06-01: "
                + "G20 (Parkinson's disease) was subdivided on 2023-10-01");
        assertThat(early.findings().get(0).fix()).contains("G20 for a date before 2023-10-01");

        // A category whose example came later suggests the code billable on the date (M54.5 in 2021, not M54.50).
        org.minutewise.core.codes.DiagnosisCatalog back = new org.minutewise.core.codes.DiagnosisCatalog("test",
                java.util.List.of(new org.minutewise.core.codes.DiagnosisCategory("M54", "Dorsalgia",
                        "musculoskeletal", false, "M54.50"), new org.minutewise.core.codes.DiagnosisCategory("M54.5",
                        "Low back pain", "musculoskeletal", false, "M54.50",
                        java.util.Optional.of(java.time.LocalDate.of(2021, 10, 1)))));
        CheckResult m54 = new org.minutewise.core.check.VisitChecker(org.minutewise.core.check.ComplianceFixture.ref()
                .withDiagnoses(back), org.minutewise.core.check.RuleBook.of(java.util.List.of(new CodeRules())))
                .check(org.minutewise.core.model.Visit.builder("V-1", java.time.LocalDate.of(2021, 6, 1))
                        .payer("medicare").planOfCare(org.minutewise.core.model.Discipline.PT)
                        .diagnoses(java.util.List.of("M54")).service(minutes("97112", 30, pt("T1"))).build());
        assertThat(m54.findings()).singleElement().satisfies(f -> assertThat(f.message()).contains("such as M54.5."));
    }

    /** Full codes, a category billable as it stands (R29.6), and a code not in the catalog are all left alone. */
    @Test
    void fullCodesAndABillableCategoryAreNotC007() {
        CheckResult r = check(visit().diagnoses(java.util.List.of("I69.351", "R296", "R29.6", "Z99.89", "M17.11"))
                .service(minutes("97112", 30, pt("T1"))).build());

        assertThat(ids(r)).doesNotContain("MW-C007");
    }

    /** An injury or fracture code cut short of its 7th character is not billable (C007 v2); with it, it is. */
    @Test
    void anInjuryCodeWithoutItsSeventhCharacterC007() {
        for (String bad : java.util.List.of("S93.401", "S93.4", "s72.001", "T84.84", "M80.08", "M84.36")) {
            CheckResult r = check(visit().diagnoses(java.util.List.of("R26.81", bad))
                    .service(minutes("97112", 30, pt("T1"))).build());
            assertThat(ids(r)).as(bad).containsExactly("MW-C007");
            assertThat(r.findings().get(0).message()).as(bad).startsWith(bad + " lacks its 7th character");
        }
        CheckResult fine = check(visit().diagnoses(java.util.List.of("S93.401D", "S82.61XD", "T31.0", "M84.361A",
                "M54.50", "G20.A1")).service(minutes("97112", 30, pt("T1"))).build());
        assertThat(ids(fine)).doesNotContain("MW-C007");
    }

    /** A visit checked with CodeRules alone against a code set of FY2026 (as --icd10-file gives it). */
    private static CheckResult withCodeSet(String... diagnoses) {
        return checkedAgainst(0, visit().diagnoses(java.util.List.of(diagnoses)));
    }

    /**
     * The visit (given 97112 for 30 min) checked with CodeRules alone against a small FY2026 code set; its fiscal
     * year known when {@code fiscalYear} is not 0.
     */
    private static CheckResult checkedAgainst(int fiscalYear, Visit.Builder visit) {
        org.minutewise.core.codes.Icd10CodeSet set = new org.minutewise.core.codes.Icd10CodeSet(
                "icd10cm_order_2026.txt, ICD-10-CM FY2026", fiscalYear, java.util.List.of(
                new org.minutewise.core.codes.Icd10CodeSet.Entry("I69", true),
                new org.minutewise.core.codes.Icd10CodeSet.Entry("I69.35", true),
                new org.minutewise.core.codes.Icd10CodeSet.Entry("I69.351", false),
                new org.minutewise.core.codes.Icd10CodeSet.Entry("R26.81", false),
                new org.minutewise.core.codes.Icd10CodeSet.Entry("R26.89", false),
                new org.minutewise.core.codes.Icd10CodeSet.Entry("M62.81", false)));
        org.minutewise.core.check.ReferenceData ref = org.minutewise.core.check.ComplianceFixture.ref();
        return new org.minutewise.core.check.VisitChecker(ref.withDiagnoses(ref.diagnoses().withCodeSet(set)),
                org.minutewise.core.check.RuleBook.of(java.util.List.of(new CodeRules())))
                .check(visit.service(minutes("97112", 30, pt("T1"))).build());
    }

    /**
     * With the year's code set (--icd10-file), a made-up code blocks, naming the code and the file's year (a coder's
     * review: I69.999 and R26.811 passed and went out on the 837P); so does a header the categories do not know.
     */
    @Test
    void aDiagnosisNotInTheCodeSetC015() {
        CheckResult r = withCodeSet("I69.999", "R26.81", "R26811");
        assertThat(r.findings()).extracting(f -> f.ruleId()).containsExactly("MW-C015", "MW-C015");
        assertThat(r.findings()).allMatch(f -> f.blocks());
        assertThat(r.findings()).extracting(f -> f.path()).containsExactly("diagnoses[0]", "diagnoses[2]");
        assertThat(r.findings().get(0).message()).isEqualTo("I69.999 is not in the ICD-10-CM code set "
                + "(icd10cm_order_2026.txt, ICD-10-CM FY2026): no such code, so the payer rejects the claim as an "
                + "invalid diagnosis.");
        assertThat(r.findings().get(0).citation()).contains("45 CFR 162.1002").contains("Official Guidelines");

        // I69.35 is a header of the file; the fixture's categories do not name it, so MW-C007 cannot.
        CheckResult header = withCodeSet("I69.35");
        assertThat(ids(header)).containsExactly("MW-C015");
        assertThat(header.findings().get(0).message()).startsWith("I69.35 is a header in the ICD-10-CM code set");
        assertThat(header.findings().get(0).fix()).contains("billable code below I69.35");
    }

    /** A visit on {@code date} checked with CodeRules alone against FY2026's code set, its year known. */
    private static CheckResult withFy2026Set(java.time.LocalDate date, String diagnosis) {
        return checkedAgainst(2026, Visit.builder("V-1", date).diagnoses(java.util.List.of(diagnosis)));
    }

    /**
     * FY2026's set judges a visit of FY2026 (2025-10-01 to 2026-09-30) alone: a code it lacks on a visit of
     * 2025-09-30 may have been valid in FY2025 (deleted since, or subdivided into a header), so that is a warning
     * to check the right year's set (MW-C016), not a block.
     */
    @Test
    void aCodeSetOfAnotherFiscalYearWarnsC016() {
        java.time.LocalDate lastOfFy2025 = java.time.LocalDate.of(2025, 9, 30);
        CheckResult missing = withFy2026Set(lastOfFy2025, "I69.999");
        assertThat(ids(missing)).containsExactly("MW-C016");
        assertThat(missing.findings().get(0).blocks()).isFalse();
        assertThat(missing.findings().get(0).message()).isEqualTo("I69.999 is not in the loaded ICD-10-CM code set "
                + "(icd10cm_order_2026.txt, ICD-10-CM FY2026), but the date of service 2025-09-30 falls in FY2025 "
                + "(2024-10-01 to 2025-09-30): codes are added, deleted and subdivided every October 1, so I69.999 "
                + "may have been billable then. Minutewise cannot tell from another year's set.");
        assertThat(ids(withFy2026Set(java.time.LocalDate.of(2026, 10, 1), "I69.35"))).containsExactly("MW-C016");

        // Near misses: the set's own year blocks as before; a billable code of the set passes in any year.
        assertThat(ids(withFy2026Set(java.time.LocalDate.of(2025, 10, 1), "I69.999"))).containsExactly("MW-C015");
        assertThat(ids(withFy2026Set(java.time.LocalDate.of(2026, 9, 30), "I69.35"))).containsExactly("MW-C015");
        assertThat(ids(withFy2026Set(lastOfFy2025, "I69.351"))).isEmpty();
        assertThat(org.minutewise.core.codes.Icd10CodeSet.fiscalYearOf(lastOfFy2025)).isEqualTo(2025);
    }

    /** Near misses: billable codes of the set (dot or not, any case) pass; a category is MW-C007's alone. */
    @Test
    void billableCodesOfTheCodeSetAreNotC015() {
        assertThat(ids(withCodeSet("I69.351", "r2681", "M62.81"))).isEmpty();
        assertThat(ids(withCodeSet("I69"))).containsExactly("MW-C007");
    }

    /**
     * Without the file nothing is looked up: a made-up code of a good shape passes (no finding claims it exists),
     * but a code of four to six characters that ends in the placeholder X is no code whatever the year.
     */
    @Test
    void withoutTheCodeSetOnlyTheShapeC015() {
        assertThat(ids(check(visit().diagnoses(java.util.List.of("I69.999", "R26.811"))
                .service(minutes("97112", 30, pt("T1"))).build()))).isEmpty();
        CheckResult x = check(visit().diagnoses(java.util.List.of("M62.8X"))
                .service(minutes("97112", 30, pt("T1"))).build());
        assertThat(ids(x)).containsExactly("MW-C015");
        assertThat(x.findings().get(0).message()).startsWith("M62.8X ends in the placeholder X");
        // X before a 7th character is the placeholder's use; an injury code cut short is MW-C007's.
        assertThat(ids(check(visit().diagnoses(java.util.List.of("T07.XXXA", "S82.61XD", "M62.81"))
                .service(minutes("97112", 30, pt("T1"))).build()))).isEmpty();
        assertThat(ids(check(visit().diagnoses(java.util.List.of("S82.61X"))
                .service(minutes("97112", 30, pt("T1"))).build()))).containsExactly("MW-C007");
    }

    /** A claim needs a diagnosis: none at all blocks (C008). */
    @Test
    void noDiagnosisC008() {
        CheckResult none = check(visit().diagnoses(java.util.List.of()).service(minutes("97112", 30, pt("T1")))
                .build());
        assertThat(ids(none)).containsExactly("MW-C008");
        assertThat(none.findings().get(0).blocks()).isTrue();
        assertThat(ids(check(visit().diagnoses(java.util.List.of("R26.81")).service(minutes("97112", 30, pt("T1")))
                .build()))).doesNotContain("MW-C008");
    }

    /** Chiropractic manipulation to Medicare needs a subluxation diagnosis, M99.01-M99.05 (C009). */
    @Test
    void manipulationWithoutASubluxationC009() {
        org.minutewise.core.model.Provider dc = org.minutewise.core.model.Provider.of("C1",
                org.minutewise.core.model.Role.DC);
        CheckResult none = check(visit().diagnoses(java.util.List.of("M54.50"))
                .service(org.minutewise.core.check.ComplianceFixture.untimed("98941", dc)).build());
        assertThat(ids(none)).containsExactly("MW-C009");
        assertThat(none.findings().get(0).message()).contains("98941").contains("M99.01-M99.05");
        CheckResult lumbar = check(visit().diagnoses(java.util.List.of("M99.03", "M54.50"))
                .service(org.minutewise.core.check.ComplianceFixture.untimed("98941", dc)).build());
        assertThat(ids(lumbar)).doesNotContain("MW-C009");
        CheckResult head = check(visit().diagnoses(java.util.List.of("M99.00"))
                .service(org.minutewise.core.check.ComplianceFixture.untimed("98940", dc)).build());
        assertThat(ids(head)).containsExactly("MW-C009");
        CheckResult commercial = check(visit().payer("commercial").diagnoses(java.util.List.of("M54.50"))
                .service(org.minutewise.core.check.ComplianceFixture.untimed("98941", dc)).build());
        assertThat(ids(commercial)).doesNotContain("MW-C009");
    }

    /**
     * A manipulation code above the spinal regions documented (C012): 98942 (5 regions) with one region listed is
     * 98940; to Medicare, 98941 (3-4) with a subluxation at one level supports 98940. Near misses: as many regions
     * as the code stands for, listed or diagnosed; 98940 with one; a commercial payer's line with no regions listed.
     */
    @Test
    void manipulationAboveTheRegionsDocumentedC012() {
        org.minutewise.core.model.Provider dc = org.minutewise.core.model.Provider.of("C1",
                org.minutewise.core.model.Role.DC);
        java.util.function.BiFunction<String, java.util.List<org.minutewise.core.model.BodyRegion>,
                org.minutewise.core.model.ServiceLine> cmt = (code, regions) ->
                org.minutewise.core.check.ComplianceFixture.untimed(code, dc).withRegions(regions);
        CheckResult oneListed = check(visit().payer("commercial").diagnoses(java.util.List.of("M54.50"))
                .service(cmt.apply("98942", java.util.List.of(org.minutewise.core.model.BodyRegion.LUMBAR,
                        org.minutewise.core.model.BodyRegion.UPPER_EXTREMITY))).build());
        assertThat(ids(oneListed)).containsExactly("MW-C012");
        assertThat(oneListed.findings().get(0).severity()).isEqualTo(Severity.BLOCK);
        assertThat(oneListed.findings().get(0).message()).isEqualTo("98942 stands for 5 spinal regions, and the line "
                + "documents 1 (lumbar): that is 98940.");
        CheckResult oneLevel = check(visit().diagnoses(java.util.List.of("M99.03", "M54.50"))
                .service(cmt.apply("98941", java.util.List.of())).build());
        assertThat(ids(oneLevel)).containsExactly("MW-C012");
        assertThat(oneLevel.findings().get(0).message()).contains("a subluxation at 1 level (M99.03)")
                .endsWith("so the claim supports 98940.");

        CheckResult threeListed = check(visit().payer("commercial").diagnoses(java.util.List.of("M54.50"))
                .service(cmt.apply("98941", java.util.List.of(org.minutewise.core.model.BodyRegion.CERVICAL,
                        org.minutewise.core.model.BodyRegion.THORACIC, org.minutewise.core.model.BodyRegion.LUMBAR)))
                .build());
        assertThat(ids(threeListed)).isEmpty();
        CheckResult threeLevels = check(visit().diagnoses(java.util.List.of("M99.01", "M99.02", "M99.03"))
                .service(cmt.apply("98941", java.util.List.of())).build());
        assertThat(ids(threeLevels)).isEmpty();
        CheckResult lowest = check(visit().diagnoses(java.util.List.of("M99.03"))
                .service(cmt.apply("98940", java.util.List.of(org.minutewise.core.model.BodyRegion.LUMBAR))).build());
        assertThat(ids(lowest)).isEmpty();
        CheckResult unlisted = check(visit().payer("commercial").diagnoses(java.util.List.of("M54.50"))
                .service(cmt.apply("98942", java.util.List.of())).build());
        assertThat(ids(unlisted)).isEmpty();
    }
}
