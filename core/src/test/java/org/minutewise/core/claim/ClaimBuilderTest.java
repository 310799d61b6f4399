package org.minutewise.core.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.assistant;
import static org.minutewise.core.check.ComplianceFixture.at;
import static org.minutewise.core.check.ComplianceFixture.checker;
import static org.minutewise.core.check.ComplianceFixture.findings;
import static org.minutewise.core.check.ComplianceFixture.ids;
import static org.minutewise.core.check.ComplianceFixture.lines;
import static org.minutewise.core.check.ComplianceFixture.minutes;
import static org.minutewise.core.check.ComplianceFixture.ot;
import static org.minutewise.core.check.ComplianceFixture.patient;
import static org.minutewise.core.check.ComplianceFixture.pt;
import static org.minutewise.core.check.ComplianceFixture.slp;
import static org.minutewise.core.check.ComplianceFixture.text;
import static org.minutewise.core.check.ComplianceFixture.untimed;
import static org.minutewise.core.check.ComplianceFixture.visit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.check.ComplianceFixture.Payer;
import org.minutewise.core.model.Abn;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Provider;
import org.minutewise.core.model.Purpose;
import org.minutewise.core.model.Role;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Setting;
import org.minutewise.core.model.Visit;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.units.UnitMethod;

/**
 * Claim lines built through {@code VisitChecker} (RULES.md §4). Modifier order on a line: GP/GO/GN, CQ/CO,
 * 59/X, KX, GA/GZ, 96/97; four at most. Dates of service are 2026 unless a test says otherwise.
 */
class ClaimBuilderTest {

    private static CheckResult check(Visit v, PayerProfile... extra) {
        return checker(extra).check(v);
    }

    /** "97110 x2 GP CQ T2/A2": a line, its rendering provider and the assistant it names ("-" for none). */
    private static String withWho(ClaimLine l) {
        return text(l) + " " + l.renderingProvider().orElse("-") + "/" + l.assistant().orElse("-");
    }

    /** A PTA who names the supervising therapist and the supervisor's NPI. */
    static Provider supervisedBy(String id, String supervisor, String supervisorNpi) {
        return new Provider(Optional.of(id), Role.PTA, Optional.empty(), Optional.of(supervisor),
                Optional.of(supervisorNpi));
    }

    @Nested
    class ModifierOrder {
        /**
         * 97530 24 min (09:00-09:24, PT) and 97140 23 min (09:30-09:53, PTA): 47 min = 3 units, 97530 x2 (leftover
         * 9 beats 8), 97140 x1. 97530/97140 is an NCCI pair in separate intervals: 59 on 97140 (column two). The
         * patient is past the KX threshold, an ABN was given, and the payer wants 96/97. 97140 needs GP CQ 59 KX
         * GA 97: the first four stay, GA and 97 do not fit and MW-M001 says so.
         */
        @Test
        void allFiveInOrderTheFirstFourKept() {
            PayerProfile hab = Payer.medicare("medicare-hab").habilitativeModifiers().build();
            CheckResult r = check(visit().payer("medicare-hab").patient(patient("2600.00", "0"))
                    .service(at("97530", "09:00", "09:24", pt("T1")))
                    .service(at("97140", "09:30", "09:53", assistant("A1", Role.PTA, "T1")))
                    .build(), hab);

            assertThat(lines(r)).containsExactly("97530 x2 GP KX 97", "97140 x1 GP CQ 59 KX");
            assertThat(r.claim().droppedModifiers()).containsOnlyKeys(1);
            assertThat(r.claim().droppedModifiers().get(1)).containsExactly("97");
            assertThat(r.claim().lines()).allSatisfy(l -> assertThat(l.modifiers()).hasSizeLessThanOrEqualTo(4));
            assertThat(findings(r, "MW-M001")).hasSize(1);
        }

        /** An ABN past the threshold: GA in place of KX (KX attests the medical necessity GA says is lacking). */
        @Test
        void anAbnPastTheThresholdIsGaWithoutKx() {
            CheckResult r = check(visit().patient(patient("2600.00", "0")).abn(Abn.GIVEN)
                    .service(at("97530", "09:00", "09:24", pt("T1")))
                    .service(at("97140", "09:30", "09:53", assistant("A1", Role.PTA, "T1")))
                    .build());

            assertThat(lines(r)).containsExactly("97530 x2 GP GA", "97140 x1 GP CQ 59 GA");
        }

        @Test
        void habilitativeIs96() {
            PayerProfile hab = Payer.medicare("medicare-hab").habilitativeModifiers().build();
            CheckResult r = check(visit().payer("medicare-hab").purpose(Purpose.HABILITATIVE)
                    .abn(Abn.NOT_GIVEN)
                    .service(minutes("97110", 30, pt("T1")))
                    .build(), hab);

            assertThat(lines(r)).containsExactly("97110 x2 GP GZ 96");
        }

        @Test
        void noOtherPayerGets96Or97() {
            CheckResult r = check(visit().service(minutes("97110", 30, pt("T1"))).build());

            assertThat(lines(r)).containsExactly("97110 x2 GP");
        }

        @Test
        void occupationalTherapyPlanIsGoWithCoForAnOta() {
            CheckResult r = check(visit().planOfCare(Discipline.OT).abn(Abn.NOT_GIVEN)
                    .service(minutes("97530", 30, assistant("A2", Role.OTA, "O1")))
                    .build());

            assertThat(lines(r)).containsExactly("97530 x2 GO CO GZ");
        }

        @Test
        void speechLanguagePlanIsGn() {
            CheckResult r = check(visit().planOfCare(Discipline.SLP).service(untimed("92507", slp("S1"))).build());

            assertThat(lines(r)).containsExactly("92507 x1 GN");
        }

        /** GP/GO/GN follow the plan of care, not who treated: an OT's line under a PT plan is GP. */
        @Test
        void disciplineModifierFollowsThePlanNotTheClinician() {
            CheckResult r = check(visit().planOfCare(Discipline.PT).service(minutes("97110", 30, ot("O1"))).build());

            assertThat(lines(r)).containsExactly("97110 x2 GP");
        }

