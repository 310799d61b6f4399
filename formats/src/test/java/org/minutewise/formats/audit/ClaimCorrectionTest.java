package org.minutewise.formats.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Units a patient's day (MW-A012) or shared minutes (MW-A001) take off a visit's claims.csv rows, and what that
 * changes in the totals.
 */
class ClaimCorrectionTest {
    /** 2026's figures: an assistant's unit is paid at 85%. */
    private static ClaimCorrection.Applied cut(List<AuditCsv.ClaimRow> rows, int units) {
        return ClaimCorrection.cut(rows, units, date -> new java.math.BigDecimal("0.85"));
    }

    private static AuditCsv.ClaimRow row(String billed, String billedMods, String units, String mods,
                                         String price) {
        String difference = billed.isEmpty() ? "" : String.valueOf(
                (billed.isEmpty() ? 0 : Integer.parseInt(billed)) - (units.isEmpty() ? 0 : Integer.parseInt(units)));
        return new AuditCsv.ClaimRow("V2", 3, "2026-07-08", "P1", "PT-1", "medicare", "97110", billed, billedMods,
                units, mods, difference, price);
    }

    @Test
    void aUnitTakenOffABilledPricedLineIsOverBilled() {
        ClaimCorrection.Applied a = cut(List.of(row("1", "GP", "1", "GP", "22.21")), 1);
        assertThat(a.rows()).singleElement().satisfies(r -> {
            assertThat(r.units()).isEqualTo("0");
            assertThat(r.difference()).isEqualTo("1");
            assertThat(r.modifiers()).isEqualTo("GP");
        });
        assertThat(a.supported()).isEqualTo(-1);
        assertThat(a.over()).isEqualByComparingTo("22.21");
        assertThat(a.under()).isEqualByComparingTo("0");
    }

    /** A line billed under what its own minutes support (under by 1) is at par once the day takes that unit. */
    @Test
    void aCutFirstCancelsAnUnderBilling() {
        ClaimCorrection.Applied a = cut(List.of(row("1", "GP", "2", "GP", "22.21")), 1);
        assertThat(a.rows().get(0).difference()).isEqualTo("0");
        assertThat(a.over()).isEqualByComparingTo("0");
        assertThat(a.under()).isEqualByComparingTo("-22.21");
    }

    /** The therapist's unit goes before the assistant's; no row below 0, and what cannot be taken is not counted. */
    @Test
    void theUnitWithoutCqComesOffFirstAndNoRowGoesBelowZero() {
        List<AuditCsv.ClaimRow> rows = List.of(row("1", "GP;CQ", "1", "GP;CQ", "18.88"),
                row("1", "GP", "1", "GP", "22.21"));
        ClaimCorrection.Applied one = cut(rows, 1);
        assertThat(one.rows()).extracting(AuditCsv.ClaimRow::units).containsExactly("1", "0");
        assertThat(one.over()).isEqualByComparingTo("22.21");
        ClaimCorrection.Applied all = cut(rows, 5);
        assertThat(all.rows()).extracting(AuditCsv.ClaimRow::units).containsExactly("0", "0");
        assertThat(all.supported()).isEqualTo(-2);
        assertThat(all.over()).isEqualByComparingTo("41.09");
    }

    private static final java.util.function.Function<String, java.math.BigDecimal> SHARE =
            date -> new java.math.BigDecimal("0.85");

