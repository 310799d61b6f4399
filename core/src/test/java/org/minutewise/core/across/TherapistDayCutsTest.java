package org.minutewise.core.across;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.ComplianceFixture;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.model.Patient;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.core.model.YearToDate;
import org.minutewise.core.payer.PayerProfile;
import org.minutewise.core.units.UnitMethod;

/**
 * MW-A001's correction: the minutes one therapist spent one-on-one with two patients at once support no one-on-one
 * units on either visit, by the visit's own unit method (CMS: the visit's timed minutes pooled; CPT: each code on
 * its own). The digests come from real checks, so what the digest carries is tested with the rule.
 */
class TherapistDayCutsTest {
    private static final PayerProfile CPT_PAYER = ComplianceFixture.Payer.commercial("acme", UnitMethod.CPT).build();
    private static final PayerProfile CMS_PAYER = ComplianceFixture.Payer.commercial("acme-cms", UnitMethod.CMS)
            .build();
    private static final VisitChecker CHECKER = ComplianceFixture.checker(CPT_PAYER, CMS_PAYER);

    private static VisitDigest digest(String id, String patient, PayerProfile payer, ServiceLine... lines) {
        Visit.Builder b = Visit.builder(id, ComplianceFixture.DOS).payer(payer.id())
                .patient(new Patient(Optional.of(patient), Optional.empty(), YearToDate.NONE, YearToDate.NONE))
                .diagnosis("R26.81");
        for (ServiceLine l : lines) {
            b.service(l);
        }
        return VisitDigest.of(CHECKER.check(b.build()), ComplianceFixture.ref().codes());
    }

    private static ServiceLine at(String code, String start, String end, String therapist) {
        return ComplianceFixture.at(code, start, end, ComplianceFixture.pt(therapist));
    }

    private static List<UnitCut> cuts(List<AcrossFinding> out) {
        List<UnitCut> all = new ArrayList<>();
        out.forEach(f -> all.addAll(f.cuts()));
        return all;
    }

    /**
     * 97110 09:00-09:20 and 97140 09:20-09:38 with one patient, and 97110 09:15-09:20 with another: 5 minutes
     * shared. Pooled (CMS), the first visit's 38 minutes make 3 units (97110 2, 97140 1) and its 33 without the
     * shared ones 2: one unit off 97110, the code that shared them. Each code on its own (CPT), 97110's 20 minutes
     * make 1 unit and its 15 without them still 1: nothing off.
     */
    @Test
    void theSharedMinutesComeOffByTheVisitsOwnUnitMethod() {
        VisitDigest other = digest("V2", "P2", CPT_PAYER, at("97110", "09:15", "09:20", "T1"));
        VisitDigest cms = digest("V1", "P1", CMS_PAYER, at("97110", "09:00", "09:20", "T1"),
                at("97140", "09:20", "09:38", "T1"));
        assertThat(cms.dayMinutes()).singleElement().satisfies(m -> assertThat(m.units()).isEqualTo(3));
        TherapistDay.Day day = TherapistDay.day("T1", ComplianceFixture.DOS, List.of(other, cms));
        assertThat(day.shared()).isEqualTo(Map.of("V1", Map.of("97110", 5), "V2", Map.of("97110", 5)));
        assertThat(cuts(day.findings())).containsExactly(new UnitCut("V1", "97110", 1));
        assertThat(day.findings()).filteredOn(f -> f.visitId().equals("V1")).singleElement().satisfies(f ->
                assertThat(f.finding().message()).endsWith("5 minutes between 09:15 and 09:20 are billed for both "
                        + "patients as one-on-one time; with its 5 shared minutes taken out, supported units of "
                        + "97110 on this visit lowered from 2 to 1."));
        // V2's 5 minutes made no unit to begin with.
        assertThat(day.findings()).filteredOn(f -> f.visitId().equals("V2")).singleElement().satisfies(f ->
                assertThat(f.finding().message()).endsWith("with its 5 shared minutes taken out, this visit's "
                        + "minutes still support the units they did."));

        VisitDigest cpt = digest("V1", "P1", CPT_PAYER, at("97110", "09:00", "09:20", "T1"),
                at("97140", "09:20", "09:38", "T1"));
        assertThat(cpt.dayMinutes()).isEmpty();
        assertThat(cuts(TherapistDay.check("T1", ComplianceFixture.DOS, List.of(other, cpt)))).isEmpty();
        // CPT, 97110 09:00-09:25 (25 minutes, 2 units) with 12 of them shared: 13 left make 1.
        VisitDigest longer = digest("V1", "P1", CPT_PAYER, at("97110", "09:00", "09:25", "T1"));
        VisitDigest twelve = digest("V2", "P2", CPT_PAYER, at("97110", "09:13", "09:25", "T1"));
        List<AcrossFinding> out = TherapistDay.check("T1", ComplianceFixture.DOS, List.of(longer, twelve));
        assertThat(cuts(out)).containsExactlyInAnyOrder(new UnitCut("V1", "97110", 1), new UnitCut("V2", "97110", 1));
        assertThat(out).filteredOn(f -> f.visitId().equals("V1")).singleElement().satisfies(f ->
                assertThat(f.finding().message()).endsWith("with its 12 shared minutes taken out, supported units of "
                        + "97110 on this visit lowered from 2 to 1."));
    }

