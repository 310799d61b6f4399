package org.minutewise.core.across;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minutewise.core.check.ComplianceFixture;
import org.minutewise.core.check.ReferenceData;
import org.minutewise.core.claim.Estimate;
import org.minutewise.core.fees.FeeData;
import org.minutewise.core.model.YearToDate;

/** The checks across one patient's visits (MW-A002 to MW-A006): each fires, and each has a near miss. */
class PatientHistoryTest {
    private static final FeeData FEES = ComplianceFixture.fees();
    private static final LocalDate START = LocalDate.of(2026, 3, 2);

    /** A Medicare PT visit: one 97110 line with its allowed amount, and its KX when asked. */
    private static VisitDigest visit(String id, LocalDate date, boolean progress, String allowed, boolean kx,
                                     long note) {
        List<String> mods = kx ? List.of("GP", "KX") : List.of("GP");
        return new VisitDigest(id, "P1", date, "medicare", true, false, note, note == 0 ? 0 : 400, progress,
                List.of(new VisitDigest.Line("97110", mods, 2, "PT_SLP", new BigDecimal(allowed))), List.of());
    }

    private static List<String> ids(List<AcrossFinding> out, String rule) {
        List<String> v = new ArrayList<>();
        for (AcrossFinding f : out) {
            if (f.finding().ruleId().equals(rule) && f.reported()) {
                v.add(f.visitId());
            }
        }
        return v;
    }

    private static List<AcrossFinding> check(List<VisitDigest> visits) {
        return PatientHistory.check(visits, Map.of(), FEES);
    }

    /** An evaluation, then {@code days} treatment days, one a day. */
    private static List<VisitDigest> episode(int days) {
        List<VisitDigest> vs = new ArrayList<>();
        vs.add(visit("V00", START, true, "60", false, 0));
        for (int d = 1; d <= days; d++) {
            vs.add(visit(String.format("V%02d", d), START.plusDays(d), false, "60", false, 0));
        }
        return vs;
    }

    @Test
    void progressReportOverdueOnTheEleventhTreatmentDayA002() {
        assertThat(ids(check(episode(11)), "MW-A002")).containsExactly("V11");
        assertThat(ids(check(episode(10)), "MW-A002")).as("ten days are covered").isEmpty();
        List<VisitDigest> reported = episode(11);
        reported.set(6, visit("V06", START.plusDays(6), true, "60", false, 0)); // a re-evaluation on day 6
        assertThat(ids(check(reported), "MW-A002")).isEmpty();
        // Medicare's requirement: a commercial patient's visits are not counted.
        List<VisitDigest> commercial = new ArrayList<>();
        for (VisitDigest v : episode(11)) {
            commercial.add(new VisitDigest(v.visitId(), v.patientId(), v.date(), "commercial", false, false, 0, 0,
                    v.progressReport(), v.lines(), v.treatments()));
        }
        assertThat(ids(check(commercial), "MW-A002")).isEmpty();
        // Two visits on one day are one treatment day.
        List<VisitDigest> twice = episode(10);
        twice.add(visit("V10b", START.plusDays(10), false, "60", false, 0));
        assertThat(ids(check(twice), "MW-A002")).isEmpty();
    }

    /** Every treatment day past the due date is reported, until a report (documented or billed) restarts it. */
    @Test
    void everyTreatmentDayPastTheDueDateA002UntilAReport() {
        List<AcrossFinding> out = check(episode(14));
        assertThat(ids(out, "MW-A002")).containsExactly("V11", "V12", "V13", "V14");
        assertThat(out).filteredOn(f -> f.visitId().equals("V13")).singleElement().satisfies(f -> assertThat(
                f.finding().message()).isEqualTo("This is treatment day 13 under the PT plan of care since the last "
                + "progress report or evaluation for the patient; a progress report is due at least once every 10 "
                + "treatment days, and this visit is 3 treatment days past the due date."));
        List<VisitDigest> written = episode(14);
        written.set(12, visit("V12", START.plusDays(12), true, "60", false, 0)); // a progress report on day 12
        assertThat(ids(check(written), "MW-A002")).containsExactly("V11");
    }

    @Test
    void progressReportsAreCountedPerPlanOfCareA002() {
        // PT and OT on alternate days: the PT re-evaluation on day 6 does not cover the OT plan.
        List<VisitDigest> vs = new ArrayList<>();
        for (int d = 0; d <= 24; d++) {
            boolean ot = d % 2 == 1;
            String code = d == 0 ? "97161" : d == 1 ? "97165" : d == 12 ? "97164" : "97110";
            VisitDigest.Line l = new VisitDigest.Line(code, List.of(ot ? "GO" : "GP"), 1, ot ? "OT" : "PT_SLP",
                    BigDecimal.ZERO);
            vs.add(new VisitDigest(String.format("V%02d", d), "P1", START.plusDays(d), "medicare", true, false, 0, 0,
                    d <= 1 || d == 12, List.of(l), List.of()));
        }
        List<AcrossFinding> out = check(vs);
        // OT evaluates on day 1 (its treatment day 1) and treats on days 3, 5, ...: its 11th treatment day is day 21.
        assertThat(ids(out, "MW-A002")).containsExactly("V21", "V23");
        // The PT re-evaluation billed without its GP still restarts the PT count.
        vs.set(12, new VisitDigest("V12", "P1", START.plusDays(12), "medicare", true, false, 0, 0, true,
                List.of(new VisitDigest.Line("97164", List.of("59"), 1, "PT_SLP", BigDecimal.ZERO)), List.of()));
        assertThat(ids(check(vs), "MW-A002")).containsExactly("V21", "V23");
        assertThat(out).filteredOn(f -> f.finding().ruleId().equals("MW-A002"))
                .allSatisfy(f -> assertThat(f.finding().message()).contains("under the OT plan of care"));
    }

    /** An SLP's Medicare visits: {@code codes[d]} on day d, GN; no visit flagged as holding a progress report. */
    private static List<VisitDigest> slpEpisode(String... codes) {
        List<VisitDigest> vs = new ArrayList<>();
        for (int d = 0; d < codes.length; d++) {
            vs.add(new VisitDigest(String.format("V%02d", d), "P1", START.plusDays(d), "medicare", true, false, 0, 0,
                    false, List.of(new VisitDigest.Line(codes[d], List.of("GN"), 1, "PT_SLP", BigDecimal.ZERO)),
                    List.of()));
        }
        return vs;
    }

    /**
     * SLPs bill a re-evaluation with their evaluation codes (92521-92524, 92610): such a line ends a period of the SLP
     * plan of care, and the first one opens it as treatment day 1 (the codes were ignored, so a re-evaluated Medicare
     * SLP patient was found overdue on day 11). Near misses: an instrumental swallowing study (92611) is no
     * re-evaluation; the 11th treatment day after the re-evaluation is overdue again.
     */
    @Test
    void anSlpEvaluationCodeEndsTheSlpPlansPeriodA002() {
        String[] codes = new String[22];
        java.util.Arrays.fill(codes, "92507");
        codes[0] = "92523";
        codes[10] = "92610";
        assertThat(ids(check(slpEpisode(java.util.Arrays.copyOf(codes, 21))), "MW-A002"))
                .as("day 0 is treatment day 1, days 1-9 are 2-10; day 10's re-evaluation restarts the count").isEmpty();
        assertThat(ids(check(slpEpisode(codes)), "MW-A002")).as("the 11th day after the re-evaluation")
                .containsExactly("V21");
        codes[10] = "92611";
        assertThat(ids(check(slpEpisode(java.util.Arrays.copyOf(codes, 12))), "MW-A002"))
                .as("an instrumental study is no re-evaluation").containsExactly("V10", "V11");
        codes[0] = "92507";
        assertThat(ids(check(slpEpisode(java.util.Arrays.copyOf(codes, 11))), "MW-A002"))
                .as("treatment with no evaluation: day 0 is treatment day 1, day 10 is day 11").containsExactly("V10");
    }

