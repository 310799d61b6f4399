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
 * One-on-one timed codes billed, and the note shows no skilled input from the clinician: no cues, facilitation,
 * guarding, hands-on technique or progression. A cue phrase inside a no-cue phrase ("without cues") does not
 * count, nor one the sentence negates ("no VC or TC needed", "did not require assistance or guarding", "w/o
 * assist"). The check reads the whole note; it cannot tell which passage belongs to which code.
 */
public final class NoSkilledInput implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-D007", Severity.WARN,
            "No skilled cues, facilitation or guarding documented",
            "Describe the clinician's skilled input during the timed minutes: the cues given (verbal, tactile, "
                    + "visual) and what they corrected, manual facilitation, contact guarding, and how the task "
                    + "was progressed or graded.",
            "CMS Pub 100-02 ch. 15 §220.2-220.3; CMS Pub 100-04 ch. 5 §20.2", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-05: untimed treatment (92507, 92526, group therapy) needs skilled input too")
            .revised(3, "2026-12-06: cues, assistance or guarding the note negates (\"no VC or TC needed\", \"did "
                    + "not require assistance or guarding\", \"w/o assist\") are no skilled input")
            .revised(4, "2026-12-06: nor are cues, assistance or guarding a template field states as absent (\"Cues: "
                    + "none\", \"Cueing: N/A\", \"Assist - none\"); a negation reaches eight words in its clause "
                    + "(\"did not require any type of verbal or tactile cueing\"), not past \"but\" or \"however\"")
            .revised(5, "2026-12-06: nor is a template field's label (\"Assist\") whose value is a level at or above "
                    + "standby (\"Assist: Independent\", \"Assist: Mod I\", \"Assist level: I\", \"Assist: SBA\"); "
                    + "\"Assist: min A\" or \"CGA\" stays skilled input (a therapist's review)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        if (!DocSupport.enabled(ctx) || !DocSupport.hasList(ctx, PhraseLists.SKILLED)
                || DocSupport.note(ctx).isEmpty()) {
            return;
        }
        List<Integer> lines = DocSupport.skilledTreatment(ctx);
        if (lines.isEmpty()
                || DocSupport.scan(ctx).anyOutside(PhraseLists.SKILLED, PhraseLists.NO_CUE)) {
            return;
        }
        String denied = DocSupport.negatedSentence(DocSupport.scan(ctx), PhraseLists.SKILLED);
        String negated = denied == null ? "" : " The skilled input it mentions is negated: " + denied + ".";
        if (DocSupport.oneOnOneTimed(ctx).isEmpty()) {
            // Untimed treatment only (92507, 92526, group therapy): skilled all the same.
            List<String> codes = DocSupport.skilledCodes(ctx);
            out.add(INFO.finding(CheckContext.path(lines.get(0)), DocSupport.codesText(codes) + (codes.size() == 1
                    ? " is" : " are") + " billed as skilled therapy, but the note describes no skilled input by the "
                    + "clinician: no cues, modeling, feedback, facilitation, hands-on technique or progression."
                    + negated + " Medicare pays for services that need a therapist's skill; a note that shows none "
                    + "reads as practice the patient could do alone."));
            return;
        }
        List<String> codes = DocSupport.oneOnOneCodes(ctx);
        out.add(INFO.finding(CheckContext.path(DocSupport.oneOnOneTimed(ctx).get(0)), DocSupport.codesText(codes)
                + (codes.size() == 1 ? " is billed as a one-on-one timed service" : " are billed as one-on-one "
                + "timed services") + ", but the note describes no skilled input by "
                + "the clinician: no cues, facilitation, guarding, hands-on technique or progression." + negated
                + " Timed codes pay for the clinician's direct skilled work; a note that shows none reads as "
                + "exercise the patient could do alone."));
    }
}
