package org.minutewise.core.check.rules.doc;

import java.util.List;
import org.minutewise.core.check.CheckContext;
import org.minutewise.core.check.Citations;
import org.minutewise.core.check.Finding;
import org.minutewise.core.check.Rule;
import org.minutewise.core.check.RuleInfo;
import org.minutewise.core.check.Severity;
import org.minutewise.core.doc.NoteScan;
import org.minutewise.core.doc.PhraseLists;
import org.minutewise.core.doc.PhraseMatch;

/**
 * One-on-one timed codes billed, and the note shows no skilled input from the clinician: no cues, facilitation,
 * guarding, hands-on technique or progression. A cue phrase inside a no-cue phrase ("without cues") does not
 * count, nor one the sentence negates ("no VC or TC needed", "did not require assistance or guarding", "w/o
 * assist").
 *
 * <p>A note written in sections, one per billed code ("Neuromuscular reeducation 24 min: ... Therapeutic exercise 23
 * min: ..."; {@link DocSupport#passages}), is read code by code: each one-on-one timed code whose own passage shows no
 * skilled input gets a finding that names the code and quotes its passage, though another code's passage shows cues
 * ("TE 23 min: pt exercised on bike and did hip abductor strengthening 3x10" beside "NMR 24 min: ... TC at pelvis").
 * A code without a heading of its own, and a note without sections, are judged on the whole note; manual therapy
 * (97140) and massage (97124) are the clinician's hands-on technique, their passages not judged apart. The limit: a cue
 * written once for the whole session before the sections ("VC and CGA throughout all interventions") covers none of
 * them.
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
                    + "\"Assist: min A\" or \"CGA\" stays skilled input (a therapist's review)")
            .revised(6, "2026-12-07: a note in sections, one per billed code (\"NMR 24 min: ... TE 23 min: ...\", "
                    + "\"97110: ...\"), is read code by code: a timed code whose own passage shows no skilled input "
                    + "gets a finding that names it and quotes the passage, though another code's passage shows cues; "
                    + "a note without sections is judged as a whole, and manual therapy (97140) or massage (97124), "
                    + "hands-on by what it names, is not judged apart (a reviewer's case); perturbations the "
                    + "clinician gives (\"SLS with perturbations\") are skilled input (phrase list 2026.17)")
            .revised(7, "2026-12-07: nor are cues or guarding listed after a deferral that heads the list, to the end "
                    + "of its clause (\"Held: perturbations w/ TC at pelvis and CGA.\"): they were not given "
                    + "(phrase list 2026.19)")
            .revised(8, "2026-12-07: a heading that ends its line covers the bulleted lines below it, each bullet "
                    + "to the end of its clause, as a heading covers the list on its line (\"Held:\\n- "
                    + "perturbations w/ TC at pelvis\\n- CGA\" gave the cues; the heading covered nothing, its "
                    + "clause ending at the line break); a blank line or a line that is no bullet ends the list: "
                    + "\"Held:\\n- perturbations\\nVC and CGA\" still gives them");

    /**
     * The codes whose passage is the clinician's hands-on technique by what it names (97140 manual therapy, 97124
     * massage): "posterior GH glides, thoracic extension mobs" is the skilled input, with no cue.
     */
    private static final java.util.Set<String> HANDS_ON = java.util.Set.of("97140", "97124");

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
        if (lines.isEmpty()) {
            return;
        }
        if (DocSupport.scan(ctx).anyOutside(PhraseLists.SKILLED, PhraseLists.NO_CUE)) {
            passages(ctx, out); // skilled input somewhere: each timed code's own passage, where the note has them
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

    /**
     * The one-on-one timed codes whose own passage of a note in sections shows no skilled input, one finding each (its
     * path the code's first line): another code's cues do not cover it.
     */
    private static void passages(CheckContext ctx, List<Finding> out) {
        java.util.Map<String, List<int[]>> passages = DocSupport.passages(ctx);
        if (passages.isEmpty() || DocSupport.oneOnOneTimed(ctx).isEmpty()) {
            return;
        }
        NoteScan scan = DocSupport.scan(ctx);
        String text = scan.text();
        java.util.Set<String> done = new java.util.HashSet<>();
        for (int line : DocSupport.oneOnOneTimed(ctx)) {
            String code = ctx.visit().services().get(line).code();
            String listed = passages.containsKey(code) ? code
                    : org.minutewise.core.units.Cognitive.sameService(code, org.minutewise.core.units.Cognitive.BASE)
                    ? org.minutewise.core.units.Cognitive.BASE : code;
            List<int[]> spans = passages.get(listed);
            if (spans == null || HANDS_ON.contains(listed) || !done.add(listed)) {
                // No heading of its own: judged with the whole note, which shows skilled input. Manual therapy and
                // massage are the clinician's hands-on technique: "Manual 8 min: C5-T4 PA mobs grade III" is it.
                continue;
            }
            String negated = null;
            boolean skilled = false;
            for (int[] p : spans) {
                if (scan.anyWithin(PhraseLists.SKILLED, p[0], p[1], PhraseLists.NO_CUE)) {
                    skilled = true;
                    break;
                }
                if (negated == null) {
                    negated = negatedWithin(scan, p[0], p[1]);
                }
            }
            if (skilled) {
                continue;
            }
            int start = spans.get(0)[0];
            int end = DocSupport.trimEnd(text, start, spans.get(0)[1]);
            String path = DocSupport.notePath(start, end);
            out.add(INFO.finding(CheckContext.path(line), code + " is billed as a one-on-one timed service, but its "
                    + "passage of the note, " + DocSupport.quote(text, start, end) + " (" + path + ")"
                    + (spans.size() > 1 ? " and the " + (spans.size() - 1) + " more headed " + listed : "")
                    + ", describes no skilled input by the clinician: no cues, facilitation, guarding, hands-on "
                    + "technique or progression." + (negated == null ? "" : " The skilled input it mentions is "
                    + "negated: " + negated + ".") + " The skilled input the note describes lies outside it; each "
                    + "timed code pays for the clinician's direct skilled work in its own minutes, and a passage that "
                    + "shows none reads as exercise the patient could do alone."));
        }
    }

    /** The first skilled input negated within {@code [from, to)}, quoted with its span; or null. */
    private static String negatedWithin(NoteScan scan, int from, int to) {
        for (PhraseMatch m : scan.negated(PhraseLists.SKILLED)) {
            if (m.start() >= from && m.end() <= to) {
                return DocSupport.quote(scan.text(), m.start(), m.end()) + " (" + DocSupport.notePath(m.start(),
                        m.end()) + ")";
            }
        }
        return null;
    }
}
