package org.minutewise.core.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.minutewise.core.check.ComplianceFixture.DOS;
import static org.minutewise.core.check.ComplianceFixture.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.minutewise.core.fees.FeeData;
import org.minutewise.core.fees.Gpci;
import org.minutewise.core.fees.PaymentRates;
import org.minutewise.core.fees.Rvu;
import org.minutewise.core.model.Discipline;

/**
 * The Medicare physician fee schedule estimate (RULES.md §6): (work x GPCI + PE x GPCI + MP x GPCI) x CF; of all
 * therapy units of the day the unit with the highest PE is paid in full, every other unit gets 50% of its PE;
 * then 85% for CQ/CO lines (since 2022-01-01, §4); then 20% coinsurance. National GPCIs are 1.000, CF 2026
 * $33.4009; 2026 RVUs (work / PE / MP): 97110 0.45 / 0.41 / 0.01, 97112 0.50 / 0.47 / 0.01, 97530 0.44 / 0.60 /
 * 0.01. Amounts are rounded to cents per line.
 */
class PaymentEstimatorTest {

    private static ClaimLine line(String code, int units, boolean assistantUnit) {
        List<String> modifiers = assistantUnit ? List.of("GP", "CQ") : List.of("GP");
        return new ClaimLine(code, modifiers, units, List.of(1), Optional.empty(), Optional.of("T1"),
                Optional.empty(), assistantUnit ? Optional.of("A1") : Optional.empty(), assistantUnit, Discipline.PT,
                List.of(0));
    }

