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
 *
 * <p>{@code relationship}, {@code subscriberLastName} and {@code subscriberFirstName}: when the secondary policy is
 * someone else's (a child covered by both parents' plans), the patient's relationship to that policy's subscriber
 * (2320 SBR02, the codes of {@link Subscriber#RELATIONSHIPS}) and the subscriber's name (2330A NM103/NM104); empty
 * when the patient holds the secondary policy (SBR02 18), as before these fields existed.
 */
public record SecondaryCoverage(Optional<String> payerName, Optional<String> payerId, Optional<String> memberId,
                                Optional<String> claimFilingIndicator, Optional<String> insuranceType,
                                Optional<String> relationship, Optional<String> subscriberLastName,
                                Optional<String> subscriberFirstName) {
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
        Objects.requireNonNull(relationship, "relationship");
        Objects.requireNonNull(subscriberLastName, "subscriberLastName");
        Objects.requireNonNull(subscriberFirstName, "subscriberFirstName");
    }

    /** The patient holds the secondary policy. */
    public SecondaryCoverage(Optional<String> payerName, Optional<String> payerId, Optional<String> memberId,
                             Optional<String> claimFilingIndicator, Optional<String> insuranceType) {
        this(payerName, payerId, memberId, claimFilingIndicator, insuranceType, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** This coverage held by someone else: the patient's relationship to them, and their last and first name. */
    public SecondaryCoverage heldBy(Optional<String> relationship, Optional<String> subscriberLastName,
                                    Optional<String> subscriberFirstName) {
        return new SecondaryCoverage(payerName, payerId, memberId, claimFilingIndicator, insuranceType, relationship,
                subscriberLastName, subscriberFirstName);
    }

    /** Whether the visit says the secondary policy is someone else's (a relationship given). */
    public boolean dependent() {
        return relationship.isPresent();
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
