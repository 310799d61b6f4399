package org.minutewise.core.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Dollar amounts as a biller writes them in a message: {@code $2,450.00}. */
public final class Money {
    private Money() {
    }

    public static String of(BigDecimal amount) {
        return "$" + String.format(Locale.ROOT, "%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
    }
}
