package org.minutewise.core.check;

import java.util.Objects;

/**
 * One thing a check found: which rule, how serious, where (a path into the visit such as {@code services[2]}
 * or {@code note[120:148]}), a message a biller can paste into an appeal, the fix, and the citation.
 */
public record Finding(String ruleId, Severity severity, String path, String message, String fix, String citation) {
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(citation, "citation");
    }

    public boolean blocks() {
        return severity == Severity.BLOCK;
    }
}