    /**
     * MW-A001's cut says how many of the code's units carry CQ/CO after it (the de minimis standard applied again to
     * the minutes left): the rows keep that many with CQ and the rest without, whichever kind that takes. One CQ unit
     * left of two: the CQ row's unit goes, the dollars over are its 85% price, 18.88; none left: the full-rate row's
     * unit goes (as a cut without a count takes it), 22.21. More than the rows hold: no row below 0.
     */
    @Test
    void aCutWithACountOfCqUnitsLeavesThatMany() {
        List<AuditCsv.ClaimRow> rows = List.of(row("1", "GP", "1", "GP", "22.21"),
                row("2", "GP;CQ", "2", "GP;CQ", "18.88"));
        ClaimCorrection.Applied assistant = ClaimCorrection.cut(rows, 1, 1, SHARE);
        assertThat(assistant.rows()).extracting(r -> r.modifiers() + " " + r.units() + " " + r.difference())
                .containsExactly("GP 1 0", "GP;CQ 1 1");
        assertThat(assistant.supported()).isEqualTo(-1);
        assertThat(assistant.unitsOver()).isEqualTo(1);
        assertThat(assistant.over()).isEqualByComparingTo("18.88");
        ClaimCorrection.Applied therapist = ClaimCorrection.cut(rows, 1, 2, SHARE);
        assertThat(therapist.rows()).extracting(r -> r.modifiers() + " " + r.units() + " " + r.difference())
                .containsExactly("GP 0 1", "GP;CQ 2 0");
        assertThat(therapist.over()).isEqualByComparingTo("22.21");
        assertThat(cut(rows, 1).rows()).as("no count: full-rate first").isEqualTo(therapist.rows());
        ClaimCorrection.Applied more = ClaimCorrection.cut(rows, 4, 0, SHARE);
        assertThat(more.rows()).extracting(AuditCsv.ClaimRow::units).containsExactly("0", "0");
        assertThat(more.supported()).isEqualTo(-3);
        assertThat(more.over()).isEqualByComparingTo("59.97");
    }

    /**
     * A unit moves from one kind to the other with no unit lost (a cut of 0 units): 2 units billed and supported
     * without CQ, 1 with CQ after: the full-rate row keeps 1 (1 over) and a new row of the code, supported side only,
     * holds the CQ unit (GP;CQ, under by 1) at the CQ price, 18.88: the dollars over are the difference, 3.33, and
     * the supported units do not change. The reverse: 1 unit billed and supported with CQ, none with CQ after: the CQ
     * row is 1 over and a new GP row holds the unit at the full price (18.88 / 0.85 = 22.21): 3.33 under. A row
     * billed with CQ and no supported side takes the CQ unit instead of a new row. The near-miss: a count the rows
     * already show changes nothing.
     */
    @Test
    void aUnitChangesKindWithoutAUnitLost() {
        ClaimCorrection.Applied toCq = ClaimCorrection.cut(List.of(row("2", "GP;KX", "2", "GP;KX", "22.21")), 0, 1,
                SHARE);
        assertThat(toCq.rows()).extracting(r -> r.billedUnits() + " " + r.billedModifiers() + " " + r.units() + " "
                + r.modifiers() + " " + r.difference() + " " + r.allowedPerUnit())
                .containsExactly("2 GP;KX 1 GP;KX 1 22.21", "  1 GP;CQ;KX -1 18.88");
        assertThat(toCq.supported()).isZero();
        assertThat(toCq.unitsOver()).isZero();
        assertThat(toCq.unitsUnder()).isZero();
        assertThat(toCq.over()).isEqualByComparingTo("3.33");
        assertThat(toCq.under()).isEqualByComparingTo("0");

        ClaimCorrection.Applied fromCq = ClaimCorrection.cut(List.of(row("1", "GP;CQ", "1", "GP;CQ", "18.88")), 0, 0,
                SHARE);
        assertThat(fromCq.rows()).extracting(r -> r.units() + " " + r.modifiers() + " " + r.difference() + " "
                + r.allowedPerUnit()).containsExactly("0 GP;CQ 1 18.88", "1 GP -1 22.21");
        assertThat(fromCq.over()).isEqualByComparingTo("0");
        assertThat(fromCq.under()).isEqualByComparingTo("3.33");

        // Billed 1 with CQ beside 1 without; the engine supported 2 without (two rows: the CQ row has no supported
        // side). One CQ unit after: the CQ row's supported side takes it.
        List<AuditCsv.ClaimRow> split = List.of(row("1", "GP", "2", "GP", "22.21"), row("1", "GP;CQ", "", "", "18.88"));
        ClaimCorrection.Applied filled = ClaimCorrection.cut(split, 0, 1, SHARE);
        assertThat(filled.rows()).extracting(r -> r.units() + " " + r.modifiers() + " " + r.difference())
                .containsExactly("1 GP 0", "1 GP;CQ 0");
        assertThat(filled.under()).as("was 22.21 under and 18.88 over, now even").isEqualByComparingTo("-3.33");

        List<AuditCsv.ClaimRow> rows = List.of(row("1", "GP", "1", "GP", "22.21"), row("1", "GP;CQ", "1", "GP;CQ",
                "18.88"));
        ClaimCorrection.Applied none = ClaimCorrection.cut(rows, 0, 1, SHARE);
        assertThat(none.rows()).isEqualTo(rows);
        assertThat(none.over()).isEqualByComparingTo("0");
        assertThat(ClaimCorrection.turned("GO;KX", true)).isEqualTo("GO;CO;KX");
        assertThat(ClaimCorrection.turned("GP;CQ;59", false)).isEqualTo("GP;59");
    }

