package org.minutewise.formats.audit;

import java.util.Objects;

/**
 * A correction of an audit's claim lines that only the patient's year counted in date order can make: the lines of
 * {@code code} on visit {@code visitId} need KX (MW-A003). The audit puts it on the supported side of claims.csv
 * ({@link AuditCsv.ClaimRow#withKx}). Only this way round: the audit's count is a floor of the patient's expenses
 * (a provider outside the audit may have added to them), so KX it finds too early (MW-A004, a warning) stays as
 * billed.
 */
public record KxFix(String visitId, String code) {
    public KxFix {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(code, "code");
    }

    public void encode(Bin.Out o) {
        o.string(visitId).string(code);
    }

    public static KxFix decode(Bin.In in) {
        return new KxFix(in.string(), in.string());
    }
}
