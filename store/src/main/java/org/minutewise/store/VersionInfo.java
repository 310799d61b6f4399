package org.minutewise.store;

import java.time.Instant;
import java.util.Objects;

/** One version in a visit's history. */
public record VersionInfo(int version, Instant savedAt, String savedBy, boolean blocked, int totalUnits,
                          int findings) {
    public VersionInfo {
        Objects.requireNonNull(savedAt, "savedAt");
        Objects.requireNonNull(savedBy, "savedBy");
    }
}