    /**
     * A visit's cuts gathered by code ({@link ClaimCorrection#add}): MW-A001's (1 unit, 1 with CQ left) and a day's
     * (MW-A012, no count: full-rate first) add up, 2 units off 3, and the one left keeps its CQ if the count allows.
     * With one discipline's lines void, the count goes to the other's rows.
     */
    @Test
    void cutsOfOneCodeAddUpAndTheCountHolds() {
        List<AuditCsv.ClaimRow> rows = List.of(row("2", "GP", "2", "GP", "22.21"),
                row("1", "GP;CQ", "1", "GP;CQ", "18.88"));
        java.util.Map<String, Integer> cuts = new java.util.HashMap<>();
        ClaimCorrection.add(cuts, "97110", 1, 1);
        ClaimCorrection.add(cuts, "97110", 1, -1);
        assertThat(cuts).containsEntry("97110", 2).containsEntry(ClaimCorrection.assistantUnits("97110"), 1);
        assertThat(ClaimCorrection.apply(rows, cuts, SHARE)).singleElement().satisfies(a -> {
            assertThat(a.rows()).extracting(AuditCsv.ClaimRow::units).containsExactly("0", "1");
            assertThat(a.over()).isEqualByComparingTo("44.42");
        });
        assertThat(ClaimCorrection.apply(rows, java.util.Map.of("97110", 2), SHARE))
                .singleElement().satisfies(a -> assertThat(a.rows()).extracting(AuditCsv.ClaimRow::units)
                        .containsExactly("0", "1"));
        List<AuditCsv.ClaimRow> two = List.of(row("2", "GP", "2", "GP", "22.21"), row("1", "GO", "1", "GO", "22.21"),
                row("1", "GO;CO", "1", "GO;CO", "18.88"));
        java.util.Map<String, Integer> voidAndCut = new java.util.HashMap<>();
        ClaimCorrection.add(voidAndCut, ClaimCorrection.underDiscipline("97110", "GP"), ClaimCorrection.VOID, -1);
        ClaimCorrection.add(voidAndCut, "97110", 1, 0);
        List<ClaimCorrection.Applied> applied = ClaimCorrection.apply(two, voidAndCut, SHARE);
        assertThat(applied).hasSize(2);
        assertThat(applied.get(1).rows()).extracting(AuditCsv.ClaimRow::units).containsExactly("1", "0");
        assertThat(applied.get(1).over()).isEqualByComparingTo("18.88");
    }

    /** Not priced (another payer): the units change, the dollars do not. */
    @Test
    void noDollarsWithoutAPrice() {
        ClaimCorrection.Applied unpriced = cut(List.of(row("1", "GP", "1", "GP", "")), 1);
        assertThat(unpriced.supported()).isEqualTo(-1);
        assertThat(unpriced.unitsOver()).isEqualTo(1);
        assertThat(unpriced.over()).isEqualByComparingTo("0");
        ClaimCorrection.Applied unbilledUnpriced = cut(List.of(row("", "", "1", "GO", "")), 1);
        assertThat(unbilledUnpriced.unitsOver()).isEqualTo(1);
        assertThat(unbilledUnpriced.over()).isEqualByComparingTo("0");
    }

    /**
     * Billed with CQ, supported without (one row, priced at the supported kind): the billed unit is worth 85% of the
     * row's price, as the check counted it; the cut makes it 18.88 over, not 22.21 (a code review).
     */
    @Test
    void aBilledAssistantsUnitIsWorthItsOwnPrice() {
        ClaimCorrection.Applied a = cut(List.of(row("1", "GP;CQ", "1", "GP", "22.21")), 1);
        // Before: 18.8785 billed - 22.21 supported = 3.33 under; after: 18.8785 over.
        assertThat(a.over()).isEqualByComparingTo("18.8785");
        assertThat(a.under()).isEqualByComparingTo("-3.3315");
    }

