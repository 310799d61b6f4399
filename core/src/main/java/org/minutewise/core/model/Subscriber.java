package org.minutewise.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The insured person (837 loop 2010BA): member id, name, birth date, sex (F, M or U) and postal address (the 837
 * requires it when the patient is the subscriber, as Minutewise's claims always are).
 */
public record Subscriber(Optional<String> memberId, Optional<String> lastName, Optional<String> firstName,
                         Optional<LocalDate> birthDate, Optional<String> sex, Optional<Address> address) {
    public static final Subscriber NONE = new Subscriber(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public Subscriber {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(address, "address");
    }

    /** Without an address. */
    public Subscriber(Optional<String> memberId, Optional<String> lastName, Optional<String> firstName,
                      Optional<LocalDate> birthDate, Optional<String> sex) {
        this(memberId, lastName, firstName, birthDate, sex, Optional.empty());
    }
}
