package org.minutewise.core.model;

import java.util.Objects;

/** A warning the clinic accepts for this visit, with its reason (recorded, shown, never silent). */
public record FindingOverride(String finding, String reason) {
    public FindingOverride {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(reason, "reason");
    }
}
