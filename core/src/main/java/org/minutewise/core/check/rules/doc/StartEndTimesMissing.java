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
import org.minutewise.core.units.UnitMethod;

/**
 * A timed line without start and end times, for a payer whose profile requires them. Medicare does not require
 * start and end times (only total timed minutes and total treatment time); some payers do (RULES.md §2).
 */
public final class StartEndTimesMissing implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-D013", Severity.WARN,
            "Start and end times missing for a payer that requires them",
            "Document the clock start and end time of each timed service (e.g. 09:00-09:24) for this payer.",
            "Payer profile (requiresStartStopTimes); RULES.md §2. Not a Medicare requirement: CMS Pub 100-02 "
                    + "ch. 15 §220.3 E", Citations.MINUTEWISE)
            .revised(2, "2026-12-07: a timed code that puts no line on the claim (0 units, a payer that sends no "
                    + "0-unit lines) is not said to risk its line: by the CPT method it gets no finding, by the CMS "
                    + "method the finding says its minutes count in the visit's total");

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
            String what = ctx.payer().name() + " requires start and end times for each timed service, but "
                    + line.code() + " (" + line.minutes() + " min) has none.";
            if (ctx.units().unitsOf(line.code()) > 0 || ctx.payer().sendZeroUnitLines()) {
                out.add(INFO.finding(CheckContext.path(i) + ".periods", what
                        + " The payer may deny the line as undocumented."));
            } else if (ctx.units().method() == UnitMethod.CMS) {
                // No line of its own, but its minutes are in the total the other lines' units rest on.
                out.add(INFO.finding(CheckContext.path(i) + ".periods", what + " It puts no line on the claim, "
                        + "but its minutes count in the visit's total timed minutes, which the other lines' units "
                        + "rest on: the payer may not count minutes without their times."));
            }
            // By the CPT method a code of 0 units sent no line and its minutes count toward nothing: no finding.
        }
    }
}