    /**
     * Without billed input the engine's claim is the claim billed: a cut across visits leaves it as billed and shows
     * on the row as units over, at the row's price, the billed side filled with the engine's units and modifiers
     * before the cut, so the row's difference x allowedPerUnit is the dollars over, as on a billed visit's row.
     */
    @Test
    void anUnbilledVisitsCutShowsAsUnitsOver() {
        ClaimCorrection.Applied a = cut(List.of(row("", "", "2", "GP", "22.21")), 1);
        assertThat(a.billed()).isZero();
        assertThat(a.supported()).isEqualTo(-1);
        assertThat(a.unitsOver()).isEqualTo(1);
        assertThat(a.unitsUnder()).isZero();
        assertThat(a.over()).isEqualByComparingTo("22.21");
        assertThat(a.under()).isEqualByComparingTo("0");
        assertThat(a.rows()).singleElement().satisfies(r -> {
            assertThat(r.billedUnits()).isEqualTo("2");
            assertThat(r.billedModifiers()).isEqualTo("GP");
            assertThat(r.units()).isEqualTo("1");
            assertThat(r.difference()).isEqualTo("1");
        });
        // The same as a visit that billed the engine's claim.
        ClaimCorrection.Applied billed = cut(List.of(row("2", "GP", "2", "GP", "22.21")), 1);
        assertThat(billed.rows()).isEqualTo(a.rows());
        assertThat(billed.over()).isEqualByComparingTo(a.over());
        // Near miss: a cut of nothing leaves the unbilled rows as they were (billed side empty, no difference).
        List<AuditCsv.ClaimRow> rows = List.of(row("", "", "2", "GP", "22.21"));
        ClaimCorrection.Applied none = cut(rows, 0);
        assertThat(none.rows()).isEqualTo(rows);
        assertThat(none.unitsOver()).isZero();
        assertThat(none.over()).isEqualByComparingTo("0");
    }

    /**
     * A billed CQ unit with no supported counterpart (its own row, priced at its own kind) counts in the code's
     * dollars: before, 18.88 billed beside 22.21 more supported than billed was 3.33 under; the cut makes it 18.88
     * over (a code review found -18.88 under).
     */
    @Test
    void aBilledRowWithoutASupportedSideCounts() {
        ClaimCorrection.Applied a = cut(List.of(row("1", "GP", "2", "GP", "22.21"), row("1", "GP;CQ", "", "", "18.88")),
                1);
        assertThat(a.rows()).extracting(AuditCsv.ClaimRow::units).containsExactly("1", "");
        assertThat(a.over()).isEqualByComparingTo("18.88");
        assertThat(a.under()).isEqualByComparingTo("-3.33");
    }

    /**
     * A finding about a void duplicate's line or service is moot (its billed line or its service named by code);
     * near misses: another code, a code only cut by units, a visit-level path, a path by index of a line that stands.
     */
    @Test
    void findingsAboutAVoidLineAreMoot() {
        java.util.Map<String, Integer> cuts = java.util.Map.of("97110", ClaimCorrection.VOID, "97112", 1);
        assertThat(ClaimCorrection.aboutVoided(finding("billed[code=97110].modifiers"), cuts)).isTrue();
        assertThat(ClaimCorrection.aboutVoided(finding("billed[code=97110]"), cuts)).isTrue();
        assertThat(ClaimCorrection.aboutVoided(finding("services[code=97110]"), cuts)).isTrue();
        assertThat(ClaimCorrection.aboutVoided(finding("services[code=97112]"), cuts)).isFalse();
        assertThat(ClaimCorrection.aboutVoided(finding("services[code=97140]"), cuts)).isFalse();
        assertThat(ClaimCorrection.aboutVoided(finding("services[code=97110]x"), cuts)).isFalse();
        assertThat(ClaimCorrection.aboutVoided(finding("claimLines"), cuts)).isFalse();
        assertThat(ClaimCorrection.aboutVoided(finding("billed[0].modifiers"), cuts)).isFalse();
        assertThat(ClaimCorrection.aboutVoided(finding("services[code=97110]"), null)).isFalse();
        // A billed line named by its index goes with it when the line is void (its index voided beside its code).
        java.util.Map<String, Integer> byIndex = java.util.Map.of("97110", ClaimCorrection.VOID,
                ClaimCorrection.billedLine(2), ClaimCorrection.VOID);
        assertThat(ClaimCorrection.aboutVoided(finding("billed[2].modifiers"), byIndex)).isTrue();
        assertThat(ClaimCorrection.aboutVoided(finding("billed[2]"), byIndex)).isTrue();
        assertThat(ClaimCorrection.aboutVoided(finding("billed[1].modifiers"), byIndex)).isFalse();
        assertThat(ClaimCorrection.aboutVoided(finding("billed[2]x"), byIndex)).isFalse();
    }

