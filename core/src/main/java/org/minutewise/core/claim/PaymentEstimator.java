package org.minutewise.core.claim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.minutewise.core.BoundedMemo;
import org.minutewise.core.codes.CodeCatalog;
import org.minutewise.core.fees.FeeData;
import org.minutewise.core.fees.Gpci;
import org.minutewise.core.fees.PaymentRates;
import org.minutewise.core.fees.Rvu;

/**
 * Medicare physician fee schedule estimate (RULES.md §6): allowed per unit = (work x GPCIw + PE x GPCIpe +
 * MP x GPCImp) x CF. Multiple procedure payment reduction: of all therapy units of the day, the unit with the
 * highest PE is paid in full; every other unit gets the year's reduced share of its PE (work and MP in full).
 * Then the year's CQ/CO share for assistant lines; then the coinsurance (the deductible is not known here). The
 * shares are the year's {@link PaymentRates} from the data (2024-2026: 50%, 85%, 20%), never figures in code.
 */
public final class PaymentEstimator {
    /**
     * Codes Medicare bundles (fee schedule status B: reported, never paid separately), priced at $0 whatever RVUs
     * a loaded file gives them: 97010, hot or cold packs (RULES.md §1).
     */
    public static final java.util.Set<String> MEDICARE_BUNDLED = java.util.Set.of("97010");
    /**
     * Codes Medicare does not pay at all, whoever furnishes them (MW-C002): 97014, whose Medicare code is G0283
     * (status I in CMS's PPRRVU). {@link ClaimBuilder#notCovered} holds them on a Medicare visit that bills them: $0,
     * and no KX bucket.
     */
    public static final java.util.Set<String> MEDICARE_NOT_PAYABLE = java.util.Set.of("97014");

    /** $0.00: a line priced at nothing (bundled, not covered, denied by an MUE), in cents as the others are. */
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private PaymentEstimator() {
    }

    public static Estimate estimate(List<ClaimLine> lines, LocalDate date, Optional<String> locality, FeeData fees) {
        return estimate(lines, date, locality, fees, null);
    }

    /**
     * The estimate; with {@code codes}, a code no therapy discipline bills (chiropractic manipulation) is priced in
     * full, outside the multiple procedure payment reduction, which is among therapy units only (RULES.md §6).
     */
    public static Estimate estimate(List<ClaimLine> lines, LocalDate date, Optional<String> locality, FeeData fees,
                                    CodeCatalog codes) {
        return estimate(lines, date, locality, fees, codes, java.util.Set.of());
    }

    /**
     * The estimate, with the codes Medicare does not pay on this visit ({@link ClaimBuilder#notCovered}: a
     * chiropractor's therapy) priced at $0 and left out of the multiple procedure payment reduction.
     */
    public static Estimate estimate(List<ClaimLine> lines, LocalDate date, Optional<String> locality, FeeData fees,
                                    CodeCatalog codes, java.util.Set<String> notCovered) {
        return estimate(lines, date, locality, fees, codes, notCovered, List.of());
    }

    /**
     * The estimate, with the codes Medicare does not pay on this visit priced at $0 ({@code notCovered}), and the
     * lines a medically unlikely edit denies ({@code overMue}, {@link MueDenial#over} of these lines: a line over a
     * line MUE, every line of a code over a date-of-service MUE) priced at $0 too, flagged
     * {@link Estimate.Line#deniedByMue()}, left out of the multiple procedure payment reduction (Medicare pays
     * them nothing) and named in the label with the reason.
     */
    public static Estimate estimate(List<ClaimLine> lines, LocalDate date, Optional<String> locality, FeeData fees,
                                    CodeCatalog codes, java.util.Set<String> notCovered,
                                    List<MueDenial.Over> overMue) {
        return estimate(lines, date, locality, fees, codes, notCovered, overMue, java.util.Map.of());
    }

