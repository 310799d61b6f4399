package org.minutewise.store;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** Which visits to list: by patient, date of service and/or therapist; newest date first; at most {@code limit}. */
public record VisitQuery(Optional<String> patientId, Optional<LocalDate> date, Optional<String> therapistId,
                         int limit) {
    public static final int MAX_LIMIT = 1000;

    public VisitQuery {
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(therapistId, "therapistId");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static VisitQuery all() {
        return new VisitQuery(Optional.empty(), Optional.empty(), Optional.empty(), 100);
    }
}
