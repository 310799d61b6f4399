package org.minutewise.store;

import java.time.Instant;
import java.util.Objects;

/** An override the clinic recorded, with its reason and whether the engine applied it. */
public record OverrideRecord(String visitId, int version, String ruleId, String reason, boolean applied,
                             String recordedBy, Instant recordedAt) {
    public OverrideRecord {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
