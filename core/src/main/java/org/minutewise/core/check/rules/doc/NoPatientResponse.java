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
 * Treatment billed, and the note records no response of the patient. Info: an expectation, not a CMS element. A
 * measured change is a response ({@link MeasuredChange}: "2 sequencing errors (was 5)", "flexion 140 to 155 degrees",
 * "patient now ascends stairs step-over-step"), as is a labelled one ("Response: ...") or a response phrase.
 */
public final class NoPatientResponse implements Rule {
    public static final RuleInfo INFO = new RuleInfo("MW-D008", Severity.INFO,
            "No patient response documented",
            "Record how the patient responded, e.g. \"needed fewer cues by the third set\", \"loss of balance "
                    + "reduced from 5 to 2 per trial\", \"dizziness 3/10, resolved in 1 min\".",
            "RULES.md §7; CMS Pub 100-02 ch. 15 §220.3", Citations.BENEFIT_MANUAL_CH15)
            .revised(2, "2026-12-05: also for untimed treatment (92507, 92526, group therapy)")
            .revised(3, "2026-12-06: a labelled response with content (\"Response: held cond 4 15 s by end.\") is a "
                    + "response; \"tolerated tx w/o c/o\" is a vague response (MW-D014), as \"tolerated well\" is")
            .revised(4, "2026-12-07: a measured change is a response: a value with its earlier one (\"2 sequencing "
                    + "errors (was 5)\", \"Berg 42/56 (was 40)\"), \"from X to Y\", \"140 to 155 degrees\", \"8 -> 4 "
                    + "deg\", a new skill (\"patient now ascends stairs step-over-step\"), \"5/6 answered accurately\"; "
                    + "not a date, a time, a dose or a count of visits or minutes (a billing expert's review; phrase "
                    + "list 2026.12)")
            .revised(5, "2026-12-07: an arrow after a measure is a measured change without a unit (\"Berg 40 -> 44\", "
                    + "\"TUG 14.2 \u2192 11.8\"), as is a value with its side in parentheses or its unit written on it "
                    + "(\"SLS (R) 12s (was 7)\", \"SLS 12 s (R) (was 7)\"); a goal is none: a range (\"Berg 45-50/56 in 4 "
                    + "wk\"), a value with its time frame (\"110 to 120 deg in 4 wk\") or a goal's label (\"Goal: TUG "
                    + "10-12 s\", \"LTG: flexion 110 to 120 deg\")")
            .revised(6, "2026-12-07: a Parkinson note's count of freezing episodes is a measure whose change is a "
                    + "response (\"Freezing episodes 4 -> 1\"; a documentation review; phrase list 2026.16)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(CheckContext ctx, List<Finding> out) {
        if (!DocSupport.enabled(ctx) || !DocSupport.hasList(ctx, PhraseLists.RESPONSE)
                || DocSupport.note(ctx).isEmpty()) {
            return;
        }
        List<Integer> lines = DocSupport.skilledTreatment(ctx);
        // A bare "tolerated well" is a response, if a vague one: MW-D014 reports it with its span.
        if (lines.isEmpty() || DocSupport.scan(ctx).has(PhraseLists.RESPONSE)
                || DocSupport.scan(ctx).has(PhraseLists.VAGUE_RESPONSE)
                || Labels.labelledWithContent(DocSupport.scan(ctx).text(), Labels.RESPONSE)
                || MeasuredChange.any(DocSupport.scan(ctx))) {
            return; // "Response: decreased trunk lean w/ cues.", "2 sequencing errors (was 5)": a response
        }
        out.add(INFO.finding("note", "The note does not record the patient's response to "
                + DocSupport.codesText(DocSupport.skilledCodes(ctx)) + " (how the patient performed, what changed, "
                + "symptoms). Reviewers look for the response to see that skilled care is changing the outcome."));
    }
}
