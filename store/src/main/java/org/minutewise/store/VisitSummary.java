package org.minutewise.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** A visit in a list: its current version. */
public record VisitSummary(String visitId, Optional<String> patientId, LocalDate dateOfService, String payer,
                           int version, boolean blocked, Instant updatedAt) {
    public VisitSummary {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(dateOfService, "dateOfService");
        Objects.requireNonNull(payer, "payer");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