        @Test
        void gaWhenAnAbnWasGivenOnEveryLine() {
            CheckResult r = check(visit().abn(Abn.GIVEN)
                    .service(minutes("97112", 24, pt("T1")))
                    .service(minutes("97110", 23, pt("T1")))
                    .build());

            assertThat(lines(r)).containsExactly("97112 x2 GP GA", "97110 x1 GP GA");
        }

        @Test
        void gzWhenNoAbnWasGiven() {
            CheckResult r = check(visit().abn(Abn.NOT_GIVEN).service(minutes("97110", 30, pt("T1"))).build());

            assertThat(lines(r)).containsExactly("97110 x2 GP GZ");
        }

        /** An ABN is original Medicare's notice: another payer's claim carries no GA/GZ, and MW-K009 says so. */
        @Test
        void noGaOrGzForAPayerThatIsNotMedicare() {
            CheckResult r = check(visit().payer("commercial").abn(Abn.GIVEN)
                    .service(minutes("97110", 30, pt("T1"))).build());

            assertThat(lines(r).get(0)).doesNotContain("GA");
            assertThat(r.findings()).extracting(org.minutewise.core.check.Finding::ruleId).contains("MW-K009");
            CheckResult medicare = check(visit().abn(Abn.GIVEN).service(minutes("97110", 30, pt("T1"))).build());
            assertThat(medicare.findings()).extracting(org.minutewise.core.check.Finding::ruleId)
                    .doesNotContain("MW-K009");
        }

        @Test
        void neitherGaNorGzWithoutAnAbn() {
            CheckResult r = check(visit().service(minutes("97110", 30, pt("T1"))).build());

            assertThat(r.claim().lines().get(0).modifiers()).doesNotContain("GA", "GZ");
        }
    }

    @Nested
    class AssistantModifiers {
        /** RULES.md's CMS example: 97110 x2 split into a CQ unit and a therapist's unit. */
        @Test
        void lineSplitsIntoACqUnitAndATherapistUnit() {
            CheckResult r = check(visit()
                    .service(minutes("97110", 23, assistant("A1", Role.PTA, "T1")))
                    .service(minutes("97110", 13, pt("T1")))
                    .service(minutes("97140", 30, pt("T1")))
                    .build());

            assertThat(lines(r)).containsExactly("97110 x1 GP CQ", "97110 x1 GP", "97140 x2 GP");
            ClaimLine cq = r.claim().lines().get(0);
            ClaimLine own = r.claim().lines().get(1);
            assertThat(cq.assistantUnit()).isTrue();
            assertThat(cq.assistant()).contains("A1");
            assertThat(own.assistantUnit()).isFalse();
            // The therapist's own unit names no assistant (the page showed "97110 GP 1 T1 (assistant A1)").
            assertThat(own.assistant()).isEmpty();
            assertThat(cq.renderingProvider()).contains("T1");
            assertThat(own.renderingProvider()).contains("T1");
        }

        @Test
        void coGoesWithGoForAnOta() {
            CheckResult r = check(visit().planOfCare(Discipline.OT)
                    .service(minutes("97530", 23, assistant("A2", Role.OTA, "O1")))
                    .service(minutes("97535", 15, ot("O1")))
                    .build());

            // 38 min = 3 units: 97530 23 (1 block + 8) x2, 97535 x1. 97530 is all the OTA's: CO on both units.
            assertThat(lines(r)).containsExactly("97530 x2 GO CO", "97535 x1 GO");
        }

        @Test
        void noCqInACriticalAccessHospital() {
            CheckResult r = check(visit().setting(Setting.CAH)
                    .service(minutes("97110", 30, assistant("A1", Role.PTA, "T1"))).build());

            assertThat(lines(r)).containsExactly("97110 x2 GP");
            // Near miss of the CQ split: with no CQ line the assistant's minutes are on this line, which names them.
            assertThat(r.claim().lines().get(0).assistant()).contains("A1");
        }

        @Test
        void noCqInAPhysicianOffice() {
            CheckResult r = check(visit().setting(Setting.PHYSICIAN_OFFICE)
                    .service(minutes("97110", 30, assistant("A1", Role.PTA, "T1"))).build());

            assertThat(lines(r)).containsExactly("97110 x2 GP");
        }

        @Test
        void noCqBefore2020AndCqFromItsFirstDay() {
            Visit.Builder before = Visit.builder("V-1", LocalDate.of(2019, 12, 31));
            Visit.Builder from = Visit.builder("V-2", LocalDate.of(2020, 1, 1));
            for (Visit.Builder b : List.of(before, from)) {
                b.service(minutes("97110", 30, assistant("A1", Role.PTA, "T1")));
            }

            assertThat(lines(check(before.build()))).containsExactly("97110 x2 GP");
            assertThat(lines(check(from.build()))).containsExactly("97110 x2 GP CQ");
        }

        @Test
        void noCqForAPayerThatDoesNotUseAssistantModifiers() {
            PayerProfile p = Payer.medicare("ma-no-cq").assistantModifiers(false).build();
            CheckResult r = check(visit().payer("ma-no-cq")
                    .service(minutes("97110", 30, assistant("A1", Role.PTA, "T1"))).build(), p);

            assertThat(lines(r)).containsExactly("97110 x2 GP");
            // The explanation says why the assistant's line has no CQ (a biller's review).
            assertThat(r.explanation()).contains("97110: an assistant furnished minutes of it, but the payer ma-no-cq "
                    + "does not use CQ/CO (its profile), so its line carries no assistant modifier.");
            CheckResult therapist = check(visit().payer("ma-no-cq").service(minutes("97110", 30, pt("T1"))).build(), p);
            assertThat(String.join(" ", therapist.explanation())).doesNotContain("an assistant furnished");
        }

        /** The commercial default (CPT method, no CQ/CO): the PTA's 30 min are 2 units with GP only. */
        @Test
        void commercialDefaultHasNoCq() {
            CheckResult r = check(visit().payer("commercial")
                    .service(minutes("97110", 30, assistant("A1", Role.PTA, "T1"))).build());

            assertThat(lines(r)).containsExactly("97110 x2 GP");
        }
    }

