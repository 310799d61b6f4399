package org.minutewise.core.across;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.ComplianceFixture;
import org.minutewise.core.check.VisitChecker;
import org.minutewise.core.model.BilledLine;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.Patient;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.model.Visit;
import org.minutewise.core.model.YearToDate;
import org.minutewise.core.units.UnitMethod;

/**
 * MW-A012 and MW-A013: a patient's visits of one day under a payer of the CMS method turn their timed minutes into
 * units together. The digests come from real checks, so the digest's day minutes are tested with the rule.
 */
class DayUnitsTest {
    private static final org.minutewise.core.payer.PayerProfile CPT_PAYER =
            ComplianceFixture.Payer.commercial("acme", UnitMethod.CPT).build();
    private static final org.minutewise.core.payer.PayerProfile CMS_PAYER =
            ComplianceFixture.Payer.commercial("acme-cms", UnitMethod.CMS).build();
    private static final VisitChecker CHECKER = ComplianceFixture.checker(CPT_PAYER, CMS_PAYER);
    private static final Patient PATIENT = new Patient(Optional.of("P1"), Optional.empty(), YearToDate.NONE,
            YearToDate.NONE);

    private static VisitDigest digest(Visit v) {
        return VisitDigest.of(CHECKER.check(v), ComplianceFixture.ref().codes());
    }

    private static Visit.Builder visit(String id, ServiceLine... lines) {
        Visit.Builder b = Visit.builder(id, ComplianceFixture.DOS).patient(PATIENT).diagnosis("R26.81");
        for (ServiceLine l : lines) {
            b.service(l);
        }
        return b;
    }

    private static ServiceLine pt(String code, int minutes) {
        return ComplianceFixture.minutes(code, minutes, ComplianceFixture.pt("PT-1"));
    }

    private static ServiceLine ot(String code, int minutes) {
        return ComplianceFixture.minutes(code, minutes, ComplianceFixture.ot("OT-1"));
    }

    private static List<AcrossFinding> check(VisitDigest... visits) {
        return PatientHistory.check(List.of(visits), Map.of(), ComplianceFixture.ref());
    }

    private static List<AcrossFinding> of(List<AcrossFinding> out, String rule) {
        List<AcrossFinding> v = new ArrayList<>();
        for (AcrossFinding f : out) {
            if (f.finding().ruleId().equals(rule)) {
                v.add(f);
            }
        }
        return v;
    }

    @Test
    void twoSessionsOfTenMinutesMakeOneUnitNotTwoA012() {
        VisitDigest morning = digest(visit("V1", pt("97110", 10)).build());
        VisitDigest afternoon = digest(visit("V2", pt("97112", 10)).build());
        assertThat(morning.dayMinutes()).containsExactly(new VisitDigest.DayMinutes("PT", 10, 1, 1, true,
                List.of(new VisitDigest.DayMinutes.Code("97110", 10, 1))));
        List<AcrossFinding> out = check(morning, afternoon);
        assertThat(of(out, "MW-A012")).singleElement().satisfies(f -> {
            assertThat(f.visitId()).isEqualTo("V2");
            assertThat(f.finding().blocks()).isTrue();
            assertThat(f.finding().path()).isEqualTo("claimLines");
            assertThat(f.finding().message()).isEqualTo("The patient's 2 visits of 2026-03-02 (V1, V2) have 20 "
                    + "timed PT minutes together (10 + 10), which make 1 unit by the 8-minute rule; the visits bill "
                    + "2 timed units (1 + 1), each counting its own minutes. A day's timed minutes become units "
                    + "together, not each session's: bill 1 across the day's claims (1 fewer); the corrected claim "
                    + "lines take 1 unit off 97112 of visit V2. Counted over the day, 97110 and 97112 have 10 minutes "
                    + "each: which of them keeps the day's last unit is the qualified professional's choice (RULES.md "
                    + "§3.1), and the cut may as well come off the other.");
            // The day's last visit gives the unit back: claims.csv and the totals take it off (UnitCut).
            assertThat(f.cuts()).containsExactly(new UnitCut("V2", "97112", 1));
        });
        assertThat(of(out, "MW-A013")).isEmpty();
        List<VisitDigest> reversed = new ArrayList<>(List.of(morning, afternoon));
        Collections.reverse(reversed);
        assertThat(PatientHistory.check(reversed, Map.of(), ComplianceFixture.ref())).isEqualTo(out);
    }

