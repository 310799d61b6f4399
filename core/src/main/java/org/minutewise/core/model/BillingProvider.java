package org.minutewise.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The clinic that bills: its NPI, tax id, name and address (837 loop 2010AA). A therapist in solo practice who
 * bills under their own (type 1) NPI is a person: {@code firstName} given, {@code name} is their last name (837
 * NM1*85*1, NM103 and NM104); without it the billing provider is an organization by its {@code name} (NM1*85*2).
 */
public record BillingProvider(Optional<String> npi, Optional<String> taxId, Optional<String> name,
                              Optional<Address> address, Optional<String> firstName) {
    public static final BillingProvider NONE = new BillingProvider(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /** An organization (no first name). */
    public BillingProvider(Optional<String> npi, Optional<String> taxId, Optional<String> name,
                           Optional<Address> address) {
        this(npi, taxId, name, address, Optional.empty());
    }

    /** Whether the billing provider is a person (a first name given): 837 NM1*85 entity type 1. */
    public boolean person() {
        return firstName.isPresent();
    }

    public BillingProvider {
        Objects.requireNonNull(npi, "npi");
        Objects.requireNonNull(taxId, "taxId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(firstName, "firstName");
    }
}