    @Nested
    class DistinctProcedureModifier {
        private Visit.Builder pair(String secondStart, String secondEnd) {
            // 97530 24 min and 97140 23 min: 47 min = 3 units, 97530 x2 and 97140 x1.
            return visit()
                    .service(at("97530", "09:00", "09:24", pt("T1")))
                    .service(at("97140", secondStart, secondEnd, pt("T1")));
        }

        /** Half-open periods: 09:00-09:24 and 09:24-09:47 are separate intervals. 59 goes on column two. */
        @Test
        void touchingPeriodsAreSeparateIntervals59OnColumnTwo() {
            CheckResult r = check(pair("09:24", "09:47").build());

            assertThat(lines(r)).containsExactly("97530 x2 GP", "97140 x1 GP 59");
        }

        @Test
        void columnTwoTakesItWhateverTheOrderOfTheLines() {
            CheckResult r = check(visit()
                    .service(at("97140", "09:24", "09:47", pt("T1")))
                    .service(at("97530", "09:00", "09:24", pt("T1")))
                    .build());

            assertThat(lines(r)).containsExactly("97140 x1 GP 59", "97530 x2 GP");
        }

        @Test
        void overlappingPeriodsGetNo59() {
            CheckResult r = check(pair("09:20", "09:43").build());

            assertThat(r.claim().lines()).allSatisfy(l -> assertThat(l.modifiers()).containsExactly("GP"));
        }

        @Test
        void withoutTimesNo59() {
            CheckResult r = check(visit()
                    .service(minutes("97530", 24, pt("T1")))
                    .service(minutes("97140", 23, pt("T1")))
                    .build());

            assertThat(lines(r)).containsExactly("97530 x2 GP", "97140 x1 GP");
        }

        @Test
        void xuWhenThePayerPrefersIt() {
            PayerProfile p = Payer.medicare("medicare-xu").distinctModifier("XU").build();
            CheckResult r = check(pair("09:24", "09:47").payer("medicare-xu").build(), p);

            assertThat(lines(r)).containsExactly("97530 x2 GP", "97140 x1 GP XU");
        }

        @Test
        void noModifierWhenThePayerDeniesItOnThePair() {
            PayerProfile p = Payer.medicare("medicare-strict").deniesDistinct("97530/97140").build();
            CheckResult r = check(pair("09:24", "09:47").payer("medicare-strict").build(), p);

            assertThat(lines(r)).containsExactly("97530 x2 GP", "97140 x1 GP");
        }

        /** RULES.md §4: a re-evaluation billed with treatment takes the modifier on the re-evaluation. */
        @Test
        void reEvaluationWithTreatmentTakesItOnTheReEvaluation() {
            CheckResult r = check(visit()
                    .service(at("97164", "09:00", "09:20", pt("T1")))
                    .service(at("97110", "09:20", "09:50", pt("T1")))
                    .build());

            assertThat(lines(r)).containsExactly("97164 x1 GP 59", "97110 x2 GP");
        }

        /** Both units of a split column-two line are the same code: both carry 59, after CQ. */
        @Test
        void bothPartsOfASplitColumnTwoLineCarryIt() {
            CheckResult r = check(visit()
                    .service(at("97530", "09:00", "09:30", pt("T1")))
                    .service(at("97140", "09:30", "09:53", assistant("A1", Role.PTA, "T1")))
                    .service(at("97140", "09:53", "10:06", pt("T1")))
                    .build());

            // 30 + 23 + 13 = 66 min = 4 units: 97530 x2, 97140 36 min x2 (CMS example split: one CQ unit).
            assertThat(lines(r)).containsExactly("97530 x2 GP", "97140 x1 GP CQ 59", "97140 x1 GP 59");
        }
    }

    /**
     * KX (RULES.md §4): 2026 threshold $2,480 per bucket (PT+SLP, OT). This visit, 97112 24 min + 97110 23 min =
     * 97112 x2 and 97110 x1, is allowed 97112 $57.62 then 97110 $22.21 (see PaymentEstimatorTest), $79.83 in all.
     */
    @Nested
    class Kx {
        private Visit.Builder ptVisit() {
            return visit()
                    .service(minutes("97112", 24, pt("T1")))
                    .service(minutes("97110", 23, pt("T1")));
        }

        /** $2,420 before: 97112 brings it to $2,477.62 (not past), 97110 to $2,499.83 (past): KX on 97110 only. */
        @Test
        void professionalClaimKxOnTheCrossingLineAndLaterOnes() {
            CheckResult r = check(ptVisit().patient(patient("2420.00", "0")).build());

            assertThat(lines(r)).containsExactly("97112 x2 GP", "97110 x1 GP KX");
            KxBucket b = r.claim().kx().stream().filter(x -> x.bucket().equals("PT_SLP")).findFirst().orElseThrow();
            assertThat(b.kxApplied()).isTrue();
            assertThat(b.crossingLine()).isEqualTo(1);
            assertThat(b.thisVisit()).isEqualByComparingTo("79.83");
        }

        /** $2,450 before: the first line already brings it to $2,507.62, so it and every later line carry KX. */
        @Test
        void professionalClaimCrossingOnTheFirstLine() {
            CheckResult r = check(ptVisit().patient(patient("2450.00", "0")).build());

            assertThat(lines(r)).containsExactly("97112 x2 GP KX", "97110 x1 GP KX");
        }

        /** $2,422.38 + $57.62 = exactly $2,480.00: at, not past, the threshold; 97110 is the line that passes it. */
        @Test
        void reachingTheThresholdExactlyIsNotPassingIt() {
            CheckResult r = check(ptVisit().patient(patient("2422.38", "0")).build());

            assertThat(lines(r)).containsExactly("97112 x2 GP", "97110 x1 GP KX");
        }

        @Test
        void institutionalClaimKxOnEveryLineOfTheBucket() {
            CheckResult r = check(ptVisit().setting(Setting.REHAB_AGENCY).patient(patient("2420.00", "0")).build());

            assertThat(lines(r)).containsExactly("97112 x2 GP KX", "97110 x1 GP KX");
        }

        @Test
        void alreadyPastTheThresholdKxOnEveryLine() {
            CheckResult r = check(ptVisit().patient(patient("2500.00", "0")).build());

            assertThat(lines(r)).containsExactly("97112 x2 GP KX", "97110 x1 GP KX");
        }