    /**
     * The same timed code on two visits of the day at times apart: two sessions billed on two lines. MW-A006 says to
     * bill it once with the minutes together, but the second line is not void: the day's 50 minutes make 3 units,
     * so one of the 4 billed comes off (MW-A012), where voiding the afternoon took 2 (its 25 minutes with it).
     */
    @Test
    void twoSessionsOfOneCodeAtTimesApartAreCountedTogetherNotVoided() {
        VisitDigest morning = digest(visit("V1", ComplianceFixture.at("97110", "09:00", "09:25",
                ComplianceFixture.pt("PT-1"))).build());
        VisitDigest afternoon = digest(visit("V2", ComplianceFixture.at("97110", "14:00", "14:25",
                ComplianceFixture.pt("PT-1"))).build());
        List<AcrossFinding> out = check(morning, afternoon);
        assertThat(of(out, "MW-A006")).singleElement().satisfies(f -> {
            assertThat(f.visitId()).isEqualTo("V2");
            assertThat(f.lines()).as("not void").isEmpty();
            assertThat(f.exposedLines()).isZero();
            assertThat(f.finding().message()).contains("Their times are apart (09:00-09:25 and 14:00-14:25): two "
                    + "sessions of the day; bill 97110 once with the day's minutes together (25 + 25 = 50 minutes)");
        });
        assertThat(of(out, "MW-A012")).singleElement().satisfies(f -> {
            assertThat(f.finding().message()).contains("50 timed PT minutes together (25 + 25), which make 3 units");
            assertThat(f.cuts()).containsExactly(new UnitCut("V2", "97110", 1));
        });
        // The same times on both: the same session sent twice, void (MW-A006 exposes its line), no day's count.
        VisitDigest again = digest(visit("V2", ComplianceFixture.at("97110", "09:00", "09:25",
                ComplianceFixture.pt("PT-1"))).build());
        List<AcrossFinding> twice = check(morning, again);
        assertThat(of(twice, "MW-A006")).singleElement().satisfies(f -> assertThat(f.exposedLines()).isEqualTo(2));
        assertThat(of(twice, "MW-A012")).isEmpty();
        // A third visit sends the afternoon again (its times meet the afternoon's, not the morning's): void, and the
        // afternoon stays another session.
        VisitDigest afternoonAgain = digest(visit("V3", ComplianceFixture.at("97110", "14:00", "14:25",
                ComplianceFixture.pt("PT-1"))).build());
        List<AcrossFinding> three = check(morning, afternoon, afternoonAgain);
        assertThat(of(three, "MW-A006")).extracting(AcrossFinding::visitId).containsExactly("V2", "V3");
        assertThat(of(three, "MW-A006")).filteredOn(f -> f.visitId().equals("V3")).singleElement().satisfies(f -> {
            assertThat(f.exposedLines()).isEqualTo(2);
            assertThat(f.finding().message()).contains("on visit V2").contains("Their times overlap");
        });
        assertThat(of(three, "MW-A006")).filteredOn(f -> f.visitId().equals("V2")).singleElement()
                .satisfies(f -> assertThat(f.lines()).isEmpty());
        // A payer of the CPT method: another session too (its per-code count, cptSessionsOfACode...).
        VisitDigest cptMorning = digest(visit("V1", ComplianceFixture.at("97110", "09:00", "09:25",
                ComplianceFixture.pt("PT-1"))).payer("acme").build());
        VisitDigest cptAfternoon = digest(visit("V2", ComplianceFixture.at("97110", "14:00", "14:25",
                ComplianceFixture.pt("PT-1"))).payer("acme").build());
        assertThat(of(check(cptMorning, cptAfternoon), "MW-A006")).singleElement()
                .satisfies(f -> assertThat(f.exposedLines()).isZero());
        // The same minutes and units without times, and no note to tell them apart: the same session sent again,
        // void.
        List<AcrossFinding> untimed = check(digest(visit("V1", pt("97110", 25)).build()),
                digest(visit("V2", pt("97110", 25)).build()));
        assertThat(of(untimed, "MW-A006")).singleElement().satisfies(f -> assertThat(f.exposedLines()).isEqualTo(2));
        assertThat(of(untimed, "MW-A012")).isEmpty();
    }

    private static final String NOTE = "Therapeutic exercise 20 min: heel raises with tactile cues for alignment, "
            + "to improve strength for stairs. Response: tolerated well. Plan: continue.";

    private static Visit.Builder billed(Visit.Builder b, String code, int units) {
        return b.billed(List.of(new BilledLine(code, List.of("GP"), units, Optional.empty())));
    }

