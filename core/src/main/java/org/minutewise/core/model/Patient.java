package org.minutewise.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

public record Patient(Optional<String> id, Optional<LocalDate> birthDate, YearToDate yearToDate) {
    public static final Patient UNKNOWN = new Patient(Optional.empty(), Optional.empty(), YearToDate.NONE);

    public Patient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(yearToDate, "yearToDate");
    }
}