        @Test
        void farBelowTheThresholdNoKx() {
            CheckResult r = check(ptVisit().patient(patient("1000.00", "0")).build());

            assertThat(lines(r)).containsExactly("97112 x2 GP", "97110 x1 GP");
        }

        /**
         * A PT line and an OT line (97530 30 min under the OT plan) on one visit; the OT bucket is past its
         * threshold, the PT/SLP bucket is not: KX on the OT line only, and the other way round.
         */
        @Test
        void otBucketIsSeparateFromPtAndSlp() {
            Visit.Builder v = visit()
                    .service(minutes("97112", 24, pt("T1")))
                    .service(minutes("97530", 30, ot("O1")).withDiscipline(Discipline.OT));

            CheckResult otPast = check(v.patient(patient("100.00", "2500.00")).build());
            CheckResult ptPast = check(v.patient(patient("2500.00", "100.00")).build());

            assertThat(lines(otPast)).containsExactly("97112 x2 GP", "97530 x2 GO KX");
            assertThat(lines(ptPast)).containsExactly("97112 x2 GP KX", "97530 x2 GO");
        }

        /** SLP shares the PT bucket: an SLP line of a patient past the PT/SLP threshold carries KX. */
        @Test
        void slpCountsInThePtBucket() {
            CheckResult r = check(visit().planOfCare(Discipline.SLP).patient(patient("2500.00", "0"))
                    .service(untimed("92507", slp("S1"))).build());

            assertThat(lines(r)).containsExactly("92507 x1 GN KX");
        }

        /** $2,000 here and $420 at other providers is the same $2,420 as the first test: KX on 97110. */
        @Test
        void outsideSpendCounts() {
            CheckResult withOutside = check(ptVisit().patient(patient("2000.00", "0", "420.00", "0")).build());
            CheckResult without = check(ptVisit().patient(patient("2000.00", "0")).build());

            assertThat(lines(withOutside)).containsExactly("97112 x2 GP", "97110 x1 GP KX");
            assertThat(lines(without)).containsExactly("97112 x2 GP", "97110 x1 GP");
        }

        /**
         * Medicare does not pay a chiropractor's therapy (MW-W001, excluded by statute): the line carries GP and GY, is
         * priced at $0 with the reason, is not counted toward the threshold and never carries KX; the physical
         * therapist's own 97110 still does.
         */
        @Test
        void aChiropractorsTherapyToMedicareIsPricedAtZeroAndCountsTowardNoBucket() {
            CheckResult r = check(visit().patient(patient("2500.00", "0"))
                    .service(minutes("97112", 24, Provider.of("C1", Role.DC)))
                    .service(minutes("97110", 23, pt("T1"))).build());

            assertThat(lines(r)).containsExactly("97112 x2 GP GY", "97110 x1 GP KX");
            assertThat(r.claim().estimate().lines().get(0).priced()).isTrue();
            assertThat(r.claim().estimate().lines().get(0).allowed()).isEqualByComparingTo("0");
            assertThat(r.claim().estimate().reason()).contains("Not covered by Medicare when a chiropractor "
                    + "furnishes it (MW-W001), $0: 97112.");
            KxBucket b = r.claim().kx().stream().filter(x -> x.bucket().equals("PT_SLP")).findFirst().orElseThrow();
            assertThat(b.thisVisit()).isEqualByComparingTo(r.claim().estimate().lines().get(1).allowed());
            assertThat(ids(r)).contains("MW-W001");
        }

        /**
         * Medicare pays 97014 to no one (MW-C002: its code is G0283): priced at $0 with the reason and counted toward
         * no threshold, so it neither adds to the KX amount nor takes KX; G0283 in its place is counted (a billing
         * expert's review).
         */
        @Test
        void code97014ToMedicareIsPricedAtZeroAndCountsTowardNoBucket() {
            CheckResult r = check(visit().patient(patient("2500.00", "0"))
                    .service(untimed("97014", pt("T1")))
                    .service(minutes("97110", 23, pt("T1"))).build());

            assertThat(lines(r)).containsExactly("97014 x1 GP", "97110 x2 GP KX");
            assertThat(r.claim().estimate().lines().get(0).priced()).isTrue();
            assertThat(r.claim().estimate().lines().get(0).allowed()).isEqualByComparingTo("0");
            assertThat(r.claim().estimate().reason()).contains("Not paid by Medicare, which takes G0283 for it "
                    + "(MW-C002), and counted toward no KX threshold, $0: 97014.").doesNotContain("chiropractor");
            KxBucket b = r.claim().kx().stream().filter(x -> x.bucket().equals("PT_SLP")).findFirst().orElseThrow();
            assertThat(b.thisVisit()).isEqualByComparingTo(r.claim().estimate().lines().get(1).allowed());
            assertThat(b.unpriced()).doesNotContain("97014");
            // Near miss: G0283 is Medicare's code, in the bucket (unpriced in the fixture, so KX from it on).
            CheckResult g = check(visit().patient(patient("2500.00", "0"))
                    .service(untimed("G0283", pt("T1")))
                    .service(minutes("97110", 23, pt("T1"))).build());
            assertThat(lines(g)).containsExactly("G0283 x1 GP KX", "97110 x2 GP KX");
        }

        /**
         * An always-therapy code needs its GP/GO/GN even when excluded (Pub 100-04 ch. 5 §10.4 B); a notice given all
         * the same is GX beside GY (voluntary), never GA, and no notice is no GZ.
         */
        @Test
        void aChiropractorsTherapyUnderANoticeCarriesGxNotGa() {
            CheckResult given = check(visit().abn(Abn.GIVEN)
                    .service(minutes("97112", 24, Provider.of("C1", Role.DC))).build());
            CheckResult notGiven = check(visit().abn(Abn.NOT_GIVEN)
                    .service(minutes("97112", 24, Provider.of("C1", Role.DC))).build());

            assertThat(lines(given)).containsExactly("97112 x2 GP GY GX");
            assertThat(lines(notGiven)).containsExactly("97112 x2 GP GY");
        }