    /** Pooled, a unit the pool no longer earns comes off another code when the sharing code holds none. */
    @Test
    void aPooledUnitComesOffAnotherCodeWhenTheSharingCodeHasNone() {
        // 97110 20 minutes and 97140 3 minutes: 23 make 2 units, both 97110's; without 97140's 3 shared, 20 make 1.
        VisitDigest v1 = digest("V1", "P1", CMS_PAYER, at("97110", "09:00", "09:20", "T1"),
                at("97140", "09:20", "09:23", "T1"));
        VisitDigest v2 = digest("V2", "P2", CMS_PAYER, at("97110", "09:20", "09:40", "T1"));
        assertThat(TherapistDay.cuts(v1, Map.of("97140", 3))).containsExactly(new UnitCut("V1", "97110", 1));
        assertThat(cuts(TherapistDay.check("T1", ComplianceFixture.DOS, List.of(v1, v2))))
                .contains(new UnitCut("V1", "97110", 1));
    }

    /**
     * 97129 and 97130 are one service whose claim bills the first unit on 97129 and the rest on 97130: 40 minutes
     * make 3 units (97129 1, 97130 2), 25 without 15 shared make 2, and the unit comes off 97130 (never 97130 left
     * without 97129).
     */
    @Test
    void theCognitivePairLosesItsAddOnUnitsFirst() {
        VisitDigest v1 = digest("V1", "P1", CMS_PAYER, at("97129", "09:00", "09:40", "T1"));
        VisitDigest v2 = digest("V2", "P2", CMS_PAYER, at("97110", "09:10", "09:25", "T1"));
        List<AcrossFinding> out = TherapistDay.check("T1", ComplianceFixture.DOS, List.of(v1, v2));
        assertThat(out).filteredOn(f -> f.visitId().equals("V1")).singleElement().satisfies(f -> {
            assertThat(f.cuts()).containsExactly(new UnitCut("V1", "97130", 1));
            assertThat(f.finding().message()).endsWith("supported units of 97129/97130 on this visit lowered from 3 "
                    + "to 2.");
        });
        // All 40 minutes shared: the pair's 3 units all go, 97130's 2 then 97129's 1.
        assertThat(TherapistDay.cuts(v1, Map.of("97129", 40))).containsExactly(new UnitCut("V1", "97130", 2),
                new UnitCut("V1", "97129", 1));
        VisitDigest cpt = digest("V3", "P1", CPT_PAYER, at("97129", "09:00", "09:40", "T1"));
        assertThat(TherapistDay.cuts(cpt, Map.of("97129", 15))).containsExactly(new UnitCut("V3", "97130", 1));
    }

    @Test
    void oneOnOneMinutesDuringAGroupComeOffTheOneOnOneVisitOnly() {
        VisitDigest alone = digest("V1", "P1", CMS_PAYER, at("97110", "10:00", "10:30", "T1"));
        VisitDigest group = digest("V5", "P5", CMS_PAYER, ComplianceFixture.group(at("97150", "10:00", "10:30",
                "T1")));
        TherapistDay.Day day = TherapistDay.day("T1", ComplianceFixture.DOS, List.of(alone, group));
        assertThat(day.shared()).isEqualTo(Map.of("V1", Map.of("97110", 30)));
        assertThat(cuts(day.findings())).containsExactly(new UnitCut("V1", "97110", 2));
    }

