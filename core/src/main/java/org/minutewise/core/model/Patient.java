package org.minutewise.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The patient, as far as billing needs. {@code yearToDate} is the therapy spend this clinic knows of so far this
 * calendar year; {@code outsideSpend} is what the patient incurred at other providers (entered by the clinic).
 */
public record Patient(Optional<String> id, Optional<LocalDate> birthDate, YearToDate yearToDate,
                      YearToDate outsideSpend) {
    public static final Patient UNKNOWN = new Patient(Optional.empty(), Optional.empty(), YearToDate.NONE,
            YearToDate.NONE);

    public Patient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(yearToDate, "yearToDate");
        Objects.requireNonNull(outsideSpend, "outsideSpend");
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
