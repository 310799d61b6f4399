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
 * 97112 billed, and the note does not say what function the deficit limits; a function the note negates ("no
 * falls", "Gait: WNL") is none (the note scan leaves it out). Info, not warn: Medicare does not
 * require a daily treatment note to restate medical necessity (the plan of care and progress reports carry it),
 * but the link to function is what a reviewer looks for first.
 */
public final class NoFunctionFor97112 implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-D003", Severity.INFO,
            "97112 without the function the deficit limits",
            "Tie the deficit to function, e.g. \"two falls this month\", \"unsafe sit-to-stand transfers\", "
                    + "\"cannot stand at the sink to groom\".",
            "RULES.md §7; CMS Pub 100-02 ch. 15 §220.3", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-06: a function the note negates (\"denies LOB, no falls\", \"no fall hx\", "
                    + "\"Falls: none\", \"Gait: WNL\") is no function the deficit limits; \"no longer driving\" "
                    + "still is (a therapist's review)")
            .revised(3, "2026-12-07: \"shower\" names a function (\"no longer able to shower standing\"; a "
                    + "documentation review; phrase list 2026.16)")
            .revised(4, "2026-12-07: nor is a function the note defers (\"stairs deferred\", \"Transfers: NT\"), "
                    + "each bare item of the list a deferral ends (\"stairs, curbs and transfers deferred today\"; "
                    + "phrase list 2026.17)")
            .revised(5, "2026-12-07: nor a function listed after a deferral that heads the list, to the end of its "
                    + "clause (\"Deferred: stairs, curbs and transfers.\", \"Held: stairs, transfers d/t BP\"); "
                    + "\"Deferred: stairs. Unsafe sit to stand transfers\" still states one (phrase list 2026.19)")
            .revised(6, "2026-12-07: a heading that ends its line covers the bulleted lines below it, each bullet "
                    + "to the end of its clause, as a heading covers the list on its line (\"Deferred:\\n- "
                    + "stairs\\n- transfers\" stated a function; the heading covered nothing, its clause ending at "
                    + "the line break); a blank line or a line that is no bullet ends the list: "
                    + "\"Deferred:\\n\\nUnsafe transfers\" still states one");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        int line = DocSupport.first97112Without(ctx, PhraseLists.FUNCTION);
        if (line < 0) {
            return;
        }
        String denied = DocSupport.negatedSentence(DocSupport.scan(ctx), PhraseLists.FUNCTION);
        out.add(INFO.finding(CheckContext.path(line), "97112 is billed, but the note does not say what function "
                + "the neuromuscular deficit limits (falls or fall risk, transfers, gait, stairs, daily "
                + "activities)" + (denied == null ? "" : ", but as unaffected, " + denied) + ". The link between "
                + "the deficit and function is what shows the need for skilled neuromuscular reeducation."));
    }
}