    @Test
    void nearMisses() {
        VisitDigest a = digest("V1", "P1", CMS_PAYER, at("97110", "09:00", "09:30", "T1"));
        assertThat(TherapistDay.day("T1", ComplianceFixture.DOS, List.of(a,
                digest("V2", "P2", CMS_PAYER, at("97110", "09:30", "10:00", "T1")))).shared())
                .as("periods that touch but do not overlap").isEmpty();
        assertThat(TherapistDay.day("T1", ComplianceFixture.DOS, List.of(a,
                digest("V2", "P2", CMS_PAYER, at("97110", "09:10", "09:40", "T2")))).shared())
                .as("two different therapists").isEmpty();
        // Two group sessions at once are the group itself: 97150 takes nothing off.
        assertThat(TherapistDay.day("T1", ComplianceFixture.DOS, List.of(
                digest("V3", "P3", CMS_PAYER, ComplianceFixture.group(at("97150", "09:00", "09:30", "T1"))),
                digest("V4", "P4", CMS_PAYER, ComplianceFixture.group(at("97150", "09:00", "09:30", "T1")))))
                .findings()).as("a group code 97150").isEmpty();
        // A supervised modality needs no constant attendance: the therapist's minutes beside it are not shared.
        assertThat(TherapistDay.day("T1", ComplianceFixture.DOS, List.of(a,
                digest("V2", "P2", CMS_PAYER, at("97010", "09:00", "09:30", "T1")))).findings())
                .as("a supervised modality").isEmpty();
        // A visit with a supervised modality and a one-on-one code: only the one-on-one code's minutes are shared.
        VisitDigest both = digest("V6", "P6", CMS_PAYER, at("97010", "09:00", "09:30", "T1"),
                at("97140", "09:00", "09:20", "T1"));
        assertThat(TherapistDay.day("T1", ComplianceFixture.DOS, List.of(a, both)).shared())
                .containsEntry("V6", Map.of("97140", 20));
        // The shared minutes of an evaluation (no timed units) take nothing off.
        assertThat(TherapistDay.cuts(a, Map.of())).isEmpty();
    }

    /**
     * A visit's own cut and the patient's day (MW-A012) never take the same unit twice: the day is counted without
     * the shared minutes. Two 10-minute sessions of the patient (1 unit each, 1 for the day's 20 minutes) with 5 of
     * the second's shared: the second visit loses its unit to MW-A001 (5 minutes earn none), and the day's 15
     * minutes still make the 1 unit the first visit bills, so MW-A012 takes nothing more.
     */
    @Test
    void theDaysCountIsTakenWithoutTheSharedMinutes() {
        VisitDigest morning = digest("V1", "P1", CMS_PAYER, at("97110", "09:00", "09:10", "T1"));
        VisitDigest afternoon = digest("V2", "P1", CMS_PAYER, at("97110", "14:00", "14:10", "T1"));
        List<UnitCut> a001 = TherapistDay.cuts(afternoon, Map.of("97110", 5));
        assertThat(a001).containsExactly(new UnitCut("V2", "97110", 1));
        List<AcrossFinding> plain = PatientHistory.check(List.of(morning, afternoon), Map.of(),
                ComplianceFixture.ref());
        assertThat(cuts(plain)).as("MW-A012 alone").containsExactly(new UnitCut("V2", "97110", 1));
        VisitDigest without = TherapistDay.withoutShared(afternoon, Map.of("97110", 5), a001);
        assertThat(without.dayMinutes()).containsExactly(new VisitDigest.DayMinutes("PT", 5, 0, 1, true,
                List.of()));
        assertThat(cuts(PatientHistory.check(List.of(morning, without), Map.of(), ComplianceFixture.ref())))
                .as("MW-A012 after MW-A001").isEmpty();
        // 23 + 23 minutes (2 units each, 3 for the day's 46) with 15 of the second shared: MW-A001 takes 1 (8 make
        // 1), and the day's 31 minutes make 2 of the 3 left: MW-A012 takes 1 more, 2 in all, as 31 minutes want.
        VisitDigest first = digest("V1", "P1", CMS_PAYER, at("97110", "09:00", "09:23", "T1"));
        VisitDigest second = digest("V2", "P1", CMS_PAYER, at("97110", "14:00", "14:23", "T1"));
        List<UnitCut> taken = TherapistDay.cuts(second, Map.of("97110", 15));
        assertThat(taken).containsExactly(new UnitCut("V2", "97110", 1));
        assertThat(cuts(PatientHistory.check(List.of(first, TherapistDay.withoutShared(second, Map.of("97110", 15),
                taken)), Map.of(), ComplianceFixture.ref()))).containsExactly(new UnitCut("V2", "97110", 1));
    }

