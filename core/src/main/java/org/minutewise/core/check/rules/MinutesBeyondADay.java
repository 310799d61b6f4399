package org.minutewise.core.check.rules;

import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.codes.CodeInfo;
import org.minutewise.core.model.ServiceLine;

/**
 * The timed services of one visit add up to more minutes than a day has (1,440): a minute belongs to one code
 * (RULES.md §2), so at least one line's minutes are wrong, most likely a typo (1000 for 10). Each line alone is
 * within a day (the inputs refuse more), and `units` refuses such a sum; a visit turned it into dozens of units on a
 * clean claim. Blocks: no claim should go out until the minutes are corrected.
 */
public final class MinutesBeyondADay implements Rule {
    /** The minutes of a day (the most a line may hold: {@link org.minutewise.core.model.Visit#MAX_MINUTES}). */
    public static final int DAY = org.minutewise.core.model.Visit.MAX_MINUTES;

    public static final RuleInfo INFO = new RuleInfo("MW-U008", Severity.BLOCK,
            "More timed minutes than a day has",
            "Correct the minutes of the timed services (a typo such as 1000 for 10 is the usual cause): a day has "
                    + "1,440 minutes and each belongs to one code.",
            "CMS Pub 100-04 ch. 5 §20.2 (timed minutes to units); NCCI Policy Manual ch. XI §P (a minute is "
                    + "reported under one code); RULES.md §2", Citations.CLAIMS_MANUAL_CH5);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        List<ServiceLine> services = ctx.visit().services();
        long total = 0;
        int largest = -1;
        for (int i = 0; i < services.size(); i++) {
            CodeInfo info = ctx.codeAt(i);
            if (info == null || !info.timed()) {
                continue;
            }
            int m = services.get(i).minutes();
            total += m;
            // The largest line; of equal ones the first code in order, so the finding does not depend on the order
            // the lines came in.
            if (largest < 0 || m > services.get(largest).minutes() || m == services.get(largest).minutes()
                    && services.get(i).code().compareTo(services.get(largest).code()) < 0) {
                largest = i;
            }
        }
        if (total > DAY) {
            ServiceLine big = services.get(largest);
            out.add(INFO.finding(CheckContext.path(largest) + ".minutes", "The timed services add up to " + total
                    + " minutes, more than a day has (1,440); a minute belongs to one code, so some minutes are "
                    + "wrong. The largest is " + big.code() + " with " + big.minutes() + " minutes: check it first. "
                    + "The units counted from these minutes are not billable until the minutes are corrected."));
        }
    }
}
