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

    /**
     * From a review: the shared minutes are the overlapping provider's, so when that provider is an assistant the units
     * they no longer earn are an assistant's (CQ/CO, RULES.md §4), and the cut says so. V1: PT T1 97110 09:00-09:15 and
     * PTA A1 97110 09:15-09:38, 38 minutes, 3 units (one without CQ, two with); A1 is one-on-one with V2's patient
     * 09:20-09:35: 15 minutes shared, 23 left make 2, one unit off 97110, an assistant's. V2's 15 minutes, all shared,
     * lose its one unit, an assistant's too. The near-miss: T1 (a PT) sharing 10 minutes with V3's patient instead
     * takes a therapist's unit (off the full-rate lines first, as before).
     */
    @Test
    void anAssistantsSharedMinutesCutAnAssistantsUnit() {
        org.minutewise.core.model.Provider pta = ComplianceFixture.assistant("A1",
                org.minutewise.core.model.Role.PTA, "T1");
        VisitDigest v1 = digest("V1", "P1", CMS_PAYER, at("97110", "09:00", "09:15", "T1"),
                ComplianceFixture.at("97110", "09:15", "09:38", pta));
        VisitDigest v2 = digest("V2", "P2", CMS_PAYER, ComplianceFixture.at("97110", "09:20", "09:35", pta));
        assertThat(v1.treatments()).extracting(t -> t.providerId() + " " + t.assistant())
                .containsExactly("T1 false", "A1 true");
        TherapistDay.Day day = TherapistDay.day("A1", ComplianceFixture.DOS, List.of(v1, v2));
        assertThat(cuts(day.findings())).containsExactlyInAnyOrder(new UnitCut("V1", "97110", 1, true),
                new UnitCut("V2", "97110", 1, true));
        assertThat(day.findings()).filteredOn(f -> f.visitId().equals("V1")).singleElement().satisfies(f ->
                assertThat(f.finding().message()).endsWith("with its 15 shared minutes taken out, supported units of "
                        + "97110 on this visit lowered from 3 to 2."));
        // The audit's patient partition: the same cuts from the minutes of the day and the visit's treatments.
        assertThat(TherapistDay.cutsAt(v1, day.sharedAt().get("V1")))
                .containsExactly(new UnitCut("V1", "97110", 1, true));
        // Without knowing whose the minutes were, full-rate lines first (as before).
        assertThat(TherapistDay.cuts(v1, Map.of("97110", 15))).containsExactly(new UnitCut("V1", "97110", 1, false));

        VisitDigest v3 = digest("V3", "P3", CMS_PAYER, at("97110", "09:00", "09:10", "T1"));
        TherapistDay.Day therapist = TherapistDay.day("T1", ComplianceFixture.DOS, List.of(v1, v3));
        assertThat(therapist.shared().get("V1")).isEqualTo(Map.of("97110", 10));
        assertThat(cuts(therapist.findings())).contains(new UnitCut("V1", "97110", 1, false));
        assertThat(therapist.findings()).filteredOn(f -> f.visitId().equals("V1")).singleElement().satisfies(f ->
                assertThat(f.finding().message()).endsWith("lowered from 3 to 2.").doesNotContain("assistant"));
        assertThat(TherapistDay.cutsAt(v1, therapist.sharedAt().get("V1")))
                .containsExactly(new UnitCut("V1", "97110", 1, false));
    }

    /**
     * Minutes both the therapist and the assistant treated the patient in are the therapist's (RULES.md §4): shared
     * minutes that fall in them do not make the cut an assistant's; most of a code's shared minutes decide.
     */
    @Test
    void sharedMinutesTheTherapistTreatedTooAreTheTherapists() {
        org.minutewise.core.model.Provider pta = ComplianceFixture.assistant("A1",
                org.minutewise.core.model.Role.PTA, "T1");
        VisitDigest v1 = digest("V1", "P1", CMS_PAYER, at("97110", "09:00", "09:30", "T1"),
                ComplianceFixture.at("97110", "09:00", "09:38", pta));
        java.util.BitSet shared = new java.util.BitSet();
        shared.set(9 * 60 + 20, 9 * 60 + 35); // 09:20-09:35: 10 minutes with T1 there too, 5 the PTA's alone
        assertThat(TherapistDay.assistantMinutes(v1, Map.of("97110", shared))).isEqualTo(Map.of("97110", 5));
        // 38 minutes, 3 units; 23 left make 2: the unit is the therapist's (10 of the 15 minutes).
        assertThat(TherapistDay.cutsAt(v1, Map.of("97110", shared)))
                .containsExactly(new UnitCut("V1", "97110", 1, false));
        shared.set(9 * 60 + 30, 9 * 60 + 38); // 09:20-09:38: 18 minutes, 8 of them the PTA's alone: still not most
        assertThat(TherapistDay.assistantMinutes(v1, Map.of("97110", shared))).isEqualTo(Map.of("97110", 8));
        assertThat(TherapistDay.cutsAt(v1, Map.of("97110", shared))).extracting(UnitCut::assistant)
                .containsOnly(false);
    }

    /**
     * From a review: a code that shared no minutes and loses a unit of the pooled (CMS) count loses a full-rate one
     * first, whoever's the pool's shared minutes were. V1: PTA A1 97110 09:00-09:06, and 97140 by A1 09:07-09:22
     * and PT T1 09:22-09:29: 28 minutes, 2 units, both 97140's (its 7 left over beat 97110's 6); A1 is one-on-one
     * with V2's patient 09:00-09:06, so 22 minutes are left, 1 unit: 97140 loses one though only 97110's minutes
     * were shared, and it is not flagged an assistant's (it was, from the pool's minutes).
     */
    @Test
    void aCodeThatSharedNoMinutesLosesAFullRateUnitFirst() {
        org.minutewise.core.model.Provider pta = ComplianceFixture.assistant("A1",
                org.minutewise.core.model.Role.PTA, "T1");
        VisitDigest v1 = digest("V1", "P1", CMS_PAYER, ComplianceFixture.at("97110", "09:00", "09:06", pta),
                ComplianceFixture.at("97140", "09:07", "09:22", pta), at("97140", "09:22", "09:29", "T1"));
        VisitDigest v2 = digest("V2", "P2", CMS_PAYER, ComplianceFixture.at("97110", "09:00", "09:06", pta));
        TherapistDay.Day day = TherapistDay.day("A1", ComplianceFixture.DOS, List.of(v1, v2));
        assertThat(TherapistDay.cutsAt(v1, day.sharedAt().get("V1")))
                .containsExactly(new UnitCut("V1", "97140", 1, false));
    }
}

