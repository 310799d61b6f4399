package org.minutewise.store;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A claim line as stored with its visit version. */
public record StoredClaimLine(String code, List<String> modifiers, int units, Optional<BigDecimal> charge,
                              Optional<String> renderingProvider) {
    public StoredClaimLine {
        Objects.requireNonNull(code, "code");
        modifiers = List.copyOf(modifiers);
        Objects.requireNonNull(charge, "charge");
        Objects.requireNonNull(renderingProvider, "renderingProvider");
    }
}
