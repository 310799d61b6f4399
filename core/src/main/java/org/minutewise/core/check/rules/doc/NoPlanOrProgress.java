package org.minutewise.core.check.rules.doc;

import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.doc.PhraseLists;

/** Treatment billed, and the note says nothing of plan, goals or progress. Info. */
public final class NoPlanOrProgress implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-D009", Severity.INFO,
            "No plan or progress documented",
            "Say where the treatment goes next and how the patient stands against the goals, e.g. \"progress to "
                    + "compliant surface next session; goal Berg 45/56 by week 6\".",
            "RULES.md §7; CMS Pub 100-02 ch. 15 §220.1-220.3", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-05: also for untimed treatment (92507, 92526, group therapy)")
            .revised(3, "2026-12-06: a labelled plan with content (\"P: cont, add 6 in step.\") is a plan");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        if (!DocSupport.enabled(ctx) || !DocSupport.hasList(ctx, PhraseLists.PLAN)
                || DocSupport.note(ctx).isEmpty()) {
            return;
        }
        List<Integer> lines = DocSupport.skilledTreatment(ctx);
        if (lines.isEmpty() || DocSupport.scan(ctx).has(PhraseLists.PLAN)
                || Labels.labelledWithContent(DocSupport.scan(ctx).text(), Labels.PLAN)) {
            return; // "P: cont, add EC.": a plan in the note's own words
        }
        out.add(INFO.finding("note", "The note says nothing of the plan or of progress toward goals. Continued "
                + "therapy is paid while the record shows progress and a plan; a note without them gives a "
                + "reviewer no reason to expect the next visit to differ from this one."));
    }
}