    /** A payer that counts the day's minutes together (CMS) and uses CQ/CO. */
    private static final PayerProfile CQ_PAYER = ComplianceFixture.Payer.commercial("acme-cq", UnitMethod.CMS)
            .assistantModifiers(true).build();
    private static final VisitChecker CQ_CHECKER = ComplianceFixture.checker(CQ_PAYER);
    private static final org.minutewise.core.model.Provider PTA = ComplianceFixture.assistant("A1",
            org.minutewise.core.model.Role.PTA, "T1");

    private static Visit visit(String id, String patient, ServiceLine... lines) {
        Visit.Builder b = Visit.builder(id, ComplianceFixture.DOS).payer(CQ_PAYER.id())
                .patient(new Patient(Optional.of(patient), Optional.empty(), YearToDate.NONE, YearToDate.NONE))
                .diagnosis("R26.81");
        for (ServiceLine l : lines) {
            b.service(l);
        }
        return b.build();
    }

    /** A visit's digest under the CQ/CO payer. */
    private static VisitDigest cq(String id, String patient, ServiceLine... lines) {
        return VisitDigest.of(CQ_CHECKER.check(visit(id, patient, lines)), ComplianceFixture.ref().codes());
    }

    /** What the engine's claim bills of a code on such a visit: "units/CQ units". */
    private static String billed(String code, ServiceLine... lines) {
        int units = 0;
        int cq = 0;
        for (org.minutewise.core.claim.ClaimLine l : CQ_CHECKER.check(visit("X", "PX", lines)).engineClaim().lines()) {
            if (l.code().equals(code)) {
                units += l.units();
                cq += org.minutewise.core.claim.ClaimBuilder.assistantModifier(l.modifiers()) ? l.units() : 0;
            }
        }
        return units + "/" + cq;
    }

    private static java.util.BitSet minutes(String from, String to) {
        java.util.BitSet bits = new java.util.BitSet();
        bits.set(java.time.LocalTime.parse(from).toSecondOfDay() / 60, java.time.LocalTime.parse(to).toSecondOfDay()
                / 60);
        return bits;
    }