        /** The same lines by a physical therapist: 97112 is priced and counted as usual. */
        @Test
        void theTherapistsOwn97112IsPricedAndCounted() {
            CheckResult r = check(ptVisit().patient(patient("2500.00", "0")).build());

            assertThat(r.claim().estimate().lines().get(0).allowed()).isEqualByComparingTo("57.62");
            assertThat(r.claim().estimate().reason()).doesNotContain("Not covered");
        }

        @Test
        void noKxForAPayerThatIsNotMedicare() {
            CheckResult r = check(ptVisit().payer("commercial").patient(patient("2500.00", "0")).build());

            assertThat(r.claim().lines()).allSatisfy(l -> assertThat(l.modifiers()).doesNotContain("KX"));
        }
    }

    /** RULES.md §1: the cognitive-intervention units go first to 97129 (one unit at most), the rest to 97130. */
    @Nested
    class CognitiveIntervention {
        @Test
        void the97130AloneFor30MinutesIs97129And97130() {
            CheckResult r = check(visit().planOfCare(Discipline.SLP)
                    .service(minutes("97130", 30, slp("S1"))).build());

            assertThat(lines(r)).containsExactly("97129 x1 GN", "97130 x1 GN");
        }

        @Test
        void the97129For45MinutesIs97129OnceAnd97130Twice() {
            CheckResult r = check(visit().planOfCare(Discipline.SLP)
                    .service(minutes("97129", 45, slp("S1"))).build());

            assertThat(lines(r)).containsExactly("97129 x1 GN", "97130 x2 GN");
        }

        /**
         * The de minimis test counts the minutes of the service once, over its billed units: OTA 15 min and OT 30 min
         * of cognitive intervention = 45 min = 3 units; the OTA's full block is the one CO unit, the OT's two blocks
         * carry none. Which of the 97129/97130 lines carries the CO unit, RULES.md does not say.
         */
        @Test
        void assistantMinutesCountOnceAcross97129And97130() {
            CheckResult r = check(visit().planOfCare(Discipline.OT)
                    .service(minutes("97129", 15, assistant("A2", Role.OTA, "O1")))
                    .service(minutes("97129", 30, ot("O1")))
                    .build());

            assertThat(r.claim().totalUnits()).isEqualTo(3);
            int coUnits = r.claim().lines().stream().filter(l -> l.modifiers().contains("CO"))
                    .mapToInt(ClaimLine::units).sum();
            assertThat(coUnits).isEqualTo(1);
            assertThat(r.claim().lines()).extracting(ClaimLine::code).containsOnly("97129", "97130");
        }

        /** The PT furnished the first 15 minutes (97129), the PTA the rest (97130): 97129 carries no CQ. */
        @Test
        void whenTheAssistantDocumentedOnly97130ItsUnitsCarryTheCq() {
            CheckResult r = check(visit()
                    .service(minutes("97129", 20, pt("T1")))
                    .service(minutes("97130", 20, assistant("A1", Role.PTA, "T1")))
                    .build());

            assertThat(r.claim().totalUnits()).isEqualTo(3);
            assertThat(lines(r)).contains("97129 x1 GP").noneMatch(l -> l.startsWith("97129") && l.contains("CQ"))
                    .anyMatch(l -> l.startsWith("97130") && l.contains("CQ"));
        }

        @Test
        void the97129For15MinutesStaysAlone() {
            CheckResult r = check(visit().planOfCare(Discipline.SLP)
                    .service(minutes("97129", 15, slp("S1"))).build());

            assertThat(lines(r)).containsExactly("97129 x1 GN");
        }
    }

    @Nested
    class RenderingProvider {
        @Test
        void theSupervisingTherapistTheAssistantNames() {
            CheckResult r = check(visit().service(minutes("97110", 30, assistant("A1", Role.PTA, "T9"))).build());

            assertThat(r.claim().lines()).singleElement().satisfies(l -> {
                assertThat(l.renderingProvider()).contains("T9");
                assertThat(l.assistant()).contains("A1");
            });
        }

        @Test
        void elseATherapistOfTheSameDisciplineOnTheVisit() {
            CheckResult r = check(visit()
                    .service(minutes("97110", 30, assistant("A1", Role.PTA)))
                    .service(minutes("97112", 30, pt("T1")))
                    .build());

            assertThat(r.claim().lines()).allSatisfy(l -> assertThat(l.renderingProvider()).contains("T1"));
        }

        @Test
        void neverATherapistOfAnotherDiscipline() {
            CheckResult r = check(visit()
                    .service(minutes("97110", 30, assistant("A1", Role.PTA)))
                    .service(minutes("97535", 30, ot("O1")).withDiscipline(Discipline.OT))
                    .build());

            ClaimLine pta = r.claim().lines().stream().filter(l -> l.code().equals("97110")).findFirst()
                    .orElseThrow();
            assertThat(pta.renderingProvider()).isNotEqualTo(Optional.of("O1"));
        }

        /**
         * A biller's review (v/76): a PTA supervised by T2 does 97110 09:00-09:23, PT T1 does 97110 09:23-09:36, T2
         * does 97112. The CQ line of 97110 holds the PTA's units: it is rendered under T2, the supervisor the PTA
         * names, not under T1, who furnished the other unit (that line stays T1's). Near miss: the PTA under T1.
         */
        @Test
        void theAssistantsLineIsRenderedUnderTheirSupervisorNotAnotherTherapistOfTheCode() {
            Visit.Builder v = visit()
                    .service(at("97110", "09:23", "09:36", pt("T1")))
                    .service(at("97112", "09:36", "10:06", pt("T2")));
            CheckResult r = check(v.service(at("97110", "09:00", "09:23", assistant("A1", Role.PTA, "T2"))).build());

            assertThat(lines(r)).contains("97110 x1 GP CQ", "97110 x1 GP");
            for (ClaimLine l : r.claim().lines()) {
                String expected = l.code().equals("97112") || l.assistantUnit() ? "T2" : "T1";
                assertThat(l.renderingProvider()).as(text(l)).contains(expected);
            }
            assertThat(r.claim().lines()).filteredOn(ClaimLine::assistantUnit).singleElement()
                    .satisfies(l -> assertThat(l.assistant()).contains("A1"));

            CheckResult underT1 = check(visit()
                    .service(at("97110", "09:23", "09:36", pt("T1")))
                    .service(at("97112", "09:36", "10:06", pt("T2")))
                    .service(at("97110", "09:00", "09:23", assistant("A1", Role.PTA, "T1"))).build());
            assertThat(underT1.claim().lines()).filteredOn(l -> l.code().equals("97110"))
                    .extracting(l -> l.renderingProvider().orElseThrow()).containsOnly("T1");
        }