    /**
     * An SLP evaluation code in a second visit of the day the SLP plan opened (92522 in the morning, 92523 in the
     * afternoon; or a duplicate claim of the first) is part of the initial evaluation: the count stays at treatment
     * day 1 (it restarted at 0, and the report was found due a day late: a generated audit's missed label). Near miss:
     * the same code on the next day is a re-evaluation, which restarts the count.
     */
    @Test
    void aSecondSlpEvaluationOnTheFirstDayIsPartOfTheInitialA002() {
        String[] codes = new String[11];
        java.util.Arrays.fill(codes, "92507");
        codes[0] = "92522";
        List<VisitDigest> vs = new ArrayList<>(slpEpisode(codes));
        VisitDigest first = vs.get(0);
        vs.add(1, new VisitDigest("V00b", "P1", first.date(), "medicare", true, false, 0, 0, false,
                List.of(new VisitDigest.Line("92523", List.of("GN"), 1, "PT_SLP", BigDecimal.ZERO)), List.of()));
        assertThat(ids(check(vs), "MW-A002")).as("day 0 (two visits) is treatment day 1; day 10 is day 11")
                .containsExactly("V10");
        codes[1] = "92523";
        assertThat(ids(check(slpEpisode(codes)), "MW-A002"))
                .as("the next day's evaluation code is a re-evaluation: days 2-10 are 1-9").isEmpty();
    }

