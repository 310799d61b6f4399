package org.minutewise.core.check.rules;

import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.model.Discipline;
import org.minutewise.core.model.ServiceLine;
import org.minutewise.core.units.Cognitive;

/**
 * One code (or the 97129/97130 pair) documented under two disciplines' plans of care on one visit: each discipline's
 * timed minutes are counted and billed on their own (RULES.md §3.1, §4), but a visit's claim has one line per code,
 * so Minutewise counts the code under its first line's discipline and cannot bill the other's minutes apart.
 */
public final class CodeUnderTwoDisciplines implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-U006", Severity.BLOCK,
            "One code under two disciplines' plans of care on one visit",
            "Enter each discipline's services as a visit of its own (a PT visit and an OT visit the same day), so "
                    + "each discipline's minutes are counted and billed under its own plan of care and modifier.",
            "CMS Pub 100-04 ch. 5 §20.1 (GP/GO/GN by plan of care), §20.2 (timed minutes to units); RULES.md §3.1, §4",
            Citations.CLAIMS_MANUAL_CH5);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        if (!ctx.visit().severalDisciplines()) {
            return; // the usual visit: one discipline
        }
        List<ServiceLine> s = ctx.visit().services();
        java.util.Set<String> said = null;
        for (int i = 1; i < s.size(); i++) {
            Discipline d = ctx.visit().disciplineOf(s.get(i));
            for (int j = 0; j < i; j++) {
                if (Cognitive.sameService(s.get(j).code(), s.get(i).code())
                        && ctx.visit().disciplineOf(s.get(j)) != d) {
                    String code = Cognitive.isPair(s.get(i).code()) ? Cognitive.BASE + "/" + Cognitive.ADD_ON
                            : s.get(i).code();
                    said = said == null ? new java.util.HashSet<>(2) : said;
                    if (said.add(code)) {
                        Discipline first = ctx.visit().disciplineOf(s.get(j));
                        out.add(INFO.finding(CheckContext.path(i), code + " is documented under the "
                                + first.label() + " plan of care (" + CheckContext.path(j) + ") and the " + d.label()
                                + " plan (" + CheckContext.path(i) + ") on one visit. Each discipline's minutes make "
                                + "units of their own, billed with its own modifier; this visit's claim counts "
                                + code + " under " + first.modifier() + " only."));
                    }
                    break;
                }
            }
        }
    }
}
