package org.minutewise.core.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.assistant;
import static org.minutewise.core.check.ComplianceFixture.ids;
import static org.minutewise.core.check.ComplianceFixture.minutes;
import static org.minutewise.core.check.ComplianceFixture.only;
import static org.minutewise.core.check.ComplianceFixture.ot;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.untimed;
import static org.minutewise.core.check.ComplianceFixture.visit;

import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.Severity;
import java.util.List;
import java.util.Optional;
import org.minutewise.core.model.Abn;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.Setting;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;

/** Who may furnish and bill therapy (RULES.md §2, §4). */
class WhoMayBillTest {

    private static CheckResult check(Visit v) {
        return only(new WhoMayBill()).check(v);
    }

    /**
     * An assistant's supervisor who furnishes a service of the visit as another assistant or as a therapist of another
     * discipline cannot be the line's rendering provider (a biller's review: the claim went out under the PTA's NPI
     * with nothing blocking). Near misses: the PT on the visit; a supervisor not on the visit (nothing to judge by).
     */
    @Test
    void anAssistantSupervisedByAnotherAssistantOrDisciplineW013() {
        Visit byPta = visit().service(minutes("97112", 15, assistant("PTA-Z", Role.PTA, "PT-1")))
                .service(minutes("97110", 25, assistant("PTA-2", Role.PTA, "PTA-Z"))).build();
        assertThat(ids(check(byPta))).containsExactly("MW-W013");
        assertThat(check(byPta).findings()).singleElement().satisfies(f -> {
            assertThat(f.blocks()).isTrue();
            assertThat(f.path()).isEqualTo("services[1].provider.supervisorId");
            assertThat(f.message()).isEqualTo("97110 is furnished by a physical therapist assistant supervised by "
                    + "PTA-Z, who is a physical therapist assistant on this visit: a PTA works under a PT, and the "
                    + "supervisor is the line's rendering provider.");
        });
        Visit byOt = visit().service(minutes("97530", 15, ot("OT-1")))
                .service(minutes("97110", 25, assistant("PTA-2", Role.PTA, "OT-1"))).build();
        assertThat(ids(check(byOt))).contains("MW-W013");
        Visit otaByPt = visit().planOfCare(Discipline.OT).service(minutes("97530", 15, pt("PT-1")))
                .service(minutes("97535", 25, assistant("OTA-1", Role.OTA, "PT-1"))).build();
        assertThat(ids(check(otaByPt))).contains("MW-W013");
        Visit fine = visit().service(minutes("97112", 15, pt("PT-1")))
                .service(minutes("97110", 25, assistant("PTA-2", Role.PTA, "PT-1"))).build();
        assertThat(ids(check(fine))).doesNotContain("MW-W013");
        Visit notOnVisit = visit().service(minutes("97110", 25, assistant("PTA-2", Role.PTA, "PT-9"))).build();
        assertThat(ids(check(notOnVisit))).doesNotContain("MW-W013");
    }

    @Test
    void chiropractorBilling97112ToMedicareW001() {
        CheckResult r = check(visit().service(minutes("97112", 30, Provider.of("C1", Role.DC))).build());

        assertThat(ids(r)).containsExactly("MW-W001");
        assertThat(r.findings().get(0).blocks()).isTrue();
    }

    /** Medicare's rule: a commercial payer may cover it (same-region bundling is a different question). */
    @Test
    void chiropractorBilling97112ToACommercialPayerIsNotW001() {
        CheckResult r = check(visit().payer("commercial")
                .service(minutes("97112", 30, Provider.of("C1", Role.DC))).build());

        assertThat(ids(r)).doesNotContain("MW-W001");
    }

    @Test
    void chiropractorBillingSpinalManipulationToMedicareIsNotW001() {
        CheckResult r = check(visit().service(untimed("98940", Provider.of("C1", Role.DC))).build());

        assertThat(ids(r)).doesNotContain("MW-W001");
    }