    /**
     * From a review: the shared minutes are the overlapping provider's, and which kind of unit comes off (with CQ/CO
     * or without) is the de minimis standard (RULES.md §4) applied again to the minutes left. V1: PT T1 97110
     * 09:00-09:15 and PTA A1 97110 09:15-09:38, 38 minutes, 3 units (two with CQ); A1 is one-on-one with V2's
     * patient 09:20-09:35: 23 minutes are left (the PT's 15, the PTA's 8), 2 units, one with CQ, as the engine bills
     * those minutes: the CQ unit comes off. V2's 15 minutes, all shared, lose its one unit, none with CQ left. The
     * near-miss: T1 (a PT) sharing 10 minutes with V3's patient leaves the PT's 5 and the PTA's 23, 2 units, both
     * with CQ: the full-rate unit comes off.
     */
    @Test
    void theUnitsLeftCarryCqAsTheDeMinimisStandardSaysOfTheMinutesLeft() {
        VisitDigest v1 = cq("V1", "P1", at("97110", "09:00", "09:15", "T1"),
                ComplianceFixture.at("97110", "09:15", "09:38", PTA));
        VisitDigest v2 = cq("V2", "P2", ComplianceFixture.at("97110", "09:20", "09:35", PTA));
        assertThat(v1.treatments()).extracting(t -> t.providerId() + " " + t.assistant())
                .containsExactly("T1 false", "A1 true");
        assertThat(billed("97110", at("97110", "09:00", "09:15", "T1"),
                ComplianceFixture.at("97110", "09:15", "09:38", PTA))).isEqualTo("3/2");
        TherapistDay.Day day = TherapistDay.day("A1", ComplianceFixture.DOS, List.of(v1, v2));
        assertThat(cuts(day.findings())).containsExactlyInAnyOrder(new UnitCut("V1", "97110", 1, 1),
                new UnitCut("V2", "97110", 1, 0));
        assertThat(day.findings()).filteredOn(f -> f.visitId().equals("V1")).singleElement().satisfies(f ->
                assertThat(f.finding().message()).endsWith("with its 15 shared minutes taken out, supported units of "
                        + "97110 on this visit lowered from 3 to 2."));
        // The audit's patient partition: the same cuts from the minutes of the day and the visit's treatments.
        assertThat(TherapistDay.cutsAt(v1, "A1", day.sharedAt().get("V1")))
                .containsExactly(new UnitCut("V1", "97110", 1, 1));
        assertThat(billed("97110", at("97110", "09:00", "09:15", "T1"),
                ComplianceFixture.at("97110", "09:15", "09:20", PTA),
                ComplianceFixture.at("97110", "09:35", "09:38", PTA))).as("the minutes left, billed").isEqualTo("2/1");
        // Without knowing whose the minutes were, no count: full-rate lines first (as before).
        assertThat(TherapistDay.cuts(v1, Map.of("97110", 15))).containsExactly(new UnitCut("V1", "97110", 1));

        VisitDigest v3 = cq("V3", "P3", at("97110", "09:00", "09:10", "T1"));
        TherapistDay.Day therapist = TherapistDay.day("T1", ComplianceFixture.DOS, List.of(v1, v3));
        assertThat(therapist.shared().get("V1")).isEqualTo(Map.of("97110", 10));
        assertThat(TherapistDay.cutsAt(v1, "T1", therapist.sharedAt().get("V1")))
                .containsExactly(new UnitCut("V1", "97110", 1, 2));
        assertThat(billed("97110", at("97110", "09:10", "09:15", "T1"),
                ComplianceFixture.at("97110", "09:15", "09:38", PTA))).isEqualTo("2/2");
        // A payer without CQ/CO: no assistant's units, so no count (full-rate first, the only kind there is).
        VisitDigest plain = digest("V1", "P1", CMS_PAYER, at("97110", "09:00", "09:15", "T1"),
                ComplianceFixture.at("97110", "09:15", "09:38", PTA));
        assertThat(plain.treatments()).extracting(VisitDigest.Treatment::assistant).containsOnly(false);
        assertThat(TherapistDay.cutsAt(plain, "A1", day.sharedAt().get("V1")))
                .containsExactly(new UnitCut("V1", "97110", 1));
    }

    /**
     * Whose a code's minutes are is known only when the visit's treatments hold every minute its count took: a line
     * without a provider id counts toward the units but is no treatment, so the cut gives no count of CQ/CO units
     * (full-rate first, as a cut that does not know). The near-miss is the test above (every line names its provider).
     */
    @Test
    void noCountOfCqUnitsWhenALineNamesNoProvider() {
        org.minutewise.core.model.Provider nobody = new org.minutewise.core.model.Provider(Optional.empty(),
                org.minutewise.core.model.Role.PT, Optional.empty(), Optional.empty(), Optional.empty());
        VisitDigest v1 = cq("V1", "P1", at("97110", "09:00", "09:15", "T1"),
                ComplianceFixture.at("97110", "09:15", "09:38", PTA), ComplianceFixture.at("97110", "09:38", "09:45",
                        nobody));
        assertThat(TherapistDay.cutsAt(v1, "A1", Map.of("97110", minutes("09:20", "09:35"))))
                .containsExactly(new UnitCut("V1", "97110", 1));
    }

