package org.minutewise.core.check.rules.doc;

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
 * A timed line without start and end times, for a payer whose profile requires them. Medicare does not require
 * start and end times (only total timed minutes and total treatment time); some payers do (RULES.md §2).
 */
public final class StartEndTimesMissing implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-D013", Severity.WARN,
            "Start and end times missing for a payer that requires them",
            "Document the clock start and end time of each timed service (e.g. 09:00-09:24) for this payer.",
            "Payer profile (requiresStartStopTimes); RULES.md §2. Not a Medicare requirement: CMS Pub 100-02 "
                    + "ch. 15 §220.3 E", Citations.MINUTEWISE);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        if (!ctx.payer().requiresStartStopTimes()) {
            return;
        }
        List<ServiceLine> s = ctx.visit().services();
        for (int i = 0; i < s.size(); i++) {
            ServiceLine line = s.get(i);
            CodeInfo info = ctx.codeAt(i);
            if (info == null || !info.timed() || !line.periods().isEmpty()) {
                continue;
            }
            out.add(INFO.finding(CheckContext.path(i) + ".periods", ctx.payer().name() + " requires start and end "
                    + "times for each timed service, but " + line.code() + " (" + line.minutes() + " min) has "
                    + "none. The payer may deny the line as undocumented."));
        }
    }
}