    /** Medicare pays chiropractic manipulation as active treatment only: the line carries AT, and W008 says why. */
    @Test
    void spinalManipulationToMedicareCarriesAtW008() {
        CheckResult r = check(visit().service(untimed("98940", Provider.of("C1", Role.DC))).build());

        assertThat(ids(r)).containsExactly("MW-W008");
        assertThat(r.findings().get(0).severity()).isEqualTo(Severity.INFO);
        assertThat(r.claim().lines()).singleElement().satisfies(l -> assertThat(l.modifiers()).containsExactly("AT"));
    }

    /** A billed claim whose manipulation line carries GA or GZ is maintenance care; an MD's 98940 is not a DC's. */
    @Test
    void billedGaOrAnotherProviderMeansNoAt() {
        Visit billedGa = visit().service(untimed("98940", Provider.of("C1", Role.DC)))
                .billed(List.of(new BilledLine("98940", List.of("GA"), 1, Optional.empty()))).build();
        assertThat(ids(check(billedGa))).doesNotContain("MW-W008");
        Visit byMd = visit().service(untimed("98940", Provider.of("M1", Role.MD))).build();
        assertThat(ids(check(byMd))).doesNotContain("MW-W008");
        assertThat(check(byMd).claim().lines()).allSatisfy(l -> assertThat(l.modifiers()).doesNotContain("AT"));
    }

    /** Maintenance care under an ABN carries GA, not AT; a commercial payer gets neither. */
    @Test
    void manipulationWithAnAbnOrToACommercialPayerIsNotW008() {
        CheckResult abn = check(visit().abn(Abn.GIVEN).service(untimed("98940", Provider.of("C1", Role.DC))).build());
        assertThat(ids(abn)).doesNotContain("MW-W008");
        assertThat(abn.claim().lines()).singleElement().satisfies(l -> assertThat(l.modifiers())
                .containsExactly("GA"));
        CheckResult commercial = check(visit().payer("commercial")
                .service(untimed("98940", Provider.of("C1", Role.DC))).build());
        assertThat(ids(commercial)).doesNotContain("MW-W008");
        assertThat(commercial.claim().lines()).singleElement().satisfies(l -> assertThat(l.modifiers()).isEmpty());
        CheckResult extraspinal = check(visit().service(untimed("97140", Provider.of("C1", Role.DC))).build());
        assertThat(ids(extraspinal)).doesNotContain("MW-W008");
    }

    @Test
    void aidesMinutesBilledAsTherapyW002() {
        // An untimed therapy service by an aide reaches the claim (1 unit): blocks.
        CheckResult r = check(visit().service(untimed("97010", Provider.of("X1", Role.AIDE))).build());
        assertThat(ids(r)).containsExactly("MW-W002");
        // An aide's minutes under a timed code are left out of the units: MW-U007's, not this rule's (v2).
        assertThat(ids(check(visit().service(minutes("97110", 10, Provider.of("X1", Role.AIDE))).build())))
                .isEmpty();
    }

