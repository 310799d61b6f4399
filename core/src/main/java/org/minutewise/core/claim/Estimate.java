package org.minutewise.core.claim;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

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
 */
public record Estimate(boolean available, String reason, String locality, BigDecimal conversionFactor,
                       List<Line> lines, BigDecimal totalAllowed, BigDecimal medicarePays,
                       BigDecimal patientCoinsurance, List<String> unpriced, boolean sampleData) {

    public record Line(String code, List<String> modifiers, int units, boolean priced, BigDecimal allowed,
                       BigDecimal allowedBeforeAssistantReduction, boolean mpprApplied, boolean assistantReduction) {
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
                    l.allowedBeforeAssistantReduction(), l.mpprApplied(), l.assistantReduction()));
        }
        return new Estimate(true, reason, locality, conversionFactor, out, totalAllowed, medicarePays,
                patientCoinsurance, unpriced, sampleData);
    }

    public static Estimate unavailable(String reason) {
        return new Estimate(false, reason, "", BigDecimal.ZERO, List.of(), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, List.of(), false);
    }

    public static final String LABEL = "Estimate only: Medicare physician fee schedule allowed amounts "
            + "(RVUs x GPCI x conversion factor, multiple procedure payment reduction, 85% for CQ/CO lines), "
            + "before the deductible; not a payment promise.";
}