    /**
     * Medicare does not require start and end times (RULES.md §2): two visits of one day billing 97110 without them
     * are two sessions (20 minutes in the morning and 25 in the afternoon are 45 minutes, 3 units, §3.1) when their
     * minutes, units or notes differ; only a copy repeating them all is the claim sent again (an auditor's review:
     * the afternoon was voided, its 2 units as duplicates).
     */
    @Test
    void sessionsWithoutTimesAreToldApartByWhatTheyDocument() {
        VisitDigest morning = digest(billed(visit("V1", pt("97110", 20)), "97110", 1).note(NOTE + " Morning.")
                .build());
        VisitDigest afternoon = digest(billed(visit("V2", pt("97110", 25)), "97110", 2).note(NOTE + " Afternoon.")
                .build());
        List<AcrossFinding> out = check(morning, afternoon);
        assertThat(of(out, "MW-A006")).singleElement().satisfies(f -> {
            assertThat(f.visitId()).isEqualTo("V2");
            assertThat(f.lines()).as("not void").isEmpty();
            assertThat(f.exposedLines()).isZero();
            assertThat(f.finding().message()).contains("No start and end times, but the visits document 97110 "
                    + "differently (20 and 25 minutes; 1 and 2 units billed; notes of their own): two sessions of the "
                    + "day, not one billed twice; bill 97110 once with the day's minutes together (20 + 25 = 45 "
                    + "minutes)");
        });
        assertThat(of(out, "MW-A012")).as("45 minutes make the 3 units billed").isEmpty();
        assertThat(PatientHistory.duplicateClaims(List.of(morning, afternoon))).allSatisfy(f -> assertThat(f.lines())
                .isEmpty());
        // Each difference alone tells them apart: the minutes, the units, or the notes.
        VisitDigest sameMinutes = digest(billed(visit("V2", pt("97110", 20)), "97110", 1).note(NOTE + " Afternoon.")
                .build());
        assertThat(of(check(morning, sameMinutes), "MW-A006")).singleElement()
                .satisfies(f -> assertThat(f.finding().message()).contains("(notes of their own)"));
        assertThat(of(check(morning, sameMinutes), "MW-A013")).as("counted together, not void").singleElement()
                .satisfies(f -> assertThat(f.finding().message()).contains("40 timed PT minutes together (20 + 20), "
                        + "which make 3 units").contains("own minutes earn 2 (1 + 1)"));
        // Near misses: a copy with the same minutes, units and note (numbers aside) is the claim sent again, void.
        VisitDigest copy = digest(billed(visit("V2", pt("97110", 20)), "97110", 1).note(NOTE.replace("20 min",
                "21 min") + " Morning.").build());
        assertThat(of(check(morning, copy), "MW-A006")).singleElement().satisfies(f -> {
            assertThat(f.exposedLines()).isEqualTo(1);
            assertThat(f.finding().message()).contains("Without start and end times, both document 20 minutes and "
                    + "bill 1 unit of 97110, and their notes do not differ: one session billed twice; void the "
                    + "duplicate.");
        });
        // ... and so is one without a note beside the same minutes and units (nothing tells them apart).
        VisitDigest noNote = digest(billed(visit("V2", pt("97110", 20)), "97110", 1).build());
        assertThat(of(check(morning, noNote), "MW-A006")).singleElement()
                .satisfies(f -> assertThat(f.exposedLines()).isEqualTo(1));
    }

    /**
     * A payer of the CPT method counts each code on its own, but a code's periods of the day add up before rounding
     * (RULES.md §3.2 with §2): 97110 10 minutes in the morning and 30 in the afternoon are 40 minutes, 3 units, as
     * billed (1 + 2; the afternoon's 2 were void, an auditor's review); 10 + 10 billed 1 + 1 are 1 unit.
     */
    @Test
    void cptSessionsOfACodeCountTheirMinutesTogetherA012() {
        VisitDigest morning = digest(billed(visit("V1", ComplianceFixture.at("97110", "09:00", "09:10",
                ComplianceFixture.pt("PT-1"))).payer("acme"), "97110", 1).build());
        VisitDigest afternoon = digest(billed(visit("V2", ComplianceFixture.at("97110", "15:00", "15:30",
                ComplianceFixture.pt("PT-1"))).payer("acme"), "97110", 2).build());
        List<AcrossFinding> out = check(morning, afternoon);
        assertThat(of(out, "MW-A006")).singleElement().satisfies(f -> {
            assertThat(f.lines()).as("not void").isEmpty();
            assertThat(f.finding().message()).contains("bill 97110 once with the day's minutes together (10 + 30 = "
                    + "40 minutes)");
        });
        assertThat(of(out, "MW-A012")).as("40 minutes make the 3 units billed").isEmpty();
        assertThat(of(out, "MW-A013")).isEmpty();
        VisitDigest short2 = digest(billed(visit("V2", ComplianceFixture.at("97110", "15:00", "15:10",
                ComplianceFixture.pt("PT-1"))).payer("acme"), "97110", 1).build());
        assertThat(of(check(morning, short2), "MW-A012")).singleElement().satisfies(f -> {
            assertThat(f.visitId()).isEqualTo("V2");
            assertThat(f.finding().message()).isEqualTo("The patient's 2 visits of 2026-03-02 (V1, V2) have 20 "
                    + "minutes of 97110 together (10 + 10), which make 1 unit by the CPT time rule (the payer's "
                    + "per-code method: a code's periods of the day add up before they become its units); the visits "
                    + "bill 2 units of 97110 (1 + 1), each counting its own minutes. A day's minutes of a code become "
                    + "its units together, not each session's: bill 1 across the day's claims (1 fewer); the "
                    + "corrected claim lines take 1 unit off 97110 of visit V2.");
            assertThat(f.cuts()).containsExactly(new UnitCut("V2", "97110", 1));
        });
        // 7 + 7 minutes: each earns nothing alone, together a unit (information).
        VisitDigest seven1 = digest(visit("V1", ComplianceFixture.at("97110", "09:00", "09:07",
                ComplianceFixture.pt("PT-1"))).payer("acme").build());
        VisitDigest seven2 = digest(visit("V2", ComplianceFixture.at("97110", "15:00", "15:07",
                ComplianceFixture.pt("PT-1"))).payer("acme").build());
        assertThat(of(check(seven1, seven2), "MW-A013")).singleElement().satisfies(f -> assertThat(
                f.finding().message()).contains("14 minutes of 97110 together (7 + 7), which make 1 unit")
                .contains("1 more unit is supported"));
        // Near misses: two codes are each on their own under the CPT method (10 + 10 of two codes bill 1 + 1), and
        // a copy of the morning (the same times) is void, not a session.
        VisitDigest otherCode = digest(billed(visit("V2", ComplianceFixture.at("97112", "15:00", "15:10",
                ComplianceFixture.pt("PT-1"))).payer("acme"), "97112", 1).build());
        assertThat(of(check(morning, otherCode), "MW-A012")).isEmpty();
        VisitDigest again = digest(billed(visit("V2", ComplianceFixture.at("97110", "09:00", "09:10",
                ComplianceFixture.pt("PT-1"))).payer("acme"), "97110", 1).build());
        assertThat(of(check(morning, again), "MW-A006")).singleElement()
                .satisfies(f -> assertThat(f.exposedLines()).isEqualTo(1));
        assertThat(of(check(morning, again), "MW-A012")).isEmpty();
        // Another payer's visit of the code that day is another claim.
        VisitDigest cms = digest(billed(visit("V2", ComplianceFixture.at("97110", "15:00", "15:10",
                ComplianceFixture.pt("PT-1"))).payer("acme-cms"), "97110", 1).build());
        assertThat(of(check(morning, cms), "MW-A012")).isEmpty();
    }

