package org.minutewise.core.check;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing a check found: which rule, how serious, where (a path into the visit such as {@code services[2]}
 * or {@code note[120:148]}), a message a biller can paste into an appeal, the fix, and the citation.
 * A warning the clinic accepted for the visit carries the reason it gave ({@code overrideReason}).
 */
public record Finding(String ruleId, Severity severity, String path, String message, String fix, String citation,
                      Optional<String> overrideReason) {
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(overrideReason, "overrideReason");
    }

    public Finding(String ruleId, Severity severity, String path, String message, String fix, String citation) {
        this(ruleId, severity, path, message, fix, citation, Optional.empty());
    }

    public boolean blocks() {
        return severity == Severity.BLOCK;
    }

    public boolean overridden() {
        return overrideReason.isPresent();
    }

    /** The same finding about another place (for example a code instead of {@code services[2]}). */
    public Finding withPath(String where) {
        return new Finding(ruleId, severity, where, message, fix, citation, overrideReason);
    }

    public Finding withOverride(String reason) {
        return new Finding(ruleId, severity, path, message, fix, citation, Optional.of(reason));
    }
}
