package org.minutewise.core.check.rules.doc;

import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.doc.PhraseLists;

/**
 * 97112 billed, and the note records no objective balance or coordination measure. Info: measures are expected
 * "where available", not in every note (RULES.md §7).
 */
public final class NoMeasureFor97112 implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-D006", Severity.INFO,
            "97112 without an objective measure",
            "Record a measure when one is taken, e.g. \"Berg 41/56\", \"TUG 14 s\", \"single-leg stance 6 s on "
                    + "the left\"; at least in progress notes.",
            "RULES.md §7; CMS Pub 100-02 ch. 15 §220.3", Citations.BENEFIT_MANUAL_CH15);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        int line = DocSupport.first97112Without(ctx, PhraseLists.MEASURE);
        if (line < 0) {
            return;
        }
        out.add(INFO.finding(CheckContext.path(line), "97112 is billed, but the note records no objective balance "
                + "or coordination measure (such as Berg, Tinetti, TUG, single-leg stance time, Romberg, DGI). "
                + "Measures are not required in every note, but they are the plainest evidence of the deficit "
                + "and of progress."));
    }
}
