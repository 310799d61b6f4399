package org.minutewise.core.across;

import java.util.Objects;
import org.minutewise.core.units.Cognitive;

/**
 * A correction of the units the documentation supports that only the checks across visits can make: take
 * {@code units} timed units off code {@code code} on visit {@code visitId}, since the patient's day's timed minutes
 * together make fewer units than the visits one by one (MW-A012), or since minutes of the visit's one-on-one codes
 * were shared with another patient of the therapist (MW-A001). The audit's corrected claim lines (claims.csv) and its
 * totals apply it.
 *
 * <p>{@code assistantUnits}: how many of the code's units carry CQ/CO once the cut is taken, the de minimis standard
 * (RULES.md §4) applied again to the minutes the code keeps (MW-A001): the code's rows then show that many units with
 * CQ/CO and the rest without, whichever kind the units taken were, so it may be set on a cut of 0 units (minutes lost
 * without a unit lost can still move a unit across the de minimis line). -1 when not known or not the point (a day's
 * units, MW-A012; a duplicate's void, MW-A006; minutes counted without knowing whose): the units come off the code's
 * full-rate lines first, then its CQ/CO lines.
 */
public record UnitCut(String visitId, String code, int units, int assistantUnits) {
    public UnitCut {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(code, "code");
        if (assistantUnits < -1) {
            throw new IllegalArgumentException("assistantUnits: a count or -1, got " + assistantUnits);
        }
        if (units < 0 || units == 0 && assistantUnits < 0) {
            throw new IllegalArgumentException("a cut takes at least one unit or says how many carry CQ/CO, got "
                    + units);
        }
    }

    /** A cut off the code's full-rate lines first (not known how many of its units carry CQ/CO after it). */
    public UnitCut(String visitId, String code, int units) {
        this(visitId, code, units, -1);
    }

    /**
     * The cuts of {@code take} units off the 97129/97130 pair, which bills {@code units} before them (with no count
     * of CQ/CO units), added to {@code out}: the pair's claim bills the first unit on 97129 and the rest on 97130,
     * never 97130 alone ({@link Cognitive}), so they come off 97130 first, then 97129.
     */
    static void offCognitivePair(String visitId, int units, int take, java.util.List<UnitCut> out) {
        int addOn = Math.min(take, Cognitive.addOnUnits(units));
        if (addOn > 0) {
            out.add(new UnitCut(visitId, Cognitive.ADD_ON, addOn));
        }
        if (take > addOn) {
            out.add(new UnitCut(visitId, Cognitive.BASE, take - addOn));
        }
    }
}
