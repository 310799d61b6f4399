package org.minutewise.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A payer's prior authorization: how many visits it allows, how many were used before this one, and its dates.
 */
public record Authorization(OptionalInt visits, OptionalInt used, Optional<LocalDate> from, Optional<LocalDate> to) {
    public Authorization {
        Objects.requireNonNull(visits, "visits");
        Objects.requireNonNull(used, "used");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
