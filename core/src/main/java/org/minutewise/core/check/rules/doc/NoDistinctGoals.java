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
            "RULES.md §7; CMS Pub 100-02 ch. 15 §220.3", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-07: a goal label (\"Goals:\", \"STG –\") counts the clauses after it that ';' "
                    + "separates, one goal each (\"Goals: 97535 indep LB dressing; 97530 stand 5 min at sink.\" is two; "
                    + "a billing review), and ':' or an en dash ends the label, as the other goal checks read one");

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
        int goals = goals(DocSupport.scan(ctx));
        if (goals >= services) {
            return;
        }
        out.add(INFO.finding("note", services + (services == codes.size() ? " timed codes are billed ("
                : " timed services are billed (97129 and 97130 are one; ") + DocSupport.codesText(codes)
                + "), but the note states a goal or purpose " + (goals == 0 ? "nowhere" : goals == 1 ? "once"
                : goals + " times") + ". When several codes are billed the same day, each needs a purpose of its "
                + "own; without one, reviewers treat the services as duplicates of each other."));
    }

    /**
     * The goals or purposes the note states: each phrase of {@code [goal]}, except that a label ("Goals:", "STG:",
     * "STG –") counts the clauses after it that ';' separates, to the end of its sentence ("Goals: 97535 indep LB
     * dressing; 97530 stand 5 min at sink." is two goals, a billing review), and the goal phrases inside them are not
     * counted again.
     */
    static int goals(org.minutewise.core.doc.NoteScan scan) {
        String text = scan.text();
        int goals = 0;
        int coveredTo = -1;
        for (org.minutewise.core.doc.PhraseMatch m : scan.matches(PhraseLists.GOAL)) {
            if (m.start() < coveredTo) {
                continue;
            }
            int k = m.end();
            while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) {
                k++;
            }
            // A goal label's separator, as the other goal checks read one: ':' or an en dash.
            if (k < text.length() && Labels.GOAL.separator(text.charAt(k))) {
                int clauses = 0;
                int from = k + 1;
                while (true) {
                    int end = scan.sentenceEnd(from);
                    for (int c = from; c < end; c++) {
                        if (Character.isLetterOrDigit(text.charAt(c))) {
                            clauses++;
                            break;
                        }
                    }
                    coveredTo = end;
                    if (end > from && end < text.length() && text.charAt(end - 1) == ';') {
                        from = end;
                    } else {
                        break;
                    }
                }
                goals += Math.max(1, clauses);
            } else {
                goals++;
            }
        }
        return goals;
    }
}
