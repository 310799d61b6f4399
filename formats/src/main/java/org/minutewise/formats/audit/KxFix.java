package org.minutewise.formats.audit;

import java.util.Objects;

/**
 * A correction of an audit's claim lines that only the patient's year counted in date order can make: the line of
 * {@code code} on visit {@code visitId}, furnished in whole or in part by an assistant ({@code assistant}: CQ/CO)
 * or not, needs KX (MW-A003). A code may have a line of each kind, and only one of them may need KX. The audit puts
 * it on the supported side of the matching claims.csv row ({@link AuditCsv.ClaimRow#modifiersWithKx}). Only this
 * way round: the audit's count is a floor of the patient's expenses (a provider outside the audit may have added to
 * them), so KX it finds too early (MW-A004, a warning) stays as billed.
 */
public record KxFix(String visitId, String code, boolean assistant) {
    public KxFix {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(code, "code");
    }

    /** The kind as {@link AuditCsv.ClaimRow#modifiersWithKx} takes it: "1" for an assistant's line, else "0". */
    public String kind() {
        return assistant ? "1" : "0";
    }

    public void encode(Bin.Out o) {
        o.string(visitId).string(code).bool(assistant);
    }

    public static KxFix decode(Bin.In in) {
        return new KxFix(in.string(), in.string(), in.bool());
    }
}