    /** An aide documented as present with no minutes bills nothing. */
    @Test
    void aideWithNoMinutesIsNotW002() {
        CheckResult r = check(visit()
                .service(minutes("97110", 30, pt("T1")))
                .service(minutes("97110", 0, Provider.of("X1", Role.AIDE)))
                .build());

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void assistantInAPhysicianOfficeW003() {
        CheckResult r = check(visit().setting(Setting.PHYSICIAN_OFFICE)
                .service(minutes("97110", 30, assistant("A1", Role.PTA, "T1"))).build());

        assertThat(ids(r)).containsExactly("MW-W003");
        assertThat(r.findings().get(0).blocks()).isTrue();
    }

    /**
     * RULES.md §4: CQ/CO are not used in a critical access hospital; nothing makes the assistant's service wrong
     * there, so it must not block (§8: block means the claim will be rejected or is wrong). It is information.
     */
    @Test
    void assistantInACriticalAccessHospitalIsInformationNotABlock() {
        CheckResult r = check(visit().setting(Setting.CAH)
                .service(minutes("97110", 30, assistant("A1", Role.PTA, "T1"))).build());

        assertThat(r.blocks()).isFalse();
        assertThat(ids(r)).containsExactly("MW-W006");
        assertThat(r.findings().get(0).severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void assistantInPrivatePracticeWithASupervisorIsFine() {
        CheckResult r = check(visit().service(minutes("97110", 30, assistant("A1", Role.PTA, "T1"))).build());

        assertThat(r.findings()).isEmpty();
    }

    /**
     * RULES.md §4: since 2025-01-01 a therapist in private practice may supervise an assistant generally; before,
     * directly (in the office suite). A rule in effect to 2024-12-31, once per visit, Medicare only.
     */
    @Test
    void assistantInPrivatePracticeBefore2025NeedsDirectSupervisionW007() {
        Visit in2024 = Visit.builder("V-1", java.time.LocalDate.of(2024, 12, 31))
                .service(minutes("97110", 30, assistant("A1", Role.PTA, "T1")))
                .service(minutes("97530", 20, assistant("A1", Role.PTA, "T1"))).build();
        CheckResult r = check(in2024);
        assertThat(ids(r)).containsExactly("MW-W007");
        assertThat(r.findings().get(0).path()).isEqualTo("services[0].provider");
        assertThat(r.findings().get(0).citation()).endsWith("; in effect to 2024-12-31");
        // One finding naming both codes, whichever line comes first.
        assertThat(r.findings().get(0).message()).startsWith("97110, 97530 are furnished by a physical therapist "
                + "assistant in private practice");
        Visit reversed = Visit.builder("V-1", java.time.LocalDate.of(2024, 12, 31))
                .service(minutes("97530", 20, assistant("A1", Role.PTA, "T1")))
                .service(minutes("97110", 30, assistant("A1", Role.PTA, "T1"))).build();
        assertThat(check(reversed).findings().get(0).message()).startsWith("97530, 97110 are furnished by");
        // From 2025 general supervision is enough; another setting or payer is not this rule's.
        Visit in2025 = Visit.builder("V-1", java.time.LocalDate.of(2025, 1, 1))
                .service(minutes("97110", 30, assistant("A1", Role.PTA, "T1"))).build();
        assertThat(ids(check(in2025))).isEmpty();
        Visit hospital = Visit.builder("V-1", java.time.LocalDate.of(2024, 6, 3))
                .setting(org.minutewise.core.model.Setting.HOSPITAL_OUTPATIENT)
                .service(minutes("97110", 30, assistant("A1", Role.PTA, "T1"))).build();
        assertThat(ids(check(hospital))).isEmpty();
        Visit commercial = Visit.builder("V-1", java.time.LocalDate.of(2024, 6, 3)).payer("commercial")
                .service(minutes("97110", 30, assistant("A1", Role.PTA, "T1"))).build();
        assertThat(ids(check(commercial))).isEmpty();
    }

    @Test
    void assistantWithNoSupervisorAndNoTherapistOnTheVisitW004() {
        CheckResult r = check(visit().service(minutes("97110", 30, assistant("A1", Role.PTA))).build());

        assertThat(ids(r)).containsExactly("MW-W004");
        assertThat(r.findings().get(0).path()).isEqualTo("services[0].provider");
    }

    @Test
    void assistantWithNoSupervisorNamedButATherapistOnTheVisitIsNotW004() {
        CheckResult r = check(visit()
                .service(minutes("97110", 30, assistant("A1", Role.PTA)))
                .service(minutes("97112", 15, pt("T1")))
                .build());

        assertThat(r.findings()).isEmpty();
    }

    /** A therapist of another discipline cannot be the PTA's supervisor. */
    @Test
    void anOtOnTheVisitDoesNotSuperviseAPtaW004() {
        CheckResult r = check(visit()
                .service(minutes("97110", 30, assistant("A1", Role.PTA)))
                .service(minutes("97535", 15, ot("O1")).withDiscipline(Discipline.OT))
                .build());

        assertThat(ids(r)).containsExactly("MW-W004");
    }

    @Test
    void ptaUnderAnOtPlanW005() {
        CheckResult r = check(visit().planOfCare(Discipline.OT)
                .service(minutes("97530", 30, assistant("A1", Role.PTA, "T1"))).build());

        assertThat(ids(r)).containsExactly("MW-W005");
    }

    @Test
    void otaOnALineBilledUnderThePtPlanW005() {
        CheckResult r = check(visit().planOfCare(Discipline.OT)
                .service(minutes("97530", 30, assistant("A2", Role.OTA, "O1")).withDiscipline(Discipline.PT))
                .build());

        assertThat(ids(r)).containsExactly("MW-W005");
    }

    @Test
    void otaUnderAnOtPlanIsFine() {
        CheckResult r = check(visit().planOfCare(Discipline.OT)
                .service(minutes("97530", 30, assistant("A2", Role.OTA, "O1"))).build());

        assertThat(r.findings()).isEmpty();
    }

    /** CMS Pub 100-02 ch. 15 §230.1-230.2: a PTA's re-evaluation or an OTA's evaluation blocks. */
    @Test
    void evaluationByAnAssistantW009() {
        CheckResult pta = check(visit().service(untimed("97164", assistant("A1", Role.PTA, "T1"))).build());
        assertThat(ids(pta)).containsExactly("MW-W009");
        assertThat(pta.findings().get(0).blocks()).isTrue();
        assertThat(pta.findings().get(0).path()).isEqualTo("services[0]");
        assertThat(pta.findings().get(0).message()).startsWith("97164 (")
                .contains(") is furnished by a physical therapist assistant. Evaluations and re-evaluations are the "
                        + "therapist's");

        CheckResult ota = check(visit().planOfCare(Discipline.OT)
                .service(untimed("97166", assistant("A2", Role.OTA, "O1"))).build());
        assertThat(ids(ota)).containsExactly("MW-W009");
    }

    /** The therapist's evaluation beside the assistant's treatment is the normal split visit. */
    @Test
    void evaluationByTheTherapistBesideTheAssistantsTreatmentIsNotW009() {
        CheckResult r = check(visit().service(untimed("97164", pt("T1")))
                .service(minutes("97110", 30, assistant("A1", Role.PTA, "T1"))).build());

        assertThat(ids(r)).doesNotContain("MW-W009");
    }

    /**
     * An SLPA's service: Medicare does not recognize it (W011, block); another payer's policy decides (W012, info);
     * an SLPA's evaluation is never theirs (W009); the SLP's own service is none of these.
     */
    @Test
    void speechLanguagePathologyAssistantW011W012() {
        Visit medicare = visit().planOfCare(Discipline.SLP)
                .service(untimed("92507", assistant("SA1", Role.SLPA, "S1"))).build();
        CheckResult r = check(medicare);
        assertThat(ids(r)).containsExactly("MW-W011");
        assertThat(r.findings().get(0).blocks()).isTrue();
        assertThat(r.findings().get(0).message()).contains("speech-language pathology assistant (SA1)")
                .contains("does not recognize SLPA services");
        CheckResult commercial = check(medicare.toBuilder().payer("commercial").build());
        assertThat(ids(commercial)).containsExactly("MW-W012");
        assertThat(commercial.findings().get(0).severity()).isEqualTo(Severity.INFO);
        CheckResult slpaEvaluation = check(visit().planOfCare(Discipline.SLP)
                .service(untimed("92610", assistant("SA1", Role.SLPA, "S1"))).build());
        assertThat(ids(slpaEvaluation)).contains("MW-W011", "MW-W009");
        // The SLPA's evaluation cites the speech-language pathology section, not only the PTA's and OTA's.
        assertThat(slpaEvaluation.findings()).filteredOn(f -> f.ruleId().equals("MW-W009")).singleElement()
                .satisfies(f -> assertThat(f.citation()).contains("§230.3", "SLPA"));
        assertThat(ids(check(visit().planOfCare(Discipline.SLP)
                .service(untimed("92507", org.minutewise.core.check.ComplianceFixture.slp("S1"))).build())))
                .isEmpty();
    }

    /**
     * An SLPA's line for a payer that pays it is rendered under the supervisor, who is judged as a PTA's or an OTA's is
     * (an OT/SLP coder's review: an SLPA supervised by the visit's OT went out under the OT's NPI, and one with no
     * supervisor with no rendering provider, with only MW-W012 said). Near misses: the SLP on the visit supervises;
     * no supervisor named but the SLP on the visit; Medicare (MW-W011 blocks the SLPA's service whoever supervises).
     */
    @Test
    void anSlpaUnderAPtOrOtPlanOfCareIsW005() {
        Visit underPt = visit().planOfCare(Discipline.PT).payer("commercial")
                .service(untimed("92507", assistant("SA1", Role.SLPA, "S1")))
                .service(untimed("92610", org.minutewise.core.check.ComplianceFixture.slp("S1"))).build();
        CheckResult r = check(underPt);
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("MW-W005")).singleElement().satisfies(f -> {
            assertThat(f.blocks()).isTrue();
            assertThat(f.path()).isEqualTo("services[0]");
            assertThat(f.message()).isEqualTo("92507 is furnished by a speech-language pathology assistant but "
                    + "billed under the physical therapy plan of care (GP); an SLPA works only under a "
                    + "speech-language pathology plan of care (GN).");
        });
        // Near misses: under an SLP plan of care; and Medicare, where the SLPA's service is MW-W011's.
        assertThat(ids(check(underPt.toBuilder().planOfCare(Discipline.SLP).build()))).doesNotContain("MW-W005");
        assertThat(ids(check(underPt.toBuilder().payer("medicare").build()))).doesNotContain("MW-W005");
    }

    @Test
    void anSlpasSupervisorIsJudgedW013W004() {
        Visit byOt = visit().planOfCare(Discipline.SLP).payer("commercial")
                .service(untimed("92507", assistant("SA1", Role.SLPA, "OT1")))
                .service(new ServiceLine("97535", java.util.OptionalInt.of(20), List.of(), ot("OT1"), Optional.empty(),
                        Optional.of(Discipline.OT))).build();
        CheckResult r = check(byOt);
        assertThat(ids(r)).containsExactlyInAnyOrder("MW-W013", "MW-W012");
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("MW-W013")).singleElement().satisfies(f -> {
            assertThat(f.blocks()).isTrue();
            assertThat(f.path()).isEqualTo("services[0].provider.supervisorId");
            assertThat(f.message()).isEqualTo("92507 is furnished by a speech-language pathology assistant "
                    + "supervised by OT1, who is an occupational therapist on this visit: an SLPA works under an SLP, "
                    + "and the supervisor is the line's rendering provider.");
        });
        Visit noSupervisor = visit().planOfCare(Discipline.SLP).payer("commercial")
                .service(untimed("92507", assistant("SA1", Role.SLPA))).build();
        CheckResult none = check(noSupervisor);
        assertThat(ids(none)).containsExactlyInAnyOrder("MW-W004", "MW-W012");
        assertThat(none.findings()).filteredOn(f -> f.ruleId().equals("MW-W004")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("92507 is furnished by a speech-language "
                        + "pathology assistant and no supervising therapist is named"));

        Visit bySlp = visit().planOfCare(Discipline.SLP).payer("commercial")
                .service(untimed("92610", org.minutewise.core.check.ComplianceFixture.slp("S1")))
                .service(untimed("92507", assistant("SA1", Role.SLPA, "S1"))).build();
        assertThat(ids(check(bySlp))).doesNotContain("MW-W013", "MW-W004");
        Visit slpOnVisit = visit().planOfCare(Discipline.SLP).payer("commercial")
                .service(untimed("92610", org.minutewise.core.check.ComplianceFixture.slp("S1")))
                .service(untimed("92507", assistant("SA1", Role.SLPA))).build();
        assertThat(ids(check(slpOnVisit))).doesNotContain("MW-W013", "MW-W004");
        assertThat(ids(check(byOt.toBuilder().payer("medicare").build()))).contains("MW-W011")
                .doesNotContain("MW-W013");
    }

    /**
     * The setting rules a PTA's or OTA's line meets, for an SLPA's (RULES.md §4; CMS Pub 100-02 ch. 15 §230.3,
     * §230.5): therapy billed incident to a physician must be furnished by someone qualified as a therapist, which an
     * SLPA is not, so an SLPA's line in a physician's office billed to a payer that pays SLPA services blocks as a
     * PTA's does (MW-W003; it went out under the SLP with only MW-W012's "the payer's policy decides"). Near misses:
     * the same SLPA in private practice; the SLP's own service in the office.
     */
    @Test
    void anSlpaInAPhysicianOfficeIsW003() {
        Visit office = visit().planOfCare(Discipline.SLP).payer("commercial").setting(Setting.PHYSICIAN_OFFICE)
                .service(untimed("92507", assistant("SA1", Role.SLPA, "S1"))).build();
        CheckResult r = check(office);
        assertThat(ids(r)).containsExactlyInAnyOrder("MW-W003", "MW-W012");
        assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("MW-W003")).singleElement().satisfies(f -> {
            assertThat(f.blocks()).isTrue();
            assertThat(f.path()).isEqualTo("services[0]");
            assertThat(f.message()).isEqualTo("92507 is furnished by a speech-language pathology assistant in a "
                    + "physician's office. Therapy billed incident to a physician must be furnished by a therapist "
                    + "(or the physician), and an SLPA is not a speech-language pathologist; no modifier marks an "
                    + "SLPA's part (CQ/CO are a PTA's or an OTA's).");
        });
        // A timed code's SLPA minutes count for such a payer, so they reach the claim: the same finding.
        CheckResult timed = check(office.toBuilder().services(List.of(
                minutes("97129", 20, assistant("SA1", Role.SLPA, "S1")))).build());
        assertThat(ids(timed)).contains("MW-W003");

        assertThat(ids(check(office.toBuilder().setting(Setting.PRIVATE_PRACTICE).build())))
                .containsExactly("MW-W012");
        assertThat(ids(check(office.toBuilder().services(List.of(
                untimed("92507", org.minutewise.core.check.ComplianceFixture.slp("S1")))).build()))).isEmpty();
    }

