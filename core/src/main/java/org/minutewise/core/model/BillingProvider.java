package org.minutewise.core.model;

import java.util.Objects;
import java.util.Optional;

/** The clinic that bills: its NPI, tax id, name and address (837 loop 2010AA). */
public record BillingProvider(Optional<String> npi, Optional<String> taxId, Optional<String> name,
                              Optional<Address> address) {
    public static final BillingProvider NONE = new BillingProvider(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public BillingProvider {
        Objects.requireNonNull(npi, "npi");
        Objects.requireNonNull(taxId, "taxId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
    }
}