    @Test
    void kxMissingFromTheVisitThatPassesTheThresholdA003AndNotBefore() {
        // 2026 threshold 2,480.00: 40 visits of 60.00 reach 2,400.00, the 42nd passes it.
        List<VisitDigest> vs = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            vs.add(visit(String.format("V%02d", i), START.plusDays(i), i == 0, "60", i >= 41, 0));
        }
        List<AcrossFinding> out = check(vs);
        assertThat(ids(out, "MW-A003")).isEmpty();
        assertThat(ids(out, "MW-A004")).isEmpty();
        List<VisitDigest> late = new ArrayList<>(vs);
        late.set(43, visit("V43", START.plusDays(43), false, "60", false, 0));
        assertThat(ids(check(late), "MW-A003")).containsExactly("V43");
        // What it exposes: V43's one line without KX, at the amount the count took.
        assertThat(check(late)).filteredOn(f -> f.finding().ruleId().equals("MW-A003")).singleElement()
                .satisfies(f -> {
                    assertThat(f.exposedLines()).isEqualTo(1);
                    assertThat(f.exposedDollars()).isEqualByComparingTo("60");
                });
        // The year's expenses are the audit's estimate: said so; and a floor when a line of the year had no price.
        assertThat(check(late)).filteredOn(f -> f.finding().ruleId().equals("MW-A003")).singleElement()
                .satisfies(f -> assertThat(f.finding().message()).contains("expenses are an estimated $2,580.00 "
                        + "before this visit, $2,640.00 after it; the threshold is").doesNotContain("at least"));
        List<VisitDigest> unpriced = new ArrayList<>(late);
        unpriced.set(5, visit("V05", START.plusDays(5), false, "0", false, 0));
        assertThat(check(unpriced)).filteredOn(f -> f.finding().ruleId().equals("MW-A003")).singleElement()
                .satisfies(f -> assertThat(f.finding().message()).contains("an estimated $2,520.00 before this "
                        + "visit, $2,580.00 after it (at least: some of the year's codes could not be priced"));
        // The incurred expenses before the first visit count: with 2,000.00 spent elsewhere the 9th visit passes.
        List<AcrossFinding> withOutside = PatientHistory.check(vs, Map.of(2026, new YearToDate(
                new BigDecimal("2000.00"), BigDecimal.ZERO)), FEES);
        assertThat(ids(withOutside, "MW-A003")).startsWith("V08").hasSize(33);
    }

    /**
     * A visit whose own stated expenses already judged its KX (its check's MW-B012 for a missing KX, MW-B006 for one
     * not needed) is not reported again: the missing KX still counts in the exposure, unreported. Judged alike by
     * the visit alone, the same lines are reported (the near miss).
     */
    @Test
    void aKxTheVisitItselfJudgedIsNotReportedTwice() {
        List<VisitDigest> vs = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            vs.add(visit(String.format("V%02d", i), START.plusDays(i), i == 0, "60", i >= 41, 0));
        }
        VisitDigest.Line own = new VisitDigest.Line("97110", List.of("GP"), 2, "PT_SLP", new BigDecimal("60"),
                org.minutewise.core.model.Discipline.PT, VisitDigest.OwnKx.NEEDED);
        VisitDigest v43 = vs.get(43);
        vs.set(43, new VisitDigest(v43.visitId(), v43.patientId(), v43.date(), v43.payer(), true, false, 0, 0, false,
                List.of(own), List.of()));
        List<AcrossFinding> out = check(vs);
        assertThat(ids(out, "MW-A003")).isEmpty();
        assertThat(out).filteredOn(f -> !f.reported()).singleElement().satisfies(f -> {
            assertThat(f.visitId()).isEqualTo("V43");
            assertThat(f.exposedLines()).isEqualTo(1);
            assertThat(f.exposedDollars()).isEqualByComparingTo("60");
            assertThat(f.lines()).isEmpty();
        });
        // KX on the 3rd visit, which the visit's own expenses found not needed (its MW-B006): no MW-A004 ...
        VisitDigest.Line early = new VisitDigest.Line("97110", List.of("GP", "KX"), 2, "PT_SLP",
                new BigDecimal("60"), org.minutewise.core.model.Discipline.PT, VisitDigest.OwnKx.NOT_NEEDED);
        List<VisitDigest> ws = new ArrayList<>(vs.subList(0, 5));
        VisitDigest v2 = ws.get(2);
        ws.set(2, new VisitDigest(v2.visitId(), v2.patientId(), v2.date(), v2.payer(), true, false, 0, 0, false,
                List.of(early), List.of()));
        assertThat(ids(check(ws), "MW-A004")).isEmpty();
        // ... but MW-A004 when the visit gave no expenses to judge it by.
        ws.set(2, visit(v2.visitId(), v2.date(), false, "60", true, 0));
        assertThat(ids(check(ws), "MW-A004")).containsExactly("V02");
    }

    /**
     * Two visits of one day: the later in time crosses the threshold, whatever the ids say (the afternoon visit's id
     * sorts first). It carries KX, the morning visit does not: nothing to report.
     */
    @Test
    void aDaysKxIsCountedInTheOrderOfTheVisitsTimes() {
        List<VisitDigest> vs = List.of(timed("M-Z-AM", "97110", "09:00", "09:15", "30", false),
                timed("M-A-PM", "97112", "15:00", "15:15", "30", true));
        Map<Integer, YearToDate> before = Map.of(2026, new YearToDate(new BigDecimal("2430.00"), BigDecimal.ZERO));
        List<AcrossFinding> out = PatientHistory.check(vs, before, FEES);
        assertThat(ids(out, "MW-A003")).isEmpty();
        assertThat(ids(out, "MW-A004")).isEmpty();
        List<AcrossFinding> swapped = PatientHistory.check(List.of(timed("M-Z-AM", "97110", "15:00", "15:15", "30",
                false), timed("M-A-PM", "97112", "09:00", "09:15", "30", true)), before, FEES);
        assertThat(ids(swapped, "MW-A004")).containsExactly("M-A-PM");
        assertThat(ids(swapped, "MW-A003")).containsExactly("M-Z-AM");
    }

    private static VisitDigest timed(String id, String code, String start, String end, String allowed, boolean kx) {
        org.minutewise.core.model.Period p = org.minutewise.core.model.Period.of(start, end);
        return new VisitDigest(id, "P1", START, "medicare", true, false, 0, 0, false,
                List.of(new VisitDigest.Line(code, kx ? List.of("GP", "KX") : List.of("GP"), 1, "PT_SLP",
                        new BigDecimal(allowed))),
                List.of(new VisitDigest.Treatment("T1", code, true, p.minutes(), 1, List.of(p))));
    }

    /** A duplicate claim's dollars: its unit priced in full on its own is at the reduced rate beside the original. */
    @Test
    void aDuplicatesDollarsAreAtTheReducedRate() {
        Estimate.FullUnit full = new Estimate.FullUnit(0, new BigDecimal("0.5"), new BigDecimal("52.00"));
        List<VisitDigest.Line> lines = List.of(new VisitDigest.Line("97110", List.of("GP"), 2, "PT_SLP",
                new BigDecimal("60.00")));
        VisitDigest original = new VisitDigest("V1", "P1", START, "medicare", true, false, 0, 0, false, lines,
                List.of(), Optional.of(full), "");
        VisitDigest copy = new VisitDigest("V1-D", "P1", START, "medicare", true, false, 0, 0, false, lines,
                List.of(), Optional.of(full), "");
        assertThat(check(List.of(original, copy))).filteredOn(f -> f.finding().ruleId().equals("MW-A006"))
                .singleElement().satisfies(f -> assertThat(f.exposedDollars()).isEqualByComparingTo("52.00"));
    }

    /** A line in no KX bucket (chiropractic manipulation: not therapy) adds nothing to the count. */
    @Test
    void aLineInNoBucketAddsNothingToTheKxCount() {
        List<VisitDigest> vs = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            vs.add(new VisitDigest(String.format("V%02d", i), "P1", START.plusDays(i), "medicare", true, false, 0L, 0,
                    i == 0, List.of(new VisitDigest.Line("98940", List.of("AT"), 1, "", new BigDecimal("60"))),
                    List.of()));
        }
        assertThat(ids(check(vs), "MW-A003")).isEmpty();
        assertThat(ids(check(vs), "MW-A004")).isEmpty();
    }

    /** A later visit that states more incurred spend than the count (spend elsewhere): the count takes it. */
    @Test
    void aLaterVisitsStatedSpendRaisesTheKxCount() {
        List<VisitDigest> vs = List.of(visit("V0", START, true, "60", false, 0),
                visit("V1", START.plusDays(3), false, "60", true, 0));
        assertThat(ids(check(vs), "MW-A004")).containsExactly("V1");
        Map<String, YearToDate> stated = Map.of("V1", new YearToDate(new BigDecimal("2470.00"), BigDecimal.ZERO));
        List<AcrossFinding> out = PatientHistory.check(vs, Map.of(), stated, ComplianceFixture.ref());
        assertThat(ids(out, "MW-A004")).isEmpty();
        assertThat(ids(out, "MW-A003")).isEmpty();
    }

    @Test
    void kxBeforeTheThresholdA004() {
        List<VisitDigest> vs = episode(5);
        vs.set(3, visit("V03", START.plusDays(3), false, "60", true, 0));
        assertThat(ids(check(vs), "MW-A004")).containsExactly("V03");
        assertThat(ids(check(episode(5)), "MW-A004")).isEmpty();
    }

    /**
     * A line no RVU prices counts $0: the year's count is then a floor, which cannot show that KX came too early. No
     * MW-A004 from that line on in the year (a priced year is judged as before).
     */
    @Test
    void kxAfterAnUnpricedLineIsNotA004() {
        List<VisitDigest> vs = episode(5);
        vs.set(2, visit("V02", START.plusDays(2), false, "0", false, 0));
        vs.set(3, visit("V03", START.plusDays(3), false, "60", true, 0));
        assertThat(ids(check(vs), "MW-A004")).isEmpty();
        // ... but MW-A018 says it could not be judged (the sample RVUs price three codes: MW-A004 was silent for
        // almost every patient, and nothing said so; an auditor's review).
        assertThat(check(vs)).filteredOn(f -> f.finding().ruleId().equals("MW-A018")).singleElement()
                .satisfies(f -> {
                    assertThat(f.visitId()).isEqualTo("V03");
                    assertThat(f.finding().severity()).isEqualTo(org.minutewise.core.check.Severity.INFO);
                    assertThat(f.finding().message()).contains("expenses that could be priced are an estimated")
                            .contains("(at least: some of the year's codes could not be priced")
                            .contains("cannot be judged here");
                    assertThat(f.lines()).isEmpty();
                });
        List<VisitDigest> after = episode(5);
        after.set(3, visit("V03", START.plusDays(3), false, "60", true, 0));
        after.set(4, visit("V04", START.plusDays(4), false, "0", false, 0));
        assertThat(ids(check(after), "MW-A004")).containsExactly("V03");
        assertThat(ids(check(after), "MW-A018")).as("judged: MW-A004 instead").isEmpty();
        assertThat(ids(check(episode(5)), "MW-A018")).as("no KX before the threshold").isEmpty();
        // Once a year per bucket, on the first visit it cannot judge, not on every later KX visit.
        List<VisitDigest> twice = episode(6);
        twice.set(2, visit("V02", START.plusDays(2), false, "0", false, 0));
        twice.set(3, visit("V03", START.plusDays(3), false, "60", true, 0));
        twice.set(4, visit("V04", START.plusDays(4), false, "60", true, 0));
        assertThat(ids(check(twice), "MW-A018")).containsExactly("V03");
    }

    @Test
    void theSameNoteOnTwoVisitsA005ButNotAShortOne() {
        List<VisitDigest> vs = List.of(visit("V1", START, true, "60", false, 77L),
                visit("V2", START.plusDays(2), false, "60", false, 78L),
                visit("V3", START.plusDays(4), false, "60", false, 77L));
        assertThat(ids(check(vs), "MW-A005")).containsExactly("V3");
        VisitDigest shortNote = new VisitDigest("V4", "P1", START.plusDays(6), "medicare", true, false, 77L, 40,
                false, List.of(), List.of());
        List<VisitDigest> withShort = new ArrayList<>(vs);
        withShort.add(shortNote);
        assertThat(ids(check(withShort), "MW-A005")).containsExactly("V3");
        // The same claim sent twice (every line billed again, MW-A006) is a void duplicate, not a copied note ...
        List<VisitDigest> twice = List.of(visit("V1", START, true, "60", false, 77L),
                visit("V1-D", START, true, "60", false, 77L));
        assertThat(ids(check(twice), "MW-A006")).containsExactly("V1-D");
        assertThat(ids(check(twice), "MW-A005")).isEmpty();
        // ... but a visit of another day with the note is still one (the duplicate's own note counts as written).
        List<VisitDigest> thrice = new ArrayList<>(twice);
        thrice.add(visit("V2", START.plusDays(1), false, "60", false, 77L));
        assertThat(ids(check(thrice), "MW-A005")).containsExactly("V2");
        List<VisitDigest> copiesTheDuplicate = List.of(visit("V1", START, true, "60", false, 76L),
                visit("V1-D", START, true, "60", false, 77L), visit("V2", START.plusDays(1), false, "60", false, 77L));
        assertThat(ids(check(copiesTheDuplicate), "MW-A005")).containsExactly("V2");
    }

    /** The visit as a replacement (7) or void (8) of another claim. */
    private static VisitDigest withFrequency(VisitDigest v, String frequency) {
        return new VisitDigest(v.visitId(), v.patientId(), v.date(), v.payer(), v.medicare(), v.institutional(),
                v.noteFingerprint(), v.noteLength(), v.progressReport(), v.lines(), v.treatments(), v.fullUnit(),
                v.biller(), v.dayMinutes(), v.start(), frequency);
    }

    /**
     * A replacement or void under another visit id than the claim it corrects is not a duplicate to void (MW-A006)
     * but MW-A017, once, on the correction, whichever sorts first; its lines still count once.
     */
    @Test
    void aCorrectionUnderAnotherIdIsA017NotA006() {
        VisitDigest original = visit("V1", START, true, "60", false, 77L);
        for (String f : List.of("7", "8")) {
            List<AcrossFinding> out = check(List.of(original, withFrequency(visit("V1-R", START, true, "60", false,
                    77L), f)));
            assertThat(ids(out, "MW-A006")).isEmpty();
            assertThat(ids(out, "MW-A005")).isEmpty();
            assertThat(ids(out, "MW-A017")).containsExactly("V1-R");
            // The correction sorting first (its id) does not make the original the one reported.
            List<AcrossFinding> first = check(List.of(original, withFrequency(visit("V0", START, true, "60", false,
                    77L), f)));
            assertThat(ids(first, "MW-A017")).containsExactly("V0");
            assertThat(ids(first, "MW-A006")).isEmpty();
        }
        assertThat(out(original)).isEmpty();
    }

    /**
     * A correction under another visit id names the claim it corrects (MW-A017): of two earlier visits billing the
     * service, the one whose times it overlaps, else the one right before it; it named the patient's first.
     */
    @Test
    void aCorrectionUnderAnotherIdNamesTheClaimItCorrects() {
        VisitDigest morning = withTimes(withMinutes(visit("O1", START, true, "60", false, 77L), 30), "09:00", "09:30");
        VisitDigest afternoon = withTimes(withMinutes(visit("O2", START, false, "60", false, 78L), 30), "14:00",
                "14:30");
        VisitDigest replacement = withFrequency(withTimes(withMinutes(visit("R9", START, false, "60", false, 79L), 30),
                "14:00", "14:30"), "7");
        assertThat(check(List.of(morning, afternoon, replacement)))
                .filteredOn(f -> f.finding().ruleId().equals("MW-A017")).singleElement().satisfies(f -> {
                    assertThat(f.visitId()).isEqualTo("R9");
                    assertThat(f.finding().message()).contains("visit O2 bills them").doesNotContain("O1");
                });
        // Without times: the claim right before it (here a duplicate of the first, MW-A006's).
        List<AcrossFinding> untimed = check(List.of(visit("O1", START, true, "60", false, 77L),
                visit("O2", START, false, "60", false, 78L),
                withFrequency(visit("R9", START, false, "60", false, 79L), "8")));
        assertThat(untimed).filteredOn(f -> f.finding().ruleId().equals("MW-A017")).singleElement()
                .satisfies(f -> assertThat(f.finding().message()).contains("visit O2 bills them"));
        assertThat(ids(untimed, "MW-A006")).containsExactly("O2");
    }

    private static List<String> out(VisitDigest original) {
        return ids(check(List.of(original, visit("V1-D", START, true, "60", false, 77L))), "MW-A017");
    }

    @Test
    void theSameCodeBilledTwiceForOneDateA006() {
        List<VisitDigest> vs = List.of(visit("V1", START, false, "60", false, 0),
                visit("V1-D", START, false, "60", false, 0), visit("V2", START.plusDays(1), false, "60", false, 0));
        assertThat(ids(check(vs), "MW-A006")).containsExactly("V1-D");
        // The duplicate says what it bills again: its line's units and allowed amount.
        assertThat(check(vs)).filteredOn(f -> f.finding().ruleId().equals("MW-A006")).singleElement()
                .satisfies(f -> {
                    assertThat(f.exposedLines()).isEqualTo(2);
                    assertThat(f.exposedDollars()).isEqualByComparingTo("60");
                });
        VisitDigest otherCode = new VisitDigest("V3", "P1", START, "medicare", true, false, 0, 0, false,
                List.of(new VisitDigest.Line("97112", List.of("GP"), 1, "PT_SLP", BigDecimal.ZERO)), List.of());
        assertThat(ids(check(List.of(vs.get(0), otherCode)), "MW-A006")).isEmpty();
        // A PT plan and an OT plan each billing 97110 that day: two services (GP and GO), not a duplicate.
        VisitDigest ot = new VisitDigest("V4", "P1", START, "medicare", true, false, 0, 0, false,
                List.of(new VisitDigest.Line("97110", List.of("GO"), 2, "OT", BigDecimal.ZERO)), List.of());
        assertThat(ids(check(List.of(vs.get(0), ot)), "MW-A006")).isEmpty();
        // Two sessions of 97110 at different times: the message says to bill the day's minutes together, and the
        // line is not void, whatever the payer's method (DayUnitsTest has the day's count of their minutes).
        VisitDigest morning = withMinutes(vs.get(0), 10);
        VisitDigest afternoon = withMinutes(vs.get(1), 12);
        assertThat(check(List.of(withTimes(morning, "09:00", "09:10"), withTimes(afternoon, "14:00", "14:12"))))
                .filteredOn(f -> f.finding().ruleId().equals("MW-A006")).singleElement().satisfies(f -> {
                    assertThat(f.finding().message()).contains("two sessions of the day; bill 97110 once with the "
                            + "day's minutes together (10 + 12 = 22 minutes)").contains("not the line as void");
                    assertThat(f.exposedLines()).isZero();
                });
        // Minutes without times that differ (10 and 12): another session too, the message says why.
        assertThat(check(List.of(morning, afternoon))).filteredOn(f -> f.finding().ruleId().equals("MW-A006"))
                .singleElement().satisfies(f -> {
                    assertThat(f.finding().message()).contains("No start and end times, but the visits document "
                            + "97110 differently (10 and 12 minutes): two sessions of the day, not one billed twice");
                    assertThat(f.exposedLines()).isZero();
                });
        // No minutes on either: nobody can tell a second session from a resubmission, so neither is said.
        assertThat(check(vs)).filteredOn(f -> f.finding().ruleId().equals("MW-A006")).singleElement()
                .satisfies(f -> assertThat(f.finding().message()).doesNotContain("session"));
        // The same times on both: one session billed twice.
        VisitDigest again = withMinutes(vs.get(1), 10);
        assertThat(check(List.of(withTimes(morning, "09:00", "09:10"), withTimes(again, "09:00", "09:10"))))
                .filteredOn(f -> f.finding().ruleId().equals("MW-A006")).singleElement()
                .satisfies(f -> assertThat(f.finding().message()).contains("Their times overlap (09:00-09:10 and "
                        + "09:00-09:10): one session billed twice; void the duplicate."));
        assertThat(check(List.of(withTimes(morning, "09:00", "09:10"), withTimes(again, "09:05", "09:15"))))
                .filteredOn(f -> f.finding().ruleId().equals("MW-A006")).singleElement()
                .satisfies(f -> assertThat(f.finding().message()).contains("Their times overlap"));
    }

    private static VisitDigest withTimes(VisitDigest v, String start, String end) {
        VisitDigest.Treatment t = v.treatments().get(0);
        return new VisitDigest(v.visitId(), v.patientId(), v.date(), v.payer(), v.medicare(), v.institutional(),
                v.noteFingerprint(), v.noteLength(), v.progressReport(), v.lines(), List.of(new VisitDigest.Treatment(
                        t.providerId(), t.code(), t.oneOnOne(), t.minutes(), t.units(),
                        List.of(org.minutewise.core.model.Period.of(start, end)))));
    }

    /** The visit with one treatment of its 97110 line: {@code minutes} of a therapist's one-on-one time. */
    private static VisitDigest withMinutes(VisitDigest v, int minutes) {
        return new VisitDigest(v.visitId(), v.patientId(), v.date(), v.payer(), v.medicare(), v.institutional(),
                v.noteFingerprint(), v.noteLength(), v.progressReport(), v.lines(), List.of(new VisitDigest.Treatment(
                        "T1", "97110", true, minutes, 1, List.of())));
    }

    /** A duplicate whose line lost its GP is still the same PT service (its plan of care's bucket). */
    @Test
    void aDuplicateWithoutItsDisciplineModifierIsStillA006() {
        List<VisitDigest> vs = List.of(lines("V1", START, line("97110", "GP")), lines("V1-D", START, line("97110")));
        assertThat(ids(PatientHistory.check(vs, Map.of(), ComplianceFixture.ref()), "MW-A006"))
                .containsExactly("V1-D");
        VisitDigest ot = new VisitDigest("V2", "P1", START, "medicare", true, false, 0, 0, false,
                List.of(new VisitDigest.Line("97110", List.of(), 1, "OT", BigDecimal.ZERO)), List.of());
        assertThat(ids(PatientHistory.check(List.of(vs.get(0), ot), Map.of(), ComplianceFixture.ref()), "MW-A006"))
                .isEmpty();
    }

    /**
     * On the visit that passes the threshold, KX on a line billed before the line whose amount passes it is early
     * (MW-A004): the audit reported only KX on visits that stay under (an auditor's review: 23 visits of 104.54
     * reach 2,404.42; the 24th's 97530 adds 60.12 to 2,464.54, its 97110 passes 2,480.00).
     */
    @Test
    void kxOnALineBeforeTheOneThatPassesTheThresholdIsEarlyA004() {
        List<VisitDigest> vs = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            vs.add(visit(String.format("V%02d", i), START.plusDays(i), i == 0, "104.54", false, 0));
        }
        VisitDigest.Line first = new VisitDigest.Line("97530", List.of("GP", "KX"), 2, "PT_SLP",
                new BigDecimal("60.12"));
        VisitDigest.Line second = new VisitDigest.Line("97110", List.of("GP", "KX"), 2, "PT_SLP",
                new BigDecimal("44.42"));
        // 97530 at 09:00, 97110 at 09:30: the lines are counted in the order of their times.
        List<VisitDigest.Treatment> times = List.of(treatment("97530", "09:00", "09:30"),
                treatment("97110", "09:30", "10:00"));
        vs.add(new VisitDigest("V23", "P1", START.plusDays(23), "medicare", true, false, 0, 0, false,
                List.of(first, second), times));
        List<AcrossFinding> out = check(vs);
        assertThat(ids(out, "MW-A004")).containsExactly("V23");
        assertThat(ids(out, "MW-A003")).isEmpty();
        assertThat(out).filteredOn(f -> f.finding().ruleId().equals("MW-A004")).singleElement()
                .satisfies(f -> assertThat(f.finding().message()).contains("$2,404.42 before this visit")
                        .contains("97530 carries KX, before 97110, the line whose amount passes"));
        // KX on the passing line alone is right: nothing.
        vs.set(23, new VisitDigest("V23", "P1", START.plusDays(23), "medicare", true, false, 0, 0, false,
                List.of(new VisitDigest.Line("97530", List.of("GP"), 2, "PT_SLP", new BigDecimal("60.12")), second),
                times));
        assertThat(ids(check(vs), "MW-A004")).isEmpty();
        assertThat(ids(check(vs), "MW-A003")).isEmpty();
    }

    private static VisitDigest lines(String id, LocalDate date, VisitDigest.Line... lines) {
        return new VisitDigest(id, "P1", date, "medicare", true, false, 0, 0, false, List.of(lines), List.of());
    }

    private static VisitDigest.Line line(String code, String... modifiers) {
        return new VisitDigest.Line(code, List.of(modifiers), 1, "PT_SLP", BigDecimal.ZERO);
    }

    @Test
    void anNcciPairSplitOverTwoVisitsOfOneDayA008() {
        // 97530 (column one) in the morning visit, 97140 (column two) in the afternoon one, without 59.
        List<VisitDigest> vs = List.of(lines("V1", START, line("97530", "GP")),
                lines("V2", START, line("97140", "GP")));
        List<AcrossFinding> out = PatientHistory.check(vs, Map.of(), ComplianceFixture.ref());
        assertThat(ids(out, "MW-A008")).containsExactly("V2");
        assertThat(out.get(0).finding().message()).contains("97530 and 97140 are an NCCI pair")
                .contains("97140 carries no 59 or X modifier");
        // With 59 (or an X modifier) on column two the pair is bypassed; on other days it is no pair.
        assertThat(ids(PatientHistory.check(List.of(lines("V1", START, line("97530", "GP")),
                lines("V2", START, line("97140", "GP", "59"))), Map.of(), ComplianceFixture.ref()),
                "MW-A008")).isEmpty();
        assertThat(ids(PatientHistory.check(List.of(lines("V1", START, line("97530", "GP")),
                lines("V2", START.plusDays(1), line("97140", "GP"))), Map.of(), ComplianceFixture.ref()),
                "MW-A008")).isEmpty();
        // Indicator 0: no modifier helps.
        List<AcrossFinding> never = PatientHistory.check(List.of(lines("V1", START, line("97113", "GP")),
                lines("V2", START, line("97110", "GP", "59"))), Map.of(), ComplianceFixture.ref());
        assertThat(ids(never, "MW-A008")).containsExactly("V2");
        assertThat(never.get(0).finding().message()).contains("no modifier can bypass");
        // Without the edit table the check is not made.
        assertThat(ids(check(vs), "MW-A008")).isEmpty();
    }

    /**
     * MW-A008 treats 59, XE, XU, XS and XP on column two as one bypass, as the visit's own check does
     * (NcciAnalysis.distinctModifierOf): XE, a separate encounter, is the natural one for two visits of one day. Every
     * line of column two is judged (a line carrying XE before one without it hid the one without); a modifier on
     * column one alone does not bypass, and the message says so (a billing expert's review).
     */
    @Test
    void anyDistinctModifierOnColumnTwoBypassesA008AndEveryLineIsJudged() {
        VisitDigest morning = lines("V1", START, line("97530", "GP"));
        List<AcrossFinding> none = PatientHistory.check(List.of(morning, lines("V2", START, line("97140", "GP"))),
                Map.of(), ComplianceFixture.ref());
        assertThat(ids(none, "MW-A008")).containsExactly("V2");
        assertThat(none.get(0).finding().message()).isEqualTo("97530 and 97140 are an NCCI pair, billed for the "
                + "patient on " + START + " on visits V1 and V2; 97140 carries no 59 or X modifier, so it is denied "
                + "as bundled into 97530 when both are billed by the same provider. For two visits of one day XE (a "
                + "separate encounter) or 59 on 97140 bypasses it when the services were distinct.");
        for (String bypass : List.of("XE", "59", "XU", "XS", "XP")) {
            assertThat(ids(PatientHistory.check(List.of(morning, lines("V2", START, line("97140", "GP", bypass))),
                    Map.of(), ComplianceFixture.ref()), "MW-A008")).as(bypass).isEmpty();
            // Column two on the earlier visit: the same.
            assertThat(ids(PatientHistory.check(List.of(lines("V1", START, line("97140", bypass, "GP")),
                    lines("V2", START, line("97530", "GP"))), Map.of(), ComplianceFixture.ref()), "MW-A008"))
                    .as(bypass + " earlier").isEmpty();
        }
        // Two lines of column two, the first with XE: the second, without, is still denied.
        List<AcrossFinding> mixed = PatientHistory.check(List.of(morning, lines("V2", START,
                line("97140", "GP", "XE"), line("97140", "GP"))), Map.of(), ComplianceFixture.ref());
        assertThat(ids(mixed, "MW-A008")).containsExactly("V2");
        assertThat(mixed.get(0).finding().message()).contains("a line of 97140 carries no 59 or X modifier (another "
                + "carries XE)");
        // XE on column one only: the edit takes it on column two.
        List<AcrossFinding> onOne = PatientHistory.check(List.of(lines("V1", START, line("97530", "GP", "XE")),
                lines("V2", START, line("97140", "GP"))), Map.of(), ComplianceFixture.ref());
        assertThat(ids(onOne, "MW-A008")).containsExactly("V2");
        assertThat(onOne.get(0).finding().message()).contains("97140 carries no 59 or X modifier; the XE on 97530 "
                + "does not bypass the edit, which takes the modifier on 97140");
    }

    /** A table that lists a pair both ways cannot tell which code is column two: 59/X on either bypasses (MW-A008). */
    @Test
    void aPairListedBothWaysIsBypassedByAModifierOnEitherA008() {
        ReferenceData base = ComplianceFixture.ref();
        LocalDate from = LocalDate.of(2020, 1, 1);
        ReferenceData bothWays = new ReferenceData(base.codes(), base.payers(), base.diagnoses(),
                new org.minutewise.core.edits.PtpTable("test", false, List.of(
                        new org.minutewise.core.edits.PtpEdit("97530", "97140", from, Optional.empty(), 1),
                        new org.minutewise.core.edits.PtpEdit("97140", "97530", from, Optional.empty(), 1))),
                base.mue(), base.fees(), base.phrases());
        List<VisitDigest> onOne = List.of(lines("V1", START, line("97530", "GP", "XE")),
                lines("V2", START, line("97140", "GP")));
        assertThat(ids(PatientHistory.check(onOne, Map.of(), bothWays), "MW-A008")).isEmpty();
        // Near misses: listed one way only, XE on column one does not bypass; neither code with a modifier.
        assertThat(ids(PatientHistory.check(onOne, Map.of(), ComplianceFixture.ref()), "MW-A008"))
                .containsExactly("V2");
        assertThat(ids(PatientHistory.check(List.of(lines("V1", START, line("97530", "GP")),
                lines("V2", START, line("97140", "GP"))), Map.of(), bothWays), "MW-A008")).containsExactly("V2");
    }

    @Test
    void aDaysVisitsTogetherPastTheMueA009() {
        // 97112's MUE is 4 a day (indicator 3): 3 units on a PT visit and 2 on an OT visit of the same day.
        VisitDigest pt = lines("V1", START, new VisitDigest.Line("97112", List.of("GP"), 3, "PT_SLP", BigDecimal.ZERO));
        VisitDigest ot = lines("V2", START, new VisitDigest.Line("97112", List.of("GO"), 2, "OT", BigDecimal.ZERO));
        List<AcrossFinding> out = PatientHistory.check(List.of(ot, pt), Map.of(), ComplianceFixture.ref());
        assertThat(ids(out, "MW-A009")).containsExactly("V2");
        assertThat(out.get(0).finding().message()).contains("97112 is billed with 5 units over the patient's 2 visits");
        // 2 + 2 is within the MUE; one visit alone over it is that visit's MW-E006, not this.
        VisitDigest two = lines("V2", START, new VisitDigest.Line("97112", List.of("GO"), 1, "OT", BigDecimal.ZERO));
        assertThat(ids(PatientHistory.check(List.of(pt, two), Map.of(), ComplianceFixture.ref()), "MW-A009"))
                .isEmpty();
        VisitDigest five = lines("V1", START, new VisitDigest.Line("97112", List.of("GP"), 5, "PT_SLP",
                BigDecimal.ZERO));
        assertThat(ids(PatientHistory.check(List.of(five, ot), Map.of(), ComplianceFixture.ref()), "MW-A009"))
                .isEmpty();
        // Another day is another day.
        VisitDigest tomorrow = lines("V3", START.plusDays(1), new VisitDigest.Line("97112", List.of("GO"), 2, "OT",
                BigDecimal.ZERO));
        assertThat(ids(PatientHistory.check(List.of(pt, tomorrow), Map.of(), ComplianceFixture.ref()), "MW-A009"))
                .isEmpty();
        // A duplicate claim (the same PT service again) is MW-A006's, not units of the day.
        VisitDigest again = lines("V1-D", START, new VisitDigest.Line("97112", List.of("GP"), 3, "PT_SLP",
                BigDecimal.ZERO));
        List<AcrossFinding> dup = PatientHistory.check(List.of(pt, again), Map.of(), ComplianceFixture.ref());
        assertThat(ids(dup, "MW-A006")).containsExactly("V1-D");
        assertThat(ids(dup, "MW-A009")).isEmpty();
        // Two billing providers the same day: each has its own MUE, and neither visit duplicates the other.
        VisitDigest hospital = new VisitDigest("V2", "P1", START, "medicare", true, true, 0, 0, false,
                List.of(new VisitDigest.Line("97112", List.of("GP"), 3, "PT_SLP", BigDecimal.ZERO)), List.of(),
                java.util.Optional.empty(), "1234567893");
        List<AcrossFinding> billers = PatientHistory.check(List.of(pt, hospital), Map.of(), ComplianceFixture.ref());
        assertThat(ids(billers, "MW-A006")).isEmpty();
        assertThat(ids(billers, "MW-A009")).isEmpty();
    }

    /** A Medicare PT visit whose estimate paid one unit of its single line in full. */
    private static VisitDigest priced(String id, LocalDate date, String code, String allowed, String pe,
                                      String allowedIfReduced, boolean kx, boolean medicare) {
        List<String> mods = kx ? List.of("GP", "KX") : List.of("GP");
        return new VisitDigest(id, "P1", date, medicare ? "medicare" : "commercial", medicare, false, 0, 0, false,
                List.of(new VisitDigest.Line(code, mods, 2, "PT_SLP", new BigDecimal(allowed))), List.of(),
                java.util.Optional.of(new org.minutewise.core.claim.Estimate.FullUnit(0, new BigDecimal(pe),
                        new BigDecimal(allowedIfReduced))), "");
    }

    /**
     * RULES.md §6: of all therapy units of one day, one is paid in full. 97112 x2 alone: $57.62, $49.77 with both
     * units reduced; 97530 x2 alone: $60.12 (PE 0.60, the higher), $50.10 reduced. Together on one day the 97530
     * visit keeps its full unit and the 97112 visit is $7.85 lower.
     */
    @Test
    void theDaysUnitPaidInFullIsOnOneVisitA010() {
        VisitDigest neuro = priced("V1", START, "97112", "57.62", "0.47", "49.77", false, true);
        VisitDigest activities = priced("V2", START, "97530", "60.12", "0.60", "50.10", false, true);
        List<AcrossFinding> out = check(List.of(neuro, activities));
        assertThat(ids(out, "MW-A010")).containsExactly("V1");
        assertThat(out).filteredOn(f -> f.finding().ruleId().equals("MW-A010")).first()
                .satisfies(f -> assertThat(f.finding().message()).contains("visit V2")
                        .contains("$49.77 instead of $57.62 ($7.85 less)"));
        // Near misses: another day, another payer, one visit.
        VisitDigest nextDay = priced("V2", START.plusDays(1), "97530", "60.12", "0.60", "50.10", false, true);
        assertThat(ids(check(List.of(neuro, nextDay)), "MW-A010")).isEmpty();
        VisitDigest commercial = priced("V2", START, "97530", "60.12", "0.60", "50.10", false, false);
        assertThat(ids(check(List.of(neuro, commercial)), "MW-A010")).isEmpty();
        assertThat(ids(check(List.of(neuro)), "MW-A010")).isEmpty();
        // Another billing provider (a hospital the same day) makes its own reduction.
        VisitDigest elsewhere = new VisitDigest("V2", "P1", START, "medicare", true, true, 0, 0, false,
                activities.lines(), List.of(), activities.fullUnit(), "1234567893");
        assertThat(ids(check(List.of(neuro, elsewhere)), "MW-A010")).isEmpty();
        // A tie keeps the first visit in id order.
        VisitDigest tie = priced("V0", START, "97116", "57.62", "0.47", "49.77", false, true);
        assertThat(ids(check(List.of(neuro, tie)), "MW-A010")).containsExactly("V1");
        // A duplicate claim is denied, so it takes no part in the day's reduction (MW-A006 says so).
        VisitDigest duplicate = priced("V1-D", START, "97112", "57.62", "0.47", "49.77", false, true);
        List<AcrossFinding> dup = check(List.of(neuro, duplicate));
        assertThat(ids(dup, "MW-A006")).containsExactly("V1-D");
        assertThat(ids(dup, "MW-A010")).isEmpty();
    }

    /** A Medicare PT visit of START at {@code start} (minute of the day): one timed line of 1 unit for its minutes. */
    private static VisitDigest session(String id, String code, int minutes, int start, String allowed, String pe,
                                       String allowedIfReduced) {
        int units = org.minutewise.core.units.UnitCalculator.unitsForMinutes(minutes);
        return new VisitDigest(id, "P1", START, "medicare", true, false, 0, 0, false,
                List.of(new VisitDigest.Line(code, List.of("GP"), units, "PT_SLP", new BigDecimal(allowed))),
                List.of(), Optional.of(new Estimate.FullUnit(0, new BigDecimal(pe), new BigDecimal(allowedIfReduced))),
                "", List.of(new VisitDigest.DayMinutes("PT", minutes, units, units, true,
                        List.of(new VisitDigest.DayMinutes.Code(code, minutes, units)))), start);
    }

    /**
     * MW-A010 is worked out on the corrected claim (an auditor's review): 97110 10 minutes at 09:00 and 97112 10
     * minutes at 14:00 make 1 unit together, and MW-A012 takes 97112's unit off; the day's only unit left is 97110's,
     * paid in full, so no reduction of it is reported, and the KX count takes 97110 in full and nothing of 97112
     * (2,450.00 before: 2,479.06, under 2,480.00). Near miss: 97112 of 20 minutes keeps its unit, holds the day's
     * highest PE, and 97110 is reduced.
     */
    @Test
    void theDaysReductionFollowsTheCorrectedUnitsA010() {
        VisitDigest am = session("D-1", "97110", 10, 540, "29.06", "0.40", "22.21");
        VisitDigest pm = session("D-2", "97112", 10, 840, "31.50", "0.47", "24.00");
        Map<Integer, YearToDate> before = Map.of(2026, new YearToDate(new BigDecimal("2450.00"), BigDecimal.ZERO));
        List<AcrossFinding> out = PatientHistory.check(List.of(am, pm), before, ComplianceFixture.ref());
        assertThat(out).filteredOn(f -> f.finding().ruleId().equals("MW-A012")).singleElement()
                .satisfies(f -> assertThat(f.cuts()).containsExactly(new UnitCut("D-2", "97112", 1)));
        assertThat(ids(out, "MW-A010")).isEmpty();
        assertThat(ids(out, "MW-A003")).isEmpty();
        // With KX on 97110, the count finds it early: $2,450.00 before, $2,479.06 after (97112 counts nothing).
        VisitDigest kx = new VisitDigest("D-1", "P1", START, "medicare", true, false, 0, 0, false,
                List.of(new VisitDigest.Line("97110", List.of("GP", "KX"), 1, "PT_SLP", new BigDecimal("29.06"))),
                List.of(), am.fullUnit(), "", am.dayMinutes(), 540);
        assertThat(PatientHistory.check(List.of(kx, pm), before, ComplianceFixture.ref()))
                .filteredOn(f -> f.finding().ruleId().equals("MW-A004")).singleElement()
                .satisfies(f -> assertThat(f.finding().message()).contains("$2,450.00 before this visit, "
                        + "$2,479.06 after it"));
        VisitDigest longer = session("D-2", "97112", 20, 840, "31.50", "0.47", "24.00");
        List<AcrossFinding> near = PatientHistory.check(List.of(am, longer), before, ComplianceFixture.ref());
        assertThat(ids(near, "MW-A012")).isEmpty();
        assertThat(out).filteredOn(f -> f.finding().ruleId().equals("MW-A010")).isEmpty();
        assertThat(near).filteredOn(f -> f.finding().ruleId().equals("MW-A010")).singleElement()
                .satisfies(f -> assertThat(f.finding().message()).contains("visit D-2 holds the day's therapy unit")
                        .contains("$22.21 instead of $29.06"));
        // 2,450.00 + 22.21 + 31.50 passes the threshold on 97112 without KX.
        assertThat(ids(near, "MW-A003")).containsExactly("D-2");
    }

    /**
     * The KX count takes the reduced amount: with 2,425.00 incurred before the day, 97112 counted in full would
     * pass the 2,480.00 threshold (2,482.62) and need KX; reduced it reaches 2,474.77, and the 97530 visit passes.
     */
    @Test
    void theKxCountTakesTheDaysReduction() {
        Map<Integer, YearToDate> before = Map.of(2026, new YearToDate(new BigDecimal("2425.00"), BigDecimal.ZERO));
        VisitDigest neuro = priced("V1", START, "97112", "57.62", "0.47", "49.77", false, true);
        VisitDigest activities = priced("V2", START, "97530", "60.12", "0.60", "50.10", true, true);
        List<AcrossFinding> out = PatientHistory.check(List.of(neuro, activities), before, FEES);
        assertThat(ids(out, "MW-A003")).isEmpty();
        assertThat(ids(out, "MW-A004")).isEmpty();
        VisitDigest alone = priced("V1", START, "97112", "57.62", "0.47", "49.77", false, true);
        assertThat(ids(PatientHistory.check(List.of(alone), before, FEES), "MW-A003")).containsExactly("V1");
    }

    /**
     * A duplicate claim is denied: its lines add nothing to the KX count and need no KX. With 2,380.00 incurred, the
     * 60.00 visit reaches 2,440.00; its duplicate would have passed the 2,480.00 threshold; the next day's visit does.
     */
    @Test
    void aDuplicateClaimAddsNothingToTheKxCount() {
        Map<Integer, YearToDate> before = Map.of(2026, new YearToDate(new BigDecimal("2380.00"), BigDecimal.ZERO));
        List<VisitDigest> vs = List.of(visit("V1", START, true, "60", false, 0),
                visit("V1-D", START, true, "60", false, 0), visit("V2", START.plusDays(1), false, "60", false, 0));
        List<AcrossFinding> out = PatientHistory.check(vs, before, FEES);
        assertThat(ids(out, "MW-A006")).containsExactly("V1-D");
        assertThat(ids(out, "MW-A003")).containsExactly("V2");
    }

    /**
     * RULES.md §4: on an institutional claim every line of the bucket carries KX once the claim passes the
     * threshold; on a professional claim the crossing line and the later ones. 2,440.00 before; 30.00 + 30.00: the
     * second line passes 2,480.00. The exposure is what MW-A003 lists, PT and OT buckets alike.
     */
    @Test
    void anInstitutionalClaimNeedsKxOnEveryLineOfTheBucketOnceItPasses() {
        Map<Integer, YearToDate> before = Map.of(2026, new YearToDate(new BigDecimal("2440.00"),
                new BigDecimal("2470.00")));
        List<VisitDigest.Line> lines = List.of(
                new VisitDigest.Line("97110", List.of("GP"), 2, "PT_SLP", new BigDecimal("30")),
                new VisitDigest.Line("97112", List.of("GP"), 2, "PT_SLP", new BigDecimal("30")),
                new VisitDigest.Line("97535", List.of("GO"), 2, "OT", new BigDecimal("30")));
        VisitDigest hospital = new VisitDigest("V1", "P1", START, "medicare", true, true, 0, 0, false, lines,
                List.of());
        List<AcrossFinding> inst = PatientHistory.check(List.of(hospital), before, FEES);
        assertThat(inst).filteredOn(f -> f.finding().ruleId().equals("MW-A003")).hasSize(2);
        assertThat(inst.stream().mapToLong(AcrossFinding::exposedLines).sum()).isEqualTo(3);
        assertThat(inst.stream().map(AcrossFinding::exposedDollars).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("90");
        VisitDigest office = new VisitDigest("V1", "P1", START, "medicare", true, false, 0, 0, false, lines,
                List.of());
        List<AcrossFinding> prof = PatientHistory.check(List.of(office), before, FEES);
        assertThat(prof.stream().mapToLong(AcrossFinding::exposedLines).sum()).as("97112 and 97535").isEqualTo(2);
    }

    /** A year without a conversion factor cannot be counted (every amount would be $0): nothing about KX. */
    @Test
    void aYearWithoutAConversionFactorSaysNothingAboutKx() {
        LocalDate in2024 = LocalDate.of(2024, 3, 4);
        org.minutewise.core.fees.FeeData noCf = new org.minutewise.core.fees.FeeData("test", false, List.of(),
                List.of(org.minutewise.core.fees.Gpci.NATIONAL), Map.of(), List.of(new org.minutewise.core.fees
                .KxThreshold(2024, new BigDecimal("2330"), new BigDecimal("2330"), new BigDecimal("3000"), "t")),
                List.of(), Map.of());
        List<AcrossFinding> out = PatientHistory.check(List.of(visit("V1", in2024, true, "0", true, 0)), Map.of(),
                noCf);
        assertThat(ids(out, "MW-A004")).isEmpty();
        assertThat(ids(check(List.of(visit("V1", START, true, "60", true, 0))), "MW-A004")).containsExactly("V1");
    }

    private static VisitDigest.Treatment treatment(String code, String start, String end) {
        org.minutewise.core.model.Period p = org.minutewise.core.model.Period.of(start, end);
        return new VisitDigest.Treatment("T1", code, true, p.minutes(), 1, List.of(p));
    }

    /**
     * The KX count reads a visit's lines in the order of their documented times, not of the input's rows (an
     * auditor's review: swapping two rows of one visit turned MW-A003 on or off). 2,440.00 before; 97140 (40.00) at
     * 09:26 reaches 2,480.00, 97530 (40.00) at 09:37 passes it and carries KX: right, in either row order. With the
     * times the other way round, 97530 passes nothing and its KX is early, and 97140 passes without KX: in either
     * row order too.
     */
    @Test
    void aVisitsLinesAreCountedInTheOrderOfTheirTimesNotOfTheRowsA003() {
        Map<Integer, YearToDate> before = Map.of(2026, new YearToDate(new BigDecimal("2440.00"), BigDecimal.ZERO));
        VisitDigest.Line manual = new VisitDigest.Line("97140", List.of("GP", "59"), 2, "PT_SLP",
                new BigDecimal("40"));
        VisitDigest.Line activities = new VisitDigest.Line("97530", List.of("GP", "KX"), 2, "PT_SLP",
                new BigDecimal("40"));
        List<VisitDigest.Treatment> times = List.of(treatment("97140", "09:26", "09:37"),
                treatment("97530", "09:37", "09:57"));
        for (List<VisitDigest.Line> rows : List.of(List.of(manual, activities), List.of(activities, manual))) {
            VisitDigest v = new VisitDigest("V1", "P1", START, "medicare", true, false, 0, 0, false, rows, times);
            List<AcrossFinding> out = PatientHistory.check(List.of(v), before, FEES);
            assertThat(ids(out, "MW-A003")).as("rows " + rows).isEmpty();
            assertThat(ids(out, "MW-A004")).as("rows " + rows).isEmpty();
        }
        List<VisitDigest.Treatment> otherWay = List.of(treatment("97530", "09:00", "09:20"),
                treatment("97140", "09:26", "09:37"));
        for (List<VisitDigest.Line> rows : List.of(List.of(manual, activities), List.of(activities, manual))) {
            VisitDigest v = new VisitDigest("V1", "P1", START, "medicare", true, false, 0, 0, false, rows,
                    otherWay);
            List<AcrossFinding> out = PatientHistory.check(List.of(v), before, FEES);
            assertThat(out).filteredOn(f -> f.finding().ruleId().equals("MW-A003")).singleElement()
                    .satisfies(f -> assertThat(f.lines()).containsExactly(manual));
            assertThat(ids(out, "MW-A004")).containsExactly("V1");
        }
        // Without times, by code: 97140 first whatever the rows.
        for (List<VisitDigest.Line> rows : List.of(List.of(manual, activities), List.of(activities, manual))) {
            VisitDigest v = new VisitDigest("V1", "P1", START, "medicare", true, false, 0, 0, false, rows,
                    List.of());
            assertThat(PatientHistory.check(List.of(v), before, FEES)).isEmpty();
        }
    }

    /**
     * A line the day's MUE denies whole (MW-A009) is paid nothing, so it adds nothing to the KX count (an auditor's
     * review: it passed the threshold for a later visit, whose MW-A003 asked for a KX not needed). 97112's MUE is 4 a
     * day: OT's 2,420.00 before, V1's 97112 GP (PT, 3 units), then V2's 97112 GO (3 units, 40.00) denied; V3's 97535 (50.00) reaches
     * 2,470.00, under 2,480.00. Near miss: V2 billing 1 unit is no MUE denial, counts, and V3 then passes.
     */
    @Test
    void aLineTheDaysMueDeniesAddsNothingToTheKxCountA009() {
        Map<Integer, YearToDate> before = Map.of(2026, new YearToDate(BigDecimal.ZERO, new BigDecimal("2420.00")));
        VisitDigest v1 = lines("V1", START, new VisitDigest.Line("97112", List.of("GP"), 3, "PT_SLP",
                new BigDecimal("40")));
        VisitDigest v3 = lines("V3", START.plusDays(7), new VisitDigest.Line("97535", List.of("GO"), 2, "OT",
                new BigDecimal("50")));
        VisitDigest denied = lines("V2", START, new VisitDigest.Line("97112", List.of("GO"), 3, "OT",
                new BigDecimal("40")));
        List<AcrossFinding> out = PatientHistory.check(List.of(v1, denied, v3), before, ComplianceFixture.ref());
        assertThat(ids(out, "MW-A009")).containsExactly("V2");
        assertThat(out).filteredOn(f -> f.finding().ruleId().equals("MW-A009")).singleElement()
                .satisfies(f -> {
                    assertThat(f.finding().message()).contains("they count nothing toward the patient's KX threshold");
                    // The lines it denies go with it (an audit prices their rows at $0).
                    assertThat(f.lines()).extracting(VisitDigest.Line::code).containsExactly("97112");
                });
        assertThat(ids(out, "MW-A003")).isEmpty();
        VisitDigest paid = lines("V2", START, new VisitDigest.Line("97112", List.of("GO"), 1, "OT",
                new BigDecimal("40")));
        List<AcrossFinding> near = PatientHistory.check(List.of(v1, paid, v3), before, ComplianceFixture.ref());
        assertThat(ids(near, "MW-A009")).isEmpty();
        assertThat(ids(near, "MW-A003")).containsExactly("V3");
    }

    /**
     * The units MW-A001 takes off (one therapist one-on-one with two patients in the same minutes: given as cuts taken
     * before the patient's checks) add nothing to the KX count, as MW-A012's (an auditor's review: a visit that lost
     * a unit to MW-A001 still counted its dollars). 2,440.00 before; V1's 97110 x2 at 60.00 reaches 2,500.00, past
     * 2,480.00, without KX (MW-A003); with one unit taken off it reaches 2,470.00: no KX needed, and a KX billed is
     * early (MW-A004). Near miss: a cut of another visit's line changes nothing.
     */
    @Test
    void aUnitMwA001TakesOffAddsNothingToTheKxCountA003A004() {
        Map<Integer, YearToDate> before = Map.of(2026, new YearToDate(new BigDecimal("2440.00"), BigDecimal.ZERO));
        VisitDigest v1 = lines("V1", START, new VisitDigest.Line("97110", List.of("GP"), 2, "PT_SLP",
                new BigDecimal("60.00")));
        VisitDigest kx = lines("V1", START, new VisitDigest.Line("97110", List.of("GP", "KX"), 2, "PT_SLP",
                new BigDecimal("60.00")));
        List<UnitCut> shared = List.of(new UnitCut("V1", "97110", 1, -1));
        List<UnitCut> elsewhere = List.of(new UnitCut("V9", "97110", 1, -1));

        List<AcrossFinding> cut = PatientHistory.check(List.of(v1), before, Map.of(), ComplianceFixture.ref(), shared);
        assertThat(ids(cut, "MW-A003")).isEmpty();
        assertThat(PatientHistory.check(List.of(kx), before, Map.of(), ComplianceFixture.ref(), shared))
                .filteredOn(f -> f.finding().ruleId().equals("MW-A004")).singleElement()
                .satisfies(f -> assertThat(f.finding().message()).contains("$2,440.00 before this visit, "
                        + "$2,470.00 after it"));

        assertThat(PatientHistory.check(List.of(v1), before, Map.of(), ComplianceFixture.ref(), elsewhere))
                .filteredOn(f -> f.finding().ruleId().equals("MW-A003")).singleElement()
                .satisfies(f -> assertThat(f.finding().message()).contains("$2,500.00 after it"));
        assertThat(ids(PatientHistory.check(List.of(kx), before, Map.of(), ComplianceFixture.ref(), elsewhere),
                "MW-A004")).isEmpty();
        // As without any cut.
        assertThat(ids(PatientHistory.check(List.of(v1), before, Map.of(), ComplianceFixture.ref()), "MW-A003"))
                .containsExactly("V1");
    }

    /**
     * A visit whose line of its unit paid in full keeps no unit once MW-A001's cut is taken holds no unit of the day
     * (an auditor's review: the other visit was still reduced for it): V2's 97530 (the day's highest PE) loses both
     * units, so V1's 97112 is not reduced (no MW-A010). Near miss: V2 losing one unit of two still holds the day's
     * unit paid in full, and V1 is reduced.
     */
    @Test
    void aVisitMwA001TakesWholeHoldsNoUnitOfTheDayA010() {
        VisitDigest neuro = priced("V1", START, "97112", "57.62", "0.47", "49.77", false, true);
        VisitDigest activities = priced("V2", START, "97530", "60.12", "0.60", "50.10", false, true);
        List<AcrossFinding> whole = PatientHistory.check(List.of(neuro, activities), Map.of(), Map.of(),
                ComplianceFixture.ref(), List.of(new UnitCut("V2", "97530", 2, -1)));
        assertThat(ids(whole, "MW-A010")).isEmpty();
        List<AcrossFinding> part = PatientHistory.check(List.of(neuro, activities), Map.of(), Map.of(),
                ComplianceFixture.ref(), List.of(new UnitCut("V2", "97530", 1, -1)));
        assertThat(ids(part, "MW-A010")).containsExactly("V1");
    }

    /**
     * MW-A002 counts treatment days under the plan of care of the visit's lines, not the GP they were billed with
     * (an auditor's review): days 4 and 8 of a PT plan billed without GP (MW-B004) are still PT treatment days, so
     * day 11 and day 12 are past the due date. Near miss: ten such days are covered; a line whose plan is not known
     * counts under its modifier, as before.
     */
    @Test
    void aTreatmentDayBilledWithoutItsGpCountsUnderItsPlanA002() {
        List<VisitDigest> vs = episode(12);
        for (int d : new int[] {4, 8}) {
            vs.set(d, new VisitDigest(String.format("V%02d", d), "P1", START.plusDays(d), "medicare", true, false, 0,
                    0, false, List.of(new VisitDigest.Line("97110", List.of(), 2, "PT_SLP", new BigDecimal("60"),
                    org.minutewise.core.model.Discipline.PT, VisitDigest.OwnKx.UNJUDGED,
                    org.minutewise.core.model.Discipline.PT)), List.of()));
        }
        List<AcrossFinding> out = check(vs);
        assertThat(ids(out, "MW-A002")).containsExactly("V11", "V12");
        assertThat(out).filteredOn(f -> f.visitId().equals("V12")).singleElement().satisfies(f -> assertThat(
                f.finding().message()).startsWith("This is treatment day 12 under the PT plan of care"));
        // A GO billed on the PT plan's visit is still the PT plan's day.
        List<VisitDigest> wrong = new ArrayList<>(vs);
        wrong.set(4, new VisitDigest("V04", "P1", START.plusDays(4), "medicare", true, false, 0, 0, false,
                List.of(new VisitDigest.Line("97110", List.of("GO"), 2, "OT", new BigDecimal("60"),
                        org.minutewise.core.model.Discipline.OT, VisitDigest.OwnKx.UNJUDGED,
                        org.minutewise.core.model.Discipline.PT)), List.of()));
        assertThat(ids(check(wrong), "MW-A002")).containsExactly("V11", "V12");
        assertThat(ids(check(vs.subList(0, 11)), "MW-A002")).as("ten treatment days").isEmpty();
        // Plan not known: under the modifier (the two days count apart), as before.
        List<VisitDigest> unknown = new ArrayList<>(vs);
        for (int d : new int[] {4, 8}) {
            unknown.set(d, new VisitDigest(String.format("V%02d", d), "P1", START.plusDays(d), "medicare", true,
                    false, 0, 0, false, List.of(new VisitDigest.Line("97110", List.of(), 2, "PT_SLP",
                    new BigDecimal("60"))), List.of()));
        }
        assertThat(ids(check(unknown), "MW-A002")).isEmpty();
    }

    @Test
    void theOrderOfTheVisitsDoesNotMatter() {
        List<VisitDigest> vs = episode(14);
        vs.set(5, visit("V05", START.plusDays(5), false, "60", true, 0));
        List<AcrossFinding> sorted = check(vs);
        List<VisitDigest> shuffled = new ArrayList<>(vs);
        Collections.shuffle(shuffled, new java.util.Random(7));
        assertThat(check(shuffled)).isEqualTo(sorted);
    }
}
