package org.minutewise.core.check;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Dollar amounts as a biller writes them in a message: {@code $2,450.00}. */
public final class Money {
    private Money() {
    }

    /**
     * The amount to the cent with thousands separators, {@code -$12.50} below zero. Written by hand: a
     * {@code String.format} builds its locale's number symbols on every call, which a batch audit paid per finding.
     */
    public static String of(BigDecimal amount) {
        String plain = amount.setScale(2, RoundingMode.HALF_UP).abs().toPlainString();
        int point = plain.length() - 3;
        StringBuilder out = new StringBuilder(plain.length() + plain.length() / 3 + 2);
        if (amount.setScale(2, RoundingMode.HALF_UP).signum() < 0) {
            out.append('-');
        }
        out.append('$');
        for (int i = 0; i < point; i++) {
            if (i > 0 && (point - i) % 3 == 0) {
                out.append(',');
            }
            out.append(plain.charAt(i));
        }
        return out.append(plain, point, plain.length()).toString();
    }
}
