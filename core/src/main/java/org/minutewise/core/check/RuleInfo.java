package org.minutewise.core.check;

import java.util.Objects;

/**
 * The catalog entry of one rule: a stable id that never changes meaning, a severity, a title, the usual fix,
 * and the source it rests on (citation text and, where there is one, the public page).
 */
public record RuleInfo(String id, Severity severity, String title, String fix, String citation, String sourceUrl) {
    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        if (!id.matches("MW-[A-Z]\\d{3}")) {
            throw new IllegalArgumentException("rule id must look like MW-U001: " + id);
        }
    }

    /** A finding of this rule with its usual fix. */
    public Finding finding(String path, String message) {
        return new Finding(id, severity, path, message, fix, citation);
    }

    /** A finding of this rule with a fix specific to the case. */
    public Finding finding(String path, String message, String specificFix) {
        return new Finding(id, severity, path, message, specificFix, citation);
    }
}
