package org.minutewise.formats;

import java.math.BigDecimal;

/** A dollar amount from input (a charge, a year's spend): checked once, the same way in every format. */
public final class Amounts {
    /** The largest amount accepted: no therapy charge or year's spend comes near it. */
    public static final BigDecimal MAX = BigDecimal.valueOf(10_000_000);

    private Amounts() {
    }

    /**
     * The problem with an amount, or null: negative, over {@link #MAX}, or with more than 2 decimal places (cents;
     * an amount like 1e-10001 would also break writing it back).
     */
    public static String problem(BigDecimal d) {
        if (d.signum() < 0 || d.compareTo(MAX) > 0) {
            return "must be between 0 and 10000000, got " + shown(d);
        }
        if (d.stripTrailingZeros().scale() > 2) {
            return "at most 2 decimal places (cents), got " + shown(d);
        }
        return null;
    }

    /** The amount, or an {@link InputException} naming {@code path}. */
    public static BigDecimal check(BigDecimal d, String path) {
        String p = problem(d);
        if (p != null) {
            throw new InputException(path, p);
        }
        return d;
    }

    private static String shown(BigDecimal d) {
        return Math.abs(d.scale()) > 20 ? d.toString() : d.toPlainString();
    }
}