    @Test
    void nearMissesOfA012() {
        VisitDigest morning = digest(visit("V1", pt("97110", 10)).build());
        assertThat(of(check(morning, digest(visit("V2", pt("97112", 20)).build())), "MW-A012"))
                .as("10 + 20 = 30 minutes make 2 units, as billed").isEmpty();
        assertThat(of(check(morning, digest(visit("V2", pt("97112", 10)).payer("acme-cms").build())), "MW-A012"))
                .as("another payer (of the CMS method too): another claim").isEmpty();
        assertThat(of(check(digest(visit("V1", pt("97110", 10)).payer("acme-cms").build()),
                digest(visit("V2", pt("97112", 10)).payer("acme-cms").build())), "MW-A012"))
                .as("that payer's own two visits").hasSize(1);
        assertThat(of(check(digest(visit("V1", pt("97110", 10)).payer("acme").build()),
                digest(visit("V2", pt("97112", 10)).payer("acme").build())), "MW-A012"))
                .as("a payer of the CPT method counts each code on its own").isEmpty();
        VisitDigest otAfternoon = digest(visit("V2", ot("97530", 10)).planOfCare(Discipline.OT).build());
        assertThat(otAfternoon.dayMinutes()).containsExactly(new VisitDigest.DayMinutes("OT", 10, 1, 1, true,
                List.of(new VisitDigest.DayMinutes.Code("97530", 10, 1))));
        assertThat(of(check(morning, otAfternoon), "MW-A012")).as("a PT's and an OT's minutes are counted apart")
                .isEmpty();
        VisitDigest tomorrow = digest(Visit.builder("V2", ComplianceFixture.DOS.plusDays(1)).patient(PATIENT)
                .diagnosis("R26.81").service(pt("97112", 10)).build());
        assertThat(of(check(morning, tomorrow), "MW-A012")).as("another day").isEmpty();
    }

    /**
     * The units over the day's come off the last visit first, from its code with the fewest minutes, and no more
     * from a visit than it counts: 8 minutes (1 unit) and 15 + 8 minutes (2 units) are 31 minutes, 2 units: 1 off
     * 97112 (8 minutes) of the afternoon visit, not off its 97140 (15).
     */
    @Test
    void theUnitsOverComeOffTheLastVisitsCodeWithTheFewestMinutes() {
        VisitDigest morning = digest(visit("V1", pt("97110", 8)).build());
        VisitDigest afternoon = digest(visit("V2", pt("97140", 15), pt("97112", 8)).build());
        assertThat(of(check(morning, afternoon), "MW-A012")).singleElement().satisfies(f -> {
            assertThat(f.cuts()).containsExactly(new UnitCut("V2", "97112", 1));
            // 97140's 15 minutes hold a unit of their own; the other unit goes to 97110 or 97112, 8 minutes each.
            assertThat(f.finding().message()).contains("Counted over the day, 97110 and 97112 have 8 minutes each");
        });
        // Near misses: 9 minutes of 97110 in the morning hold the unit more than 97112's 8: no choice to say; nor
        // when a code's minutes over the day are more than one visit shows (a code review: 97110 9 + 4 minutes on two
        // visits against 97140's 9 is no tie).
        assertThat(of(check(digest(visit("V1", pt("97110", 9)).build()), digest(visit("V2", pt("97140", 9)).build()),
                digest(visit("V3", pt("97110", 4)).build())), "MW-A012")).singleElement()
                .satisfies(f -> assertThat(f.finding().message()).doesNotContain("professional's choice"));
        assertThat(of(check(digest(visit("V1", pt("97110", 9)).build()), afternoon), "MW-A012")).singleElement()
                .satisfies(f -> assertThat(f.finding().message()).doesNotContain("professional's choice"));
        // 97110 10, 97112 10 and 97140 12 minutes on three visits are 32 minutes, 2 units: by the CMS method over the
        // day 97140 has one (12 left over) and 97110 or 97112 the other (10 each: 97110 by default), so the unit comes
        // off 97112 of the second visit, not off 97140 of the last (a code review: the cut ignored the day's method).
        assertThat(of(check(digest(visit("V1", pt("97110", 10)).build()), digest(visit("V2", pt("97112", 10)).build()),
                digest(visit("V3", pt("97140", 12)).build())), "MW-A012")).singleElement().satisfies(f -> {
                    assertThat(f.cuts()).containsExactly(new UnitCut("V2", "97112", 1));
                    assertThat(f.finding().message()).contains("Counted over the day, 97110 and 97112 have 10 minutes "
                            + "each");
                });
        // 8 minutes on each of four visits (4 billed) are 32 minutes, 2 units: 2 off, one from each of the last two.
        List<AcrossFinding> four = check(digest(visit("V1", pt("97110", 8)).build()),
                digest(visit("V2", pt("97112", 8)).build()), digest(visit("V3", pt("97530", 8)).build()),
                digest(visit("V4", pt("97140", 8)).build()));
        assertThat(of(four, "MW-A012")).singleElement().satisfies(f -> assertThat(f.cuts())
                .containsExactly(new UnitCut("V4", "97140", 1), new UnitCut("V3", "97530", 1)));
    }