    /**
     * The same, with the lines of the codes an NCCI edit denies on this claim ({@code bundledInto}: each code with
     * the code it is bundled into, {@link NcciAnalysis#bundledOnBilledClaim}) priced at $0 as well, left out of the
     * multiple procedure payment reduction and named in the label.
     */
    public static Estimate estimate(List<ClaimLine> lines, LocalDate date, Optional<String> locality, FeeData fees,
                                    CodeCatalog codes, java.util.Set<String> notCovered,
                                    List<MueDenial.Over> overMue, java.util.Map<String, String> bundledInto) {
        Optional<BigDecimal> cf = fees.conversionFactor(date);
        if (cf.isEmpty()) {
            return Estimate.unavailable("No Medicare conversion factor for " + date.getYear()
                    + " in the loaded data (yearly-figures.csv).");
        }
        Optional<PaymentRates> ratesOpt = fees.paymentRates(date);
        if (ratesOpt.isEmpty()) {
            return Estimate.unavailable("No Medicare payment shares (multiple procedure reduction, CQ/CO, "
                    + "coinsurance) for " + date.getYear() + " in the loaded data (yearly-figures.csv).");
        }
        PaymentRates rates = ratesOpt.get();
        String loc = locality.orElse("national");
        Optional<Gpci> gpciOpt = fees.gpci(loc);
        if (gpciOpt.isEmpty()) {
            return Estimate.unavailable("Unknown Medicare locality \"" + loc + "\": load the CMS GPCI file with "
                    + "--gpci-file, or leave the locality out for national figures.");
        }
        Gpci g = gpciOpt.get();
        if (lines.isEmpty()) {
            return Estimate.unavailable("No claim line to price.");
        }
        BigDecimal factor = cf.get();
        int n = lines.size();
        UnitPrice[] price = new UnitPrice[n];
        boolean[] outsideMppr = new boolean[n];
        boolean unpricedTherapy = false;
        List<String> unpriced = new ArrayList<>();
        // The unit with the highest PE is paid in full: find the line that holds it.
        int fullLine = -1;
        List<String> bundled = new ArrayList<>(0);
        List<String> uncovered = new ArrayList<>(0);
        boolean[] denied = new boolean[n];
        boolean[] byReport = new boolean[n];
        List<String> byReportCodes = new ArrayList<>(0);
        String mueDenials = overMue.isEmpty() ? "" : mueDenials(lines, overMue, denied);
        for (int i = 0; i < n; i++) {
            ClaimLine l = lines.get(i);
            if (denied[i] || bundledInto.containsKey(l.code())) {
                continue;
            }
            if (notCovered.contains(l.code())) {
                if (!uncovered.contains(l.code())) {
                    uncovered.add(l.code());
                }
                continue;
            }
            if (MEDICARE_BUNDLED.contains(l.code())) {
                if (!bundled.contains(l.code())) {
                    bundled.add(l.code());
                }
                continue;
            }
            if (byReport(l, codes)) {
                // An unlisted code has no RVUs: the contractor prices it by report. Not priced here, not missing data.
                byReport[i] = true;
                if (!byReportCodes.contains(l.code())) {
                    byReportCodes.add(l.code());
                }
                continue;
            }
            Optional<Rvu> r = fees.rvu(l.code(), date);
            if (r.isEmpty() || l.units() == 0) {
                if (r.isEmpty() && !unpriced.contains(l.code())) {
                    unpriced.add(l.code());
                }
                if (r.isEmpty() && l.units() > 0 && !outsideReduction(l, codes)) {
                    unpricedTherapy = true;
                }
                continue;
            }
            price[i] = UnitPrice.of(r.get(), g, factor, rates.reducedPeShare());
            if (outsideReduction(l, codes)) {
                outsideMppr[i] = true;
                continue;
            }
            if (fullLine < 0 || price[i].pe().compareTo(price[fullLine].pe()) > 0) {
                fullLine = i;
            }
        }
        boolean anyPriced = fullLine >= 0;
        for (boolean o : outsideMppr) {
            anyPriced |= o;
        }
        String byReportNote = byReportCodes.isEmpty() ? "" : " By report (carrier priced, no RVUs in the fee schedule): "
                + String.join(", ", byReportCodes) + (byReportCodes.size() == 1 ? ", an unlisted code: the Medicare "
                + "contractor sets its amount" : ", unlisted codes: the Medicare contractor sets their amounts")
                + " from the claim's description of the service and the record; not in the totals.";
        if (!anyPriced && unpriced.isEmpty() && !byReportCodes.isEmpty()) {
            // Only lines priced by report (and maybe $0 lines): the contractor sets the amounts, no data is missing.
            return Estimate.unavailable("No line is priced by the fee schedule." + byReportNote
                    + uncoveredNote(uncovered, "") + mueDenials);
        }
        if (!anyPriced && !unpriced.isEmpty()) {
            // Nothing priced: an estimate of $0 would read as "Medicare pays nothing".
            return Estimate.unpriced("No line could be priced: no " + date.getYear() + " RVUs loaded for "
                    + String.join(", ", unpriced) + (fees.sample() ? " (the shipped sample prices only a few codes "
                    + "and years; load CMS's PPRRVU file of the year with --rvu-file)" : "") + "." + uncoveredNote(uncovered, "") + byReportNote
                    + mueDenials, unpriced, fees.sample());
        }
        List<Estimate.Line> out = new ArrayList<>(n);
        BigDecimal total = ZERO;
        Optional<Estimate.FullUnit> full = Optional.empty();
        for (int i = 0; i < n; i++) {
            ClaimLine l = lines.get(i);
            if (price[i] == null) {
                // A bundled code is priced: at $0. Any other line without a price is unpriced.
                out.add(new Estimate.Line(l.code(), l.modifiers(), l.units(),
                        MEDICARE_BUNDLED.contains(l.code()) || notCovered.contains(l.code()) || denied[i]
                                || bundledInto.containsKey(l.code()),
                        ZERO, ZERO, false, false, denied[i], byReport[i], bundledInto.containsKey(l.code())));
                continue;
            }
            int fullUnits = outsideMppr[i] ? l.units() : i == fullLine ? 1 : 0;
            int reducedUnits = l.units() - fullUnits;
            boolean cut = l.assistantUnit() && rates.assistantReduced();
            // A CQ/CO line split by supervisor (ClaimBuilder.bySupervisor) is priced as its part of one line of the
            // split's units: the whole so far less the lines before it, so the lines add up to the one line's amount
            // (rounded once, not once a line). Units of the split lines before this one: {full, reduced}.
            int[] earlier = l.assistantUnit() ? splitBefore(lines, price, outsideMppr, fullLine, i) : NONE_BEFORE;
            BigDecimal through = price[i].times(earlier[0] + fullUnits, earlier[1] + reducedUnits);
            BigDecimal before = price[i].times(earlier[0], earlier[1]);
            BigDecimal beforeCq = through.subtract(before);
            BigDecimal allowed = cut ? assistantShare(through, rates).subtract(assistantShare(before, rates))
                    : beforeCq;
            out.add(new Estimate.Line(l.code(), l.modifiers(), l.units(), true, allowed, beforeCq, reducedUnits > 0,
                    cut));
            if (i == fullLine) {
                BigDecimal allReduced = price[i].times(0, l.units());
                full = Optional.of(new Estimate.FullUnit(i, price[i].pe(), cut
                        ? assistantShare(allReduced, rates) : allReduced));
            }
            total = total.add(allowed);
        }
        BigDecimal coins = total.multiply(rates.coinsurance()).setScale(2, RoundingMode.HALF_UP);
        String notes = (bundled.isEmpty() ? "" : " Bundled by Medicare, $0: "
                + String.join(", ", bundled) + ".") + ncciNote(bundledInto) + uncoveredNote(uncovered, ", $0")
                + (unpriced.isEmpty() ? "" : " Not priced (no RVUs loaded): "
                + String.join(", ", unpriced) + (fullLine >= 0 && unpricedTherapy ? (unpriced.size() == 1 ? "; it"
                : "; one of them")
                + " may hold the day's unit paid in full, "
                + "so the priced lines may be estimated too high" : "") + ".") + byReportNote + mueDenials
                + liabilityNote(out);
        // The usual estimate has nothing to add to the label: the label itself, not a copy of it.
        String reason = notes.isEmpty() ? Estimate.LABEL : Estimate.LABEL + notes;
        return new Estimate(true, reason, g.locality(), cf.get(), out, total, total.subtract(coins), coins, unpriced,
                fees.sample(), full);
    }

