package org.minutewise.core.across;

import java.util.Objects;

/**
 * A correction of the units the documentation supports that only the patient's day can make (MW-A012): take
 * {@code units} timed units off code {@code code} on visit {@code visitId}, since the day's timed minutes together
 * make fewer units than the visits one by one. The audit's corrected claim lines (claims.csv) and its totals apply it.
 */
public record UnitCut(String visitId, String code, int units) {
    public UnitCut {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(code, "code");
        if (units <= 0) {
            throw new IllegalArgumentException("a cut takes at least one unit, got " + units);
        }
    }
}