    /** 97129's units are the pair's: the day's cut comes off 97130 first, never leaving 97130 without 97129. */
    @Test
    void aCutOnTheCognitivePairComesOff97130First() {
        // 97530 12 minutes and the pair's 40 are 52 minutes, 3 units: the pair 2 by its full 30 minutes and 97530 the
        // third (12 left over against 10), so the pair's third unit comes off, from 97130.
        VisitDigest morning = digest(visit("C1", ot("97530", 12)).planOfCare(Discipline.OT).build());
        VisitDigest afternoon = digest(visit("C2", ot("97129", 40)).planOfCare(Discipline.OT).build());
        assertThat(of(check(morning, afternoon), "MW-A012")).singleElement()
                .satisfies(f -> assertThat(f.cuts()).containsExactly(new UnitCut("C2", "97130", 1)));
        // Minutes documented under both codes are one service too: still off 97130 (a code review). 97530 10 and the
        // pair's 8 + 15 are 33 minutes, 2 units: the pair 1 (15 full), 97530 the other (10 left over against 8).
        VisitDigest ten = digest(visit("C1", ot("97530", 10)).planOfCare(Discipline.OT).build());
        VisitDigest both = digest(visit("C3", ot("97129", 8), ot("97130", 15)).planOfCare(Discipline.OT).build());
        assertThat(of(check(ten, both), "MW-A012")).singleElement()
                .satisfies(f -> assertThat(f.cuts()).containsExactly(new UnitCut("C3", "97130", 1)));
        // The CMS method over the day decides: with 40 minutes of the pair (10 left over, more minutes) against 97530's
        // 10, the pair keeps its units and 97530 gives the unit up.
        assertThat(of(check(ten, afternoon), "MW-A012")).singleElement()
                .satisfies(f -> assertThat(f.cuts()).containsExactly(new UnitCut("C1", "97530", 1)));
    }

    /**
     * Two billed lines of one code, one with KX: the visit's own MW-B012 (which reads the code's lines together) says
     * nothing, so the line without KX is the checks across visits' to judge, not taken as already reported.
     */
    @Test
    void aCodeBilledWithAndWithoutKxIsNotJudgedByTheVisit() {
        Patient past = new Patient(Optional.of("P1"), Optional.empty(),
                new YearToDate(new java.math.BigDecimal("3000.00"), java.math.BigDecimal.ZERO), YearToDate.NONE);
        Visit both = visit("K1", pt("97110", 30)).patient(past)
                .billed(List.of(new BilledLine("97110", List.of("GP", "KX"), 1, Optional.empty()),
                        new BilledLine("97110", List.of("GP"), 1, Optional.empty()))).build();
        assertThat(digest(both).lines()).extracting(VisitDigest.Line::ownKx)
                .containsOnly(VisitDigest.OwnKx.UNJUDGED);
        Visit none = visit("K2", pt("97110", 30)).patient(past)
                .billed(List.of(new BilledLine("97110", List.of("GP"), 2, Optional.empty()))).build();
        assertThat(digest(none).lines()).extracting(VisitDigest.Line::ownKx).containsOnly(VisitDigest.OwnKx.NEEDED);
    }

    @Test
    void aDuplicateClaimIsA006sBusiness() {
        VisitDigest morning = digest(visit("V1", pt("97110", 10)).build());
        VisitDigest again = digest(visit("V2", pt("97110", 10)).build());
        List<AcrossFinding> out = check(morning, again);
        assertThat(of(out, "MW-A006")).hasSize(1);
        assertThat(of(out, "MW-A012")).isEmpty();
    }

    @Test
    void aVisitsOwnOverBillingIsNotCountedTwice() {
        // V1 bills 2 units for 10 minutes (its own MW-U001); the day counts its 1 earned unit: 1 + 1 = 2 against the
        // 2 units of 25 minutes: nothing across the day.
        VisitDigest over = digest(visit("V1", pt("97110", 10))
                .billed(List.of(new BilledLine("97110", List.of("GP"), 2, Optional.empty()))).build());
        assertThat(over.dayMinutes()).containsExactly(new VisitDigest.DayMinutes("PT", 10, 1, 2, true,
                List.of(new VisitDigest.DayMinutes.Code("97110", 10, 1))));
        assertThat(of(check(over, digest(visit("V2", pt("97112", 15)).build())), "MW-A012")).isEmpty();
        assertThat(of(check(over, digest(visit("V2", pt("97112", 10)).build())), "MW-A012")).singleElement()
                .satisfies(f -> assertThat(f.finding().message()).contains("bill 2 timed units (1 + 1)"));
    }