    /**
     * From a review (1): a PT and a PTA on one code, both one-on-one with other patients at times. V1: T1 97110
     * 09:00-09:20 and A1 09:20-09:45, 45 minutes, 3 units (two with CQ); T1 shares 10 minutes, A1 7: most of the
     * 17 were the therapist's, and the vote took a full-rate unit, leaving two CQ units; the 28 minutes left (the
     * PT's 10, the PTA's 18) make 2 units of which one carries CQ (the PT furnished 8 minutes or more of the last):
     * a CQ unit comes off. The near-miss: only the PTA's 7 minutes shared, 38 left make 3 units, two with CQ (no
     * change of kind, no unit lost: no cut).
     */
    @Test
    void aTherapistAndAnAssistantBothDoubleBookedLoseTheKindTheMinutesLeftNoLongerSupport() {
        ServiceLine pt = at("97110", "09:00", "09:20", "T1");
        ServiceLine pta = ComplianceFixture.at("97110", "09:20", "09:45", PTA);
        VisitDigest v1 = cq("V1", "P1", pt, pta);
        assertThat(billed("97110", pt, pta)).isEqualTo("3/2");
        Map<String, Map<String, java.util.BitSet>> both = Map.of("T1", Map.of("97110", minutes("09:10", "09:20")),
                "A1", Map.of("97110", minutes("09:38", "09:45")));
        assertThat(TherapistDay.cutsAt(v1, both)).containsExactly(new UnitCut("V1", "97110", 1, 1));
        assertThat(billed("97110", at("97110", "09:00", "09:10", "T1"),
                ComplianceFixture.at("97110", "09:20", "09:38", PTA))).isEqualTo("2/1");
        assertThat(TherapistDay.cutsAt(v1, "A1", both.get("A1"))).as("the PTA's 7 alone").isEmpty();
    }

    /**
     * From a review (2): only the PT's minutes shared. V1: T1 97110 09:00-09:15 and A1 09:15-09:23, 23 minutes, 2 units
     * (one with CQ); T1 shares 09:00-09:05: the 18 minutes left make 1 unit, and the PT furnished 10 of them (8 or
     * more), so it carries no CQ: the CQ unit comes off (the vote, the minutes being the PT's, took the full-rate one).
     * The near-miss: T1 shares none of them but A1 shares 09:15-09:18: 20 minutes, 1 unit, the PT's 15 a full block.
     */
    @Test
    void onlyTheTherapistsMinutesSharedCanStillTakeTheAssistantsUnit() {
        ServiceLine pt = at("97110", "09:00", "09:15", "T1");
        ServiceLine pta = ComplianceFixture.at("97110", "09:15", "09:23", PTA);
        VisitDigest v1 = cq("V1", "P1", pt, pta);
        assertThat(billed("97110", pt, pta)).isEqualTo("2/1");
        assertThat(TherapistDay.cutsAt(v1, "T1", Map.of("97110", minutes("09:00", "09:05"))))
                .containsExactly(new UnitCut("V1", "97110", 1, 0));
        assertThat(billed("97110", at("97110", "09:05", "09:15", "T1"), pta)).isEqualTo("1/0");
        assertThat(TherapistDay.cutsAt(v1, "A1", Map.of("97110", minutes("09:15", "09:18"))))
                .containsExactly(new UnitCut("V1", "97110", 1, 0));
        assertThat(billed("97110", pt, ComplianceFixture.at("97110", "09:18", "09:23", PTA))).isEqualTo("1/0");
    }

    /**
     * From a review (3): minutes lost without a unit lost can still move a unit across the de minimis line. V1: T1
     * 97110 09:00-09:10 and A1 09:10-09:33, 33 minutes, 2 units, one with CQ (the PT's 10 make the last unit the
     * PT's); T1 shares 09:00-09:04: 29 minutes still make 2 units, but the PT's 6 no longer make one: both carry CQ,
     * a cut of 0 units that says so. The near-miss: T1 shares 09:00-09:02: the PT's 8 still make the last unit.
     */
    @Test
    void minutesLostWithoutAUnitLostCanStillMoveAUnitToCq() {
        ServiceLine pt = at("97110", "09:00", "09:10", "T1");
        ServiceLine pta = ComplianceFixture.at("97110", "09:10", "09:33", PTA);
        VisitDigest v1 = cq("V1", "P1", pt, pta);
        assertThat(billed("97110", pt, pta)).isEqualTo("2/1");
        assertThat(TherapistDay.cutsAt(v1, "T1", Map.of("97110", minutes("09:00", "09:04"))))
                .containsExactly(new UnitCut("V1", "97110", 0, 2));
        assertThat(billed("97110", at("97110", "09:04", "09:10", "T1"), pta)).isEqualTo("2/2");
        assertThat(TherapistDay.cutsAt(v1, "T1", Map.of("97110", minutes("09:00", "09:02")))).isEmpty();
        // The day's finding (the message) still says the units stay.
        VisitDigest v3 = cq("V3", "P3", at("97110", "09:00", "09:04", "T1"));
        TherapistDay.Day day = TherapistDay.day("T1", ComplianceFixture.DOS, List.of(v1, v3));
        assertThat(day.findings()).filteredOn(f -> f.visitId().equals("V1")).singleElement().satisfies(f -> {
            assertThat(f.cuts()).containsExactly(new UnitCut("V1", "97110", 0, 2));
            assertThat(f.finding().message()).endsWith("this visit's minutes still support the units they did.");
        });
    }