        /**
         * Two PTAs on 97110 (v/75), A1 under T1 for 12 minutes and A2 under T2 for 18: 30 minutes, 2 units, both CQ.
         * A2's full block is A2's; the unit left over goes to A1, who has 12 minutes left in it against A2's 3. A
         * claim line has one rendering provider, so the CQ units are split: 97110 GP CQ x1 under T1 naming A1, and
         * x1 under T2 naming A2, and the explanation says so with each line's NPI. Near miss: both under T1, one line
         * under T1 and nothing said.
         */
        @Test
        void twoAssistantsUnderTwoSupervisorsSplitTheLineBySupervisor() {
            CheckResult r = check(visit()
                    .service(at("97110", "09:00", "09:12", supervisedBy("A1", "T1", "1234567893")))
                    .service(at("97110", "09:12", "09:30", supervisedBy("A2", "T2", "1245319599")))
                    .build());

            assertThat(r.claim().lines()).hasSize(2).allSatisfy(l -> assertThat(text(l)).isEqualTo("97110 x1 GP CQ"));
            assertThat(r.claim().lines()).extracting(l -> l.renderingProvider().orElseThrow() + "/"
                    + l.renderingNpi().orElseThrow() + "/" + l.assistant().orElseThrow())
                    .containsExactly("T1/1234567893/A1", "T2/1245319599/A2");
            assertThat(r.claim().lines()).extracting(ClaimLine::serviceIndexes)
                    .containsExactly(List.of(0), List.of(1));
            assertThat(r.explanation()).anySatisfy(e -> assertThat(e)
                    .contains("split into 2 lines, one per supervisor",
                            "97110 GP CQ x1 rendered under T1 (NPI 1234567893), for A1 (12 min, supervised by T1)",
                            "97110 GP CQ x1 rendered under T2 (NPI 1245319599), for A2 (18 min, supervised by T2)")
                    .doesNotContain("split the line"));

            CheckResult oneSupervisor = check(visit()
                    .service(at("97110", "09:00", "09:12", assistant("A1", Role.PTA, "T1")))
                    .service(at("97110", "09:12", "09:30", assistant("A2", Role.PTA, "T1")))
                    .build());
            assertThat(oneSupervisor.claim().lines()).extracting(ClaimBuilderTest::withWho)
                    .containsExactly("97110 x2 GP CQ T1/A2");
            assertThat(oneSupervisor.explanation()).noneSatisfy(e -> assertThat(e).contains("supervisor"));
        }

        /**
         * Two PTAs under one supervisor with equal minutes of 97110 (A1 and A2, 20 each, under T1): 40 minutes, 3
         * units, all CQ, on one line under T1, which names one assistant: A1, the first id in alphabetical order,
         * whichever of them is documented first (it named the first documented, so the claim changed with the order of
         * the rows), and the explanation says whom and why. Near miss: A2 with more minutes (21) is named whatever the
         * order.
         */
        /**
         * Two therapists furnished one code: the line is rendered under the one who furnished more of its minutes,
         * equal minutes the first id alphabetically, whatever order the services are documented in (it was the first
         * documented: the claim changed with the order of the input).
         */
        @Test
        void twoTherapistsOfOneCodeRenderUnderTheOneWithMoreMinutesWhateverTheOrder() {
            ServiceLine t1 = minutes("97110", 10, pt("T1"));
            ServiceLine t2 = minutes("97110", 15, pt("T2"));
            for (List<ServiceLine> order : List.of(List.of(t1, t2), List.of(t2, t1))) {
                assertThat(check(visit().services(order).build()).claim().lines()).extracting(ClaimBuilderTest::withWho)
                        .as("documented %s first", order.get(0).provider().id().orElseThrow())
                        .containsExactly("97110 x2 GP T2/-");
            }
            ServiceLine t2Same = minutes("97110", 10, pt("T2"));
            for (List<ServiceLine> order : List.of(List.of(t1, t2Same), List.of(t2Same, t1))) {
                assertThat(check(visit().services(order).build()).claim().lines()).extracting(ClaimBuilderTest::withWho)
                        .containsExactly("97110 x1 GP T1/-");
            }
            // Near miss: one therapist's two sessions of the code are one therapist's minutes.
            ServiceLine t1Again = minutes("97110", 10, pt("T1"));
            assertThat(check(visit().services(List.of(t1, t2, t1Again)).build()).claim().lines())
                    .extracting(ClaimBuilderTest::withWho).containsExactly("97110 x2 GP T1/-");
        }

        @Test
        void twoAssistantsWithEqualMinutesUnderOneSupervisorNameTheFirstIdAlphabetically() {
            ServiceLine a1 = minutes("97110", 20, assistant("A1", Role.PTA, "T1"));
            ServiceLine a2 = minutes("97110", 20, assistant("A2", Role.PTA, "T1"));
            for (List<ServiceLine> order : List.of(List.of(a1, a2), List.of(a2, a1))) {
                CheckResult r = check(visit().services(order).build());
                assertThat(r.claim().lines()).extracting(ClaimBuilderTest::withWho)
                        .as("documented %s first", order.get(0).provider().id().orElseThrow())
                        .containsExactly("97110 x3 GP CQ T1/A1");
                assertThat(r.explanation()).contains("97110: its CQ line names one assistant, A1, of the PTAs who "
                        + "furnished it (A1 20 min, A2 20 min): a line names the assistant with the most minutes of "
                        + "the code, equal minutes the first id in alphabetical order, whatever order the services "
                        + "are documented in.");
            }
            ServiceLine a2More = minutes("97110", 21, assistant("A2", Role.PTA, "T1"));
            for (List<ServiceLine> order : List.of(List.of(a1, a2More), List.of(a2More, a1))) {
                assertThat(check(visit().services(order).build()).claim().lines())
                        .extracting(ClaimBuilderTest::withWho).containsExactly("97110 x3 GP CQ T1/A2");
            }
        }