    /**
     * To Medicare an SLPA's service is not covered in any setting (CMS Pub 100-02 ch. 15 §230.3): MW-W011 is the
     * finding, not the setting's (MW-W003 in a physician's office, MW-W006 in a critical access hospital, MW-W007 in
     * private practice before 2025), and its message says that the setting changes nothing. Near miss: a timed code,
     * whose SLPA minutes Medicare's count leaves out (MW-U007's): nothing of the SLPA reaches the claim, so no
     * setting finding either.
     */
    @Test
    void anSlpasServiceToMedicareIsW011InEverySetting() {
        Visit medicare = visit().planOfCare(Discipline.SLP)
                .service(untimed("92507", assistant("SA1", Role.SLPA, "S1"))).build();
        String notCovered = "92507 is furnished by a speech-language pathology assistant (SA1) and billed to "
                + "Medicare, which does not recognize SLPA services: they are not covered as therapy.";

        CheckResult office = check(medicare.toBuilder().setting(Setting.PHYSICIAN_OFFICE).build());
        assertThat(ids(office)).containsExactly("MW-W011");
        assertThat(office.findings().get(0).message()).isEqualTo(notCovered + " Billing it incident to a physician "
                + "does not change that: therapy billed incident to a physician must be furnished by someone "
                + "qualified as a therapist (MW-W003 is that rule for a PTA or an OTA).");

        CheckResult cah = check(medicare.toBuilder().setting(Setting.CAH).build());
        assertThat(ids(cah)).containsExactly("MW-W011");
        assertThat(cah.findings().get(0).message()).isEqualTo(notCovered + " A critical access hospital changes "
                + "nothing: no modifier makes it billable (CQ/CO, which a critical access hospital does not use "
                + "anyway, are a PTA's or an OTA's; MW-W006 says so for them).");

        Visit in2024 = Visit.builder("V-1", java.time.LocalDate.of(2024, 6, 3)).planOfCare(Discipline.SLP)
                .service(untimed("92507", assistant("SA1", Role.SLPA, "S1"))).build();
        CheckResult privatePractice = check(in2024);
        assertThat(ids(privatePractice)).containsExactly("MW-W011");
        assertThat(privatePractice.findings().get(0).message()).isEqualTo(notCovered
                + " Direct supervision by the speech-language pathologist (what Medicare required of a PTA or an OTA "
                + "in private practice before 2025, MW-W007) does not make it covered either.");

        // Near misses: private practice from 2025, another setting with no assistant rule: the message alone.
        assertThat(check(medicare).findings().get(0).message()).isEqualTo(notCovered);
        assertThat(check(medicare.toBuilder().setting(Setting.HOSPITAL_OUTPATIENT).build()).findings().get(0)
                .message()).isEqualTo(notCovered);
        // A timed code: the SLPA's minutes are left out (MW-U007, another rule's), so nothing here, in any setting.
        for (Setting s : List.of(Setting.PHYSICIAN_OFFICE, Setting.CAH)) {
            assertThat(ids(check(medicare.toBuilder().setting(s).services(List.of(
                    minutes("97129", 20, assistant("SA1", Role.SLPA, "S1")))).build()))).as(s.wire()).isEmpty();
        }
    }