    /**
     * A void of one discipline's lines of a code (97110 with GP sent again beside a new 97110 with GO): those rows
     * are void, the other discipline's stand (a cut of the code's units comes off them).
     */
    @Test
    void aVoidOfOneDisciplineLeavesTheOthersRows() {
        List<AuditCsv.ClaimRow> rows = List.of(row("2", "GP", "2", "GP", "22.21"), row("2", "GO", "2", "GO", "22.21"));
        List<ClaimCorrection.Applied> applied = ClaimCorrection.apply(rows, java.util.Map.of(
                ClaimCorrection.underDiscipline("97110", "GP"), ClaimCorrection.VOID, "97110", 1),
                date -> new java.math.BigDecimal("0.85"));
        assertThat(applied).hasSize(2);
        assertThat(applied.get(0).rows()).singleElement().satisfies(r -> {
            assertThat(r.billedModifiers()).isEqualTo("GP");
            assertThat(r.units()).isEqualTo("0");
        });
        assertThat(applied.get(0).duplicateUnits()).isEqualTo(2);
        assertThat(applied.get(1).rows()).singleElement().satisfies(r -> {
            assertThat(r.billedModifiers()).isEqualTo("GO");
            assertThat(r.units()).isEqualTo("1");
        });
        assertThat(applied.get(1).duplicateUnits()).isZero();
        assertThat(ClaimCorrection.concerns(java.util.Map.of(ClaimCorrection.underDiscipline("97110", "GO"),
                ClaimCorrection.VOID), "97110")).isTrue();
        assertThat(ClaimCorrection.concerns(java.util.Map.of(ClaimCorrection.billedLine(0), ClaimCorrection.VOID),
                "97110")).isFalse();
        // Without a discipline's void, the code's rows are cut together, as before.
        assertThat(ClaimCorrection.apply(rows, java.util.Map.of("97110", 1), date -> java.math.BigDecimal.ONE))
                .singleElement().satisfies(a -> assertThat(a.rows()).hasSize(2));
    }

    /**
     * A void duplicate's units and dollars are its rows': billed units at the row's price, or for a visit without
     * billed input the units the engine gave it (they were counted as its billed units).
     */
    @Test
    void aVoidCountsTheRowsUnitsAndDollars() {
        ClaimCorrection.Applied billed = ClaimCorrection.voided(List.of(row("2", "GP", "2", "GP", "22.21")));
        assertThat(billed.duplicateUnits()).isEqualTo(2);
        assertThat(billed.duplicateDollars()).isEqualByComparingTo("44.42");
        ClaimCorrection.Applied engine = ClaimCorrection.voided(List.of(row("", "", "3", "GP", "22.21")));
        assertThat(engine.duplicateUnits()).isEqualTo(3);
        assertThat(engine.duplicateDollars()).isEqualByComparingTo("66.63");
        assertThat(engine.supported()).isEqualTo(-3);
        assertThat(ClaimCorrection.voided(List.of(row("2", "GP", "2", "GP", ""))).duplicateDollars()).isZero();
    }