    @Test
    void minutesUnderEightOnEachVisitTogetherSupportAUnitA013() {
        VisitDigest morning = digest(visit("V1", pt("97110", 7)).build());
        VisitDigest afternoon = digest(visit("V2", pt("97112", 7)).build());
        assertThat(morning.dayMinutes()).containsExactly(new VisitDigest.DayMinutes("PT", 7, 0, 0));
        assertThat(of(check(morning, afternoon), "MW-A013")).allSatisfy(f -> assertThat(f.cuts()).isEmpty());
        List<AcrossFinding> out = check(morning, afternoon);
        assertThat(of(out, "MW-A013")).singleElement().satisfies(f -> {
            assertThat(f.visitId()).isEqualTo("V2");
            assertThat(f.finding().severity().name()).isEqualTo("INFO");
            assertThat(f.finding().message()).isEqualTo("The patient's 2 visits of 2026-03-02 (V1, V2) have 14 "
                    + "timed PT minutes together (7 + 7), which make 1 unit by the 8-minute rule; the visits' own "
                    + "minutes earn 0 (0 + 0), each counted alone: 1 more timed unit is supported by the day's "
                    + "minutes together.");
        });
        assertThat(of(out, "MW-A012")).isEmpty();
        assertThat(of(check(morning, digest(visit("V2", pt("97112", 8)).build())), "MW-A013"))
                .as("7 + 8 = 15 minutes make the 1 unit billed").isEmpty();
    }

    private static ServiceLine at(String code, String start, String end, String provider) {
        return ComplianceFixture.at(code, start, end, provider.startsWith("OT") ? ComplianceFixture.ot(provider)
                : ComplianceFixture.pt(provider));
    }

    @Test
    void aWholeDuplicateIsLeftOutOfTheDaysCountNotTheDay() {
        VisitDigest morning = digest(visit("V1", at("97110", "09:00", "09:10", "PT-1")).build());
        VisitDigest copy = digest(visit("V1-D", at("97110", "09:00", "09:10", "PT-1")).build());
        VisitDigest afternoon = digest(visit("V2", at("97112", "15:00", "15:10", "PT-1")).build());
        List<AcrossFinding> out = check(morning, copy, afternoon);
        assertThat(of(out, "MW-A006")).singleElement().satisfies(f -> assertThat(f.visitId()).isEqualTo("V1-D"));
        assertThat(of(out, "MW-A012")).singleElement().satisfies(f -> assertThat(f.finding().message())
                .contains("2 visits of 2026-03-02 (V1, V2) have 20 timed PT minutes"));
        assertThat(of(out, "MW-A014")).as("the same code again is MW-A006's").isEmpty();
    }

    @Test
    void unitsAVisitBillsBeyondItsOwnMinutesAreNamedInTheMessage() {
        VisitDigest over = digest(visit("V1", pt("97110", 10))
                .billed(List.of(new BilledLine("97110", List.of("GP"), 2, Optional.empty()))).build());
        assertThat(of(check(over, digest(visit("V2", pt("97112", 10)).build())), "MW-A012")).singleElement()
                .satisfies(f -> assertThat(f.finding().message()).contains("bill 2 timed units (1 + 1), each "
                        + "counting its own minutes (and 1 more unit beyond what a visit's own minutes earn, which "
                        + "that visit's MW-B002 reports)."));
    }

    @Test
    void theSameMinutesOnTwoVisitsA014() {
        VisitDigest a = digest(visit("V1", at("97110", "09:00", "09:30", "PT-2")).build());
        VisitDigest b = digest(visit("V2", at("97112", "09:00", "09:30", "PT-2")).build());
        List<AcrossFinding> out = check(a, b);
        assertThat(of(out, "MW-A014")).singleElement().satisfies(f -> {
            assertThat(f.visitId()).isEqualTo("V2");
            assertThat(f.finding().blocks()).isTrue();
            assertThat(f.finding().message()).isEqualTo("On 2026-03-02 the patient's visits V1 and V2 bill the same "
                    + "minutes: 30 minutes between 09:00 and 09:30 (97110 (PT-2) on V1 and 97112 (PT-2) on V2). The "
                    + "patient can be treated for a minute once: the minutes are billed twice.");
        });
        assertThat(of(out, "MW-A012")).as("60 minutes that are 30: MW-A014's business").isEmpty();
        VisitDigest ot = digest(visit("V3", at("97530", "09:15", "09:45", "OT-1")).planOfCare(Discipline.OT)
                .build());
        assertThat(of(check(a, ot), "MW-A014")).as("a PT and an OT at once: one bills the time")
                .singleElement().satisfies(f -> assertThat(f.finding().message()).contains("15 minutes between "
                        + "09:15 and 09:30"));
        VisitDigest otSameCode = digest(visit("V4", at("97110", "09:15", "09:45", "OT-1")).planOfCare(Discipline.OT)
                .build());
        assertThat(of(check(a, otSameCode), "MW-A014")).as("the same code under two disciplines is no duplicate")
                .hasSize(1);
        assertThat(of(check(a, digest(visit("V2", at("97112", "09:30", "10:00", "PT-2")).build())), "MW-A014"))
                .as("periods that touch").isEmpty();
        VisitDigest tomorrow = digest(Visit.builder("V2", ComplianceFixture.DOS.plusDays(1)).patient(PATIENT)
                .diagnosis("R26.81").service(at("97112", "09:00", "09:30", "PT-2")).build());
        assertThat(of(check(a, tomorrow), "MW-A014")).as("another day").isEmpty();
    }