    /**
     * A CQ line split by supervisor (ClaimBuilder.bySupervisor: 97110 GP CQ x{@code first} under T1 and x{@code
     * second} under T2) is priced at what one line of its units is allowed, to the cent, whatever the RVUs: the 85%
     * and the rounding are applied to the split's units once, not once a line. With another code first or after
     * (which may hold the unit paid in full).
     */
    @net.jqwik.api.Property(tries = 1000)
    void aLineSplitBySupervisorIsPricedAsOneLine(@net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 1,
            max = 6) int first, @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 6) int second,
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(max = 900) int work,
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(max = 900) int pe,
            @net.jqwik.api.ForAll @net.jqwik.api.constraints.IntRange(max = 3) int otherUnits,
            @net.jqwik.api.ForAll boolean otherFirst) {
        FeeData f = fees().withRvus(List.of(new Rvu("97110", 2026, BigDecimal.valueOf(work, 3),
                BigDecimal.valueOf(pe, 3), money("0.01")), new Rvu("97530", 2026, money("0.44"), money("0.60"),
                money("0.01"))), "test");
        ClaimLine t1 = line("97110", first, true);
        ClaimLine t2 = new ClaimLine("97110", List.of("GP", "CQ"), second, List.of(1), Optional.empty(),
                Optional.of("T2"), Optional.empty(), Optional.of("A2"), true, Discipline.PT, List.of(1));
        ClaimLine one = line("97110", first + second, true);
        List<ClaimLine> split = new java.util.ArrayList<>(List.of(t1, t2));
        List<ClaimLine> whole = new java.util.ArrayList<>(List.of(one));
        if (otherUnits > 0) {
            split.add(otherFirst ? 0 : 2, line("97530", otherUnits, false));
            whole.add(otherFirst ? 0 : 1, line("97530", otherUnits, false));
        }
        Estimate a = PaymentEstimator.estimate(split, DOS, Optional.empty(), f);
        Estimate b = PaymentEstimator.estimate(whole, DOS, Optional.empty(), f);

        assertThat(a.totalAllowed()).isEqualByComparingTo(b.totalAllowed());
        assertThat(a.patientCoinsurance()).isEqualByComparingTo(b.patientCoinsurance());
        assertThat(a.lines()).allSatisfy(l -> assertThat(l.allowed()).isNotNegative());
    }

    private static Estimate estimate(ClaimLine... lines) {
        return PaymentEstimator.estimate(List.of(lines), DOS, Optional.empty(), fees());
    }

    private static BigDecimal money(String s) {
        return new BigDecimal(s);
    }

    @Test
    void theFinalModifiersAreCarriedOverAndAnUnchangedEstimateIsKept() {
        ClaimLine a = line("97112", 2, false);
        ClaimLine b = line("97110", 1, true);
        Estimate e = estimate(a, b);
        assertThat(e.withModifiersOf(List.of(a, b))).isSameAs(e);
        assertThat(e.withModifiersOf(List.of(a.withModifiers(List.of("GP")), b))).isEqualTo(e);

        Estimate kx = e.withModifiersOf(List.of(a.withModifiers(List.of("GP", "KX")), b));
        assertThat(kx.lines().get(0).modifiers()).containsExactly("GP", "KX");
        assertThat(kx.lines().get(1).modifiers()).containsExactly("GP", "CQ");
        assertThat(kx).usingRecursiveComparison().ignoringFields("lines").isEqualTo(e);
        assertThat(kx.lines().get(0).allowed()).isEqualTo(e.lines().get(0).allowed());
    }

    /**
     * 97112 x2: the first unit in full, 0.50 + 0.47 + 0.01 = 0.98; the second with half its PE, 0.50 + 0.235 +
     * 0.01 = 0.745. (0.98 + 0.745) x 33.4009 = 57.6165525 = $57.62.
     */
    @Test
    void onlyOneUnitOfALineIsPaidInFull() {
        Estimate e = estimate(line("97112", 2, false));

        assertThat(e.available()).isTrue();
        assertThat(e.lines().get(0).allowed()).isEqualByComparingTo("57.62");
        assertThat(e.lines().get(0).mpprApplied()).isTrue();
        assertThat(e.totalAllowed()).isEqualByComparingTo("57.62");
    }

    /**
     * 97110 x1 then 97530 x1: 97530's PE (0.60) is the highest, so its unit is paid in full even though it comes
     * second: 0.44 + 0.60 + 0.01 = 1.05 x 33.4009 = 35.070945 = $35.07. 97110 gets half its PE: 0.45 + 0.205 +
     * 0.01 = 0.665 x 33.4009 = 22.2115985 = $22.21. Total $57.28.
     */
    @Test
    void theUnitWithTheHighestPeOfTheDayIsTheOnePaidInFull() {
        Estimate e = estimate(line("97110", 1, false), line("97530", 1, false));

        assertThat(e.lines().get(0).allowed()).isEqualByComparingTo("22.21");
        assertThat(e.lines().get(0).mpprApplied()).isTrue();
        assertThat(e.lines().get(1).allowed()).isEqualByComparingTo("35.07");
        assertThat(e.lines().get(1).mpprApplied()).isFalse();
        assertThat(e.totalAllowed()).isEqualByComparingTo("57.28");
    }

    /**
     * RULES.md's example: 97112 x2 (GP) and 97110 x1 (GP CQ) at the 2026 national rates.
     * 97112 holds the highest PE (0.47): (0.98 + 0.745) x 33.4009 = 57.6165525 = $57.62.
     * 97110 with half its PE: 0.665 x 33.4009 = 22.2115985 = $22.21, then 85% for CQ: 18.8785 = $18.88.
     * Total 57.62 + 18.88 = $76.50; coinsurance 20% = $15.30; Medicare pays $61.20.
     */
    @Test
    void rulesExample97112Twice97110OnceWithCqIs7650() {
        Estimate e = estimate(line("97112", 2, false), line("97110", 1, true));

        assertThat(e.conversionFactor()).isEqualByComparingTo("33.4009");
        assertThat(e.lines().get(0).allowed()).isEqualByComparingTo("57.62");
        assertThat(e.lines().get(1).allowedBeforeAssistantReduction()).isEqualByComparingTo("22.21");
        assertThat(e.lines().get(1).allowed()).isEqualByComparingTo("18.88");
        assertThat(e.lines().get(1).assistantReduction()).isTrue();
        assertThat(e.totalAllowed()).isEqualByComparingTo("76.50");
        assertThat(e.patientCoinsurance()).isEqualByComparingTo("15.30");
        assertThat(e.medicarePays()).isEqualByComparingTo("61.20");
        assertThat(e.unpriced()).isEmpty();
    }

    /** 85% applies after MPPR, also to a full-price unit: 0.98 x 33.4009 = 32.732882 = $32.73; x 0.85 = $27.82. */
    @Test
    void cqLineIsPaidAt85PercentAfterTheReduction() {
        Estimate e = estimate(line("97112", 1, true));

        assertThat(e.lines().get(0).allowedBeforeAssistantReduction()).isEqualByComparingTo("32.73");
        assertThat(e.lines().get(0).allowed()).isEqualByComparingTo("27.82");
    }

    /**
     * RULES.md §4: CQ/CO are required from 2020-01-01 but the 85% payment applies from 2022-01-01; the share is
     * the year's data, not a date in code. Test figures: the 2021 and 2022 CFs (34.8931, 34.6062) with the same
     * RVUs, the CQ/CO share 1.00 in 2021 and 0.85 in 2022. 97110 x1 alone is paid in full: 2021: 0.87 x 34.8931 =
     * 30.356997 = $30.36, no cut. 2022: 0.87 x 34.6062 = 30.107394 = $30.11, x 0.85 = 25.5935 = $25.59.
     */
    @Test
    void the85PercentCutStartsIn2022() {
        Rvu r2021 = new Rvu("97110", 2021, money("0.45"), money("0.41"), money("0.01"));
        Rvu r2022 = new Rvu("97110", 2022, money("0.45"), money("0.41"), money("0.01"));
        FeeData f = new FeeData("test", false, List.of(r2021, r2022), List.of(Gpci.NATIONAL),
                Map.of(2021, money("34.8931"), 2022, money("34.6062")), List.of(),
                List.of(new PaymentRates(2021, money("0.50"), money("1.00"), money("0.20")),
                        new PaymentRates(2022, money("0.50"), money("0.85"), money("0.20"))), Map.of());

        Estimate in2021 = PaymentEstimator.estimate(List.of(line("97110", 1, true)), LocalDate.of(2021, 12, 31),
                Optional.empty(), f);
        Estimate in2022 = PaymentEstimator.estimate(List.of(line("97110", 1, true)), LocalDate.of(2022, 1, 3),
                Optional.empty(), f);

        assertThat(in2021.lines().get(0).allowed()).isEqualByComparingTo("30.36");
        assertThat(in2021.lines().get(0).assistantReduction()).isFalse();
        assertThat(in2022.lines().get(0).allowed()).isEqualByComparingTo("25.59");
        assertThat(in2022.lines().get(0).assistantReduction()).isTrue();
    }

    /** Locality GPCIs weigh each component: 0.45 x 1.1 + 0.41 x 1.2 + 0.01 x 0.5 = 0.992 x 33.4009 = $33.13. */
    @Test
    void gpciWeighsWorkPeAndMalpracticeSeparately() {
        FeeData f = fees().withGpcis(List.of(new Gpci("99", "Test locality", money("1.1"), money("1.2"),
                money("0.5"))));

        Estimate e = PaymentEstimator.estimate(List.of(line("97110", 1, false)), DOS, Optional.of("99"), f);

        assertThat(e.locality()).isEqualTo("99");
        assertThat(e.lines().get(0).allowed()).isEqualByComparingTo("33.13");
    }

    /**
     * The shares are the year's data: with a reduced PE share of 0.25 (MPPR before April 2013) and coinsurance of
     * 0.10, 97112 x2 is 0.98 + (0.50 + 0.1175 + 0.01) = 1.6075 x 33.4009 = 53.6919 = $53.69, coinsurance $5.37.
     */
    @Test
    void theSharesComeFromTheYearsData() {
        FeeData base = fees();
        FeeData f = new FeeData("test", false, List.of(new Rvu("97112", 2026, money("0.50"), money("0.47"),
                money("0.01"))), List.of(Gpci.NATIONAL), Map.of(2026, money("33.4009")), List.of(),
                List.of(new PaymentRates(2026, money("0.25"), money("0.85"), money("0.10"))), Map.of());

        Estimate e = PaymentEstimator.estimate(List.of(line("97112", 2, false)), DOS, Optional.empty(), f);

        assertThat(e.totalAllowed()).isEqualByComparingTo("53.69");
        assertThat(e.patientCoinsurance()).isEqualByComparingTo("5.37");
        assertThat(PaymentEstimator.estimate(List.of(line("97112", 2, false)), DOS, Optional.empty(), base)
                .totalAllowed()).isEqualByComparingTo("57.62");
    }

    /**
     * The unit paid in full is named for the checks across a day's visits: 97530 (PE 0.60) beside 97112 (0.47).
     * Had it been reduced too, 97530 x1 would be (0.44 + 0.30 + 0.01) x 33.4009 = 25.0507 = $25.05; on a CQ line
     * x 0.85 = $21.29.
     */
    @Test
    void theUnitPaidInFullIsNamedWithWhatItsLineWouldBeReduced() {
        Estimate e = estimate(line("97112", 2, false), line("97530", 1, false));
        assertThat(e.fullUnit()).hasValueSatisfying(f -> {
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.pe()).isEqualByComparingTo("0.60");
            assertThat(f.allowedIfReduced()).isEqualByComparingTo("25.05");
        });
        Estimate cq = estimate(line("97112", 2, false), line("97530", 1, true));
        assertThat(cq.fullUnit().orElseThrow().allowedIfReduced()).isEqualByComparingTo("21.29");
        assertThat(estimate(line("97110", 0, false)).fullUnit()).isEmpty();
    }

    /**
     * The multiple procedure payment reduction is among therapy units (RULES.md §6): chiropractic manipulation
     * (98940, made-up RVUs 0.46 / 0.70 / 0.02 here, PE above 97112's) is paid in full and does not take the unit paid
     * in full from 97112: 98940 = 1.18 x 33.4009 = $39.41; 97112 x1 in full = 0.98 x 33.4009 = $32.73.
     */
    @Test
    void manipulationIsOutsideTheMultipleProcedureReduction() {
        FeeData f = new FeeData("test", false, List.of(new Rvu("97112", 2026, money("0.50"), money("0.47"),
                money("0.01")), new Rvu("98940", 2026, money("0.46"), money("0.70"), money("0.02"))),
                List.of(Gpci.NATIONAL), Map.of(2026, money("33.4009")), List.of(),
                List.of(new PaymentRates(2026, money("0.50"), money("0.85"), money("0.20"))), Map.of());
        List<ClaimLine> lines = List.of(line("98940", 1, false), line("97112", 1, false));

        Estimate e = PaymentEstimator.estimate(lines, DOS, Optional.empty(), f,
                org.minutewise.core.check.ComplianceFixture.codes());

        assertThat(e.lines().get(0).allowed()).isEqualByComparingTo("39.41");
        assertThat(e.lines().get(0).mpprApplied()).isFalse();
        assertThat(e.lines().get(1).allowed()).isEqualByComparingTo("32.73");
        assertThat(e.fullUnit()).hasValueSatisfying(u -> assertThat(u.line()).isEqualTo(1));
        // Without the catalog (every line taken as therapy) 98940 would hold the full unit and 97112 be reduced.
        assertThat(PaymentEstimator.estimate(lines, DOS, Optional.empty(), f).lines().get(1).mpprApplied()).isTrue();
    }

    /** No claim line: nothing to price, never an allowed amount of $0. */
    @Test
    void noClaimLineIsNothingToPrice() {
        Estimate e = PaymentEstimator.estimate(List.of(), DOS, Optional.empty(), fees());
        assertThat(e.available()).isFalse();
        assertThat(e.reason()).isEqualTo("No claim line to price.");
    }

    @Test
    void aYearWithoutPaymentSharesIsUnavailable() {
        FeeData f = new FeeData("test", false, List.of(), List.of(Gpci.NATIONAL), Map.of(2026, money("33.4009")),
                List.of(), List.of(), Map.of());

        Estimate e = PaymentEstimator.estimate(List.of(line("97112", 1, false)), DOS, Optional.empty(), f);

        assertThat(e.available()).isFalse();
        assertThat(e.reason()).contains("payment shares").contains("2026").contains("yearly-figures.csv");
    }

    @Test
    void unknownYearIsUnavailable() {
        Estimate e = PaymentEstimator.estimate(List.of(line("97110", 1, false)), LocalDate.of(2023, 6, 1),
                Optional.empty(), fees());

        assertThat(e.available()).isFalse();
        assertThat(e.reason()).contains("2023");
        assertThat(e.lines()).isEmpty();
    }

    @Test
    void unknownLocalityIsUnavailable() {
        Estimate e = PaymentEstimator.estimate(List.of(line("97110", 1, false)), DOS, Optional.of("no-such-place"),
                fees());

        assertThat(e.available()).isFalse();
        assertThat(e.reason()).contains("no-such-place");
    }

    /** 97140 has no RVUs loaded: listed as unpriced, $0 and out of the total; 97112 is priced alone ($32.73). */
    @Test
    void unpricedCodesAreListedAndLeftOutOfTheTotal() {
        Estimate e = estimate(line("97140", 2, false), line("97112", 1, false));

        assertThat(e.available()).isTrue();
        assertThat(e.unpriced()).containsExactly("97140");
        assertThat(e.reason()).contains("97140");
        assertThat(e.lines().get(0).priced()).isFalse();
        assertThat(e.lines().get(0).allowed()).isEqualByComparingTo("0");
        assertThat(e.lines().get(1).allowed()).isEqualByComparingTo("32.73");
        assertThat(e.totalAllowed()).isEqualByComparingTo("32.73");
    }

    /**
     * 97010 is bundled (status B): priced at $0 even when a loaded file gives it RVUs, not listed as unpriced, and
     * it takes no part in the multiple procedure reduction: 97112 alone is still paid in full ($32.73).
     */
    @Test
    void aBundledCodeIsPricedAtZeroNotLeftUnpriced() {
        FeeData withRvus = fees().withRvus(List.of(new Rvu("97010", 2026, money("0.06"), money("0.90"),
                money("0.01")), new Rvu("97112", 2026, money("0.50"), money("0.47"), money("0.01"))), "test");
        Estimate e = PaymentEstimator.estimate(List.of(line("97010", 1, false), line("97112", 1, false)), DOS,
                Optional.empty(), withRvus);

        assertThat(e.unpriced()).isEmpty();
        assertThat(e.lines().get(0).priced()).isTrue();
        assertThat(e.lines().get(0).allowed()).isEqualByComparingTo("0");
        assertThat(e.lines().get(1).allowed()).isEqualByComparingTo("32.73");
        assertThat(e.reason()).contains("Bundled by Medicare, $0: 97010.");
    }
    /**
     * A billed line an NCCI edit denies (97140 billed without 59 beside 97530) is priced at $0, as an MUE denial is:
     * the total is 97530's alone, and the label names the pair. Near miss: the same lines with no denial price 97140.
     */
    @Test
    void aLineAnNcciEditDeniesIsPricedAtZeroAndNamed() {
        FeeData withRvus = fees().withRvus(List.of(new Rvu("97530", 2026, money("0.44"), money("0.60"),
                money("0.01")), new Rvu("97140", 2026, money("0.43"), money("0.40"), money("0.01"))), "test");
        List<ClaimLine> lines = List.of(line("97530", 1, false), line("97140", 1, false));
        Estimate denied = PaymentEstimator.estimate(lines, DOS, Optional.empty(), withRvus, null,
                java.util.Set.of(), List.of(), java.util.Map.of("97140", "97530"));
        Estimate alone = PaymentEstimator.estimate(List.of(line("97530", 1, false)), DOS, Optional.empty(), withRvus);
        Estimate paid = PaymentEstimator.estimate(lines, DOS, Optional.empty(), withRvus);

        assertThat(denied.lines().get(1).priced()).isTrue();
        assertThat(denied.lines().get(1).allowed()).isEqualByComparingTo("0");
        // Flagged, for the audit's claims.csv to price the row at $0 from this estimate (MW-B016).
        assertThat(denied.lines()).extracting(Estimate.Line::deniedByNcci).containsExactly(false, true);
        assertThat(paid.lines()).extracting(Estimate.Line::deniedByNcci).containsExactly(false, false);
        assertThat(denied.totalAllowed()).isEqualByComparingTo(alone.totalAllowed());
        assertThat(denied.reason()).contains("$0: 97140 (bundled into 97530).");
        assertThat(paid.lines().get(1).allowed()).isPositive();
        assertThat(paid.totalAllowed()).isGreaterThan(alone.totalAllowed());
        assertThat(paid.reason()).doesNotContain("bundled into");
    }

    private static Estimate withCodes(ClaimLine... lines) {
        return PaymentEstimator.estimate(List.of(lines), DOS, Optional.empty(), fees(),
                org.minutewise.core.check.ComplianceFixture.codes());
    }

    /**
     * 97799 (unlisted, by report) beside 97112 x1: 97112 is priced as alone ($32.73, 0.98 x 33.4009), 97799 is marked
     * by report: not priced, not $0 as if denied, and not listed as a code without RVUs (no data is missing).
     */
    @Test
    void anUnlistedCodeIsPricedByReportNotAsMissingData() {
        Estimate e = withCodes(line("97799", 1, false), line("97112", 1, false));

        assertThat(e.available()).isTrue();
        Estimate.Line unlisted = e.lines().get(0);
        assertThat(unlisted.byReport()).isTrue();
        assertThat(unlisted.priced()).isFalse();
        assertThat(unlisted.deniedByMue()).isFalse();
        assertThat(e.unpriced()).isEmpty();
        assertThat(e.lines().get(1).allowed()).isEqualByComparingTo("32.73");
        assertThat(e.totalAllowed()).isEqualByComparingTo("32.73");
        assertThat(e.reason()).contains("By report (carrier priced, no RVUs in the fee schedule): 97799")
                .doesNotContain("Not priced (no RVUs loaded)");
    }

    /** Near miss: a listed code without RVUs (97140 here) is still unpriced for want of data, not by report. */
    @Test
    void aListedCodeWithoutRvusIsStillUnpriced() {
        Estimate e = withCodes(line("97140", 1, false), line("97112", 1, false));

        assertThat(e.lines().get(0).byReport()).isFalse();
        assertThat(e.unpriced()).containsExactly("97140");
        assertThat(e.reason()).contains("Not priced (no RVUs loaded): 97140").doesNotContain("By report");
    }

    /** A claim of 97799 alone: no estimate, with the reason that the contractor prices it, and no code "unpriced". */
    @Test
    void aClaimOfOnlyAnUnlistedCodeHasNoEstimateAndSaysWhy() {
        Estimate e = withCodes(line("97799", 1, false));

        assertThat(e.available()).isFalse();
        assertThat(e.unpriced()).isEmpty();
        assertThat(e.reason()).startsWith("No line is priced by the fee schedule. By report (carrier priced");
        assertThat(PaymentEstimator.unitPrice("97799", false, DOS, Optional.empty(), fees(),
                org.minutewise.core.check.ComplianceFixture.codes())).isEmpty();
    }
}
