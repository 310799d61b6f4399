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
 * Several one-on-one timed codes billed, and the note states fewer goals or purposes than there are codes.
 * A heuristic (a count of goal and purpose phrases, not an understanding of them), hence info.
 */
public final class NoDistinctGoals implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-D010", Severity.INFO,
            "Several timed codes without distinct goals",
            "Give each billed code its own purpose in the note, e.g. \"97112: perturbation training to reduce "
                    + "fall risk\"; \"97110: hip abductor strengthening to improve stance stability\".",
            "RULES.md §7; CMS Pub 100-02 ch. 15 §220.3", Citations.BENEFIT_MANUAL_CH15);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        if (!DocSupport.enabled(ctx) || !DocSupport.hasList(ctx, PhraseLists.GOAL)
                || DocSupport.note(ctx).isEmpty()) {
            return;
        }
        List<String> codes = DocSupport.oneOnOneCodes(ctx);
        // 97129 and 97130 are one service (the first 15 minutes and the rest): one purpose between them.
        int services = codes.size() - (codes.contains(org.minutewise.core.units.Cognitive.BASE)
                && codes.contains(org.minutewise.core.units.Cognitive.ADD_ON) ? 1 : 0);
        if (services < 2) {
            return;
        }
        int goals = DocSupport.scan(ctx).count(PhraseLists.GOAL);
        if (goals >= services) {
            return;
        }
        out.add(INFO.finding("note", services + (services == codes.size() ? " timed codes are billed ("
                : " timed services are billed (97129 and 97130 are one; ") + DocSupport.codesText(codes)
                + "), but the note states a goal or purpose " + (goals == 0 ? "nowhere" : goals == 1 ? "once"
                : goals + " times") + ". When several codes are billed the same day, each needs a purpose of its "
                + "own; without one, reviewers treat the services as duplicates of each other."));
    }
}
