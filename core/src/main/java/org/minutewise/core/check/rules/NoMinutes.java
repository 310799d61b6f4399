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
 * A timed code entered without minutes: it gets no units and silently drops off the claim, though the minutes were
 * most likely forgotten. A billed visit whose lines carry no minutes at all (an 837) is MW-B001's.
 */
public final class NoMinutes implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-U005", Severity.WARN,
            "A timed code documented without minutes",
            "Enter the minutes (or the start and end times) the code was furnished for, or remove the line if it "
                    + "was not furnished; a timed code without minutes gets no units.",
            "CMS Pub 100-02 ch. 15 §220.3 (documentation of treatment time for timed codes); RULES.md §2",
            Citations.BENEFIT_MANUAL_CH15);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        List<ServiceLine> services = ctx.visit().services();
        boolean billed = !ctx.visit().billed().isEmpty();
        java.util.Set<String> said = new java.util.HashSet<>(2);
        for (int i = 0; i < services.size(); i++) {
            ServiceLine l = services.get(i);
            CodeInfo info = ctx.codeAt(i);
            if (info == null || !info.timed() || l.minutes() > 0 || billed && !l.hasTime()) {
                continue;
            }
            // The code billed all the same (another line of it has minutes, or 97130 pooled with 97129's): a
            // line without minutes beside it is no forgotten service. Once per code.
            if (ctx.units().unitsOf(l.code()) > 0 || ctx.units().pooledAddOns().containsKey(l.code())
                    || ctx.units().pooledAddOns().containsValue(l.code()) || !said.add(l.code())) {
                continue;
            }
            out.add(INFO.finding(CheckContext.path(i) + ".minutes", l.code() + " has no minutes documented"
                    + (l.hasTime() ? " (0)" : "") + ": it gets no units and is left off the claim. If it was "
                    + "furnished, enter its minutes or its start and end times."));
        }
    }
}