    /**
     * From a review (4): minutes a PT and a PTA treat the patient in together are the PT's only while the PT is one-on-one
     * with the patient. V1: T1 97110 09:00-09:30 and A1 09:00-09:38, 38 minutes, 3 units, one with CQ (the PTA's 8
     * alone). A1 one-on-one with another patient 09:20-09:35: the PT's minutes stand, the PTA keeps 3 alone; 33
     * minutes, 2 units, none with CQ (the vote called the minutes the therapist's, as most fell in the PT's, and took a
     * full-rate unit). T1 one-on-one with another patient 09:20-09:30 instead: the PTA treated the patient then, so
     * the code keeps its 38 minutes, but 18 of them are now the PTA's alone: 3 units, two with CQ.
     */
    @Test
    void coTreatedMinutesAreTheTherapistsOnlyWhileTheTherapistStays() {
        ServiceLine pt = at("97110", "09:00", "09:30", "T1");
        ServiceLine pta = ComplianceFixture.at("97110", "09:00", "09:38", PTA);
        VisitDigest v1 = cq("V1", "P1", pt, pta);
        assertThat(billed("97110", pt, pta)).isEqualTo("3/1");
        assertThat(TherapistDay.cutsAt(v1, "A1", Map.of("97110", minutes("09:20", "09:35"))))
                .containsExactly(new UnitCut("V1", "97110", 1, 0));
        assertThat(billed("97110", pt, ComplianceFixture.at("97110", "09:00", "09:20", PTA),
                ComplianceFixture.at("97110", "09:35", "09:38", PTA))).isEqualTo("2/0");
        assertThat(TherapistDay.lostMinutes(v1, Map.of("A1", Map.of("97110", minutes("09:20", "09:35")))))
                .isEqualTo(Map.of("97110", 5));
        assertThat(TherapistDay.cutsAt(v1, "T1", Map.of("97110", minutes("09:20", "09:30"))))
                .containsExactly(new UnitCut("V1", "97110", 0, 2));
        assertThat(billed("97110", at("97110", "09:00", "09:20", "T1"), pta)).isEqualTo("3/2");
        assertThat(TherapistDay.lostMinutes(v1, Map.of("T1", Map.of("97110", minutes("09:20", "09:30")))))
                .as("the PTA still treated the patient").isEmpty();
    }

    /**
     * From a review (5): an aide's minutes are not skilled therapy (RULES.md §2): they count for nobody, as the
     * engine counts them. V1: T1 97110 09:00-09:12, A1 09:12-09:30 and aide H1 beside A1 09:12-09:30: 30 minutes, 2
     * units, one with CQ. A1 shares 09:12-09:20: 22 minutes, 1 unit, the PT's 12 (8 or more): no CQ. The aide's
     * minutes beside A1's made them the "therapist's", and the cut took the full-rate unit. The near-miss: the aide
     * one-on-one with another patient loses V1 nothing.
     */
    @Test
    void anAidesMinutesAreNobodys() {
        ServiceLine pt = at("97110", "09:00", "09:12", "T1");
        ServiceLine pta = ComplianceFixture.at("97110", "09:12", "09:30", PTA);
        ServiceLine aide = ComplianceFixture.at("97110", "09:12", "09:30",
                ComplianceFixture.assistant("H1", org.minutewise.core.model.Role.AIDE));
        VisitDigest v1 = cq("V1", "P1", pt, pta, aide);
        assertThat(billed("97110", pt, pta, aide)).isEqualTo("2/1");
        assertThat(v1.treatments()).extracting(t -> t.providerId() + " " + t.counted())
                .containsExactly("T1 true", "A1 true", "H1 false");
        assertThat(TherapistDay.cutsAt(v1, "A1", Map.of("97110", minutes("09:12", "09:20"))))
                .containsExactly(new UnitCut("V1", "97110", 1, 0));
        assertThat(billed("97110", pt, ComplianceFixture.at("97110", "09:20", "09:30", PTA), aide))
                .isEqualTo("1/0");
        assertThat(TherapistDay.cutsAt(v1, "H1", Map.of("97110", minutes("09:12", "09:30")))).isEmpty();
    }

