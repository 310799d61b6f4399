package org.minutewise.core.fees;

import java.math.BigDecimal;
import java.util.Objects;

/** Relative value units of a code for a year (non-facility practice expense). */
public record Rvu(String code, int year, BigDecimal work, BigDecimal pe, BigDecimal mp) {
    public Rvu {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(pe, "pe");
        Objects.requireNonNull(mp, "mp");
    }
}
