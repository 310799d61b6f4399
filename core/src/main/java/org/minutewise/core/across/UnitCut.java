package org.minutewise.core.across;

import java.util.Objects;

/**
 * A correction of the units the documentation supports that only the checks across visits can make: take
 * {@code units} timed units off code {@code code} on visit {@code visitId}, since the patient's day's timed minutes
 * together make fewer units than the visits one by one (MW-A012), or since minutes of the visit's one-on-one codes
 * were shared with another patient of the therapist (MW-A001). The audit's corrected claim lines (claims.csv) and its
 * totals apply it.
 *
 * <p>{@code assistant}: the minutes the cut takes out were an assistant's (a PTA's or OTA's, whose units of the code
 * carry CQ/CO, RULES.md §4), so its units come off the code's CQ/CO lines first, then off its full-rate lines; false
 * when they were a therapist's, or when whose minutes they were is not known or not the point (a day's units,
 * MW-A012; a duplicate's void, MW-A006): full-rate lines first, then CQ/CO.
 */
public record UnitCut(String visitId, String code, int units, boolean assistant) {
    public UnitCut {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(code, "code");
        if (units <= 0) {
            throw new IllegalArgumentException("a cut takes at least one unit, got " + units);
        }
    }

    /** A cut off the code's full-rate lines first (not an assistant's minutes, or not known whose). */
    public UnitCut(String visitId, String code, int units) {
        this(visitId, code, units, false);
    }
}