        /**
         * The de minimis sentence names two assistants' minutes as theirs together ("the PTAs alone 47 min ... the
         * PTAs' 3 full 15-minute blocks"): it said "the PTA" of two PTAs' minutes. One assistant: "the PTA" as before.
         */
        @Test
        void theDeMinimisSentenceNamesTwoAssistantsAsTwo() {
            CheckResult two = check(visit()
                    .service(at("97110", "09:00", "09:23", assistant("A1", Role.PTA, "T1")))
                    .service(at("97110", "09:23", "09:47", assistant("A2", Role.PTA, "T1")))
                    .service(at("97110", "09:47", "10:07", pt("T1")))
                    .build());
            assertThat(two.explanation()).anySatisfy(e -> assertThat(e)
                    .startsWith("97110, 4 units (the PTAs alone 47 min, the PT 20 min): the PTAs' 3 full 15-minute"));
            CheckResult one = check(visit()
                    .service(at("97110", "09:00", "09:47", assistant("A1", Role.PTA, "T1")))
                    .service(at("97110", "09:47", "10:07", pt("T1")))
                    .build());
            assertThat(one.explanation()).anySatisfy(e -> assertThat(e)
                    .startsWith("97110, 4 units (the PTA alone 47 min, the PT 20 min): the PTA's 3 full 15-minute"));
        }

        /**
         * The task's case: A1 (T1) 23 minutes and A2 (T2) 24 of 97110: 47 minutes, 3 units, all CQ. Each has a full
         * block; the unit left over goes to A2 (9 minutes left against A1's 8): x1 under T1, x2 under T2. The units
         * add up to the one line's, and the order the services are documented in does not change the lines.
         */
        @Test
        void eachSupervisorsLineHoldsTheUnitsTheirAssistantFurnished() {
            ServiceLine a1 = at("97110", "09:00", "09:23", assistant("A1", Role.PTA, "T1"));
            ServiceLine a2 = at("97110", "09:23", "09:47", assistant("A2", Role.PTA, "T2"));
            CheckResult r = check(visit().service(a1).service(a2).build());
            CheckResult reversed = check(visit().service(a2).service(a1).build());

            assertThat(lines(r)).containsExactly("97110 x2 GP CQ", "97110 x1 GP CQ");
            assertThat(r.claim().lines()).extracting(ClaimBuilderTest::withWho)
                    .containsExactly("97110 x2 GP CQ T2/A2", "97110 x1 GP CQ T1/A1");
            assertThat(reversed.claim().lines()).extracting(ClaimBuilderTest::withWho)
                    .containsExactly("97110 x2 GP CQ T2/A2", "97110 x1 GP CQ T1/A1");
        }

        /**
         * T1 furnishes 97110 himself (09:00-09:20) beside A1 (T1, 23 min) and A2 (T2, 24 min): 67 minutes, 4 units,
         * 3 of them CQ (each assistant's block, and A2's 9 minutes left beat A1's 8). T1's own unit stays his own line
         * without CQ and names no assistant; the CQ units split into x1 under T1 (A1) and x2 under T2 (A2).
         */
        @Test
        void aSupervisorWhoTreatsTheCodeHimselfKeepsHisOwnLine() {
            CheckResult r = check(visit()
                    .service(at("97110", "09:00", "09:20", pt("T1")))
                    .service(at("97110", "09:20", "09:43", assistant("A1", Role.PTA, "T1")))
                    .service(at("97110", "09:43", "10:07", assistant("A2", Role.PTA, "T2")))
                    .build());

            assertThat(r.claim().lines()).extracting(ClaimBuilderTest::withWho)
                    .containsExactly("97110 x2 GP CQ T2/A2", "97110 x1 GP CQ T1/A1", "97110 x1 GP T1/-");
        }

        /**
         * A2 (T2) furnished only 3 minutes beside A1's (T1) 20: 23 minutes, 2 units, both A1's (a block, and 5 minutes
         * left against A2's 3): one CQ line under T1, and the explanation says A2 earns no unit of their own.
         */
        @Test
        void anAssistantWhoseMinutesEarnNoUnitHasNoLine() {
            CheckResult r = check(visit()
                    .service(at("97110", "09:00", "09:20", assistant("A1", Role.PTA, "T1")))
                    .service(at("97110", "09:20", "09:23", assistant("A2", Role.PTA, "T2")))
                    .build());

            assertThat(r.claim().lines()).extracting(ClaimBuilderTest::withWho)
                    .containsExactly("97110 x2 GP CQ T1/A1");
            assertThat(r.explanation()).anySatisfy(e -> assertThat(e)
                    .contains("all 2 fall under one supervisor", "A2 (3 min, supervised by T2) earns no CQ unit"));
        }

        /** The billed claim's CQ line names the same rendering provider as the engine's: the PTA's supervisor. */
        @Test
        void aBilledCqLineIsRenderedUnderTheAssistantsSupervisor() {
            CheckResult r = check(visit()
                    .service(at("97110", "09:23", "09:36", pt("T1")))
                    .service(at("97110", "09:00", "09:23", assistant("A1", Role.PTA, "T2")))
                    .billed(List.of(new org.minutewise.core.model.BilledLine("97110", List.of("GP", "CQ"), 1,
                                    Optional.empty()),
                            new org.minutewise.core.model.BilledLine("97110", List.of("GP"), 1, Optional.empty())))
                    .build());

            assertThat(r.claim().lines()).extracting(l -> l.renderingProvider().orElseThrow())
                    .containsExactly("T2", "T1");
        }

