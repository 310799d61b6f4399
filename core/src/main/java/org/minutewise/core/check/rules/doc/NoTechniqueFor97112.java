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
 * 97112 billed, and the note names no neuromuscular reeducation technique, or names one only as not done
 * ("Deferred: perturbation training", "gaze stabilization held today": {@link ServiceNotInNote#notDone}).
 */
public final class NoTechniqueFor97112 implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-D005", Severity.WARN,
            "97112 without a named technique",
            "Name what was done in the 97112 minutes, e.g. \"perturbation training in tandem stance\", \"PNF D2 "
                    + "patterns for trunk control\", \"gaze stabilization x1 viewing\".",
            "RULES.md §7; CMS Pub 100-02 ch. 15 §220.3", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-06: more techniques named as therapists write them: tandem walk, gait with head "
                    + "turns, foam stance, reactive balance training, step strategy, figure-8 walking, braiding, "
                    + "obstacle negotiation, 180/360 degree turns (a therapist's review; phrase list 2026.10)")
            .revised(3, "2026-12-06: clear misspellings of techniques count (\"perterbation trng\", \"pertubations\", "
                    + "\"propriocpetive training\", \"propioceptive retraining\"), and \"gaze stabilisation\" "
                    + "(a therapist's review; phrase list 2026.11)")
            .revised(4, "2026-12-07: trunk and sitting balance work counts (\"sitting balance on ball w/ lateral "
                    + "reaches outside BOS\"; a documentation review; phrase list 2026.16)")
            .revised(5, "2026-12-07: a technique the note names only as not done is none (\"Deferred: perturbation "
                    + "training\", \"Held: PNF, gaze stabilization\"; as MW-D019 reads a service), and the message "
                    + "quotes it (phrase list 2026.19)")
            .revised(6, "2026-12-07: a heading that ends its line covers the bulleted lines below it, each bullet "
                    + "to the end of its clause, as a heading covers the list on its line (\"Held:\\n- perturbation "
                    + "training\\n- gaze stabilization\" named them as done; the heading covered nothing, its "
                    + "clause ending at the line break); a blank line or a line that is no bullet ends the list: "
                    + "\"Held:\\n\\nTandem walk x4\" still names one");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        int line = DocSupport.first97112WithoutDone(ctx, PhraseLists.TECHNIQUE);
        if (line < 0) {
            return;
        }
        String notDone = DocSupport.onlyNotDone(DocSupport.scan(ctx), PhraseLists.TECHNIQUE);
        out.add(INFO.finding(CheckContext.path(line), "97112 (neuromuscular reeducation) is billed, but the note "
                + "names no neuromuscular reeducation technique (such as PNF, perturbation training, gaze "
                + "stabilization, NDT, proprioceptive retraining or weight shifting)"
                + (notDone == null ? "" : " but as not done: " + notDone) + ". Without the technique the "
                + "97112 minutes cannot be told apart from therapeutic exercise."));
    }
}
