package org.minutewise.core.check;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The catalog entry of one rule: a stable id that never changes meaning, a severity, a title, the usual fix,
 * the source it rests on (citation text and, where there is one, the public page), and its version and the dates
 * of service it applies to (RULES.md §8: rules are versioned and effective-dated by date of service).
 *
 * @param version       1 for the rule as first written; raised whenever what it finds changes, with
 *                      {@code changes} saying how (the message's wording alone is no new version)
 * @param effectiveFrom the first date of service the policy applies to, or null when it applies to every date
 *                      the reference data covers (most rules: their policy is older than any claim still open)
 * @param effectiveTo   the last date of service it applies to, or null while it is in force
 * @param changes       what the current version changed, empty for version 1
 */
public record RuleInfo(String id, Severity severity, String title, String fix, String citation, String sourceUrl,
                       int version, LocalDate effectiveFrom, LocalDate effectiveTo, String changes) {
    public RuleInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(sourceUrl, "sourceUrl");
        Objects.requireNonNull(changes, "changes");
        if (!id.matches("MW-[A-Z]\\d{3}")) {
            throw new IllegalArgumentException("rule id must look like MW-U001: " + id);
        }
        if (version < 1 || (version == 1) != changes.isEmpty()) {
            throw new IllegalArgumentException(id + ": version 1 has no changes, a later version says what changed");
        }
        if (effectiveFrom != null && effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException(id + ": in effect to " + effectiveTo + " before " + effectiveFrom);
        }
    }

    /** Version 1, for every date of service. */
    public RuleInfo(String id, Severity severity, String title, String fix, String citation, String sourceUrl) {
        this(id, severity, title, fix, citation, sourceUrl, 1, null, null, "");
    }

    /** The same rule, in effect from this date of service (when the policy it checks began). */
    public RuleInfo inEffectFrom(LocalDate from) {
        return new RuleInfo(id, severity, title, fix, citation, sourceUrl, version, from, effectiveTo, changes);
    }

    /** The same rule, in effect up to and including this date of service (when the policy it checks ended). */
    public RuleInfo inEffectTo(LocalDate to) {
        return new RuleInfo(id, severity, title, fix, citation, sourceUrl, version, effectiveFrom, to, changes);
    }

    /** A new version of the rule, saying what changed and when. */
    public RuleInfo revised(int newVersion, String whatChanged) {
        if (newVersion <= version) {
            throw new IllegalArgumentException(id + ": version " + newVersion + " after " + version);
        }
        return new RuleInfo(id, severity, title, fix, citation, sourceUrl, newVersion, effectiveFrom, effectiveTo,
                whatChanged);
    }

    /** Whether the rule applies to a service on this date. */
    public boolean inEffectOn(LocalDate dateOfService) {
        return (effectiveFrom == null || !dateOfService.isBefore(effectiveFrom))
                && (effectiveTo == null || !dateOfService.isAfter(effectiveTo));
    }

    /** Whether some date of service falls outside the rule. */
    public boolean dated() {
        return effectiveFrom != null || effectiveTo != null;
    }

    /**
     * The citation a finding carries: the source and, for a dated rule, the dates it is in effect (RULES.md §8:
     * section and effective date).
     */
    public String citationWithDates() {
        if (!dated()) {
            return citation;
        }
        return citation + "; in effect " + (effectiveFrom == null ? "" : "from " + effectiveFrom)
                + (effectiveFrom != null && effectiveTo != null ? " " : "")
                + (effectiveTo == null ? "" : "to " + effectiveTo);
    }

    /** A finding of this rule with its usual fix. */
    public Finding finding(String path, String message) {
        return new Finding(id, severity, path, message, fix, citationWithDates());
    }

    /** A finding of this rule with a fix specific to the case. */
    public Finding finding(String path, String message, String specificFix) {
        return new Finding(id, severity, path, message, specificFix, citationWithDates());
    }
}
