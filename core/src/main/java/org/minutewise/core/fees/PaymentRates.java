package org.minutewise.core.fees;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A calendar year's Medicare payment shares (RULES.md §4, §6), kept as data beside the conversion factor because
 * CMS changes them by rule-making: the share of the practice expense paid on every therapy unit but the day's
 * first under the multiple procedure payment reduction (0.50 since April 2013), the share of the otherwise payable
 * amount paid for a CQ/CO line (0.85 since 2022; 1.00 before), and the patient's coinsurance (0.20).
 */
public record PaymentRates(int year, BigDecimal reducedPeShare, BigDecimal assistantShare, BigDecimal coinsurance) {
    public PaymentRates {
        share(reducedPeShare, "reducedPeShare");
        share(assistantShare, "assistantShare");
        share(coinsurance, "coinsurance");
    }

    private static void share(BigDecimal v, String name) {
        Objects.requireNonNull(v, name);
        if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + v);
        }
    }

    /** Whether a CQ/CO line is paid less than in full this year. */
    public boolean assistantReduced() {
        return assistantShare.compareTo(BigDecimal.ONE) < 0;
    }
}