    /**
     * From a review (6): 97129/97130's CQ/CO go where the claim puts them (ClaimBuilder: 97129's unit first, unless the
     * first 15 minutes in time are the therapist's or the assistant documented only 97130). V1: A1 97129
     * 09:00-09:15 and T1 97130 09:15-09:40: 3 units, 97129's with CQ. A1 one-on-one with another patient 09:00-09:15:
     * the PT's 25 minutes make 2 units, none with CQ: 97130 loses a unit (a full-rate one, the only kind it has) and
     * 97129's unit loses its CQ (0 units off, none with CQ). The cut took 97130's unit "off CQ first" and left 97129's
     * CQ. The near-miss: T1 shares 09:30-09:40: 97130 loses a full-rate unit, 97129 keeps its CQ: no cut of 97129.
     */
    @Test
    void theCognitivePairsCqStaysWhereTheClaimPutsIt() {
        ServiceLine pta = ComplianceFixture.at("97129", "09:00", "09:15", PTA);
        ServiceLine pt = at("97130", "09:15", "09:40", "T1");
        VisitDigest v1 = cq("V1", "P1", pta, pt);
        assertThat(billed("97129", pta, pt)).isEqualTo("1/1");
        assertThat(billed("97130", pta, pt)).isEqualTo("2/0");
        assertThat(TherapistDay.cutsAt(v1, "A1", Map.of("97129", minutes("09:00", "09:15"))))
                .containsExactly(new UnitCut("V1", "97130", 1, 0), new UnitCut("V1", "97129", 0, 0));
        assertThat(TherapistDay.cutsAt(v1, "T1", Map.of("97130", minutes("09:30", "09:40"))))
                .containsExactly(new UnitCut("V1", "97130", 1, 0));
        assertThat(billed("97129", pta, at("97130", "09:15", "09:30", "T1"))).isEqualTo("1/1");
    }

    /**
     * From a review: a code that shared no minutes and loses a unit of the pooled (CMS) count loses the kind the de
     * minimis standard says of its own minutes, which did not change. V1: PTA A1 97110 09:00-09:06, and 97140 by A1
     * 09:07-09:22 and PT T1 09:22-09:29: 28 minutes, 2 units, both 97140's (the PTA's full block with CQ, the other
     * holding only the PT's 7 minutes without); A1 is one-on-one with V2's patient 09:00-09:06, so 22 minutes are
     * left, 1 unit: 97140 loses one though it shared no minutes, and its one unit left is the PTA's full block, with
     * CQ: the full-rate unit comes off (the pool's shared minutes, the PTA's, once flagged it an assistant's).
     */
    @Test
    void aCodeThatSharedNoMinutesKeepsTheCqItsOwnMinutesSupport() {
        ServiceLine a110 = ComplianceFixture.at("97110", "09:00", "09:06", PTA);
        ServiceLine a140 = ComplianceFixture.at("97140", "09:07", "09:22", PTA);
        ServiceLine t140 = at("97140", "09:22", "09:29", "T1");
        VisitDigest v1 = cq("V1", "P1", a110, a140, t140);
        VisitDigest v2 = cq("V2", "P2", ComplianceFixture.at("97110", "09:00", "09:06", PTA));
        assertThat(billed("97140", a110, a140, t140)).isEqualTo("2/1");
        TherapistDay.Day day = TherapistDay.day("A1", ComplianceFixture.DOS, List.of(v1, v2));
        assertThat(TherapistDay.cutsAt(v1, "A1", day.sharedAt().get("V1")))
                .containsExactly(new UnitCut("V1", "97140", 1, 1));
        assertThat(billed("97140", a140, t140)).isEqualTo("1/1");
    }
}

