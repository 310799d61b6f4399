package org.minutewise.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The patient's coverage at the secondary payer as its claims name it, beside the visit's {@code secondaryPayer} (a
 * payer profile, whose rules the check applies, which is not a payer): the payer's own name and payer id (837 loop
 * 2330B NM103 and NM109), the patient's member id there (2330A NM109) and the claim filing indicator of that coverage
 * (2320 SBR09: CI, BL, MC, ...). They mirror the primary's {@code payerName}, {@code payerId},
 * {@code subscriber.memberId} and {@code claimFilingIndicator}. Empty parts are an error only where an output needs
 * them: the 837 names the secondary payer only with its name, payer id and member id.
 */
public record SecondaryCoverage(Optional<String> payerName, Optional<String> payerId, Optional<String> memberId,
                                Optional<String> claimFilingIndicator) {
    public static final SecondaryCoverage NONE = new SecondaryCoverage(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public SecondaryCoverage {
        Objects.requireNonNull(payerName, "payerName");
        Objects.requireNonNull(payerId, "payerId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(claimFilingIndicator, "claimFilingIndicator");
    }

    /** Nothing given. */
    public boolean isEmpty() {
        return equals(NONE);
    }
}
