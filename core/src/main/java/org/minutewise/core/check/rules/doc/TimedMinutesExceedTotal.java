package org.minutewise.core.check.rules.doc;

import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;

/**
 * The timed minutes add up to more than the documented total treatment time. Total treatment time includes
 * every timed and untimed minute, so the record contradicts itself: some of the minutes the timed units rest on
 * did not happen, or the total is wrong. Block, like the same minute billed twice (MW-U003): units resting on
 * minutes the record cannot contain are not supported, and which number is wrong only the clinic can say.
 */
public final class TimedMinutesExceedTotal implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-D012", Severity.BLOCK,
            "Timed minutes exceed the total treatment time",
            "Correct whichever is wrong: the minutes of the timed services, or the total treatment time (which "
                    + "must include every timed and untimed minute); then recompute the units.",
            "CMS Pub 100-02 ch. 15 §220.3 E; CMS Pub 100-04 ch. 5 §20.2", Citations.BENEFIT_MANUAL_CH15);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        if (ctx.visit().totalTreatmentMinutes().isEmpty()) {
            return;
        }
        int total = ctx.visit().totalTreatmentMinutes().getAsInt();
        int timed = ctx.units().totalTimedMinutes();
        if (timed <= total) {
            return;
        }
        out.add(INFO.finding("totalTreatmentMinutes", "The timed services add up to " + timed + " minutes, but the "
                + "total treatment time is " + total + " minutes. The total treatment time includes every timed "
                + "and untimed minute, so it cannot be less than the timed minutes; the " + ctx.units().timedUnits()
                + " timed " + (ctx.units().timedUnits() == 1 ? "unit rests" : "units rest") + " on minutes the "
                + "record does not support."));
    }
}