    @Test
    void aSecondEvaluationOfTheDayOnAnotherVisitA015() {
        VisitDigest eval = digest(visit("V1", at("97161", "09:00", "09:30", "PT-1")).build());
        VisitDigest reeval = digest(visit("V2", at("97164", "15:00", "15:30", "PT-1")).build());
        assertThat(of(check(eval, reeval), "MW-A015")).singleElement().satisfies(f -> {
            assertThat(f.visitId()).isEqualTo("V2");
            assertThat(f.finding().path()).isEqualTo("claimLines[0]");
            assertThat(f.finding().message()).isEqualTo("97164 is a second PT evaluation or re-evaluation for the "
                    + "patient on 2026-03-02: visit V1 (97161) bills one that day. One PT evaluation or "
                    + "re-evaluation is payable a day.");
        });
        VisitDigest otEval = digest(visit("V2", at("97165", "15:00", "15:30", "OT-1")).planOfCare(Discipline.OT)
                .build());
        assertThat(of(check(eval, otEval), "MW-A015")).as("one PT and one OT evaluation a day").isEmpty();
        VisitDigest copy = digest(visit("V1-D", at("97161", "09:00", "09:30", "PT-1")).build());
        assertThat(of(check(eval, copy), "MW-A015")).as("a duplicate claim is MW-A006's").isEmpty();
    }

    @Test
    void aDaysVisitsAreReadInTheOrderOfTheirTimesNotTheirIds() {
        VisitDigest pm = digest(visit("A-PM", at("97112", "15:00", "15:15", "PT-1")).build());
        VisitDigest am = digest(visit("Z-AM", at("97110", "09:00", "09:15", "PT-1")).build());
        VisitDigest untimed = digest(visit("0-NONE", pt("97116", 10)).build());
        List<VisitDigest> sorted = new ArrayList<>(List.of(pm, untimed, am));
        sorted.sort(PatientHistory.IN_TIME_ORDER);
        assertThat(sorted).extracting(VisitDigest::visitId).containsExactly("Z-AM", "A-PM", "0-NONE");
    }

    @Test
    void aGroupSessionsTimesAreInTheDigestAndThePatientCannotBeInTwoPlacesA014() {
        VisitDigest inGroup = digest(visit("V1", ComplianceFixture.group(at("97150", "09:00", "09:30", "PT-1")))
                .build());
        assertThat(inGroup.treatments()).singleElement().satisfies(t -> {
            assertThat(t.group()).isTrue();
            assertThat(t.oneOnOne()).isFalse();
            assertThat(t.minutes()).isZero();
        });
        VisitDigest oneOnOne = digest(visit("V2", at("97110", "09:15", "09:45", "PT-2")).build());
        assertThat(of(check(inGroup, oneOnOne), "MW-A014")).singleElement().satisfies(f -> assertThat(
                f.finding().message()).contains("15 minutes between 09:15 and 09:30 (97150 (PT-1) on V1 and 97110 "
                + "(PT-2) on V2)"));
    }

    /** A commercial payer "capped" of the given method with at most 4 timed units a day: its checker and data. */
    private record Capped(VisitChecker checker, org.minutewise.core.check.ReferenceData ref) {
        static Capped of(UnitMethod method) {
            org.minutewise.core.payer.PayerProfile capped = ComplianceFixture.Payer.commercial("capped", method)
                    .maxTimedUnitsPerDay(4).build();
            return new Capped(ComplianceFixture.checker(capped), ComplianceFixture.ref(capped));
        }

        VisitDigest digest(Visit.Builder visit) {
            return VisitDigest.of(checker.check(visit.payer("capped").build()), ref.codes());
        }
    }

    @Test
    void aPayersDailyCapPassedByTheDaysVisitsTogetherA016() {
        Capped capped = Capped.of(UnitMethod.CPT);
        org.minutewise.core.check.ReferenceData ref = capped.ref();
        VisitDigest a = capped.digest(visit("V1", pt("97110", 38)));
        VisitDigest b = capped.digest(visit("V2", pt("97112", 38)));
        List<AcrossFinding> out = PatientHistory.check(List.of(a, b), Map.of(), ref);
        assertThat(of(out, "MW-A016")).singleElement().satisfies(f -> {
            assertThat(f.visitId()).isEqualTo("V2");
            assertThat(f.finding().message()).isEqualTo("The patient's 2 visits of 2026-03-02 bill 6 timed units "
                    + "together; payer capped allows 4 a day. The 2 over the limit are denied unless authorized.");
        });
        VisitDigest small = capped.digest(visit("V2", pt("97112", 8)));
        assertThat(of(PatientHistory.check(List.of(a, small), Map.of(), ref), "MW-A016")).as("3 + 1 = 4").isEmpty();
        assertThat(of(check(digest(visit("V1", pt("97110", 38)).build()), digest(visit("V2", pt("97112", 38))
                .build())), "MW-A016")).as("Medicare has no such cap").isEmpty();
    }

