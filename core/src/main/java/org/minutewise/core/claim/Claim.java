package org.minutewise.core.claim;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The claim lines built from a checked visit, the payment estimate, the KX picture per bucket, and any
 * modifiers that did not fit in a line's four places (by line index).
 */
public record Claim(List<ClaimLine> lines, Estimate estimate, List<KxBucket> kx,
                    Map<Integer, List<String>> droppedModifiers) {
    public Claim {
        lines = List.copyOf(lines);
        Objects.requireNonNull(estimate, "estimate");
        kx = List.copyOf(kx);
        droppedModifiers = Map.copyOf(droppedModifiers);
    }

    public int totalUnits() {
        int n = 0;
        for (ClaimLine l : lines) {
            n += l.units();
        }
        return n;
    }
}
