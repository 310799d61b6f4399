package org.minutewise.store;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/** One line of the append-only audit log: who did what to which visit (or patient), when. */
public record AuditEntry(long seq, Instant at, String actor, String action, String subjectType, String subjectId,
                         OptionalInt version, String detail) {
    public static final String VISIT = "visit";
    public static final String PATIENT = "patient";

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(detail, "detail");
    }
}
