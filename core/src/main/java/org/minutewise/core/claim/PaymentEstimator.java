package org.minutewise.core.claim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.minutewise.core.fees.FeeData;
import org.minutewise.core.fees.Gpci;
import org.minutewise.core.fees.Rvu;

/**
 * Medicare physician fee schedule estimate (RULES.md §6): allowed per unit = (work x GPCIw + PE x GPCIpe +
 * MP x GPCImp) x CF. Multiple procedure payment reduction: of all therapy units of the day, the unit with the
 * highest PE is paid in full; every other unit gets 50% of its PE (work and MP in full). Then 85% for CQ/CO
 * lines (dates of service from 2022); then 20% coinsurance (the deductible is not known here).
 */
public final class PaymentEstimator {
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal ASSISTANT = new BigDecimal("0.85");
    private static final BigDecimal COINSURANCE = new BigDecimal("0.20");
    /** CQ/CO lines are paid at 85% from this date of service (CMS CY2022 PFS final rule); before, in full. */
    public static final LocalDate ASSISTANT_REDUCTION_FROM = LocalDate.of(2022, 1, 1);

    private PaymentEstimator() {
    }

    public static Estimate estimate(List<ClaimLine> lines, LocalDate date, Optional<String> locality, FeeData fees) {
        Optional<BigDecimal> cf = fees.conversionFactor(date);
        if (cf.isEmpty()) {
            return Estimate.unavailable("No Medicare conversion factor for " + date.getYear()
                    + " in the loaded data (yearly-figures.csv).");
        }
        String loc = locality.orElse("national");
        Optional<Gpci> gpciOpt = fees.gpci(loc);
        if (gpciOpt.isEmpty()) {
            return Estimate.unavailable("Unknown Medicare locality \"" + loc + "\": load the CMS GPCI file with "
                    + "--gpci-file, or leave the locality out for national figures.");
        }
        Gpci g = gpciOpt.get();
        int n = lines.size();
        BigDecimal[] workMp = new BigDecimal[n];
        BigDecimal[] pe = new BigDecimal[n];
        List<String> unpriced = new ArrayList<>();
        // The unit with the highest PE is paid in full: find the line that holds it.
        int fullLine = -1;
        for (int i = 0; i < n; i++) {
            ClaimLine l = lines.get(i);
            Optional<Rvu> r = fees.rvu(l.code(), date);
            if (r.isEmpty() || l.units() == 0) {
                if (r.isEmpty() && !unpriced.contains(l.code())) {
                    unpriced.add(l.code());
                }
                continue;
            }
            workMp[i] = r.get().work().multiply(g.work()).add(r.get().mp().multiply(g.mp()));
            pe[i] = r.get().pe().multiply(g.pe());
            if (fullLine < 0 || pe[i].compareTo(pe[fullLine]) > 0) {
                fullLine = i;
            }
        }
        List<Estimate.Line> out = new ArrayList<>(n);
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            ClaimLine l = lines.get(i);
            if (workMp[i] == null) {
                out.add(new Estimate.Line(l.code(), l.modifiers(), l.units(), false, BigDecimal.ZERO,
                        BigDecimal.ZERO, false, false));
                continue;
            }
            int fullUnits = i == fullLine ? 1 : 0;
            int reducedUnits = l.units() - fullUnits;
            BigDecimal full = workMp[i].add(pe[i]).multiply(BigDecimal.valueOf(fullUnits));
            BigDecimal reduced = workMp[i].add(pe[i].multiply(HALF)).multiply(BigDecimal.valueOf(reducedUnits));
            BigDecimal beforeCq = full.add(reduced).multiply(cf.get()).setScale(2, RoundingMode.HALF_UP);
            boolean cut = l.assistantUnit() && !date.isBefore(ASSISTANT_REDUCTION_FROM);
            BigDecimal allowed = cut ? beforeCq.multiply(ASSISTANT).setScale(2, RoundingMode.HALF_UP) : beforeCq;
            out.add(new Estimate.Line(l.code(), l.modifiers(), l.units(), true, allowed, beforeCq, reducedUnits > 0,
                    cut));
            total = total.add(allowed);
        }
        BigDecimal coins = total.multiply(COINSURANCE).setScale(2, RoundingMode.HALF_UP);
        String reason = unpriced.isEmpty() ? Estimate.LABEL : Estimate.LABEL + " Not priced (no RVUs loaded): "
                + String.join(", ", unpriced) + ".";
        return new Estimate(true, reason, g.locality(), cf.get(), out, total, total.subtract(coins), coins, unpriced,
                fees.sample());
    }
}