    private static final int[] NONE_BEFORE = new int[2];

    /** The CQ/CO line's payable share of an amount (RULES.md §6: 85%), to the cent. */
    private static BigDecimal assistantShare(BigDecimal amount, PaymentRates rates) {
        return amount.multiply(rates.assistantShare()).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The units {full, reduced} of the lines before {@code i} that are parts of one CQ/CO line with it, split by
     * supervisor: priced, of the same code and modifiers, holding an assistant's units. {0, 0} in the usual claim.
     */
    private static int[] splitBefore(List<ClaimLine> lines, UnitPrice[] price, boolean[] outsideMppr, int fullLine,
                                     int i) {
        ClaimLine l = lines.get(i);
        int[] out = NONE_BEFORE;
        for (int j = 0; j < i; j++) {
            ClaimLine o = lines.get(j);
            if (price[j] != null && o.assistantUnit() && o.code().equals(l.code())
                    && o.modifiers().equals(l.modifiers())) {
                out = out == NONE_BEFORE ? new int[2] : out;
                int full = outsideMppr[j] ? o.units() : j == fullLine ? 1 : 0;
                out[0] += full;
                out[1] += o.units() - full;
            }
        }
        return out;
    }

    /**
     * The label's sentence for the lines an NCCI edit denies on the claim (" Denied by an NCCI edit as part of the
     * pair's other code (...), $0: 97140 (bundled into 97530)."); "" when there are none.
     */
    private static String ncciNote(java.util.Map<String, String> bundledInto) {
        if (bundledInto.isEmpty()) {
            return "";
        }
        List<String> each = new ArrayList<>(bundledInto.size());
        bundledInto.forEach((code, into) -> each.add(code + " (bundled into " + into + ")"));
        return " Denied by an NCCI edit as part of the pair's other code (billed without 59 or an X modifier, or "
                + "under an edit no modifier bypasses), $0: " + String.join(", ", each) + ".";
    }

    /**
     * Marks the lines the MUEs deny in {@code denied} and says why, as a sentence of the label: " 97112: denied whole
     * by its MUE (4 a day), not priced. ..."; "" when no line is denied.
     */
    private static String mueDenials(List<ClaimLine> lines, List<MueDenial.Over> overMue, boolean[] denied) {
        StringBuilder why = new StringBuilder();
        for (MueDenial.Over o : overMue) {
            List<ClaimLine> its = new ArrayList<>(2);
            for (int i = 0; i < lines.size(); i++) {
                if (o.denies(lines.get(i))) {
                    denied[i] = true;
                    its.add(lines.get(i));
                }
            }
            if (!its.isEmpty()) {
                why.append(why.length() == 0 ? " " : "; ").append(o.why(its));
            }
        }
        return why.length() == 0 ? "" : why.append(". Medicare pays nothing for a line over its MUE (MW-E006), and an "
                + "ABN does not make the patient liable for it: $0, and not counted toward the KX threshold.")
                .toString();
    }

    /**
     * What GA or GZ on the priced lines (an ABN recorded: Medicare is expected to deny them as not reasonable and
     * necessary) means for the amounts, as a sentence of the label (MW-K006 says the same): they are what Medicare
     * would allow if it paid; "" when no priced line carries either.
     */
    static String liabilityNote(List<Estimate.Line> lines) {
        String out = "";
        for (String m : List.of("GA", "GZ")) {
            List<String> codes = new ArrayList<>(0);
            for (Estimate.Line l : lines) {
                if (l.priced() && !l.deniedByMue() && l.allowed().signum() > 0 && l.modifiers().contains(m)
                        && !codes.contains(l.code())) {
                    codes.add(l.code());
                }
            }
            if (codes.isEmpty()) {
                continue;
            }
            String them = codes.size() == 1 ? "it" : "them";
            out += " " + m + (m.equals("GA") ? " (an ABN given)" : " (no ABN given)") + " on " + String.join(", ", codes)
                    + (m.equals("GA") ? ": Medicare is expected to deny " + them + " as not reasonable and necessary, "
                    + "and the patient pays under the ABN if it does"
                    : ": Medicare denies such lines automatically, and the clinic, not the patient, bears the cost")
                    + "; the amounts are what Medicare would allow if it paid.";
        }
        return out;
    }

    /**
     * The label's sentences for the lines Medicare does not pay on this visit: a chiropractor's therapy (MW-W001),
     * and a code Medicare never pays (MW-C002, 97014). {@code dollars} follows the words (", $0" or "").
     */
    private static String uncoveredNote(List<String> uncovered, String dollars) {
        if (uncovered.isEmpty()) {
            return "";
        }
        List<String> chiropractic = new ArrayList<>(uncovered);
        chiropractic.removeAll(MEDICARE_NOT_PAYABLE);
        List<String> never = new ArrayList<>(uncovered);
        never.retainAll(MEDICARE_NOT_PAYABLE);
        return (chiropractic.isEmpty() ? "" : " Not covered by Medicare when a chiropractor furnishes it (MW-W001)"
                + dollars + ": " + String.join(", ", chiropractic) + ".")
                + (never.isEmpty() ? "" : " Not paid by Medicare, which takes G0283 for it (MW-C002), and counted "
                + "toward no KX threshold" + dollars + ": " + String.join(", ", never) + ".");
    }

    /**
     * What Medicare allows for one unit of a code that is not the day's unit paid in full (the multiple procedure
     * payment reduction applied; for a code outside it, its full price), and with {@code assistant} the CQ/CO share
     * of that: a price that does not depend on which line of a claim holds the unit paid in full, for comparing two
     * claims of the same visit unit by unit. Empty when the code or a yearly figure is not loaded, and for an unlisted
     * code (priced by report, by the contractor); $0 for a code Medicare bundles.
     */
    public static Optional<BigDecimal> unitPrice(String code, boolean assistant, LocalDate date,
                                                 Optional<String> locality, FeeData fees, CodeCatalog codes) {
        if (MEDICARE_BUNDLED.contains(code)) {
            return Optional.of(BigDecimal.ZERO);
        }
        return priced(code, date, locality, fees, codes).map(p -> {
            BigDecimal one = p.further();
            if (assistant && p.rates().assistantReduced()) {
                one = one.multiply(p.rates().assistantShare());
            }
            return one.setScale(4, RoundingMode.HALF_UP);
        });
    }

    /** A code's unit priced for a date and locality: what {@link #unitPrice} and {@link #unitPrices} read. */
    private record Priced(Rvu rvu, Gpci gpci, BigDecimal cf, PaymentRates rates, UnitPrice price, boolean outside) {
        /** A unit not paid in full, exact: reduced, or in full for a code outside the reduction. */
        BigDecimal further() {
            return outside ? price.full() : price.reduced();
        }
    }

    private static Optional<Priced> priced(String code, LocalDate date, Optional<String> locality, FeeData fees,
                                           CodeCatalog codes) {
        if (MEDICARE_BUNDLED.contains(code)
                || codes != null && codes.getOrNull(code) != null && codes.getOrNull(code).unlisted()) {
            return Optional.empty();
        }
        Optional<BigDecimal> cf = fees.conversionFactor(date);
        Optional<PaymentRates> rates = fees.paymentRates(date);
        Optional<Gpci> g = fees.gpci(locality.orElse("national"));
        Optional<Rvu> r = fees.rvu(code, date);
        if (cf.isEmpty() || rates.isEmpty() || g.isEmpty() || r.isEmpty()) {
            return Optional.empty();
        }
        UnitPrice p = UnitPrice.of(r.get(), g.get(), cf.get(), rates.get().reducedPeShare());
        return Optional.of(new Priced(r.get(), g.get(), cf.get(), rates.get(), p,
                codes != null && ClaimBuilder.notTherapy(codes.getOrNull(code))));
    }

    /**
     * What Medicare allows for a unit of a code in a locality on a date, for a reader rather than a claim: the unit
     * paid in full, a further unit (the multiple procedure payment reduction on its practice expense), and a further
     * unit at the CQ/CO share, each rounded to the cent once, with the RVUs and factor they come from.
     */
    public record UnitPrices(Rvu rvu, Gpci gpci, BigDecimal conversionFactor, PaymentRates rates, BigDecimal full,
                             BigDecimal reduced, BigDecimal reducedAssistant) {
    }

    /**
     * The prices of one unit of {@code code} (see {@link UnitPrices}), rounded to the cent; empty when the code, its
     * RVUs, the locality or a yearly figure is not loaded, for an unlisted code (by report) and for a code Medicare
     * bundles (nothing is paid).
     */
    public static Optional<UnitPrices> unitPrices(String code, LocalDate date, Optional<String> locality, FeeData fees,
                                                  CodeCatalog codes) {
        return priced(code, date, locality, fees, codes).map(p -> {
            BigDecimal further = p.further();
            BigDecimal assistant = p.rates().assistantReduced() ? further.multiply(p.rates().assistantShare())
                    : further;
            return new UnitPrices(p.rvu(), p.gpci(), p.cf(), p.rates(), p.price().times(1, 0),
                    further.setScale(2, RoundingMode.HALF_UP), assistant.setScale(2, RoundingMode.HALF_UP));
        });
    }

    /**
     * A line of an unlisted code (97799, {@link org.minutewise.core.codes.CodeInfo#unlisted()}) with units: priced by
     * report, by the contractor, whatever RVUs a loaded file gives it (CMS lists none: status C).
     */
    private static boolean byReport(ClaimLine l, CodeCatalog codes) {
        if (codes == null || l.units() == 0) {
            return false;
        }
        org.minutewise.core.codes.CodeInfo info = codes.getOrNull(l.code());
        return info != null && info.unlisted();
    }

    /** A code no therapy discipline bills (chiropractic manipulation): outside the multiple procedure reduction. */
    private static boolean outsideReduction(ClaimLine l, CodeCatalog codes) {
        if (codes == null) {
            return false;
        }
        return ClaimBuilder.notTherapy(codes.getOrNull(l.code()));
    }

    /**
     * One code's unit in one locality and year, exact (not rounded): {@code pe} = PE x GPCIpe (which line holds
     * the unit paid in full), {@code full} = (work x GPCIw + PE x GPCIpe + MP x GPCImp) x CF, {@code reduced} the
     * same with the year's reduced share of the PE. Remembered by value (RVU row, locality, factor, share): the
     * same few come back visit after visit, and a line then costs two multiplications and a rounding instead of a
     * dozen operations.
     */
    record UnitPrice(BigDecimal pe, BigDecimal full, BigDecimal reduced) {
        private record Key(Rvu rvu, Gpci gpci, BigDecimal cf, BigDecimal reducedPeShare) {
        }

        private static final BoundedMemo<Key, UnitPrice> MEMO = new BoundedMemo<>(100_000, UnitPrice::compute);

        static UnitPrice of(Rvu r, Gpci g, BigDecimal cf, BigDecimal reducedPeShare) {
            return MEMO.get(new Key(r, g, cf, reducedPeShare));
        }

        private static UnitPrice compute(Key k) {
            BigDecimal workMp = k.rvu().work().multiply(k.gpci().work()).add(k.rvu().mp().multiply(k.gpci().mp()));
            BigDecimal pe = k.rvu().pe().multiply(k.gpci().pe());
            return new UnitPrice(pe, workMp.add(pe).multiply(k.cf()), workMp.add(pe.multiply(k.reducedPeShare())).multiply(k.cf()));
        }

        /** The allowed amount of these units, rounded to the cent (half up) once, at the end. */
        BigDecimal times(int fullUnits, int reducedUnits) {
            BigDecimal sum = fullUnits == 0 ? BigDecimal.ZERO : full.multiply(BigDecimal.valueOf(fullUnits));
            if (reducedUnits != 0) {
                sum = sum.add(reduced.multiply(BigDecimal.valueOf(reducedUnits)));
            }
            return sum.setScale(2, RoundingMode.HALF_UP);
        }
    }
}
