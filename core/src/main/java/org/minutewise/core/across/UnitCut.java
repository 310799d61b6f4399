package org.minutewise.core.across;

import java.util.Objects;

/**
 * A correction of the units the documentation supports that only the checks across visits can make: take
 * {@code units} timed units off code {@code code} on visit {@code visitId}, since the patient's day's timed minutes
 * together make fewer units than the visits one by one (MW-A012), or since minutes of the visit's one-on-one codes
 * were shared with another patient of the therapist (MW-A001). The audit's corrected claim lines (claims.csv) and its
 * totals apply it.
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
