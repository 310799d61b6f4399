package org.minutewise.store;

import java.util.Objects;
import java.util.Optional;

/** A finding as stored with its visit version. */
public record StoredFinding(String ruleId, String severity, String path, String message, String fix,
                            String citation, Optional<String> overrideReason) {
    public StoredFinding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(overrideReason, "overrideReason");
    }
}
