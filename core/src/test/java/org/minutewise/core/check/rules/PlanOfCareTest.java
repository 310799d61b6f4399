package org.minutewise.core.check.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.DOS;
import static org.minutewise.core.check.ComplianceFixture.ids;
import static org.minutewise.core.check.ComplianceFixture.minutes;
import static org.minutewise.core.check.ComplianceFixture.only;
import static org.minutewise.core.check.ComplianceFixture.ot;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.untimed;
import static org.minutewise.core.check.ComplianceFixture.visit;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.model.Authorization;
import org.minutewise.core.model.Certification;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.Visit;

/**
 * The plan of care's certification (RULES.md §5; inclusive dates) and the payer's prior authorization (visits it
 * allows, visits used before this one, its dates).
 */
class PlanOfCareTest {

    private static CheckResult check(Visit.Builder v) {
        return only(new PlanOfCare()).check(v.service(minutes("97110", 30, pt("T1"))).build());
    }

    /** A valid NPI (check digit included). */
    private static final String NPI = "1245319599";

    private static Certification cert(LocalDate from, LocalDate to) {
        return new Certification(Optional.of(from), Optional.of(to), Optional.of("Dr. A"), Optional.of(NPI));
    }

    private static Authorization auth(int visits, int used) {
        return new Authorization(OptionalInt.of(visits), OptionalInt.of(used), Optional.empty(), Optional.empty());
    }

    private static Authorization auth(LocalDate from, LocalDate to) {
        return new Authorization(OptionalInt.empty(), OptionalInt.empty(), Optional.of(from), Optional.of(to));
    }

