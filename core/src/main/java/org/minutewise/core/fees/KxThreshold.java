package org.minutewise.core.fees;

import java.math.BigDecimal;
import java.util.Objects;

/** A calendar year's KX threshold per bucket (PT+SLP, OT) and the targeted medical review amount. */
public record KxThreshold(int year, BigDecimal ptSlp, BigDecimal ot, BigDecimal targetedReview, String source) {
    public KxThreshold {
        Objects.requireNonNull(ptSlp, "ptSlp");
        Objects.requireNonNull(ot, "ot");
        Objects.requireNonNull(targetedReview, "targetedReview");
        Objects.requireNonNull(source, "source");
    }
}
