package org.minutewise.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The patient, as far as billing needs. {@code yearToDate} is the therapy spend this clinic knows of so far this
 * calendar year; {@code outsideSpend} is what the patient incurred at other providers (entered by the clinic).
 *
 * <p>{@code lastName}, {@code firstName}, {@code sex} (F, M or U) and {@code address}: the patient as a claim names
 * them when the patient is not the subscriber ({@link Subscriber#relationship()}: the 837's patient loop 2010CA);
 * when the patient is the subscriber the claim names the patient by the {@link Subscriber}'s.
 */
public record Patient(Optional<String> id, Optional<LocalDate> birthDate, YearToDate yearToDate,
                      YearToDate outsideSpend, Optional<String> lastName, Optional<String> firstName,
                      Optional<String> sex, Optional<Address> address) {
    public static final Patient UNKNOWN = new Patient(Optional.empty(), Optional.empty(), YearToDate.NONE,
            YearToDate.NONE);

    public Patient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(yearToDate, "yearToDate");
        Objects.requireNonNull(outsideSpend, "outsideSpend");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(address, "address");
    }

    /** Without a name, sex or address (the patient is the subscriber, or the claim is not written). */
    public Patient(Optional<String> id, Optional<LocalDate> birthDate, YearToDate yearToDate,
                   YearToDate outsideSpend) {
        this(id, birthDate, yearToDate, outsideSpend, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** Whether a name, sex or address is given. */
    public boolean named() {
        return lastName.isPresent() || firstName.isPresent() || sex.isPresent() || address.isPresent();
    }

    /**
     * Whether the visit states the patient's incurred expenses this year (even $0): readers leave
     * {@link YearToDate#NONE} itself in place when the field is absent, so an absent field and a stated $0 differ.
     */
    public boolean yearToDateGiven() {
        return yearToDate != YearToDate.NONE;
    }

    /** Incurred therapy expenses before this visit for the KX bucket of a discipline, outside spend included. */
    public java.math.BigDecimal spentBefore(Discipline d) {
        return yearToDate.bucket(d).add(outsideSpend.bucket(d));
    }
}
