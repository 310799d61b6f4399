package org.minutewise.core.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A claim line as it was billed elsewhere (837P or CSV input): the code, its modifiers, units and charge. Billed
 * input carries no minutes and no roles; the engine compares what it would bill with these.
 *
 * @param diagnosisPointers the line's 1-based pointers into the visit's diagnoses as billed (837P SV107), empty
 *                          when the input does not say (the claim then points at the diagnoses in order). Kept so
 *                          that a claim written back points where the billed one did.
 */
public record BilledLine(String code, List<String> modifiers, int units, Optional<BigDecimal> charge,
                         List<Integer> diagnosisPointers) {
    public BilledLine {
        Objects.requireNonNull(code, "code");
        modifiers = List.copyOf(modifiers);
        Objects.requireNonNull(charge, "charge");
        diagnosisPointers = List.copyOf(diagnosisPointers);
    }

    /** A billed line whose diagnosis pointers are not known. */
    public BilledLine(String code, List<String> modifiers, int units, Optional<BigDecimal> charge) {
        this(code, modifiers, units, charge, List.of());
    }
}
