package org.minutewise.core.check.rules;

import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.model.ServiceLine;

/** A stated minute count that does not match the line's own start and end times. */
public final class MinutesDisagreeWithPeriods implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-U002", Severity.WARN,
            "Stated minutes disagree with the documented times",
            "Correct the note so the minutes and the start and end times agree; billed units must follow the "
                    + "documented minutes.",
            "CMS Pub 100-02 ch. 15 §220.3 (documentation of treatment time)", Citations.BENEFIT_MANUAL_CH15);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        List<ServiceLine> services = ctx.visit().services();
        for (int i = 0; i < services.size(); i++) {
            ServiceLine line = services.get(i);
            if (line.periods().isEmpty() || line.statedMinutes().isEmpty()) {
                continue;
            }
            int stated = line.statedMinutes().getAsInt();
            int fromPeriods = line.periodMinutes();
            if (stated != fromPeriods) {
                out.add(INFO.finding(CheckContext.path(i) + ".minutes", line.code() + " states " + stated
                        + " minutes, but its documented times " + periodsText(line) + " add up to " + fromPeriods
                        + " minutes. Minutewise counts the " + fromPeriods + " minutes from the times."));
            }
        }
    }

    static String periodsText(ServiceLine line) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < line.periods().size(); k++) {
            if (k > 0) {
                sb.append(", ");
            }
            sb.append(line.periods().get(k));
        }
        return sb.toString();
    }
}
