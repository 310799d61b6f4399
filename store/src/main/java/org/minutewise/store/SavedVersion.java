package org.minutewise.store;

import java.time.Instant;
import java.util.Objects;

/** The version a save wrote; {@code created} when it was the visit's first. */
public record SavedVersion(String visitId, int version, boolean created, Instant savedAt) {
    public SavedVersion {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(savedAt, "savedAt");
    }
}