    @Test
    void minutesTwoLinesOfOneVisitShareAreCountedOnceA014() {
        VisitDigest a = digest(visit("A1", at("97110", "10:00", "10:20", "PT-1"), at("97140", "10:00", "10:20",
                "PT-3")).build());
        VisitDigest b = digest(visit("B1", at("97530", "10:10", "10:20", "PT-2")).build());
        assertThat(of(check(a, b), "MW-A014")).singleElement().satisfies(f -> assertThat(f.finding().message())
                .contains("bill the same minutes: 10 minutes between 10:10 and 10:20"));
    }

    @Test
    void evaluationsOfTwoPractitionersAreNotA015() {
        VisitDigest eval = digest(visit("E1", at("97161", "09:00", "09:30", "PT-A")).build());
        VisitDigest other = digest(visit("E2", at("97164", "15:00", "15:30", "PT-B")).build());
        assertThat(of(check(eval, other), "MW-A015")).isEmpty();
    }

    @Test
    void billedUnitsWithoutMinutesCountTowardThePayersCapA016AndLeaveTheDaysMinutesUnknown() {
        Capped capped = Capped.of(UnitMethod.CMS);
        List<VisitDigest> claims = new ArrayList<>();
        for (String code : List.of("97110", "97112")) {
            claims.add(capped.digest(visit("C-" + code, ComplianceFixture.untimed(code, ComplianceFixture.pt("PT-1")))
                    .billed(List.of(new BilledLine(code, List.of("GP"), 5, Optional.empty())))));
        }
        List<AcrossFinding> out = PatientHistory.check(claims, Map.of(), capped.ref());
        assertThat(of(out, "MW-A016")).singleElement().satisfies(f -> assertThat(f.finding().message())
                .contains("bill 10 timed units together; payer capped allows 4 a day"));
        assertThat(of(out, "MW-A012")).isEmpty();
        assertThat(of(out, "MW-A013")).as("no minutes: the day's count is unknown").isEmpty();
    }

    @Test
    void aVisitStartsWithItsFirstDocumentedPeriodWhateverItsCode() {
        VisitDigest slp = digest(visit("Z-SLP", ComplianceFixture.at("92507", "08:00", "08:30",
                ComplianceFixture.slp("SLP-1"))).planOfCare(Discipline.SLP).build());
        VisitDigest pt = digest(visit("A-PT", at("97110", "15:00", "15:15", "PT-1")).build());
        assertThat(slp.start()).isEqualTo(8 * 60);
        List<VisitDigest> sorted = new ArrayList<>(List.of(pt, slp));
        sorted.sort(PatientHistory.IN_TIME_ORDER);
        assertThat(sorted).extracting(VisitDigest::visitId).containsExactly("Z-SLP", "A-PT");
    }

    @Test
    void aVisitUnderBilledOnItsOwnMinutesIsItsOwnMW_B003NotA013() {
        VisitDigest b1 = digest(visit("B1", pt("97110", 30))
                .billed(List.of(new BilledLine("97110", List.of("GP"), 1, Optional.empty()))).build());
        VisitDigest b2 = digest(visit("B2", pt("97112", 10)).build());
        assertThat(of(check(b1, b2), "MW-A013")).as("2 + 1 earned one by one, 3 together: nothing gained").isEmpty();
        assertThat(of(check(b1, b2), "MW-A012")).isEmpty();
    }

    @Test
    void aTimedCodeBilledWithoutMinutesLeavesTheDayUnjudged() {
        VisitDigest a1 = digest(visit("A1", pt("97110", 10), ComplianceFixture.untimed("97140",
                ComplianceFixture.pt("PT-1"))).billed(List.of(new BilledLine("97110", List.of("GP"), 1,
                Optional.empty()), new BilledLine("97140", List.of("GP"), 1, Optional.empty()))).build());
        assertThat(a1.dayMinutes()).singleElement().satisfies(m -> assertThat(m.complete()).isFalse());
        VisitDigest a2 = digest(visit("A2", pt("97112", 10)).build());
        assertThat(a2.dayMinutes()).singleElement().satisfies(m -> assertThat(m.complete()).isTrue());
        assertThat(of(check(a1, a2), "MW-A012")).isEmpty();
    }

    @Test
    void anEvaluationsPractitionerIsKnownWithoutItsTimesA015() {
        VisitDigest e1 = digest(visit("E1", ComplianceFixture.untimed("97161", ComplianceFixture.pt("T1"))).build());
        VisitDigest same = digest(visit("E2", ComplianceFixture.untimed("97164", ComplianceFixture.pt("T1"))).build());
        VisitDigest other = digest(visit("E3", ComplianceFixture.untimed("97164", ComplianceFixture.pt("T2")))
                .build());
        assertThat(of(check(e1, same), "MW-A015")).hasSize(1);
        assertThat(of(check(e1, other), "MW-A015")).isEmpty();
    }
}
