package org.minutewise.store;

import java.util.Objects;
import java.util.Optional;
import org.minutewise.core.check.CheckResult;
import org.minutewise.core.model.FindingOverride;
import org.minutewise.core.model.Visit;

/**
 * Save a checked visit as its next version.
 *
 * @param visit      the visit as read
 * @param result     its check (claim lines and findings are stored from it)
 * @param visitJson  the visit as entered (visit JSON), kept verbatim
 * @param resultJson the check as the API returns it
 * @param actor      who saved it (for the audit log)
 * @param detail     what changed, in words, for the audit log (never patient data beyond the visit's ids)
 * @param override   an override recorded by this save, if any
 */
public record SaveCommand(Visit visit, CheckResult result, String visitJson, String resultJson, String actor,
                          String detail, Optional<FindingOverride> override) {
    public SaveCommand {
        Objects.requireNonNull(visit, "visit");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(visitJson, "visitJson");
        Objects.requireNonNull(resultJson, "resultJson");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(override, "override");
    }
}
