package org.minutewise.core.fees;

import java.math.BigDecimal;
import java.util.Objects;

/** Geographic practice cost indices of a Medicare payment locality. */
public record Gpci(String locality, String name, BigDecimal work, BigDecimal pe, BigDecimal mp) {
    public static final Gpci NATIONAL = new Gpci("national", "National (all indices 1.000)", BigDecimal.ONE,
            BigDecimal.ONE, BigDecimal.ONE);

    public Gpci {
        Objects.requireNonNull(locality, "locality");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(work, "work");
        Objects.requireNonNull(pe, "pe");
        Objects.requireNonNull(mp, "mp");
    }
}
