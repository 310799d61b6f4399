package org.minutewise.core.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A claim line as it was billed elsewhere (837P or CSV input): the code, its modifiers, units and charge. Billed
 * input carries no minutes and no roles; the engine compares what it would bill with these.
 */
public record BilledLine(String code, List<String> modifiers, int units, Optional<BigDecimal> charge) {
    public BilledLine {
        Objects.requireNonNull(code, "code");
        modifiers = List.copyOf(modifiers);
        Objects.requireNonNull(charge, "charge");
    }
}
