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
 *
 * <p>{@code insuranceType}: when the secondary payer is Medicare, why Medicare pays second (2320 SBR05, the Medicare
 * secondary payer type: {@link #MEDICARE_SECONDARY_TYPES}); the 837 names Medicare as the other payer only with it.
 */
public record SecondaryCoverage(Optional<String> payerName, Optional<String> payerId, Optional<String> memberId,
                                Optional<String> claimFilingIndicator, Optional<String> insuranceType) {
    public static final SecondaryCoverage NONE = new SecondaryCoverage(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * The insurance type codes of the 837 (X12 element 1336) that say why Medicare pays second (TR3 2320 SBR05, CMS
     * MSP types): 12 working aged beneficiary or spouse with an employer group health plan, 13 end-stage renal
     * disease beneficiary in the coordination period with an employer's group health plan, 14 no-fault insurance
     * including auto is primary, 15 workers' compensation, 16 Public Health Service or other federal agency, 41 black
     * lung, 42 Veterans Affairs, 43 disabled beneficiary under 65 with a large group health plan, 47 other liability
     * insurance is primary.
     */
    public static final java.util.Set<String> MEDICARE_SECONDARY_TYPES = java.util.Set.of("12", "13", "14", "15", "16",
            "41", "42", "43", "47");

    public SecondaryCoverage {
        Objects.requireNonNull(payerName, "payerName");
        Objects.requireNonNull(payerId, "payerId");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(claimFilingIndicator, "claimFilingIndicator");
        Objects.requireNonNull(insuranceType, "insuranceType");
    }

    /** Without an insurance type (a secondary payer that is not Medicare, or one that does not say). */
    public SecondaryCoverage(Optional<String> payerName, Optional<String> payerId, Optional<String> memberId,
                             Optional<String> claimFilingIndicator) {
        this(payerName, payerId, memberId, claimFilingIndicator, Optional.empty());
    }

    /** Nothing given. */
    public boolean isEmpty() {
        return equals(NONE);
    }
}