    /**
     * An SLPA in a critical access hospital, billed to a payer that pays SLPA services: MW-W006 ("no CQ/CO here") is a
     * PTA's or an OTA's, as CQ/CO never mark an SLPA's part in any setting; MW-W012 is the finding and says so. Near
     * miss: the PTA's line there is MW-W006's as before.
     */
    @Test
    void anSlpaInACriticalAccessHospitalIsW012NotW006() {
        Visit cah = visit().planOfCare(Discipline.SLP).payer("commercial").setting(Setting.CAH)
                .service(untimed("92507", assistant("SA1", Role.SLPA, "S1"))).build();
        CheckResult r = check(cah);
        assertThat(ids(r)).containsExactly("MW-W012");
        assertThat(r.findings().get(0).severity()).isEqualTo(Severity.INFO);
        assertThat(r.findings().get(0).message()).isEqualTo("92507 is furnished by a speech-language pathology "
                + "assistant; whether commercial pays for it is its own policy. No CQ/CO goes on its line, in a "
                + "critical access hospital or elsewhere: they mark a PTA's or an OTA's part only (MW-W006 is theirs).");
        // Near misses: the same line in private practice (the policy sentence alone); a PTA in the hospital.
        assertThat(check(cah.toBuilder().setting(Setting.PRIVATE_PRACTICE).build()).findings().get(0).message())
                .isEqualTo("92507 is furnished by a speech-language pathology assistant; whether commercial pays for "
                        + "it is its own policy.");
        assertThat(ids(check(visit().payer("commercial").setting(Setting.CAH)
                .service(minutes("97110", 30, assistant("A1", Role.PTA, "T1"))).build()))).containsExactly("MW-W006");
    }

