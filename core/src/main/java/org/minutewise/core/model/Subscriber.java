package org.minutewise.core.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The insured person, the policy holder (837 loop 2010BA): member id, name, birth date, sex (F, M or U) and postal
 * address.
 *
 * <p>{@code relationship}: the patient's relationship to the subscriber when the patient is someone else (a child or
 * spouse covered under the subscriber's policy: a dependent), as the 837 codes it (X12 element 1069, 837P/837I
 * 2000C PAT01: {@link #RELATIONSHIPS}); empty when the patient is the subscriber, as before this field existed. A
 * dependent's own name, sex and address are the {@link Patient}'s; the 837 then writes the patient loop (2000C/2010CA)
 * and leaves the subscriber's address and birth date out of 2010BA (the TR3 sends them only for a patient who is the
 * subscriber).
 */
public record Subscriber(Optional<String> memberId, Optional<String> lastName, Optional<String> firstName,
                         Optional<LocalDate> birthDate, Optional<String> sex, Optional<Address> address,
                         Optional<String> relationship) {
    public static final Subscriber NONE = new Subscriber(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * The patient's relationship to the subscriber when the patient is not the subscriber, the codes of 005010X222A1
     * (and X223A2) loop 2000C PAT01: 01 spouse, 19 child, 20 employee, 21 unknown, 39 organ donor, 40 cadaver donor,
     * 53 life partner, G8 other relationship. 18 (self) is not one: the patient is then the subscriber.
     */
    public static final List<String> RELATIONSHIPS = List.of("01", "19", "20", "21", "39", "40", "53", "G8");

    public Subscriber {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(relationship, "relationship");
    }

    /** The patient is the subscriber. */
    public Subscriber(Optional<String> memberId, Optional<String> lastName, Optional<String> firstName,
                      Optional<LocalDate> birthDate, Optional<String> sex, Optional<Address> address) {
        this(memberId, lastName, firstName, birthDate, sex, address, Optional.empty());
    }

    /** The patient is the subscriber; without an address. */
    public Subscriber(Optional<String> memberId, Optional<String> lastName, Optional<String> firstName,
                      Optional<LocalDate> birthDate, Optional<String> sex) {
        this(memberId, lastName, firstName, birthDate, sex, Optional.empty());
    }

    /** Whether the patient is someone else than the subscriber (a dependent: {@code relationship} given). */
    public boolean dependent() {
        return relationship.isPresent();
    }
}
