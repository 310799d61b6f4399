package org.minutewise.store;

import java.math.BigDecimal;
import java.util.Map;
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
 * @param statedSpend the clinic's spend before the visit by KX bucket ("PT_SLP", "OT") as the visit itself stated
 *                    it ({@code patient.yearToDate}), for the buckets it stated; later visits' spend starts from it
 */
public record SaveCommand(Visit visit, CheckResult result, String visitJson, String resultJson, String actor,
                          String detail, Optional<FindingOverride> override, Map<String, BigDecimal> statedSpend) {
    public SaveCommand {
        statedSpend = Map.copyOf(statedSpend);
        Objects.requireNonNull(visit, "visit");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(visitJson, "visitJson");
        Objects.requireNonNull(resultJson, "resultJson");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(override, "override");
    }

    /** A save whose visit stated no spend of its own. */
    public SaveCommand(Visit visit, CheckResult result, String visitJson, String resultJson, String actor,
                       String detail, Optional<FindingOverride> override) {
        this(visit, result, visitJson, resultJson, actor, detail, override, Map.of());
    }
}