    /**
     * The lines a day's MUE denies whole (MW-A009) are priced at $0 a unit, as MW-E006's: the rows keep their units
     * and differences, and the dollars over or under they were worth come off the totals. Over by 1 at 22.21 and
     * under by 1 on the CQ row at 18.88 (net 3.33 over): 3.33 comes off the dollars over. Near miss: the day's denial
     * of another code leaves the rows as they are.
     */
    @Test
    void aCodeTheDaysMueDeniesIsPricedAtZeroA009() {
        List<AuditCsv.ClaimRow> rows = List.of(row("2", "GP", "1", "GP", "22.21"),
                row("1", "GP;CQ", "2", "GP;CQ", "18.88"));
        java.util.Map<String, Integer> cuts = new java.util.HashMap<>();
        ClaimCorrection.add(cuts, ClaimCorrection.deniedByDay("97110"), 1, -1);
        assertThat(ClaimCorrection.concerns(cuts, "97110")).isTrue();
        assertThat(ClaimCorrection.concerns(cuts, "97112")).isFalse();
        assertThat(ClaimCorrection.apply(rows, cuts, SHARE)).singleElement().satisfies(a -> {
            assertThat(a.rows()).extracting(r -> r.units() + " " + r.difference() + " " + r.allowedPerUnit())
                    .containsExactly("1 1 0.00", "2 -1 0.00");
            assertThat(a.over()).isEqualByComparingTo("-3.33");
            assertThat(a.under()).isEqualByComparingTo("0");
            assertThat(a.supported()).isZero();
            assertThat(a.unitsOver()).isZero();
        });
        java.util.Map<String, Integer> other = java.util.Map.of(ClaimCorrection.deniedByDay("97112"), 1,
                "97110", 0);
        assertThat(ClaimCorrection.apply(rows, other, SHARE)).singleElement().satisfies(a -> {
            assertThat(a.rows()).isEqualTo(rows);
            assertThat(a.over()).isEqualByComparingTo("0");
        });
    }

    /**
     * A day's cut (MW-A012) and the day's MUE denial on one code: the unit comes off, then the rows are priced at $0;
     * the totals lose the unit and every dollar the code was worth (under by 1 at 22.21 before). A void (MW-A006)
     * stays a void: the duplicate's amount is counted apart. Rows of two therapists are counted apart (one result
     * each: the totals per therapist), as the check counted them.
     */
    @Test
    void aDenialAfterACutAndBesideAVoidA009() {
        List<AuditCsv.ClaimRow> under = List.of(row("1", "GP", "2", "GP", "22.21"));
        java.util.Map<String, Integer> cuts = new java.util.HashMap<>();
        ClaimCorrection.add(cuts, "97110", 1, -1);
        ClaimCorrection.add(cuts, ClaimCorrection.deniedByDay("97110"), 1, -1);
        assertThat(ClaimCorrection.apply(under, cuts, SHARE)).singleElement().satisfies(a -> {
            assertThat(a.rows()).extracting(r -> r.units() + " " + r.difference() + " " + r.allowedPerUnit())
                    .containsExactly("1 0 0.00");
            assertThat(a.supported()).isEqualTo(-1);
            assertThat(a.over()).isEqualByComparingTo("0");
            assertThat(a.under()).isEqualByComparingTo("-22.21");
        });
        ClaimCorrection.add(cuts, "97110", ClaimCorrection.VOID, -1);
        assertThat(ClaimCorrection.apply(under, cuts, SHARE)).singleElement().satisfies(a -> {
            assertThat(a.rows().get(0).allowedPerUnit()).isEqualTo("22.21");
            assertThat(a.duplicateDollars()).isEqualByComparingTo("22.21");
        });
        AuditCsv.ClaimRow other = new AuditCsv.ClaimRow("V2", 3, "2026-07-08", "P1", "PT-2", "medicare", "97110",
                "1", "GP", "2", "GP", "-1", "22.21");
        List<ClaimCorrection.Applied> two = ClaimCorrection.apply(List.of(row("2", "GP", "1", "GP", "22.21"), other),
                java.util.Map.of(ClaimCorrection.deniedByDay("97110"), 1), SHARE);
        assertThat(two).extracting(a -> a.rows().get(0).therapistId() + " " + a.over().stripTrailingZeros().toPlainString() + " "
                        + a.under().stripTrailingZeros().toPlainString())
                .containsExactly("PT-1 -22.21 0", "PT-2 0 -22.21");
    }

    private static AuditCsv.FindingRow finding(String path) {
        return new AuditCsv.FindingRow("V2", 3, "MW-E004", org.minutewise.core.check.Severity.INFO, "m", "in.csv",
                path, "2026-07-08", "P1", "PT-1", "medicare", "fix", "cite");
    }
}
