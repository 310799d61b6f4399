package org.minutewise.store;

import java.util.List;
import java.util.Objects;

/** A visit's versions, oldest first, its overrides and its audit log entries. */
public record History(String visitId, List<VersionInfo> versions, List<OverrideRecord> overrides,
                      List<AuditEntry> audit) {
    public History {
        Objects.requireNonNull(visitId, "visitId");
        versions = List.copyOf(versions);
        overrides = List.copyOf(overrides);
        audit = List.copyOf(audit);
    }
}