    @Test
    void certificationEndingOnTheDayOfServiceIsFine() {
        CheckResult r = check(visit().certification(cert(DOS.minusDays(89), DOS)));

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void certificationEndingTheDayBeforeP001() {
        CheckResult r = check(visit().certification(cert(DOS.minusDays(90), DOS.minusDays(1))));

        assertThat(ids(r)).containsExactly("MW-P001");
        assertThat(r.findings().get(0).path()).isEqualTo("certification.to");
        assertThat(r.findings().get(0).blocks()).isTrue();
    }

    @Test
    void certificationStartingOnTheDayOfServiceIsFine() {
        CheckResult r = check(visit().certification(cert(DOS, DOS.plusDays(89))));

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void certificationStartingTheDayAfterP001() {
        CheckResult r = check(visit().certification(cert(DOS.plusDays(1), DOS.plusDays(90))));

        assertThat(ids(r)).containsExactly("MW-P001");
        assertThat(r.findings().get(0).path()).isEqualTo("certification.from");
    }

    @Test
    void aCertificationLongerThanNinetyDaysCoversOnlyItsFirstNinetyP001() {
        CheckResult past = check(visit().certification(cert(DOS.minusDays(90), DOS.plusDays(200))));
        assertThat(ids(past)).containsExactly("MW-P001");
        assertThat(past.findings().get(0).message()).contains("covers at most 90 days, through "
                + DOS.minusDays(1));
        CheckResult dayNinety = check(visit().certification(cert(DOS.minusDays(89), DOS.plusDays(200))));
        assertThat(dayNinety.findings()).isEmpty();
        CheckResult openEnded = check(visit().certification(new Certification(Optional.of(DOS.minusDays(120)),
                Optional.empty(), Optional.of("Dr. A"), Optional.of(NPI))));
        assertThat(ids(openEnded)).containsExactly("MW-P001");
    }

    @Test
    void noCertificationForMedicareP002() {
        CheckResult r = check(visit());

        assertThat(ids(r)).containsExactly("MW-P002");
        assertThat(r.findings().get(0).blocks()).isFalse();
    }

    /**
     * An initial evaluation alone comes before the plan of care it establishes is certified: no P002. A
     * re-evaluation is under the plan, and treatment on the evaluation's day is too: P002.
     */
    @Test
    void anInitialEvaluationAloneIsNotP002ButAReEvaluationOrTreatmentIs() {
        assertThat(ids(only(new PlanOfCare()).check(visit().service(minutes("97161", 40, pt("T1"))).build())))
                .isEmpty();
        assertThat(ids(only(new PlanOfCare()).check(visit().service(minutes("97165", 40, ot("T1"))).build())))
                .isEmpty();
        assertThat(ids(only(new PlanOfCare()).check(visit().service(minutes("97164", 30, pt("T1"))).build())))
                .containsExactly("MW-P002");
        // A speech-language evaluation alone is not warned either (v4); with treatment the same day it is.
        assertThat(slpVisit("92523")).isEmpty();
        assertThat(slpVisit("92610", "92507")).containsExactly("MW-P002");
        assertThat(ids(only(new PlanOfCare()).check(visit().service(minutes("97161", 40, pt("T1")))
                .service(minutes("97110", 15, pt("T1"))).build()))).containsExactly("MW-P002");
    }

    /**
     * Laryngeal function studies (92520, in the code catalog from 2026.7) alone are an instrumental study furnished
     * before a plan exists, as 92611/92612 are: no P002. Near miss: with treatment the same day, P002.
     */
    @Test
    void laryngealFunctionStudiesAloneAreNotP002() {
        assertThat(slpVisit("92520")).isEmpty();
        assertThat(slpVisit("92520", "92507")).containsExactly("MW-P002");
    }

    /** PlanOfCare's findings on a speech-language visit of these untimed codes, all by the SLP S1. */
    private static java.util.Set<String> slpVisit(String... codes) {
        Visit.Builder b = visit().planOfCare(org.minutewise.core.model.Discipline.SLP);
        for (String code : codes) {
            b.service(untimed(code, Provider.of("S1", Role.SLP)));
        }
        return ids(only(new PlanOfCare()).check(b.build()));
    }

    /** Chiropractic manipulation alone is not outpatient therapy: no therapy plan of care to certify. */
    @Test
    void aChiropractorsManipulationAloneIsNotP002() {
        Visit manipulation = visit().service(untimed("98940", Provider.of("C1", Role.DC))).build();
        assertThat(ids(only(new PlanOfCare()).check(manipulation))).isEmpty();

        Visit withTherapy = visit().service(untimed("98940", Provider.of("C1", Role.DC)))
                .service(minutes("97110", 30, pt("T1"))).build();
        assertThat(ids(only(new PlanOfCare()).check(withTherapy))).containsExactly("MW-P002");
    }

    /**
     * MW-P001 v3 (a Medicare biller's review): the certification and its 90 days are Medicare's. A commercial visit
     * with a six-month certification (v/53), or one after its end, is not P001; the same visits to Medicare are.
     */
    @Test
    void aCommercialPayersCertificationIsNotP001ButMedicaresIs() {
        Certification sixMonths = cert(DOS.minusDays(135), DOS.plusDays(46));
        assertThat(ids(check(visit().payer("commercial").certification(sixMonths)))).isEmpty();
        assertThat(ids(check(visit().payer("commercial").certification(cert(DOS.minusDays(90),
                DOS.minusDays(1)))))).isEmpty();
        assertThat(ids(check(visit().certification(sixMonths)))).containsExactly("MW-P001");
    }

    /** Chiropractic manipulation alone under an expired certification (v/71): no therapy plan, no P001. */
    @Test
    void aChiropractorsManipulationAloneIsNotP001() {
        Certification expired = cert(DOS.minusDays(100), DOS.minusDays(11));
        Visit manipulation = visit().certification(expired)
                .service(untimed("98940", Provider.of("C1", Role.DC))).build();
        assertThat(ids(only(new PlanOfCare()).check(manipulation))).isEmpty();

        Visit withTherapy = visit().certification(expired).service(untimed("98940", Provider.of("C1", Role.DC)))
                .service(minutes("97110", 30, pt("T1"))).build();
        assertThat(ids(only(new PlanOfCare()).check(withTherapy))).containsExactly("MW-P001");
    }

    /**
     * An initial evaluation the day before the certification starts (v/47): the plan is written from it, so it is not
     * outside the plan (as with no certification at all, v/54). Treatment the same day is (v/48): P001.
     */
    @Test
    void anInitialEvaluationBeforeTheCertificationIsNotP001ButTreatmentWithItIs() {
        Certification fromTomorrow = cert(DOS.plusDays(1), DOS.plusDays(90));
        assertThat(ids(only(new PlanOfCare()).check(visit().certification(fromTomorrow)
                .service(minutes("97161", 40, pt("T1"))).build()))).isEmpty();
        CheckResult withTreatment = only(new PlanOfCare()).check(visit().certification(fromTomorrow)
                .service(minutes("97161", 30, pt("T1"))).service(minutes("97110", 20, pt("T1"))).build());
        assertThat(ids(withTreatment)).containsExactly("MW-P001");
        assertThat(withTreatment.findings().get(0).path()).isEqualTo("certification.from");
        // A re-evaluation is under the plan: P001.
        assertThat(ids(only(new PlanOfCare()).check(visit().certification(fromTomorrow)
                .service(minutes("97164", 30, pt("T1"))).build()))).containsExactly("MW-P001");
    }

    @Test
    void noCertificationForACommercialPayerIsNotP002() {
        CheckResult r = check(visit().payer("commercial"));

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void certificationWithoutAPhysicianForMedicareP002() {
        CheckResult r = check(visit().certification(new Certification(Optional.of(DOS.minusDays(10)),
                Optional.of(DOS.plusDays(80)), Optional.empty())));

        assertThat(ids(r)).containsExactly("MW-P002");
        assertThat(r.findings().get(0).path()).isEqualTo("certification.physician");
    }

    @Test
    void aPhysicianWithoutAnNpiForMedicareP004() {
        CheckResult r = check(visit().certification(new Certification(Optional.of(DOS.minusDays(10)),
                Optional.of(DOS.plusDays(80)), Optional.of("Dr. Maria Chen"))));

        assertThat(ids(r)).containsExactly("MW-P004");
        assertThat(r.findings().get(0).path()).isEqualTo("certification.physicianNpi");
        assertThat(r.findings().get(0).message()).contains("Dr. Maria Chen").contains("NPI");
        assertThat(r.findings().get(0).blocks()).isFalse();
    }

    @Test
    void aPhysicianWithoutAnNpiForACommercialPayerIsNotP004() {
        CheckResult r = check(visit().payer("commercial").certification(new Certification(
                Optional.of(DOS.minusDays(10)), Optional.of(DOS.plusDays(80)), Optional.of("Dr. Maria Chen"))));

        assertThat(r.findings()).isEmpty();
    }

    /** No physician at all is MW-P002's, once; P004 does not pile on. */
    @Test
    void noPhysicianAndNoNpiIsP002Only() {
        CheckResult r = check(visit().certification(new Certification(Optional.of(DOS.minusDays(10)),
                Optional.of(DOS.plusDays(80)), Optional.empty())));

        assertThat(ids(r)).containsExactly("MW-P002");
    }

    /** 11 of 12 visits used before this one: this is the twelfth, still authorized. */
    @Test
    void authorizationWithOneVisitLeftIsFine() {
        CheckResult r = check(visit().payer("commercial").authorization(auth(12, 11)));

        assertThat(r.findings()).isEmpty();
    }

    /** 12 of 12 used: this would be the thirteenth. */
    @Test
    void authorizationUsedUpP003() {
        CheckResult r = check(visit().payer("commercial").authorization(auth(12, 12)));

        assertThat(ids(r)).containsExactly("MW-P003");
        assertThat(r.findings().get(0).path()).isEqualTo("authorization.used");
    }

    @Test
    void authorizationEndingOnTheDayOfServiceIsFine() {
        CheckResult r = check(visit().payer("commercial").authorization(auth(DOS.minusDays(30), DOS)));

        assertThat(r.findings()).isEmpty();
    }

    @Test
    void authorizationEndedTheDayBeforeP003() {
        CheckResult r = check(visit().payer("commercial").authorization(auth(DOS.minusDays(30), DOS.minusDays(1))));

        assertThat(ids(r)).containsExactly("MW-P003");
        assertThat(r.findings().get(0).path()).isEqualTo("authorization.to");
    }

    @Test
    void authorizationNotYetStartedP003() {
        CheckResult r = check(visit().payer("commercial").authorization(auth(DOS.plusDays(1), DOS.plusDays(30))));

        assertThat(ids(r)).containsExactly("MW-P003");
        assertThat(r.findings().get(0).path()).isEqualTo("authorization.from");
    }
}