    /** The SLPA is never the rendering provider: the supervising SLP is, and no CQ/CO is added. */
    @Test
    void theSupervisingSlpRendersAnSlpasLine() {
        Visit v = visit().planOfCare(Discipline.SLP).payer("commercial")
                .service(untimed("92507", assistant("SA1", Role.SLPA, "S1"))).build();
        CheckResult r = org.minutewise.core.check.ComplianceFixture.checker().check(v);
        assertThat(r.claim().lines()).singleElement().satisfies(l -> {
            assertThat(l.modifiers()).containsExactly("GN");
            assertThat(l.renderingProvider()).contains("S1");
        });
    }

    /** An occupational therapist's service under the PT plan (GP under the OT's NPI) blocks (W010). */
    @Test
    void aTherapistUnderAnotherDisciplinesPlanW010() {
        CheckResult r = check(visit().service(minutes("97535", 30, ot("O1"))).build());
        assertThat(ids(r)).containsExactly("MW-W010");
        assertThat(r.findings().get(0).message()).contains("97535 is furnished by an occupational therapist")
                .contains("physical therapy plan of care (GP, rendering O1)").contains("(GO)");
        // The same service billed under the OT's own plan (the line's discipline), and a PT under the PT plan: fine.
        ServiceLine own = new ServiceLine("97535", java.util.OptionalInt.of(30), java.util.List.of(), ot("O1"),
                java.util.Optional.empty(), java.util.Optional.of(org.minutewise.core.model.Discipline.OT));
        assertThat(ids(check(visit().service(own).build()))).doesNotContain("MW-W010");
        assertThat(ids(check(visit().service(minutes("97535", 30, pt("T1"))).build()))).doesNotContain("MW-W010");
    }
}