        /**
         * A billed claim that splits the CQ lines by supervisor (an 837 read back with a 2420A each, a CSV written by
         * check --out csv): the k-th billed CQ line of the code is rendered under the k-th supervisor its assistants
         * name, in documented order, so the claim written back keeps each line's NPI. Near miss: one billed CQ line
         * for both is rendered under the supervisor of the assistant with the most minutes, as before.
         */
        @Test
        void aBilledSplitKeepsEachLineUnderItsSupervisor() {
            Visit.Builder v = visit()
                    .service(at("97110", "09:00", "09:23", supervisedBy("A1", "T1", "1234567893")))
                    .service(at("97110", "09:23", "09:47", supervisedBy("A2", "T2", "1245319599")));
            org.minutewise.core.model.BilledLine x1 = new org.minutewise.core.model.BilledLine("97110",
                    List.of("GP", "CQ"), 1, Optional.empty());
            org.minutewise.core.model.BilledLine x2 = new org.minutewise.core.model.BilledLine("97110",
                    List.of("GP", "CQ"), 2, Optional.empty());

            CheckResult split = check(v.billed(List.of(x1, x2)).build());
            assertThat(split.claim().lines()).extracting(l -> l.units() + " " + l.renderingNpi().orElseThrow())
                    .containsExactly("1 1234567893", "2 1245319599");
            assertThat(ids(split)).noneMatch(id -> id.startsWith("MW-B"));

            CheckResult one = check(v.billed(List.of(new org.minutewise.core.model.BilledLine("97110",
                    List.of("GP", "CQ"), 3, Optional.empty()))).build());
            assertThat(one.claim().lines()).singleElement()
                    .satisfies(l -> assertThat(l.renderingProvider()).contains("T2"));
        }

        @Test
        void aTherapistWhoFurnishedTheCodeIsItsRenderingProvider() {
            CheckResult r = check(visit()
                    .service(minutes("97110", 30, pt("T1")))
                    .service(minutes("97112", 30, pt("T2")))
                    .build());

            assertThat(r.claim().lines()).extracting(l -> l.renderingProvider().orElseThrow())
                    .containsExactly("T1", "T2");
        }
    }

    @Nested
    class DiagnosisPointers {
        /**
         * Diagnoses 1 M54.50 (back pain), 2 M17.11 (knee osteoarthritis), 3 I69.351 (hemiplegia after stroke),
         * 4 R26.89 (gait abnormality), 5 G20.A1 (Parkinson disease). For 97112 the ones that support it (3, 4, 5)
         * come first; four pointers at most. Other codes keep the listed order.
         */
        @Test
        void diagnosesSupporting97112ComeFirstOnItsLine() {
            CheckResult r = check(visit()
                    .diagnoses(List.of("M54.50", "M17.11", "I69.351", "R26.89", "G20.A1"))
                    .service(minutes("97112", 24, pt("T1")))
                    .service(minutes("97110", 23, pt("T1")))
                    .build());

            assertThat(r.claim().lines().get(0).diagnosisPointers()).containsExactly(3, 4, 5, 1);
            assertThat(r.claim().lines().get(1).diagnosisPointers()).containsExactly(1, 2, 3, 4);
        }

        /**
         * A biller's review (v/69): chiropractic manipulation to Medicare with the diagnoses M54.50, M99.03: the
         * primary diagnosis of the manipulation is the subluxation (Pub 100-04 ch. 12 §220), so its line points at
         * 2 first. Near misses: a commercial payer keeps the listed order; so does a therapy code beside it.
         */
        @Test
        void theSubluxationComesFirstOnAManipulationLineToMedicare() {
            Visit.Builder v = visit().diagnoses(List.of("M54.50", "M99.03"))
                    .service(minutes("98940", 10, Provider.of("D1", Role.DC)));

            assertThat(check(v.build()).claim().lines()).singleElement()
                    .satisfies(l -> assertThat(l.diagnosisPointers()).containsExactly(2, 1));
            assertThat(check(v.payer("commercial").build()).claim().lines()).singleElement()
                    .satisfies(l -> assertThat(l.diagnosisPointers()).containsExactly(1, 2));

            CheckResult withTherapy = check(visit().diagnoses(List.of("M54.50", "M99.03"))
                    .service(minutes("98940", 10, Provider.of("D1", Role.DC)))
                    .service(minutes("97110", 30, pt("T1"))).build());
            assertThat(withTherapy.claim().lines()).extracting(l -> l.code() + " " + l.diagnosisPointers())
                    .containsExactlyInAnyOrder("98940 [2, 1]", "97110 [1, 2]");
        }
    }

    @Nested
    class ZeroUnitLines {
        /** 97112 24 + 97110 5 = 29 min = 2 units: 97112 (leftover 9) takes the second, 97110 ends with 0. */
        private Visit.Builder v() {
            return visit()
                    .service(minutes("97112", 24, pt("T1")))
                    .service(minutes("97110", 5, pt("T1")));
        }

        @Test
        void notSentByDefault() {
            assertThat(lines(check(v().build()))).containsExactly("97112 x2 GP");
        }

        @Test
        void sentWhenThePayerWantsThem() {
            PayerProfile p = Payer.medicare("medicare-zero").sendZeroUnitLines().build();
            CheckResult r = check(v().payer("medicare-zero").build(), p);

            assertThat(lines(r)).containsExactly("97112 x2 GP", "97110 x0 GP");
        }

        @Test
        void aZeroUnitLineChargesNothingWhateverTheServiceStatedItsCharge() {
            PayerProfile p = Payer.medicare("medicare-zero").sendZeroUnitLines().build();
            CheckResult r = check(visit().payer("medicare-zero")
                    .service(minutes("97112", 24, pt("T1")))
                    .service(new ServiceLine("97110", OptionalInt.of(5), List.of(), pt("T1"), Optional.empty(),
                            Optional.empty(), Optional.of(new BigDecimal("60.00"))))
                    .build(), p);

            assertThat(lines(r)).containsExactly("97112 x2 GP", "97110 x0 GP");
            assertThat(r.claim().lines().get(1).charge()).contains(new BigDecimal("0.00"));
        }

        @Test
        void neverForAnUnknownCode() {
            PayerProfile p = Payer.commercial("cpt-zero", UnitMethod.CPT).sendZeroUnitLines().build();
            CheckResult r = check(visit().payer("cpt-zero")
                    .service(minutes("97112", 24, pt("T1")))
                    .service(minutes("99999", 20, pt("T1"))) // well formed, in no catalog
                    .build(), p);

            assertThat(lines(r)).containsExactly("97112 x2 GP");
            assertThat(ids(r)).contains("MW-U001");
        }
    }
}
