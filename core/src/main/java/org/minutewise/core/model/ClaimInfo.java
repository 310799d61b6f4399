package org.minutewise.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a claim needs beyond the clinical visit: billing provider, the payer's name and id, the subscriber and
 * the place of service. Missing parts are an error only when an output format needs them.
 */
public record ClaimInfo(BillingProvider billingProvider, Optional<String> payerName, Optional<String> payerId,
                        Subscriber subscriber, Optional<String> placeOfService) {
    public static final ClaimInfo NONE = new ClaimInfo(BillingProvider.NONE, Optional.empty(), Optional.empty(),
            Subscriber.NONE, Optional.empty());

    public ClaimInfo {
        Objects.requireNonNull(billingProvider, "billingProvider");
        Objects.requireNonNull(payerName, "payerName");
        Objects.requireNonNull(payerId, "payerId");
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(placeOfService, "placeOfService");
    }
}
