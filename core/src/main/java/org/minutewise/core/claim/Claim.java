package org.minutewise.core.claim;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The claim lines built from a checked visit, the payment estimate, the KX picture per bucket, and any
 * modifiers that did not fit in a line's four places (by line index). A claim of billed lines also carries
 * {@code fees}: the clinic fee schedule's charge for one unit of each billed code that has no charge of its own
 * and that the schedule prices, for the writers that send such a line at the fee for its units.
 */
public record Claim(List<ClaimLine> lines, Estimate estimate, List<KxBucket> kx,
                    Map<Integer, List<String>> droppedModifiers, Map<String, java.math.BigDecimal> fees) {
    public Claim {
        lines = List.copyOf(lines);
        Objects.requireNonNull(estimate, "estimate");
        kx = List.copyOf(kx);
        droppedModifiers = Map.copyOf(droppedModifiers);
        fees = Map.copyOf(fees);
    }

    public Claim(List<ClaimLine> lines, Estimate estimate, List<KxBucket> kx,
                 Map<Integer, List<String>> droppedModifiers) {
        this(lines, estimate, kx, droppedModifiers, Map.of());
    }

    public int totalUnits() {
        int n = 0;
        for (ClaimLine l : lines) {
            n += l.units();
        }
        return n;
    }
}
