package org.minutewise.core.claim;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Medicare physician fee schedule payment estimate for a visit's claim lines. An estimate, never a promise:
 * the deductible, secondary coverage and the MAC's own pricing are not known here.
 *
 * @param available    false when the payer is not priced by the Medicare fee schedule or a figure is missing
 * @param reason       why it is not available, or what limits it
 * @param lines        per claim line: allowed amount after MPPR (and after 85% for CQ/CO)
 * @param allowedBeforeAssistantReduction per line, the allowed amount after MPPR but before the 85% cut (to
 *                     explain the cut; the KX threshold counts the line's allowed amount, after it, as the
 *                     contractor prices the line)
 * @param unpriced     codes with no RVUs in the loaded data
 * @param sampleData   the figures come from the small sample shipped with Minutewise
 * @param fullUnit     the unit this claim pays in full under the multiple procedure payment reduction, when one
 *                     is priced: the reduction is per patient and day, so another claim of the same day may hold
 *                     the day's unit with the highest PE instead (the checks across visits look)
 */
public record Estimate(boolean available, String reason, String locality, BigDecimal conversionFactor,
                       List<Line> lines, BigDecimal totalAllowed, BigDecimal medicarePays,
                       BigDecimal patientCoinsurance, List<String> unpriced, boolean sampleData,
                       Optional<FullUnit> fullUnit) {

    /**
     * The unit paid in full: its line, its practice expense (PE RVU x PE GPCI, which decides the day's unit paid in
     * full), and the line's allowed amount had that unit been reduced like the others (after the CQ/CO share).
     */
    public record FullUnit(int line, BigDecimal pe, BigDecimal allowedIfReduced) {
        public FullUnit {
            Objects.requireNonNull(pe, "pe");
            Objects.requireNonNull(allowedIfReduced, "allowedIfReduced");
        }
    }

    /**
     * One claim line's price. {@code deniedByMue}: a medically unlikely edit denies the line ({@link MueDenial}):
     * priced at $0, outside the multiple procedure payment reduction, and counted toward no KX threshold.
     * {@code byReport}: an unlisted code (97799), which has no RVUs: the Medicare contractor prices it from the
     * claim's description and the record ("carrier priced"), so it is not priced here (not $0, and not missing data).
     * {@code deniedByNcci}: the line of a billed claim an NCCI edit denies as part of another billed code
     * ({@link NcciAnalysis#bundledOnBilledClaim}: MW-B016, MW-E001): priced at $0, outside the reduction, as the label
     * says.
     */
    public record Line(String code, List<String> modifiers, int units, boolean priced, BigDecimal allowed,
                       BigDecimal allowedBeforeAssistantReduction, boolean mpprApplied, boolean assistantReduction,
                       boolean deniedByMue, boolean byReport, boolean deniedByNcci) {
        /** A line no NCCI edit denies. */
        public Line(String code, List<String> modifiers, int units, boolean priced, BigDecimal allowed,
                    BigDecimal allowedBeforeAssistantReduction, boolean mpprApplied, boolean assistantReduction,
                    boolean deniedByMue, boolean byReport) {
            this(code, modifiers, units, priced, allowed, allowedBeforeAssistantReduction, mpprApplied,
                    assistantReduction, deniedByMue, byReport, false);
        }

        /** A line of a listed code. */
        public Line(String code, List<String> modifiers, int units, boolean priced, BigDecimal allowed,
                    BigDecimal allowedBeforeAssistantReduction, boolean mpprApplied, boolean assistantReduction,
                    boolean deniedByMue) {
            this(code, modifiers, units, priced, allowed, allowedBeforeAssistantReduction, mpprApplied,
                    assistantReduction, deniedByMue, false);
        }

        /** A line of a listed code no MUE denies. */
        public Line(String code, List<String> modifiers, int units, boolean priced, BigDecimal allowed,
                    BigDecimal allowedBeforeAssistantReduction, boolean mpprApplied, boolean assistantReduction) {
            this(code, modifiers, units, priced, allowed, allowedBeforeAssistantReduction, mpprApplied,
                    assistantReduction, false);
        }
    }

    public Estimate {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(locality, "locality");
        Objects.requireNonNull(conversionFactor, "conversionFactor");
        lines = List.copyOf(lines);
        Objects.requireNonNull(totalAllowed, "totalAllowed");
        Objects.requireNonNull(medicarePays, "medicarePays");
        Objects.requireNonNull(patientCoinsurance, "patientCoinsurance");
        unpriced = List.copyOf(unpriced);
        Objects.requireNonNull(fullUnit, "fullUnit");
    }

    /** The same amounts, with the final modifiers of the claim lines (modifiers after pricing do not change it). */
    public Estimate withModifiersOf(List<ClaimLine> claimLines) {
        if (!available) {
            return this;
        }
        boolean same = true;
        for (int i = 0; i < lines.size() && same; i++) {
            same = lines.get(i).modifiers().equals(claimLines.get(i).modifiers());
        }
        if (same) {
            // No modifier was added or dropped after pricing (the usual case): this estimate already says it.
            return this;
        }
        List<Line> out = new java.util.ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            out.add(new Line(l.code(), claimLines.get(i).modifiers(), l.units(), l.priced(), l.allowed(),
                    l.allowedBeforeAssistantReduction(), l.mpprApplied(), l.assistantReduction(), l.deniedByMue(),
                    l.byReport(), l.deniedByNcci()));
        }
        // GA/GZ added after pricing (an ABN recorded): the label says what they mean for the amounts.
        String before = PaymentEstimator.liabilityNote(lines);
        String why = before.isEmpty() || !reason.endsWith(before) ? reason
                : reason.substring(0, reason.length() - before.length());
        return new Estimate(true, why + PaymentEstimator.liabilityNote(out), locality, conversionFactor, out,
                totalAllowed, medicarePays, patientCoinsurance, unpriced, sampleData, fullUnit);
    }

    /**
     * Whether the estimate's unpriced lines lack only their RVUs (the visit was priced, or nothing could be priced
     * for want of RVUs), not a figure of the whole visit (the year's conversion factor, the locality's GPCI).
     */
    public boolean pricedButForRvus() {
        return available || !unpriced.isEmpty();
    }

    /** Not available because no line could be priced: the codes without RVUs are named. */
    public static Estimate unpriced(String reason, List<String> unpriced, boolean sampleData) {
        return new Estimate(false, reason, "", BigDecimal.ZERO, List.of(), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, unpriced, sampleData, Optional.empty());
    }

    public static Estimate unavailable(String reason) {
        return new Estimate(false, reason, "", BigDecimal.ZERO, List.of(), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, List.of(), false, Optional.empty());
    }

    /**
     * A critical access hospital is paid its reasonable cost (101%), not the fee schedule: the fee schedule amounts
     * are still what its therapy counts toward the KX threshold, so they are shown, and labelled as such.
     */
    public static final String CAH_LABEL = "Not what Medicare pays: a critical access hospital is paid its reasonable "
            + "cost for outpatient therapy (101%), not the physician fee schedule, and the patient's coinsurance is "
            + "based on its charges. These are the fee schedule amounts (RVUs x GPCI x conversion factor, multiple "
            + "procedure payment reduction) that count toward the patient's KX threshold.";

    /**
     * The amounts are the fee schedule's only, not the payment: a critical access hospital's ({@link #CAH_LABEL}),
     * paid its reasonable cost; its medicarePays and patientCoinsurance are the fee schedule's split, not its.
     */
    public boolean feeScheduleOnly() {
        return reason.startsWith(CAH_LABEL);
    }

    /** The same estimate under another label (what the amounts mean). */
    public Estimate withReason(String why) {
        return new Estimate(available, why, locality, conversionFactor, lines, totalAllowed, medicarePays,
                patientCoinsurance, unpriced, sampleData, fullUnit);
    }

    public static final String LABEL = "Estimate only: Medicare physician fee schedule allowed amounts "
            + "(RVUs x GPCI x conversion factor, multiple procedure payment reduction, 85% for CQ/CO lines), "
            + "before the deductible; not a payment promise.";
}
