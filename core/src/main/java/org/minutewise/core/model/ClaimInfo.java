package org.minutewise.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a claim needs beyond the clinical visit: billing provider, the payer's name and id, the subscriber and
 * the place of service. Missing parts are an error only when an output format needs them.
 *
 * <p>A claim read from an 837 also keeps what it says about itself, so that writing it again does not change it:
 * the claim filing indicator (2000B SBR09: MC Medicaid, BL Blue Cross, ...; several codes map to one kind of payer
 * profile, so the profile alone cannot give the code back), the claim frequency (CLM05-3: 1 original, 7
 * replacement, 8 void) and the payer claim control number of the claim replaced or voided (2300 REF*F8). Empty
 * when the visit does not say: the writer then takes the filing indicator from the payer profile's kind and
 * writes an original claim.
 *
 * <p>{@code secondary}: the patient's coverage at the secondary payer (its payer's name and id, the member id, its
 * filing indicator), what the 837 names the visit's {@code secondaryPayer} by; {@link SecondaryCoverage#NONE} when
 * the visit does not give it.
 */
public record ClaimInfo(BillingProvider billingProvider, Optional<String> payerName, Optional<String> payerId,
                        Subscriber subscriber, Optional<String> placeOfService,
                        Optional<String> claimFilingIndicator, Optional<String> claimFrequency,
                        Optional<String> payerClaimControlNumber, SecondaryCoverage secondary) {
    public static final ClaimInfo NONE = new ClaimInfo(BillingProvider.NONE, Optional.empty(), Optional.empty(),
            Subscriber.NONE, Optional.empty());

    public ClaimInfo {
        Objects.requireNonNull(billingProvider, "billingProvider");
        Objects.requireNonNull(payerName, "payerName");
        Objects.requireNonNull(payerId, "payerId");
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(placeOfService, "placeOfService");
        Objects.requireNonNull(claimFilingIndicator, "claimFilingIndicator");
        Objects.requireNonNull(claimFrequency, "claimFrequency");
        Objects.requireNonNull(payerClaimControlNumber, "payerClaimControlNumber");
        Objects.requireNonNull(secondary, "secondary");
    }

    /** Without the secondary coverage. */
    public ClaimInfo(BillingProvider billingProvider, Optional<String> payerName, Optional<String> payerId,
                     Subscriber subscriber, Optional<String> placeOfService, Optional<String> claimFilingIndicator,
                     Optional<String> claimFrequency, Optional<String> payerClaimControlNumber) {
        this(billingProvider, payerName, payerId, subscriber, placeOfService, claimFilingIndicator, claimFrequency,
                payerClaimControlNumber, SecondaryCoverage.NONE);
    }

    /**
     * The claim filing indicator codes of the 837 (X12 element 1032, 005010 SBR09): other non-federal programs,
     * PPO, POS, EPO, indemnity, HMO Medicare risk, dental maintenance, automobile medical, Blue Cross Blue Shield,
     * CHAMPUS (TRICARE), commercial, disability, Federal Employees Program, HMO, liability medical, Medicare Part A
     * and Part B, Medicaid, other federal program, Title V, Veterans Affairs, workers' compensation, mutually defined.
     */
    public static final java.util.Set<String> FILING_INDICATORS = java.util.Set.of("11", "12", "13", "14", "15", "16",
            "17", "AM", "BL", "CH", "CI", "DS", "FI", "HM", "LM", "MA", "MB", "MC", "OF", "TV", "VA", "WC", "ZZ");

    /** An original claim whose filing indicator follows the payer profile. */
    public ClaimInfo(BillingProvider billingProvider, Optional<String> payerName, Optional<String> payerId,
                     Subscriber subscriber, Optional<String> placeOfService) {
        this(billingProvider, payerName, payerId, subscriber, placeOfService, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The same claim with another frequency (empty: as an original). */
    public ClaimInfo withClaimFrequency(Optional<String> frequency) {
        return new ClaimInfo(billingProvider, payerName, payerId, subscriber, placeOfService, claimFilingIndicator,
                frequency, payerClaimControlNumber, secondary);
    }

    /** The same claim with another payer claim control number (2300 REF*F8: the claim replaced or voided). */
    public ClaimInfo withPayerClaimControlNumber(Optional<String> number) {
        return new ClaimInfo(billingProvider, payerName, payerId, subscriber, placeOfService, claimFilingIndicator,
                claimFrequency, number, secondary);
    }

    /** The same claim with another secondary coverage. */
    public ClaimInfo withSecondary(SecondaryCoverage coverage) {
        return new ClaimInfo(billingProvider, payerName, payerId, subscriber, placeOfService, claimFilingIndicator,
                claimFrequency, payerClaimControlNumber, coverage);
    }
}
