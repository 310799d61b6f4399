package org.minutewise.core.check.rules.doc;

import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;

/**
 * Timed codes billed, and the visit does not document the total treatment time. Medicare requires both the
 * total timed code minutes (here, the sum of the timed lines) and the total treatment time in the treatment note.
 */
public final class TotalTreatmentTimeMissing implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-D011", Severity.WARN,
            "Total treatment time not documented",
            "Document the total treatment time in minutes (timed plus untimed services, without rests or "
                    + "set-up) next to the total timed minutes.",
            "CMS Pub 100-02 ch. 15 §220.3 E (treatment notes: total timed code treatment minutes and total "
                    + "treatment time)", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-06: not when the note states the total treatment time in its words ('total tx "
                    + "time 25 min'), which MW-D020 compares with the minutes billed (a review: the note said it, "
                    + "and the finding said it was not documented)")
            .revised(3, "2026-12-06: the total treatment time in words may end in a curly apostrophe or \"minute\" "
                    + "(\"Total tx time 40\u2019\", \"35min total treatment time\"): one definition of a minute unit "
                    + "with MW-D014 to MW-D016")
            .revised(4, "2026-12-07: the total treatment time as EMRs and therapists also write it: a field without "
                    + "a unit (\"Total treatment time: 38\"), \"TTT: 38 min\", a clock range (\"9:00 to 9:38\"), a "
                    + "sum (\"23 + 15 = 38 min\"), hours (\"1 hour\"), a parenthesis between (a review: each was "
                    + "said not to be documented)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        if (ctx.visit().totalTreatmentMinutes().isPresent() || ctx.units().timedUnits() == 0) {
            return;
        }
        // Stated in the note's words ("total tx time 25 min"): documented, if not in the field (MW-D020 compares it).
        if (DocSupport.statedTotalTreatment(ctx).isPresent()) {
            return;
        }
        out.add(INFO.finding("totalTreatmentMinutes", "The visit bills " + ctx.units().timedUnits()
                + " timed " + (ctx.units().timedUnits() == 1 ? "unit" : "units") + " from "
                + ctx.units().totalTimedMinutes() + " timed minutes but does not document the total treatment "
                + "time. " + (ctx.payer().isMedicare() ? "Medicare requires" : "Medicare, whose documentation "
                + "standard reviewers apply, requires") + " the treatment note to show both the total timed code minutes and the "
                + "total treatment time, and the billed units to be consistent with them."));
    }
}
